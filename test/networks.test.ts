import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity } from "../db/schema/initiatives";
import { networkMember } from "../db/schema/networks";
import { notification } from "../db/schema/notifications";
import { getFirm } from "../server/services/firms/get-firm";
import { acceptInvitationLink } from "../server/services/networks/accept-invitation-link";
import { addNetworkBroker } from "../server/services/networks/add-network-broker";
import { applyToNetwork } from "../server/services/networks/apply-to-network";
import { createNetwork } from "../server/services/networks/create-network";
import { decideApplication } from "../server/services/networks/decide-application";
import { getNetwork } from "../server/services/networks/get-network";
import { inviteToNetwork } from "../server/services/networks/invite-to-network";
import { leaveNetwork } from "../server/services/networks/leave-network";
import { listNetworks } from "../server/services/networks/list-networks";
import { respondToInvitation } from "../server/services/networks/respond-to-invitation";
import { updateNetwork } from "../server/services/networks/update-network";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorOf, created, createFirmOwner, createUserWithRole, makeDeps, unique, uniqueEmail } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { signUp } from "../server/services/accounts/sign-up";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const notes = async (userId: string) =>
  (await database.db.select().from(notification).where(eq(notification.userId, userId))).map((n) => n.type);

describe("creating and editing networks", () => {
  it("lets a broker create a network with default thresholds and become its broker", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const { id } = await createNetwork(deps, broker.actor, { name: "Sinos Footwear", sector: "1520", currency: "brl" });
    const view = await getNetwork(deps, broker.actor, { networkId: id });
    expect(view.network).toMatchObject({
      currency: "BRL",
      notableShareBp: 1000,
      warningShareBp: 2500,
      criticalShareBp: 5000,
      hhiModerate: 1500,
      hhiHigh: 2500,
      systemicShareBp: 2000,
    });
    expect(view.brokers.map((b) => b.userId)).toEqual([broker.id]);
    expect(view.activity.map((a) => a.action)).toContain("network.created");
  });

  it("refuses SMEs, buyers and admins as creators, and invalid thresholds", async () => {
    for (const role of ["sme", "buyer", "admin"] as const) {
      const user = await createUserWithRole(deps, role);
      await expect(createNetwork(deps, user.actor, { name: "Nope net", sector: "1520", currency: "BRL" })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const broker = await createUserWithRole(deps, "broker");
    const invalid = await refusal(createNetwork(deps, broker.actor, { name: "B", sector: "9999", currency: "XXX" }));
    expect(invalid.code).toBe("invalid_input");
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["currency", "name", "sector"]);
    const backwards = await refusal(
      createNetwork(deps, broker.actor, {
        name: "Backwards thresholds",
        sector: "1520",
        currency: "BRL",
        warningShareBp: 6000,
        criticalShareBp: 5000,
      }),
    );
    expect(backwards.code).toBe("invalid_input");
    expect(Object.keys(backwards.fields ?? {})).toEqual(["warningShareBp"]);
  });

  it("lets only the network's brokers (and admins) edit it, logging before and after", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const other = await createUserWithRole(deps, "broker");
    const admin = await createUserWithRole(deps, "admin");
    const input = { networkId, name: "Renamed network", sector: "1520", currency: "BRL", warningShareBp: 3000 };
    await expect(updateNetwork(deps, other.actor, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateNetwork(deps, smes[0].actor, input)).rejects.toMatchObject({ code: "forbidden" });
    await updateNetwork(deps, broker.actor, input);
    await updateNetwork(deps, admin.actor, { ...input, name: "Admin renamed" });
    const view = await getNetwork(deps, broker.actor, { networkId });
    expect(view.network.name).toBe("Admin renamed");
    // The broker's change is logged with what it set.
    expect(view.activity).toContainEqual(
      expect.objectContaining({
        action: "network.updated",
        actorName: "Test broker",
        after: { name: "Renamed network", region: "", warningShareBp: 3000 },
      }),
    );
  });
});

