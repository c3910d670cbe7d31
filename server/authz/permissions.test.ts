import { describe, expect, it } from "vitest";
import type { Role } from "../domain/roles";
import type { Actor } from "./actor";
import { can, listRules } from "./permissions";

const actor = (role: Role, firm: Actor["firm"] = null, userId = "u-1"): Actor => ({
  userId,
  name: "A",
  email: "a@example.test",
  role,
  locale: null,
  firm,
  pendingFirmId: null,
});

const smeOwner = actor("sme", { id: "firm-a", kind: "sme", isOwner: true });
const smeMember = actor("sme", { id: "firm-a", kind: "sme", isOwner: false }, "u-2");
const otherSme = actor("sme", { id: "firm-b", kind: "sme", isOwner: true }, "u-3");
const buyer = actor("buyer", { id: "firm-c", kind: "buyer", isOwner: true }, "u-4");
const broker = actor("broker", null, "u-5");
const admin = actor("admin", null, "u-6");

describe("firm permissions", () => {
  it("lets every role read a firm's public profile", () => {
    for (const a of [smeOwner, otherSme, buyer, broker, admin]) expect(can(a, "firm", "readPublic")).toBe(true);
  });

  it("shows private fields only to the firm's members, its networks' brokers and admins", () => {
    const facts = { firmId: "firm-a", networkBrokerIds: ["u-5"] };
    expect(can(smeOwner, "firm", "readPrivate", facts)).toBe(true);
    expect(can(smeMember, "firm", "readPrivate", facts)).toBe(true);
    expect(can(otherSme, "firm", "readPrivate", facts)).toBe(false);
    expect(can(buyer, "firm", "readPrivate", facts)).toBe(false);
    expect(can(broker, "firm", "readPrivate", facts)).toBe(true);
    expect(can(broker, "firm", "readPrivate", { firmId: "firm-a", networkBrokerIds: [] })).toBe(false);
    expect(can(admin, "firm", "readPrivate", facts)).toBe(true);
  });

  it("lets only the firm's own members edit it, and brokers never", () => {
    expect(can(smeMember, "firm", "update", { firmId: "firm-a" })).toBe(true);
    expect(can(otherSme, "firm", "update", { firmId: "firm-a" })).toBe(false);
    expect(can(buyer, "firm", "update", { firmId: "firm-a" })).toBe(false);
    expect(can(broker, "firm", "update", { firmId: "firm-a", networkBrokerIds: ["u-5"] })).toBe(false);
  });

  it("lets only the owner decide requests to join", () => {
    expect(can(smeOwner, "firm", "decideMember", { firmId: "firm-a" })).toBe(true);
    expect(can(smeMember, "firm", "decideMember", { firmId: "firm-a" })).toBe(false);
    expect(can(otherSme, "firm", "decideMember", { firmId: "firm-a" })).toBe(false);
  });
});

describe("user and notification permissions", () => {
  it("lets only admins create and list accounts", () => {
    expect(can(admin, "user", "create")).toBe(true);
    for (const a of [smeOwner, buyer, broker]) {
      expect(can(a, "user", "create")).toBe(false);
      expect(can(a, "user", "list")).toBe(false);
    }
  });

  it("keeps notifications to their owner, admins included", () => {
    expect(can(smeOwner, "notification", "markRead", { userId: "u-1" })).toBe(true);
    expect(can(admin, "notification", "markRead", { userId: "u-1" })).toBe(false);
    expect(can(otherSme, "notification", "read", { userId: "u-1" })).toBe(false);
  });
});

describe("the rule table", () => {
  it("denies what it does not list", () => {
    const rules = listRules();
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.some((r) => r.entity === "firm" && r.action === "update" && r.role === "broker")).toBe(false);
  });

  it("never grants 'own' scope without facts to check it against", () => {
    expect(can(smeOwner, "firm", "update")).toBe(false);
    expect(can(smeOwner, "notification", "read")).toBe(false);
  });
});

