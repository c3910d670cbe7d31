import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiative, initiativeParticipant } from "../db/schema/initiatives";
import { salesEntry } from "../db/schema/ledger";
import { notification } from "../db/schema/notifications";
import { addSalesEntries } from "../server/services/ledger/add-sales-entries";
import { createConsortiumInitiative } from "../server/services/sourcing/create-consortium-initiative";
import { createNeed } from "../server/services/sourcing/create-need";
import { decideResponse } from "../server/services/sourcing/decide-response";
import { getNeed } from "../server/services/sourcing/get-need";
import { listConsortiumProposals } from "../server/services/sourcing/list-consortium-proposals";
import { listFormedConsortia } from "../server/services/sourcing/list-formed-consortia";
import { listMyMatchingNeeds } from "../server/services/sourcing/list-my-matching-needs";
import { listNeedMatches } from "../server/services/sourcing/list-need-matches";
import { listNeeds } from "../server/services/sourcing/list-needs";
import { respondToNeed } from "../server/services/sourcing/respond-to-need";
import { transitionNeed } from "../server/services/sourcing/transition-need";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorOf, createFirmOwner, createUserWithRole, makeDeps } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { needInput as need, smeProfile } from "./sourcing-fixtures";
import { refusal } from "./answers";

const profile = (actor: Parameters<typeof smeProfile>[1], capacity: number, extra?: Record<string, unknown>) =>
  smeProfile(deps, actor, capacity, extra);

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