describe("the disclosure threshold", () => {
  it("starts at 5 and may be raised, never set below 5; a request without it keeps the network's own", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 1);
    const base = { networkId, name: "Threshold network", sector: "1520", currency: "BRL" };
    expect((await getNetwork(deps, broker.actor, { networkId })).network.disclosureMinContributors).toBe(5);
    await updateNetwork(deps, broker.actor, { ...base, disclosureMinContributors: 8 });
    expect((await getNetwork(deps, broker.actor, { networkId })).network.disclosureMinContributors).toBe(8);
    // An older client that does not know the field never lowers it.
    await updateNetwork(deps, broker.actor, base);
    expect((await getNetwork(deps, broker.actor, { networkId })).network.disclosureMinContributors).toBe(8);
    for (const value of [4, 0, -1, 51, 5.5]) {
      const refused = await refusal(updateNetwork(deps, broker.actor, { ...base, disclosureMinContributors: value }));
      expect(refused.code, String(value)).toBe("invalid_input");
      expect(Object.keys(refused.fields ?? {}), String(value)).toEqual(["disclosureMinContributors"]);
    }
    expect((await getNetwork(deps, broker.actor, { networkId })).network.disclosureMinContributors).toBe(8);
    const broker2 = await createUserWithRole(deps, "broker");
    const tooOpen = await refusal(
      createNetwork(deps, broker2.actor, { name: "Too open", sector: "1520", currency: "BRL", disclosureMinContributors: 3 }),
    );
    expect(tooOpen.code).toBe("invalid_input");
    expect(Object.keys(tooOpen.fields ?? {})).toEqual(["disclosureMinContributors"]);
    const { id } = await createNetwork(deps, broker2.actor, {
      name: "Careful club",
      sector: "1520",
      currency: "BRL",
      disclosureMinContributors: 12,
    });
    expect((await getNetwork(deps, broker2.actor, { networkId: id })).network.disclosureMinContributors).toBe(12);
  });
});