describe("stand permissions", () => {
  // The initiative's facts: broker u-5 brokers its network; firm-a is a member taking part, firm-b a member only.
  const facts = { networkBrokerIds: ["u-5"], memberFirmIds: ["firm-a", "firm-b"], participantFirmIds: ["firm-a"] };
  const strangerBroker = actor("broker", null, "u-7");

  it("lets brokers create fairs, and brokers and SMEs list them; buyers neither", () => {
    expect(can(broker, "stand", "createFair")).toBe(true);
    for (const a of [smeOwner, buyer, admin]) expect(can(a, "stand", "createFair")).toBe(false);
    for (const a of [broker, smeOwner, admin]) expect(can(a, "stand", "listFairs")).toBe(true);
    expect(can(buyer, "stand", "listFairs")).toBe(false);
  });

  it("lets only the network's brokers manage a stand and decide space", () => {
    expect(can(broker, "stand", "manage", facts)).toBe(true);
    expect(can(strangerBroker, "stand", "manage", facts)).toBe(false);
    for (const a of [smeOwner, otherSme, buyer, admin]) expect(can(a, "stand", "manage", facts)).toBe(false);
  });

  it("lets members request space and participants release it and log leads", () => {
    expect(can(smeOwner, "stand", "requestSpace", facts)).toBe(true);
    expect(can(otherSme, "stand", "requestSpace", facts)).toBe(true);
    expect(can(otherSme, "stand", "requestSpace", { ...facts, memberFirmIds: ["firm-a"] })).toBe(false);
    for (const a of [broker, buyer, admin]) expect(can(a, "stand", "requestSpace", facts)).toBe(false);
    expect(can(smeMember, "stand", "release", facts)).toBe(true);
    expect(can(otherSme, "stand", "release", facts)).toBe(false);
    expect(can(smeOwner, "stand", "addLead", facts)).toBe(true);
    expect(can(otherSme, "stand", "addLead", facts)).toBe(false);
    expect(can(broker, "stand", "addLead", facts)).toBe(false);
  });

  it("lets the network's brokers and participants keep the task list", () => {
    expect(can(broker, "stand", "addTask", facts)).toBe(true);
    expect(can(smeOwner, "stand", "addTask", facts)).toBe(true);
    expect(can(otherSme, "stand", "addTask", facts)).toBe(false);
    expect(can(strangerBroker, "stand", "addTask", facts)).toBe(false);
    expect(can(buyer, "stand", "addTask", facts)).toBe(false);
  });

  it("shows every exhibitor's costs and leads to the network's brokers and admins only", () => {
    for (const action of ["viewAllCosts", "viewAllLeads"] as const) {
      expect(can(broker, "stand", action, facts)).toBe(true);
      expect(can(admin, "stand", action, facts)).toBe(true);
      expect(can(strangerBroker, "stand", action, facts)).toBe(false);
      for (const a of [smeOwner, otherSme, buyer]) expect(can(a, "stand", action, facts)).toBe(false);
    }
  });

  it("lets brokers and members download the calendar, never buyers or outsiders", () => {
    expect(can(broker, "stand", "exportCalendar", facts)).toBe(true);
    expect(can(otherSme, "stand", "exportCalendar", facts)).toBe(true);
    expect(can(actor("sme", { id: "firm-z", kind: "sme", isOwner: true }), "stand", "exportCalendar", facts)).toBe(false);
    expect(can(buyer, "stand", "exportCalendar", facts)).toBe(false);
    expect(can(strangerBroker, "stand", "exportCalendar", facts)).toBe(false);
  });
});

describe("calendar permissions", () => {
  it("gives everyone their own subscription and nobody another's", () => {
    for (const a of [smeOwner, otherSme, buyer, broker, admin]) {
      expect(can(a, "calendar", "subscribe", { userId: a.userId })).toBe(true);
      expect(can(a, "calendar", "subscribe", { userId: "someone-else" })).toBe(false);
    }
  });
});

describe("benchmarking club permissions", () => {
  // The club's facts: its network's brokers (u-5), the network's members (firm-a, firm-b) and
  // the club's members, its initiative's participants (firm-a only).
  const club = { networkBrokerIds: ["u-5"], memberFirmIds: ["firm-a", "firm-b"], participantFirmIds: ["firm-a"] };
  const otherBroker = actor("broker", null, "u-9");

  it("lets only the network's brokers create KPIs and clubs and manage them", () => {
    for (const action of ["createKpi", "createClub", "manage"] as const) {
      expect(can(broker, "club", action, club), action).toBe(true);
      for (const a of [otherBroker, smeOwner, otherSme, buyer, admin])
        expect(can(a, "club", action, club), `${a.userId} ${action}`).toBe(false);
    }
  });

  it("lets only member firms of the club submit values, never brokers or administrators", () => {
    expect(can(smeOwner, "club", "submit", club)).toBe(true);
    expect(can(smeMember, "club", "submit", club)).toBe(true);
    // A network member outside the club, the brokers, a buyer, an administrator: no.
    for (const a of [otherSme, broker, buyer, admin]) expect(can(a, "club", "submit", club), a.userId).toBe(false);
  });

  it("shows the report to the club's members, its network's brokers and administrators; raw values to the brokers only", () => {
    for (const a of [smeOwner, broker, admin]) expect(can(a, "club", "readReport", club), a.userId).toBe(true);
    for (const a of [otherSme, otherBroker, buyer]) expect(can(a, "club", "readReport", club), a.userId).toBe(false);
    expect(can(broker, "club", "readRaw", club)).toBe(true);
    // Administrators read aggregates only: the raw values stay within the club and its brokers.
    for (const a of [admin, smeOwner, otherSme, otherBroker, buyer]) expect(can(a, "club", "readRaw", club), a.userId).toBe(false);
  });

  it("lets the club's members and brokers answer for meetings", () => {
    for (const a of [smeOwner, broker]) expect(can(a, "club", "attend", club)).toBe(true);
    for (const a of [otherSme, otherBroker, buyer, admin]) expect(can(a, "club", "attend", club)).toBe(false);
  });
});