describe("sourcing needs", () => {
  it("lets a buyer post, open and close a need; SMEs see it only once open", async () => {
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const sme = await createFirmOwner(deps);
    const { id } = await createNeed(deps, buyer.actor, need());
    await expect(getNeed(deps, sme.actor, { needId: id })).rejects.toMatchObject({ code: "not_found" });
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });
    expect((await getNeed(deps, sme.actor, { needId: id })).need.status).toBe("open");
    expect((await listNeeds(deps, sme.actor)).map((n) => n.id)).toContain(id);
    await expect(transitionNeed(deps, sme.actor, { needId: id, to: "closed" })).rejects.toMatchObject({ code: "forbidden" });
    await transitionNeed(deps, buyer.actor, { needId: id, to: "closed" });
    await expect(transitionNeed(deps, buyer.actor, { needId: id, to: "draft" as never })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("validates a need with field messages and writes nothing", async () => {
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const error = await refusal(
      createNeed(deps, buyer.actor, need({ product: "", volume: 0, link: "moon", deliveryCountry: "XX", visibility: "networks" })),
    );
    expect(error.code).toBe("invalid_input");
    // The network choice is checked with the other fields, not only once they all pass.
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["deliveryCountry", "link", "networkIds", "product", "volume"]);
    const sme = await createFirmOwner(deps);
    await expect(createNeed(deps, sme.actor, need())).rejects.toMatchObject({ code: "forbidden" });
    expect(await listNeeds(deps, buyer.actor)).toEqual([]);
  });

  it("reaches only the chosen networks' members when so set", async () => {
    const { networkId, smes } = await networkWithMembers(deps, 1);
    const outsider = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const { id } = await createNeed(deps, buyer.actor, need({ visibility: "networks", networkIds: [networkId] }));
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });
    expect((await getNeed(deps, smes[0].actor, { needId: id })).need.id).toBe(id);
    await expect(getNeed(deps, outsider.actor, { needId: id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("matching", () => {
  it("ranks SMEs with explained scores, excludes missing must-haves, and tells good fits when opened", async () => {
    const { broker, smes } = await networkWithMembers(deps, 3);
    await profile(smes[0].actor, 40000);
    await profile(smes[1].actor, 10000);
    await profile(smes[2].actor, 40000, { certifications: [] });
    const buyer = await createFirmOwner(deps, { role: "buyer", firmName: "Schuh Einkauf Test" });
    const { id } = await createNeed(deps, buyer.actor, need());
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });

    const fits = (await database.db.select().from(notification).where(eq(notification.userId, smes[0].userId))).map((n) => n.type);
    expect(fits).toContain("need_fits_you");

    const asBuyer = await listNeedMatches(deps, buyer.actor, { needId: id });
    const ids = asBuyer.items.map((m) => m.firmId);
    expect(ids.indexOf(smes[0].firmId)).toBeLessThan(ids.indexOf(smes[1].firmId));
    expect(ids).not.toContain(smes[2].firmId);
    const top = asBuyer.items.find((m) => m.firmId === smes[0].firmId)!;
    expect(top.parts.map((p) => p.part).sort()).toEqual([
      "capacity",
      "certifications",
      "functions",
      "link",
      "location",
      "tier",
      "upgrading",
    ]);
    expect(top.score).toBe(top.parts.reduce((sum, p) => sum + p.points, 0));
    // The buyer never sees dependence figures.
    expect(top.dependence).toBeNull();
    expect(asBuyer.items.find((m) => m.firmId === smes[1].firmId)!.needsConsortium).toBe(true);

    const asBroker = await listNeedMatches(deps, broker.actor, { needId: id });
    expect(asBroker.items.find((m) => m.firmId === smes[0].firmId)!.dependence).toMatchObject({ unavailable: "no_ledger" });
  });

  it("projects the SME's dependence if it wins and offers diversification options", async () => {
    const { broker, smes } = await networkWithMembers(deps, 1);
    const sme = smes[0];
    await profile(sme.actor, 40000);
    const us = await createFirmOwner(deps, { role: "buyer", firmName: "US Retail Test" });
    await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [
        { period: "2026", customerFirmId: us.firmId, amount: "2400000.00", currency: "BRL", market: "export" },
        { period: "2026", customerName: "Local shops", amount: "600000.00", currency: "BRL", market: "domestic" },
      ],
    });
    const german = await createFirmOwner(deps, { role: "buyer", firmName: "German Group Test" });
    const { id } = await createNeed(deps, german.actor, need({ volume: 10000, targetUnitPrice: "10.00" }));
    await transitionNeed(deps, german.actor, { needId: id, to: "open" });
    const other = await createNeed(deps, us.actor, need({ volume: 5000 }));
    await transitionNeed(deps, us.actor, { needId: other.id, to: "open" });

    const mine = await listMyMatchingNeeds(deps, sme.actor);
    const item = mine.items.find((i) => i.needId === id)!;
    // Today 2.4M of 3.0M to one buyer = 80%; winning 10,000 pairs x 10.00 x 12 months = 1.2M more
    // to the German group: 2.4M of 4.2M = 57.14% top share.
    expect(item.dependence).toMatchObject({
      currentTopShareBp: 8000,
      currentLevel: "critical",
      projectedTopShareBp: 5714,
      projectedLevel: "critical",
      buyerBecomesTop: false,
    });
    expect(item.options.needs.map((n) => n.needId)).toContain(other.id);
    const asBroker = await listNeedMatches(deps, broker.actor, { needId: id });
    expect(asBroker.items[0].dependence?.projectedTopShareBp).toBe(5714);
    // Other SMEs and buyers read no dependence figure through matching.
    const stranger = await createFirmOwner(deps);
    await expect(listNeedMatches(deps, stranger.actor, { needId: id })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("consortia, responses and awards", () => {
  it("proposes consortia when no member can supply alone and turns one into an initiative in one step", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 4);
    await profile(smes[0].actor, 12000);
    await profile(smes[1].actor, 10000);
    await profile(smes[2].actor, 9000);
    await profile(smes[3].actor, 25000);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const { id } = await createNeed(deps, buyer.actor, need({ volume: 30000 }));
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });
    const { proposals } = await listConsortiumProposals(deps, broker.actor, { needId: id });
    // The best: the largest supplier with the next largest, 25,000 + 12,000 pairs.
    expect(proposals[0].combinedCapacity).toBe(37000);
    expect([...proposals[0].firmIds].sort()).toEqual([smes[3].firmId, smes[0].firmId].sort());
    for (const p of proposals) expect(p.combinedCapacity).toBeGreaterThanOrEqual(30000);
    for (const p of proposals) expect(p.networkId).toBe(networkId);

    const created = await createConsortiumInitiative(deps, broker.actor, { needId: id, networkId, firmIds: proposals[0].firmIds });
    const [row] = await database.db.select().from(initiative).where(eq(initiative.id, created.initiativeId));
    expect(row).toMatchObject({ objective: "joint_selling", status: "open", networkId });
    const participants = await database.db
      .select()
      .from(initiativeParticipant)
      .where(eq(initiativeParticipant.initiativeId, created.initiativeId));
    expect(participants.map((p) => p.firmId).sort()).toEqual([...proposals[0].firmIds].sort());
    // The need page lists it for its broker only, with its members by name.
    const [formed, ...more] = await listFormedConsortia(deps, broker.actor, { needId: id });
    expect(more).toEqual([]);
    expect(formed).toMatchObject({ initiativeId: created.initiativeId, title: row.title });
    expect(formed.members).toHaveLength(proposals[0].firmIds.length);
    const otherBroker = await createUserWithRole(deps, "broker");
    expect(await listFormedConsortia(deps, otherBroker.actor, { needId: id })).toEqual([]);
    expect(await listFormedConsortia(deps, buyer.actor, { needId: id })).toEqual([]);
    const outsider = await createFirmOwner(deps);
    const withOutsider = await refusal(
      createConsortiumInitiative(deps, broker.actor, { needId: id, networkId, firmIds: [smes[0].firmId, outsider.firmId] }),
    );
    expect(withOutsider.code).toBe("invalid_input");
    expect(withOutsider.fields?.firmIds?.length).toBeGreaterThan(0);

    // The broker answers for the consortium; the buyer awards and records expected sales.
    const response = await respondToNeed(deps, broker.actor, {
      needId: id,
      initiativeId: created.initiativeId,
      unitPrice: "9.80",
      quantity: 30000,
      leadTimeDays: 45,
    });
    const view = await getNeed(deps, buyer.actor, { needId: id });
    expect(view.responses.map((r) => r.id)).toEqual([response.id]);
    await decideResponse(deps, buyer.actor, { responseId: response.id, decision: "award", recordExpectedSales: true });
    const expected = await database.db.select().from(salesEntry).where(eq(salesEntry.customerFirmId, buyer.firmId));
    expect(expected.every((e) => e.expected)).toBe(true);
    expect(expected.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(30000 * 12 * 980);
    expect((await getNeed(deps, buyer.actor, { needId: id })).need.status).toBe("awarded");
  });

  it("lets an SME respond once; the buyer shortlists or declines and the SME is told", async () => {
    const sme = await createFirmOwner(deps);
    await profile(sme.actor, 40000);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const { id } = await createNeed(deps, buyer.actor, need());
    await expect(respondToNeed(deps, sme.actor, { needId: id, unitPrice: "9.90", quantity: 1000, leadTimeDays: 30 })).rejects.toMatchObject(
      { code: "not_found" },
    );
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });
    const response = await respondToNeed(deps, sme.actor, {
      needId: id,
      unitPrice: "9.90",
      quantity: 1000,
      leadTimeDays: 30,
      note: "Samples in 2 weeks",
    });
    await expect(respondToNeed(deps, sme.actor, { needId: id, unitPrice: "9.90", quantity: 1000, leadTimeDays: 30 })).rejects.toMatchObject(
      { code: "conflict" },
    );
    await expect(respondToNeed(deps, sme.actor, { needId: id, unitPrice: "-1", quantity: 0, leadTimeDays: 30 })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const other = await createFirmOwner(deps, { role: "buyer" });
    await expect(decideResponse(deps, other.actor, { responseId: response.id, decision: "award" })).rejects.toMatchObject({
      code: "not_found",
    });
    await decideResponse(deps, buyer.actor, { responseId: response.id, decision: "shortlist" });
    const types = (await database.db.select().from(notification).where(eq(notification.userId, sme.userId))).map((n) => n.type);
    expect(types).toContain("need_response_shortlisted");
    const smeView = await getNeed(deps, await actorOf(database.db, sme.userId), { needId: id });
    expect(smeView.responses.map((r) => r.status)).toEqual(["shortlisted"]);
    const broker = await createUserWithRole(deps, "broker");
    expect((await getNeed(deps, broker.actor, { needId: id })).responses).toEqual([]);
  });
});

describe("sourcing review fixes", () => {
  it("lets only the consortium's brokers answer for it, shows its offer to them only, and decides only live needs", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    await profile(smes[0].actor, 20000);
    await profile(smes[1].actor, 20000);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const { id } = await createNeed(deps, buyer.actor, need({ volume: 30000 }));
    await transitionNeed(deps, buyer.actor, { needId: id, to: "open" });
    const created = await createConsortiumInitiative(deps, broker.actor, {
      needId: id,
      networkId,
      firmIds: [smes[0].firmId, smes[1].firmId],
    });
    const stranger = await createFirmOwner(deps);
    await profile(stranger.actor, 100);
    await expect(
      respondToNeed(deps, stranger.actor, {
        needId: id,
        initiativeId: created.initiativeId,
        unitPrice: "0.01",
        quantity: 1,
        leadTimeDays: 1,
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    const otherBroker = await createUserWithRole(deps, "broker");
    await expect(
      respondToNeed(deps, otherBroker.actor, {
        needId: id,
        initiativeId: created.initiativeId,
        unitPrice: "9",
        quantity: 1,
        leadTimeDays: 1,
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    const offer = await respondToNeed(deps, broker.actor, {
      needId: id,
      initiativeId: created.initiativeId,
      unitPrice: "9.50",
      quantity: 30000,
      leadTimeDays: 40,
    });
    expect((await getNeed(deps, broker.actor, { needId: id })).responses.map((r) => r.id)).toEqual([offer.id]);
    expect((await getNeed(deps, otherBroker.actor, { needId: id })).responses).toEqual([]);

    const solo = await respondToNeed(deps, smes[0].actor, { needId: id, unitPrice: "9.90", quantity: 20000, leadTimeDays: 30 });
    await decideResponse(deps, buyer.actor, { responseId: offer.id, decision: "award" });
    await expect(
      decideResponse(deps, buyer.actor, { responseId: solo.id, decision: "award", recordExpectedSales: true }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