describe("membership", () => {
  it("invites a firm, which accepts with consent; its brokers may then see its private profile", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const { id: networkId } = await createNetwork(deps, broker.actor, { name: unique("Net"), sector: "1520", currency: "BRL" });
    const sme = await createFirmOwner(deps);
    expect((await getFirm(deps, broker.actor, { firmId: sme.firmId })).visibility).toBe("public");

    await inviteToNetwork(deps, broker.actor, { networkId, firmId: sme.firmId });
    expect(await notes(sme.userId)).toContain("network_invited");
    await expect(getNetwork(deps, sme.actor, { networkId })).rejects.toMatchObject({ code: "not_found" });
    const withoutConsent = await refusal(respondToInvitation(deps, sme.actor, { networkId, decision: "accept", consent: false }));
    expect(withoutConsent.code).toBe("invalid_input");
    expect(Object.keys(withoutConsent.fields ?? {})).toEqual(["consent"]);
    await respondToInvitation(deps, sme.actor, { networkId, decision: "accept", consent: true });
    const [row] = await database.db
      .select()
      .from(networkMember)
      .where(and(eq(networkMember.networkId, networkId), eq(networkMember.firmId, sme.firmId)));
    expect(row).toMatchObject({ status: "active", consentedBy: sme.userId });
    expect(row.consentedAt).toEqual(deps.now());
    expect(await notes(broker.id)).toContain("network_member_joined");
    expect((await getFirm(deps, broker.actor, { firmId: sme.firmId })).visibility).toBe("private");
    // Another broker, of no network of this firm, still sees only the public profile.
    const stranger = await createUserWithRole(deps, "broker");
    expect((await getFirm(deps, stranger.actor, { firmId: sme.firmId })).visibility).toBe("public");
    await expect(inviteToNetwork(deps, broker.actor, { networkId, firmId: sme.firmId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("invites by email with a link that works after sign-up, once", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const { id: networkId } = await createNetwork(deps, broker.actor, { name: unique("Net"), sector: "1520", currency: "BRL" });
    const email = uniqueEmail("newcomer");
    const invitation = await inviteToNetwork(deps, broker.actor, { networkId, email });
    if (invitation.kind !== "email") throw new Error(`expected an email invitation, got ${invitation.kind}`);
    const token = invitation.token;
    expect(invitation.path).toBe(`/invitations/${token}`);

    const signed = created(
      await signUp(deps, {
        firmChoice: "create",
        role: "sme",
        name: "New Comer",
        email,
        password: "correct-horse-battery",
        firmName: unique("Newcomer firm"),
        country: "BR",
        sector: "1520",
        link: "components",
        tier: 2,
      }),
    );
    const newcomer = await actorOf(database.db, signed.userId);
    // The link is personal: another SME cannot use it.
    const someoneElse = await createFirmOwner(deps);
    await expect(acceptInvitationLink(deps, someoneElse.actor, { token, consent: true })).rejects.toMatchObject({ code: "forbidden" });
    await acceptInvitationLink(deps, newcomer, { token, consent: true });
    const view = await getNetwork(deps, newcomer, { networkId });
    expect(view.members.map((m) => m.firmId)).toContain(signed.firmId);
    await expect(acceptInvitationLink(deps, newcomer, { token, consent: true })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets an SME apply; the broker approves or declines and the firm is told", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const { id: networkId } = await createNetwork(deps, broker.actor, { name: unique("Net"), sector: "1520", currency: "BRL" });
    const a = await createFirmOwner(deps);
    const b = await createFirmOwner(deps);
    await applyToNetwork(deps, a.actor, { networkId, consent: true });
    await applyToNetwork(deps, b.actor, { networkId, consent: true });
    await expect(applyToNetwork(deps, a.actor, { networkId, consent: true })).rejects.toMatchObject({ code: "conflict" });
    expect(await notes(broker.id)).toContain("network_application_received");
    const pending = await getNetwork(deps, broker.actor, { networkId });
    expect(pending.applications.map((m) => m.firmId).sort()).toEqual([a.firmId, b.firmId].sort());

    const outsider = await createUserWithRole(deps, "broker");
    await expect(decideApplication(deps, outsider.actor, { networkId, firmId: a.firmId, decision: "approve" })).rejects.toMatchObject({
      code: "not_found",
    });
    await decideApplication(deps, broker.actor, { networkId, firmId: a.firmId, decision: "approve" });
    await decideApplication(deps, broker.actor, { networkId, firmId: b.firmId, decision: "decline" });
    expect(await notes(a.userId)).toContain("network_application_approved");
    expect(await notes(b.userId)).toContain("network_application_declined");
    const after = await getNetwork(deps, broker.actor, { networkId });
    expect(after.members.map((m) => m.firmId)).toEqual([a.firmId]);
    const listed = await listNetworks(deps, a.actor);
    expect(listed.memberships.find((n) => n.id === networkId)?.status).toBe("active");
    const listedB = await listNetworks(deps, b.actor);
    expect(listedB.others.map((n) => n.id)).toContain(networkId);
  });

  it("lets a member leave; it no longer sees the network and its brokers lose private access", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    await leaveNetwork(deps, smes[0].actor, { networkId });
    await expect(getNetwork(deps, smes[0].actor, { networkId })).rejects.toMatchObject({ code: "not_found" });
    expect((await getFirm(deps, broker.actor, { firmId: smes[0].firmId })).visibility).toBe("public");
    await expect(leaveNetwork(deps, smes[0].actor, { networkId })).rejects.toMatchObject({ code: "not_found" });
    const log = await database.db.select().from(activity).where(eq(activity.networkId, networkId));
    expect(log.map((l) => l.action)).toContain("member.left");
  });

  it("lets only an admin add a co-broker, who then runs the network too", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const co = await createUserWithRole(deps, "broker");
    const admin = await createUserWithRole(deps, "admin");
    await expect(addNetworkBroker(deps, broker.actor, { networkId, email: co.email })).rejects.toMatchObject({ code: "forbidden" });
    const sme = await createFirmOwner(deps);
    const notBroker = await refusal(addNetworkBroker(deps, admin.actor, { networkId, email: sme.email }));
    expect(Object.keys(notBroker.fields ?? {})).toEqual(["email"]);
    await addNetworkBroker(deps, admin.actor, { networkId, email: co.email });
    const view = await getNetwork(deps, co.actor, { networkId });
    expect(view.permissions.invite).toBe(true);
  });

  it("keeps the activity log append-only", async () => {
    const { networkId } = await networkWithMembers(deps, 0);
    await expect(database.db.update(activity).set({ action: "tampered" }).where(eq(activity.networkId, networkId))).rejects.toThrow();
    await expect(database.db.delete(activity).where(eq(activity.networkId, networkId))).rejects.toThrow();
  });
});

describe("who sees a network", () => {
  it("shows it to its brokers, active members and admins only", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const admin = await createUserWithRole(deps, "admin");
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const outsider = await createFirmOwner(deps);
    const otherBroker = await createUserWithRole(deps, "broker");
    for (const actor of [broker.actor, smes[0].actor, admin.actor]) {
      expect((await getNetwork(deps, actor, { networkId })).network.id).toBe(networkId);
    }
    for (const actor of [buyer.actor, outsider.actor, otherBroker.actor]) {
      await expect(getNetwork(deps, actor, { networkId })).rejects.toMatchObject({ code: "not_found" });
    }
    // Members see the member list but not pending invitations and applications.
    const memberView = await getNetwork(deps, smes[0].actor, { networkId });
    expect(memberView.permissions.invite).toBe(false);
    expect(memberView.emailInvitations).toEqual([]);
  });
});

describe("network lists", () => {
  it("counts active members for every kind of reader", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const admin = await createUserWithRole(deps, "admin");
    const outsider = await createFirmOwner(deps);
    expect((await listNetworks(deps, broker.actor)).brokered.find((n) => n.id === networkId)?.members).toBe(2);
    expect((await listNetworks(deps, admin.actor)).brokered.find((n) => n.id === networkId)?.members).toBe(2);
    expect((await listNetworks(deps, smes[0].actor)).memberships.find((n) => n.id === networkId)?.members).toBe(2);
    expect((await listNetworks(deps, outsider.actor)).others.find((n) => n.id === networkId)?.members).toBe(2);
  });
});
