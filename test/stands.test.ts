import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiative, initiativeParticipant } from "../db/schema/initiatives";
import { notification } from "../db/schema/notifications";
import { fair, stand, standLead, standSpace, standSubsidy, standTask } from "../db/schema/stands";
import { AppError } from "../server/errors";
import { signUp } from "../server/services/accounts/sign-up";
import { createInitiative } from "../server/services/initiatives/create-initiative";
import { getInitiative } from "../server/services/initiatives/get-initiative";
import { leaveInitiative } from "../server/services/initiatives/leave-initiative";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { inviteToNetwork } from "../server/services/networks/invite-to-network";
import { leaveNetwork } from "../server/services/networks/leave-network";
import { respondToInvitation } from "../server/services/networks/respond-to-invitation";
import { updateNetwork } from "../server/services/networks/update-network";
import { addStandLead, inviteLeadBuyer } from "../server/services/stands/add-stand-lead";
import { addStandTask, updateStandTask } from "../server/services/stands/add-stand-task";
import { createFair, listFairs } from "../server/services/stands/create-fair";
import { createStand } from "../server/services/stands/create-stand";
import { decideStandSpace } from "../server/services/stands/decide-stand-space";
import { exportStandCalendar } from "../server/services/stands/export-stand-calendar";
import { getStand, getStandCosts } from "../server/services/stands/get-stand";
import { getLeadInvitation } from "../server/services/stands/lead-invitation";
import { notifyStandReminders } from "../server/services/stands/notify-stand-reminders";
import { releaseStandSpace } from "../server/services/stands/release-stand-space";
import { requestStandSpace } from "../server/services/stands/request-stand-space";
import { updateStand } from "../server/services/stands/update-stand";
import { createNeed } from "../server/services/sourcing/create-need";
import { listMyMatchingNeeds } from "../server/services/sourcing/list-my-matching-needs";
import { listNeedMatches } from "../server/services/sourcing/list-need-matches";
import { transitionNeed } from "../server/services/sourcing/transition-need";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorOf, created, createFirmOwner, createUserWithRole, makeDeps, PASSWORD, uniqueEmail, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { needInput, smeProfile } from "./sourcing-fixtures";
import { openStand, setEmployees, shoeFair, standInput } from "./stand-fixtures";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

/** The same services an hour later, a day later... (the booking deadline is 2027-01-31). */
const at = (iso: string) => ({ ...deps, now: () => new Date(iso) });

const typesFor = async (userId: string) =>
  (await database.db.select().from(notification).where(eq(notification.userId, userId))).map((n) => n.type);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

async function standRow(initiativeId: string) {
  const [row] = await database.db.select().from(stand).where(eq(stand.initiativeId, initiativeId));
  return row;
}

async function spacesOf(initiativeId: string) {
  return database.db.select().from(standSpace).where(eq(standSpace.initiativeId, initiativeId));
}

/** One more member SME in an existing network. */
async function oneMoreMember(networkId: string, broker: { actor: Parameters<typeof createStand>[1] }) {
  const sme = await createFirmOwner(deps);
  await inviteToNetwork(deps, broker.actor, { networkId, firmId: sme.firmId });
  await respondToInvitation(deps, sme.actor, { networkId, decision: "accept", consent: true });
  return { ...sme, actor: await actorOf(deps.db, sme.userId) };
}

describe("creating a stand", () => {
  it("creates a draft joint_selling initiative with its stand and subsidies in one step", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const fairRow = await shoeFair(deps, broker.actor);
    expect(fairRow).toMatchObject({ city: "Düsseldorf", country: "DE", startsOn: "2027-03-10", endsOn: "2027-03-12" });
    const { id, status } = await createStand(
      deps,
      broker.actor,
      standInput(networkId, fairRow.id, {
        areaM2: "40,5",
        subsidies: [
          { kind: "percent", sponsor: "SEBRAE", percent: 50, maxEmployees: 99 },
          { kind: "fixed", sponsor: "State export agency", amount: "1500.00", capPerFirm: "500" },
        ],
        shareCosts: true,
      }),
    );
    expect(status).toBe("draft");
    const [row] = await database.db.select().from(initiative).where(eq(initiative.id, id));
    expect(row).toMatchObject({ objective: "joint_selling", status: "draft", networkId });
    expect(row.deadline.toISOString()).toBe("2027-01-31T23:59:59.000Z");
    expect(await standRow(id)).toMatchObject({
      fairId: fairRow.id,
      areaDm2: 4050,
      frontageDm: 80,
      minAreaDm2: 200,
      allocatedDm2: 0,
      totalCostMinor: 2_000_000,
      currency: "BRL",
      splitRule: "by_area",
      fixedFeeMinor: null,
      shareCosts: true,
      shareLeads: false,
    });
    const subsidies = await database.db.select().from(standSubsidy).where(eq(standSubsidy.initiativeId, id));
    expect(
      subsidies.map((s) => [s.sponsor, s.kind, s.percentBasisPoints, s.amountMinor, s.capPerFirmMinor, s.maxEmployees, s.position]),
    ).toEqual(
      expect.arrayContaining([
        ["SEBRAE", "percent", 5000, null, null, 99, 0],
        ["State export agency", "fixed", null, 150_000, 50_000, null, 1],
      ]),
    );
    // A draft is the brokers' own.
    expect(await codeOf(getStand(deps, smes[0].actor, { initiativeId: id }))).toBe("not_found");
    expect((await getStand(deps, broker.actor, { initiativeId: id })).permissions).toMatchObject({ canManage: true, canRequest: false });
  });

  it("refuses a joint_selling initiative through the generic form, pointing to the stand", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const error = await refusal(
      createInitiative(deps, broker.actor, {
        networkId,
        objective: "joint_selling",
        title: "A stand",
        deadline: "2027-01-31",
      }),
    );
    expect(error).toMatchObject({ code: "invalid_input", fieldKeys: { objective: "use_stand_operation" } });
    expect(error.fields?.objective[0]).toMatch(/createStand/);
  });

  it("answers invalid input with 400 and every field, and writes nothing", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const fairRow = await shoeFair(deps, broker.actor);
    const before = await database.db.select({ id: initiative.id }).from(initiative).where(eq(initiative.networkId, networkId));
    const invalid = await refusal(
      createStand(
        deps,
        broker.actor,
        standInput(networkId, fairRow.id, {
          areaM2: "forty",
          title: "",
          totalCost: { amount: "-1", currency: "XXX" },
          splitRule: "by_weight",
        }),
      ),
    );
    expect(invalid.code).toBe("invalid_input");
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["areaM2", "splitRule", "title", "totalCost.amount", "totalCost.currency"]);
    // Cross-field rules: the minimum area fits the stand, a fee for fee_plus_area, cents the currency has.
    const crossed = await refusal(
      createStand(
        deps,
        broker.actor,
        standInput(networkId, fairRow.id, {
          areaM2: "10",
          minAreaM2: "12",
          splitRule: "fee_plus_area",
          totalCost: { amount: "100.001", currency: "BRL" },
        }),
      ),
    );
    expect(crossed.fieldKeys).toEqual({ minAreaM2: "min_area_too_large", fixedFee: "required", "totalCost.amount": "too_many_decimals" });
    const late = await refusal(createStand(deps, broker.actor, standInput(networkId, fairRow.id, { deadline: "2027-03-11" })));
    expect(late.fieldKeys).toEqual({ deadline: "deadline_after_fair" });
    const noFair = await refusal(createStand(deps, broker.actor, standInput(networkId, crypto.randomUUID())));
    expect(noFair.fieldKeys).toEqual({ fairId: "no_such_fair" });
    expect(await database.db.select({ id: initiative.id }).from(initiative).where(eq(initiative.networkId, networkId))).toEqual(before);
    // Fairs: a fair cannot end before it starts; only brokers record fairs.
    const backwards = await refusal(
      createFair(deps, broker.actor, { name: "Backwards", city: "X", country: "DE", startsOn: "2027-03-10", endsOn: "2027-03-09" }),
    );
    expect(backwards.fieldKeys).toEqual({ endsOn: "ends_before_start" });
    const sme = await createFirmOwner(deps);
    expect(
      await codeOf(createFair(deps, sme.actor, { name: "Mine", city: "X", country: "DE", startsOn: "2027-03-10", endsOn: "2027-03-10" })),
    ).toBe("forbidden");
  });

  it("lists upcoming fairs to brokers and SMEs, never to buyers", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const past = await shoeFair(deps, broker.actor, { startsOn: "2026-03-01", endsOn: "2026-03-03" });
    const next = await shoeFair(deps, broker.actor);
    const sme = await createFirmOwner(deps);
    const ids = (await listFairs(deps, sme.actor, {})).items.map((f) => f.id);
    expect(ids).toContain(next.id);
    expect(ids).not.toContain(past.id);
    expect((await listFairs(deps, broker.actor, { includePast: true })).items.map((f) => f.id)).toContain(past.id);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    expect(await codeOf(listFairs(deps, buyer.actor, {}))).toBe("forbidden");
  });
});

describe("costs", () => {
  it("splits 20,000.00 over 12/8/20 m² with SEBRAE's 50% for small firms, as checked by hand", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 4);
    await setEmployees(
      deps,
      smes.map((s) => s.firmId),
      45,
    );
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "12" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "8" });
    await requestStandSpace(deps, smes[2].actor, { initiativeId, areaM2: "20" });

    const all = await getStandCosts(deps, broker.actor, { initiativeId });
    expect(all.seesAll).toBe(true);
    const byFirm = new Map(all.lines.map((l) => [l.firmId, l]));
    expect([smes[0], smes[1], smes[2]].map((s) => byFirm.get(s.firmId)!.grossMinor)).toEqual([600_000, 400_000, 1_000_000]);
    expect([smes[0], smes[1], smes[2]].map((s) => byFirm.get(s.firmId)!.subsidyMinor)).toEqual([300_000, 200_000, 500_000]);
    expect([smes[0], smes[1], smes[2]].map((s) => byFirm.get(s.firmId)!.netMinor)).toEqual([300_000, 200_000, 500_000]);
    expect(all.totals).toEqual({ grossMinor: 2_000_000, subsidyMinor: 1_000_000, netMinor: 1_000_000 });
    expect(all.bySubsidy).toEqual([expect.objectContaining({ sponsor: "SEBRAE", amountMinor: 1_000_000, eligibleCount: 3 })]);

    // With three firms holding space an exhibitor sees its own line, not the totals (fewer than
    // the 5 firms of the disclosure rule) and never the figures per subsidy; a member without
    // space the count only.
    const mine = await getStandCosts(deps, smes[1].actor, { initiativeId });
    expect(mine.seesAll).toBe(false);
    expect(mine.lines.map((l) => l.firmId)).toEqual([smes[1].firmId]);
    expect(mine.own).toMatchObject({ grossMinor: 400_000, netMinor: 200_000 });
    expect(mine).toMatchObject({ totals: null, totalsWithheld: "too_few", totalsFromExhibitors: 5, exhibitorCount: 3 });
    expect(mine.bySubsidy).toBeNull();
    const bystander = await getStandCosts(deps, smes[3].actor, { initiativeId });
    expect(bystander.lines).toEqual([]);
    expect(bystander.own).toBeNull();
    expect(bystander).toMatchObject({ totals: null, totalsWithheld: "too_few", exhibitorCount: 3 });
    expect(bystander.bySubsidy).toBeNull();

    // A large firm is not eligible: it pays its full share.
    await setEmployees(deps, [smes[2].firmId], 250);
    const view = await getStand(deps, smes[2].actor, { initiativeId });
    expect(view.costs.own).toMatchObject({ grossMinor: 1_000_000, subsidyMinor: 0, netMinor: 1_000_000, eligibleSubsidyIds: [] });
  });

  it("does not let a co-exhibitor work out another firm's cost when the stand keeps costs private", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 4);
    await setEmployees(deps, [smes[0].firmId, smes[2].firmId], 20);
    await setEmployees(deps, [smes[1].firmId], 250);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "10" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "10" });

    // Two exhibitors: the totals minus one's own line would be the other's line, and the
    // subsidy's eligible count would tell whether the other firm is small. Neither is given.
    for (const reader of [smes[0], smes[3]]) {
      for (const costs of [
        await getStandCosts(deps, reader.actor, { initiativeId }),
        (await getStand(deps, reader.actor, { initiativeId })).costs,
      ]) {
        expect(costs.seesAll).toBe(false);
        expect(costs.totals).toBeNull();
        expect(costs.bySubsidy).toBeNull();
        expect(costs.totalsFromExhibitors).toBe(5);
        expect(costs.totalsWithheld).toBe("too_few");
        // What the stand's settings and plan make public stays.
        expect(costs).toMatchObject({ totalCostMinor: 2_000_000, exhibitorCount: 2, uncoveredMinor: 0 });
        expect(costs.lines.map((l) => l.firmId)).toEqual(reader === smes[0] ? [smes[0].firmId] : []);
      }
    }
    expect((await getStandCosts(deps, smes[0].actor, { initiativeId })).own).toMatchObject({
      grossMinor: 1_000_000,
      subsidyMinor: 500_000,
      netMinor: 500_000,
    });
    // The broker sees everything.
    const all = await getStandCosts(deps, broker.actor, { initiativeId });
    expect(all.totals).toEqual({ grossMinor: 2_000_000, subsidyMinor: 500_000, netMinor: 1_500_000 });
    expect(all.bySubsidy).toEqual([expect.objectContaining({ sponsor: "SEBRAE", amountMinor: 500_000, eligibleCount: 1 })]);

    // A third exhibitor: still fewer than five firms, still nothing per subsidy.
    await requestStandSpace(deps, smes[2].actor, { initiativeId, areaM2: "10" });
    const three = await getStandCosts(deps, smes[0].actor, { initiativeId });
    expect(three).toMatchObject({ totals: null, totalsWithheld: "too_few", bySubsidy: null, exhibitorCount: 3 });
  });

  it("gives the totals to a co-exhibitor only through the network's disclosure rule: 5 firms (or the raised threshold), none dominating", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 7);
    await setEmployees(
      deps,
      smes.map((s) => s.firmId),
      20,
    );
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { areaM2: "100", frontageM: "10" });
    for (const [i, area] of ["10", "9", "8", "7"].entries()) await requestStandSpace(deps, smes[i].actor, { initiativeId, areaM2: area });
    expect((await getStandCosts(deps, smes[0].actor, { initiativeId })).totalsWithheld).toBe("too_few");
    await requestStandSpace(deps, smes[4].actor, { initiativeId, areaM2: "6" });
    const all = await getStandCosts(deps, broker.actor, { initiativeId });
    for (const reader of [smes[0], smes[6]]) {
      const seen = await getStandCosts(deps, reader.actor, { initiativeId });
      expect(seen).toMatchObject({ seesAll: false, totals: all.totals, totalsWithheld: null, bySubsidy: null, exhibitorCount: 5 });
      expect((await getStand(deps, reader.actor, { initiativeId })).costs.totals).toEqual(all.totals);
    }

    // The only other subsidised firm: the subsidy total minus one's own would be its subsidy.
    await setEmployees(deps, [smes[2].firmId, smes[3].firmId, smes[4].firmId], 300);
    const dominated = await getStandCosts(deps, smes[0].actor, { initiativeId });
    expect(dominated).toMatchObject({ totals: null, totalsWithheld: "dominated", exhibitorCount: 5 });
    expect((await getStand(deps, smes[1].actor, { initiativeId })).costs).toMatchObject({ totals: null, totalsWithheld: "dominated" });
    // The broker keeps the full view.
    expect((await getStandCosts(deps, broker.actor, { initiativeId })).totals).toEqual({
      grossMinor: 2000000,
      subsidyMinor: 475000,
      netMinor: 1525000,
    });
    await setEmployees(
      deps,
      smes.map((s) => s.firmId),
      20,
    );

    // The network raises its threshold: five firms are no longer enough.
    await updateNetwork(deps, broker.actor, {
      networkId,
      name: unique("Rede"),
      sector: "1520",
      currency: "BRL",
      disclosureMinContributors: 6,
    });
    expect(await getStandCosts(deps, smes[0].actor, { initiativeId })).toMatchObject({
      totals: null,
      totalsWithheld: "too_few",
      totalsFromExhibitors: 6,
    });
  });

  it("withholds the totals when one exhibitor's share dominates them", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 6);
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { areaM2: "100", frontageM: "10" });
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "60" });
    for (const sme of smes.slice(1, 5)) await requestStandSpace(deps, sme.actor, { initiativeId, areaM2: "2" });
    // 60 of 68 m²: the large firm pays 88% of the stand.
    for (const reader of [smes[1], smes[5], smes[0]]) {
      expect(await getStandCosts(deps, reader.actor, { initiativeId })).toMatchObject({
        totals: null,
        totalsWithheld: "dominated",
        exhibitorCount: 5,
      });
    }
  });

  it("shows co-exhibitors' costs only when the stand shares them", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId, fairId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "10" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "10" });
    // Not shared yet: each exhibitor sees its own line only.
    expect((await getStand(deps, smes[0].actor, { initiativeId })).costs.lines).toMatchObject([
      { firmId: smes[0].firmId, areaDm2: 1000, grossMinor: 1000000 },
    ]);
    const current = await getStand(deps, broker.actor, { initiativeId });
    await updateStand(deps, broker.actor, {
      ...standInput(networkId, fairId),
      initiativeId,
      title: current.initiative.title,
      shareCosts: true,
    });
    const shared = await getStand(deps, smes[0].actor, { initiativeId });
    expect(shared.costs.seesAll).toBe(true);
    // Sharing costs shows the exhibitors everything, the totals with two firms too.
    expect(shared.costs.totals).toEqual({ grossMinor: 2000000, subsidyMinor: 0, netMinor: 2000000 });
    expect(shared.costs.bySubsidy).toMatchObject([{ sponsor: "SEBRAE", eligibleCount: 0, amountMinor: 0 }]);
    expect(shared.costs.lines.map((l) => l.firmId).sort()).toEqual([smes[0].firmId, smes[1].firmId].sort());
  });
});

describe("space", () => {
  it(
    "never overbooks: 30 simultaneous requests of 2 m² for the last 10 m² hold exactly 5, the rest wait in order",
    { timeout: 180_000 },
    async () => {
      const { broker, networkId, smes } = await networkWithMembers(deps, 31);
      const { initiativeId } = await openStand(deps, broker.actor, networkId);
      await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "30" });
      expect((await standRow(initiativeId)).allocatedDm2).toBe(3000);

      const racers = smes.slice(1);
      const results = await Promise.all(racers.map((s) => requestStandSpace(deps, s.actor, { initiativeId, areaM2: "2" })));
      const held = results.filter((r) => r.holds);
      const waiting = results.filter((r) => r.status === "waiting");
      expect(held).toHaveLength(5);
      expect(waiting).toHaveLength(25);
      // Each waiting request got its own place, 1..25, in the order the requests were decided.
      expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const row = await standRow(initiativeId);
      expect(row.allocatedDm2).toBe(row.areaDm2);
      const spaces = await spacesOf(initiativeId);
      const holding = spaces.filter((s) => s.status === "requested" || s.status === "confirmed");
      expect(holding.reduce((sum, s) => sum + s.grantedDm2, 0)).toBe(4000);
      expect(spaces.filter((s) => s.status === "waiting")).toHaveLength(25);
      // Everyone who asked became a participant.
      const participants = await database.db
        .select()
        .from(initiativeParticipant)
        .where(eq(initiativeParticipant.initiativeId, initiativeId));
      expect(participants).toHaveLength(31);

      // The database itself refuses an overbooking, whatever the service did.
      await expect(
        database.db
          .update(stand)
          .set({ allocatedDm2: row.areaDm2 + 1 })
          .where(eq(stand.initiativeId, initiativeId)),
      ).rejects.toThrow();

      // The broker sees the list in order; a member only its own place.
      const brokerView = await getStand(deps, broker.actor, { initiativeId });
      const order = brokerView.waitingList.map((w) => w.firmId);
      expect(brokerView.waitingList.map((w) => w.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const byFirm = new Map(racers.map((s, i) => [s.firmId, results[i]]));
      expect(order.map((firmId) => byFirm.get(firmId)!.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const third = racers.find((s) => s.firmId === order[2])!;
      const thirdView = await getStand(deps, third.actor, { initiativeId });
      expect(thirdView.waitingList).toEqual([expect.objectContaining({ firmId: third.firmId, position: 3 })]);
      expect(thirdView.mySpace).toMatchObject({ status: "waiting", position: 3, requestedDm2: 200 });
      expect(thirdView.waitingCount).toBe(25);

      // Releasing 2 m² serves the head of the list; releasing 30 m² serves the next 15, in order.
      const firstHolder = racers.find((s, i) => results[i].holds)!;
      await releaseStandSpace(deps, firstHolder.actor, { initiativeId });
      const headAfter = await getStand(deps, racers.find((s) => s.firmId === order[0])!.actor, { initiativeId });
      expect(headAfter.mySpace).toMatchObject({ status: "requested", grantedDm2: 200, position: null });
      expect(await typesFor(racers.find((s) => s.firmId === order[0])!.userId)).toContain("stand_waiting_served");
      await releaseStandSpace(deps, smes[0].actor, { initiativeId });
      const after = await getStand(deps, broker.actor, { initiativeId });
      expect(after.waitingList.map((w) => w.firmId)).toEqual(order.slice(16));
      expect(after.waitingList[0].position).toBe(1);
      expect(after.stand.allocatedDm2).toBe(4000);
      expect(after.plan.spaces).toHaveLength(20);
      expect(after.plan.layout.rects).toHaveLength(20);
    },
  );

  it("serves the waiting list strictly in order when the broker trims or declines", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 5);
    const [a, b, c, d, e] = smes;
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { areaM2: "10", minAreaM2: "1" });
    await requestStandSpace(deps, a.actor, { initiativeId, areaM2: "6" });
    await requestStandSpace(deps, b.actor, { initiativeId, areaM2: "4" });
    const cWaits = await requestStandSpace(deps, c.actor, { initiativeId, areaM2: "4" });
    const dWaits = await requestStandSpace(deps, d.actor, { initiativeId, areaM2: "2" });
    expect([cWaits.status, cWaits.position, dWaits.position]).toEqual(["waiting", 1, 2]);
    const spaces = await spacesOf(initiativeId);
    const spaceOf = (firmId: string) => spaces.find((s) => s.firmId === firmId)!.id;

    // Trimming A to 3 m² frees 3: not enough for C (4 m²), and D may not pass C.
    const trimmed = await decideStandSpace(deps, broker.actor, { initiativeId, spaceId: spaceOf(a.firmId), decision: "trim", areaM2: "3" });
    expect(trimmed).toMatchObject({ status: "confirmed", grantedDm2: 300, served: [] });
    expect(await typesFor(a.userId)).toContain("stand_space_trimmed");
    expect((await getStand(deps, broker.actor, { initiativeId })).waitingList.map((w) => w.firmId)).toEqual([c.firmId, d.firmId]);
    // A new request within the free area is held: it is not beyond the remaining area.
    const eHolds = await requestStandSpace(deps, e.actor, { initiativeId, areaM2: "1" });
    expect(eHolds).toMatchObject({ status: "requested", grantedDm2: 100, position: null });

    // Declining B frees 4 more (6 free): C (4) and then D (2) are served, in order.
    const declined = await decideStandSpace(deps, broker.actor, { initiativeId, spaceId: spaceOf(b.firmId), decision: "decline" });
    expect(declined.served.map((s) => s.firmId)).toEqual([c.firmId, d.firmId]);
    expect(await typesFor(b.userId)).toContain("stand_space_declined");
    for (const served of [c, d]) expect(await typesFor(served.userId)).toContain("stand_waiting_served");
    expect((await standRow(initiativeId)).allocatedDm2).toBe(1000);

    await decideStandSpace(deps, broker.actor, { initiativeId, spaceId: spaceOf(c.firmId), decision: "confirm" });
    expect(await typesFor(c.userId)).toContain("stand_space_confirmed");
    // Confirming twice, trimming up, below the minimum or to nothing are refused.
    expect(await codeOf(decideStandSpace(deps, broker.actor, { initiativeId, spaceId: spaceOf(c.firmId), decision: "confirm" }))).toBe(
      "conflict",
    );
    const up = await refusal(
      decideStandSpace(deps, broker.actor, {
        initiativeId,
        spaceId: spaceOf(c.firmId),
        decision: "trim",
        areaM2: "5",
      }),
    );
    expect(up.fieldKeys).toEqual({ areaM2: "trim_not_smaller" });
    const noArea = await refusal(decideStandSpace(deps, broker.actor, { initiativeId, spaceId: spaceOf(c.firmId), decision: "trim" }));
    expect(noArea.fieldKeys).toEqual({ areaM2: "required" });
    // Only the network's brokers decide.
    expect(await codeOf(decideStandSpace(deps, a.actor, { initiativeId, spaceId: spaceOf(c.firmId), decision: "decline" }))).toBe(
      "forbidden",
    );
    const strangerBroker = await createUserWithRole(deps, "broker");
    expect(
      await codeOf(decideStandSpace(deps, strangerBroker.actor, { initiativeId, spaceId: spaceOf(c.firmId), decision: "decline" })),
    ).toBe("not_found");
  });

  it("lets a firm change its request: smaller frees area, larger needs free area, waiting keeps its place", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const [a, b, c] = smes;
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { areaM2: "10", minAreaM2: "1" });
    await requestStandSpace(deps, a.actor, { initiativeId, areaM2: "6" });
    const aSpace = (await spacesOf(initiativeId))[0];
    await decideStandSpace(deps, broker.actor, { initiativeId, spaceId: aSpace.id, decision: "confirm" });
    // Growing within the free area holds at once, back to "requested" for the broker.
    expect(await requestStandSpace(deps, a.actor, { initiativeId, areaM2: "7" })).toMatchObject({ status: "requested", grantedDm2: 700 });
    await requestStandSpace(deps, b.actor, { initiativeId, areaM2: "3" });
    const bigger = await refusal(requestStandSpace(deps, a.actor, { initiativeId, areaM2: "8" }));
    expect(bigger).toMatchObject({ code: "conflict", fieldKeys: { areaM2: "no_room" } });
    await requestStandSpace(deps, c.actor, { initiativeId, areaM2: "3" });
    expect((await getStand(deps, c.actor, { initiativeId })).mySpace).toMatchObject({ status: "waiting", position: 1 });
    // C waits for less; still too much with 0 free: it keeps waiting at the head.
    expect(await requestStandSpace(deps, c.actor, { initiativeId, areaM2: "2" })).toMatchObject({ status: "waiting", position: 1 });
    // A shrinks to 5: 2 m² free, C (now 2) is served.
    const shrunk = await requestStandSpace(deps, a.actor, { initiativeId, areaM2: "5" });
    expect(shrunk).toMatchObject({ status: "requested", grantedDm2: 500, served: 1 });
    expect((await getStand(deps, c.actor, { initiativeId })).mySpace).toMatchObject({ status: "requested", grantedDm2: 200 });
    expect((await standRow(initiativeId)).allocatedDm2).toBe(1000);
    // A waiting firm that lowers its request to what is free is held at once.
    await requestStandSpace(deps, b.actor, { initiativeId, areaM2: "2" });
    const d = await oneMoreMember(networkId, broker);
    expect(await requestStandSpace(deps, d.actor, { initiativeId, areaM2: "2" })).toMatchObject({ status: "waiting", position: 1 });
    expect(await requestStandSpace(deps, d.actor, { initiativeId, areaM2: "1" })).toMatchObject({
      status: "requested",
      grantedDm2: 100,
      position: null,
    });
    expect((await standRow(initiativeId)).allocatedDm2).toBe(1000);
  });

  it("keeps the rules of status, deadline, minimum area and who may ask", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    const outsider = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    expect(await codeOf(requestStandSpace(deps, outsider.actor, { initiativeId, areaM2: "4" }))).toBe("not_found");
    expect(await codeOf(requestStandSpace(deps, buyer.actor, { initiativeId, areaM2: "4" }))).toBe("not_found");
    expect(await codeOf(getStand(deps, buyer.actor, { initiativeId }))).toBe("not_found");
    expect(await codeOf(requestStandSpace(deps, broker.actor, { initiativeId, areaM2: "4" }))).toBe("forbidden");
    const small = await refusal(requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "1.5" }));
    expect(small.fieldKeys).toEqual({ areaM2: "below_min_area" });
    const huge = await refusal(requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "41" }));
    expect(huge.fieldKeys).toEqual({ areaM2: "above_stand_area" });
    const garbage = await refusal(requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4.555" }));
    expect(garbage.code).toBe("invalid_input");
    expect(Object.keys(garbage.fields ?? {})).toEqual(["areaM2"]);
    expect(await spacesOf(initiativeId)).toEqual([]);
    // Nothing to release yet.
    expect(await codeOf(releaseStandSpace(deps, smes[0].actor, { initiativeId }))).toBe("forbidden");

    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    expect(await codeOf(releaseStandSpace(deps, smes[1].actor, { initiativeId }))).toBe("forbidden");
    // After the booking deadline nobody books or releases; leaving does not release either.
    const late = at("2027-02-01T08:00:00Z");
    expect(await codeOf(requestStandSpace(late, smes[1].actor, { initiativeId, areaM2: "4" }))).toBe("conflict");
    expect(await codeOf(releaseStandSpace(late, smes[0].actor, { initiativeId }))).toBe("conflict");
    expect(await codeOf(leaveInitiative(late, smes[0].actor, { initiativeId }))).toBe("conflict");
    expect((await getStand(late, smes[0].actor, { initiativeId })).permissions).toMatchObject({ canRequest: false, canRelease: false });
    // Locked: frozen for members, the broker still decides.
    await transitionInitiative(deps, broker.actor, { initiativeId, to: "locked" });
    expect(await codeOf(requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "4" }))).toBe("conflict");
    expect(await codeOf(releaseStandSpace(deps, smes[0].actor, { initiativeId }))).toBe("conflict");
    const [space] = await spacesOf(initiativeId);
    expect((await decideStandSpace(deps, broker.actor, { initiativeId, spaceId: space.id, decision: "confirm" })).status).toBe("confirmed");
    // A locked stand's settings are frozen.
    const fairId = (await standRow(initiativeId)).fairId;
    expect(await codeOf(updateStand(deps, broker.actor, { ...standInput(networkId, fairId), initiativeId }))).toBe("conflict");
  });

  it("keeps the area above what is held, and serves the waiting list when the stand grows", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId, fairId } = await openStand(deps, broker.actor, networkId, { areaM2: "10" });
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "8" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "4" });
    const input = { ...standInput(networkId, fairId), initiativeId };
    const shrink = await refusal(updateStand(deps, broker.actor, { ...input, areaM2: "7.5" }));
    expect(shrink.fieldKeys).toEqual({ areaM2: "area_below_allocated" });
    expect(await codeOf(updateStand(deps, smes[0].actor, { ...input, areaM2: "20" }))).toBe("forbidden");
    expect(await updateStand(deps, broker.actor, { ...input, areaM2: "12" })).toMatchObject({ served: 1 });
    expect((await getStand(deps, smes[1].actor, { initiativeId })).mySpace).toMatchObject({ status: "requested", grantedDm2: 400 });
    expect(await standRow(initiativeId)).toMatchObject({ areaDm2: 1200, allocatedDm2: 1200 });
  });

  it("releases a firm's space when it leaves the initiative or the network", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { areaM2: "10" });
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "6" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "4" });
    await requestStandSpace(deps, smes[2].actor, { initiativeId, areaM2: "5" });
    await leaveInitiative(deps, smes[0].actor, { initiativeId });
    expect((await getStand(deps, smes[2].actor, { initiativeId })).mySpace).toMatchObject({ status: "requested", grantedDm2: 500 });
    await leaveNetwork(deps, smes[1].actor, { networkId });
    expect(await standRow(initiativeId)).toMatchObject({ allocatedDm2: 500 });
    const statuses = (await spacesOf(initiativeId)).map((s) => [s.firmId, s.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [smes[0].firmId, "released"],
        [smes[1].firmId, "released"],
        [smes[2].firmId, "requested"],
      ]),
    );
  });

  it("publishes stand:updated to the initiative room after each change, with ids only", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    deps.publisher.sent.length = 0;
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    const pushes = deps.publisher.sent.filter((p) => p.event === "stand:updated");
    expect(pushes).toEqual([{ room: `initiative:${initiativeId}`, event: "stand:updated", payload: { initiativeId } }]);
    expect(await typesFor(broker.id)).toContain("stand_space_requested");
  });
});

describe("the initiative page and the stand page", () => {
  it("summarises the stand on the initiative page and draws the plan with names and areas", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "12.5" });
    const page = await getInitiative(deps, smes[0].actor, { initiativeId });
    expect(page.initiative.tool).toBe("stand");
    expect(page.stand).toMatchObject({
      areaDm2: 4000,
      allocatedDm2: 1250,
      freeDm2: 2750,
      exhibitorCount: 1,
      mySpace: { status: "requested", grantedDm2: 1250 },
      href: `/initiatives/${initiativeId}/stand`,
    });
    expect(page.stand!.fair.city).toBe("Düsseldorf");
    const other = await getStand(deps, smes[1].actor, { initiativeId });
    expect(other.plan.spaces).toEqual([expect.objectContaining({ firmId: smes[0].firmId, areaDm2: 1250, own: false })]);
    expect(other.plan.layout).toMatchObject({ widthDm: 80, depthDm: 50 });
    expect(other.plan.layout.rects.map((r) => r.areaDm2)).toEqual([1250, 2750]);
    expect(other.tasks).toBeNull();
    expect(other.leads).toBeNull();
    expect(other.permissions).toMatchObject({
      canRequest: true,
      canRelease: false,
      canDecide: false,
      canAddTask: false,
      canAddLead: false,
    });
  });
});

describe("tasks", () => {
  it("keeps a shared task list for brokers and participants, with owners, due dates and overdue flags", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    const { taskId } = await addStandTask(deps, broker.actor, {
      initiativeId,
      title: "Ship the samples to Düsseldorf",
      category: "samples",
      ownerUserId: smes[0].userId,
      dueOn: "2026-11-20",
    });
    expect(await typesFor(smes[0].userId)).toContain("stand_task_assigned");
    await addStandTask(deps, smes[0].actor, {
      initiativeId,
      title: "Book flights",
      category: "travel",
      dueOn: "2027-02-15",
      status: "in_progress",
    });
    // The owner must be someone of a participating firm or a broker of the network.
    const wrongOwner = await refusal(
      addStandTask(deps, broker.actor, {
        initiativeId,
        title: "Catalogue",
        ownerUserId: smes[1].userId,
        dueOn: "2027-01-10",
      }),
    );
    expect(wrongOwner.fieldKeys).toEqual({ ownerUserId: "not_task_owner" });
    // A member that does not take part neither sees nor keeps the list.
    expect(await codeOf(addStandTask(deps, smes[1].actor, { initiativeId, title: "Mine", dueOn: "2027-01-10" }))).toBe("forbidden");
    const view = await getStand(deps, smes[0].actor, { initiativeId });
    expect(view.tasks!.map((t) => [t.title, t.overdue])).toEqual([
      ["Ship the samples to Düsseldorf", true],
      ["Book flights", false],
    ]);
    expect(view.tasks![0]).toMatchObject({ category: "samples", ownerUserId: smes[0].userId, ownerName: "Test Person", status: "todo" });
    expect(view.taskOwners.map((o) => o.userId).sort()).toEqual([broker.id, smes[0].userId].sort());
    await updateStandTask(deps, smes[0].actor, { initiativeId, taskId, status: "done" });
    expect((await getStand(deps, broker.actor, { initiativeId })).tasks![0]).toMatchObject({ status: "done", overdue: false });
    const invalid = await refusal(updateStandTask(deps, smes[0].actor, { initiativeId, taskId, dueOn: "soon", status: "maybe" }));
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["dueOn", "status"]);
    expect(await codeOf(updateStandTask(deps, smes[0].actor, { initiativeId, taskId: crypto.randomUUID(), status: "done" }))).toBe(
      "not_found",
    );
  });
});

describe("leads", () => {
  it("shows an exhibitor its own leads, everyone's when shared, and the broker all", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const { initiativeId, fairId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "4" });
    await addStandLead(deps, smes[0].actor, {
      initiativeId,
      buyerName: "Schuhhaus Becker",
      country: "DE",
      buyerType: "retailer",
      products: "Women's leather boots",
      nextStep: "Send samples",
      followUpOn: "2027-03-30",
      contactEmail: "einkauf@schuhhaus-becker.example",
    });
    await addStandLead(deps, smes[1].actor, { initiativeId, buyerName: "Importadora Andina", country: "CL", buyerType: "importer" });
    // A participant without space is no exhibitor; a member outside is no participant.
    await releaseStandSpace(deps, smes[1].actor, { initiativeId });
    expect(await codeOf(addStandLead(deps, smes[1].actor, { initiativeId, buyerName: "Late", country: "FR", buyerType: "agent" }))).toBe(
      "forbidden",
    );
    expect(await codeOf(addStandLead(deps, smes[2].actor, { initiativeId, buyerName: "Nope", country: "FR", buyerType: "agent" }))).toBe(
      "forbidden",
    );
    await requestStandSpace(deps, smes[1].actor, { initiativeId, areaM2: "4" });

    const own = await getStand(deps, smes[0].actor, { initiativeId });
    expect(own.leads!.map((l) => l.buyerName)).toEqual(["Schuhhaus Becker"]);
    expect(own.leads![0]).toMatchObject({ own: true, contactEmail: "einkauf@schuhhaus-becker.example", canInvite: true });
    expect((await getStand(deps, smes[2].actor, { initiativeId })).leads).toBeNull();
    const all = await getStand(deps, broker.actor, { initiativeId });
    expect(all.leads!.map((l) => l.buyerName).sort()).toEqual(["Importadora Andina", "Schuhhaus Becker"]);

    const current = await getStand(deps, broker.actor, { initiativeId });
    await updateStand(deps, broker.actor, {
      ...standInput(networkId, fairId),
      initiativeId,
      title: current.initiative.title,
      shareLeads: true,
    });
    const shared = await getStand(deps, smes[1].actor, { initiativeId });
    const becker = shared.leads!.find((l) => l.buyerName === "Schuhhaus Becker")!;
    expect(becker).toMatchObject({ own: false, contactEmail: null, invitationPath: null, canInvite: false });
    expect(await codeOf(inviteLeadBuyer(deps, smes[1].actor, { initiativeId, leadId: becker.id }))).toBe("forbidden");
    // The invalid lead is a 400 with every field.
    const invalid = await refusal(
      addStandLead(deps, smes[0].actor, {
        initiativeId,
        buyerName: "",
        country: "ZZ",
        buyerType: "friend",
        contactEmail: "nope",
      }),
    );
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["buyerName", "buyerType", "contactEmail", "country"]);
  });

  it("turns a lead into an invitation whose sign-up prefills and links the buyer", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    const { leadId } = await addStandLead(deps, smes[0].actor, {
      initiativeId,
      buyerName: "Calzados del Plata",
      country: "AR",
      buyerType: "importer",
    });
    const invitation = await inviteLeadBuyer(deps, smes[0].actor, { initiativeId, leadId });
    deps.publisher.sent.length = 0;
    expect(invitation.signUpPath).toBe(`/signup?lead=${invitation.token}`);
    expect(invitation.token.length).toBeGreaterThanOrEqual(32);
    // Asking again gives the same link.
    expect((await inviteLeadBuyer(deps, broker.actor, { initiativeId, leadId })).token).toBe(invitation.token);
    const prefill = await getLeadInvitation(deps, { token: invitation.token });
    expect(prefill).toMatchObject({ buyerName: "Calzados del Plata", country: "AR", buyerType: "trader_export_agent" });
    expect(await getLeadInvitation(deps, { token: "x".repeat(40) })).toBeNull();

    const email = uniqueEmail("buyer");
    const joined = created(
      await signUp(deps, {
        firmChoice: "create",
        role: "buyer",
        name: "Lucía Pérez",
        email,
        password: PASSWORD,
        firmName: unique("Calzados del Plata"),
        country: "AR",
        sector: "4641",
        buyerType: "trader_export_agent",
        leadToken: invitation.token,
      }),
    );
    const [lead] = await database.db.select().from(standLead).where(eq(standLead.id, leadId));
    expect(lead.joinedFirmId).toBe(joined.firmId);
    expect(await typesFor(smes[0].userId)).toContain("stand_lead_joined");
    expect(deps.publisher.sent.some((p) => p.event === "stand:updated" && p.room === `initiative:${initiativeId}`)).toBe(true);
    // Used once: the link no longer prefills, a second sign-up links nothing, and no new invitation.
    expect(await getLeadInvitation(deps, { token: invitation.token })).toBeNull();
    expect(await codeOf(inviteLeadBuyer(deps, smes[0].actor, { initiativeId, leadId }))).toBe("conflict");
    const second = created(
      await signUp(deps, {
        firmChoice: "create",
        role: "buyer",
        name: "Someone Else",
        email: uniqueEmail("buyer"),
        password: PASSWORD,
        firmName: unique("Other"),
        country: "AR",
        sector: "4641",
        buyerType: "trader_export_agent",
        leadToken: invitation.token,
      }),
    );
    const [still] = await database.db.select().from(standLead).where(eq(standLead.id, leadId));
    expect(still.joinedFirmId).toBe(joined.firmId);
    expect(second.status).toBe("active");
  });
});

describe("calendar and reminders", () => {
  it("exports the fair's days, the booking deadline and the open tasks as ICS", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId } = await openStand(deps, broker.actor, networkId, { title: "Stand at GDS, March" });
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    await addStandTask(deps, broker.actor, { initiativeId, title: "Print the catalogue", category: "catalogue", dueOn: "2027-02-20" });
    const { taskId } = await addStandTask(deps, broker.actor, { initiativeId, title: "Design the stand", dueOn: "2027-01-20" });
    await updateStandTask(deps, broker.actor, { initiativeId, taskId, status: "done" });
    const { filename, ics } = await exportStandCalendar(deps, smes[0].actor, { initiativeId });
    expect(filename).toBe("stand-at-gds-march.ics");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("DTSTART;VALUE=DATE:20270310");
    expect(ics).toContain("DTEND;VALUE=DATE:20270313");
    expect(ics).toContain("Booking deadline: Stand at GDS\\, March");
    expect(ics).toContain("Due: Print the catalogue");
    expect(ics).not.toContain("Design the stand");
    // A member that does not take part gets the fair but not the tasks.
    const bystander = await exportStandCalendar(deps, smes[1].actor, { initiativeId });
    expect(bystander.ics).toContain("DTSTART;VALUE=DATE:20270310");
    expect(bystander.ics).not.toContain("Print the catalogue");
    const outsider = await createFirmOwner(deps);
    expect(await codeOf(exportStandCalendar(deps, outsider.actor, { initiativeId }))).toBe("not_found");
  });

  it("sends 'fair in 7 days' once per stand and 'task due' once to the owner", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    await addStandTask(deps, broker.actor, {
      initiativeId,
      title: "Visas",
      category: "travel",
      ownerUserId: smes[0].userId,
      dueOn: "2027-03-01",
    });
    await addStandTask(deps, broker.actor, { initiativeId, title: "Unowned", dueOn: "2027-03-01" });
    // Far from everything: nothing is due.
    const early = await notifyStandReminders(at("2027-02-01T06:00:00Z"));
    expect(await typesFor(smes[0].userId)).not.toContain("stand_task_due");
    expect(early.tasks).toBe(0);
    // Three days before the due date: the owner is told, once.
    await notifyStandReminders(at("2027-02-26T06:00:00Z"));
    await notifyStandReminders(at("2027-02-27T06:00:00Z"));
    expect((await typesFor(smes[0].userId)).filter((t) => t === "stand_task_due")).toHaveLength(1);
    // A week before the fair: exhibitors and brokers, once; the member without space is not told.
    await notifyStandReminders(at("2027-03-03T06:00:00Z"));
    await notifyStandReminders(at("2027-03-04T06:00:00Z"));
    expect((await typesFor(smes[0].userId)).filter((t) => t === "stand_fair_soon")).toHaveLength(1);
    expect((await typesFor(broker.id)).filter((t) => t === "stand_fair_soon")).toHaveLength(1);
    expect(await typesFor(smes[1].userId)).not.toContain("stand_fair_soon");
    const [row] = await database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, smes[0].userId), eq(notification.type, "stand_fair_soon")));
    expect(row.params).toMatchObject({ date: "2027-03-10" });
    expect(row.href).toBe(`/initiatives/${initiativeId}/stand`);
    const tasks = await database.db.select().from(standTask).where(eq(standTask.initiativeId, initiativeId));
    expect(tasks.find((t) => t.title === "Unowned")!.dueNoticeAt).toBeNull();
    // Fairs of other stands are not touched by this one's claim.
    const fairs = await database.db
      .select()
      .from(fair)
      .where(inArray(fair.id, [(await standRow(initiativeId)).fairId]));
    expect(fairs).toHaveLength(1);
  });
});

describe("leads among the diversification options", () => {
  it("lists an SME's own leads, and co-exhibitors' only where its stand shares them, never other SMEs'", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const [a, b, c] = smes;
    for (const sme of smes) await smeProfile(deps, sme.actor, 40000);
    const first = await openStand(deps, broker.actor, networkId);
    const second = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, a.actor, { initiativeId: first.initiativeId, areaM2: "4" });
    await requestStandSpace(deps, b.actor, { initiativeId: first.initiativeId, areaM2: "4" });
    await requestStandSpace(deps, c.actor, { initiativeId: second.initiativeId, areaM2: "4" });
    await addStandLead(deps, a.actor, {
      initiativeId: first.initiativeId,
      buyerName: "Schuhhaus Becker",
      country: "DE",
      buyerType: "retailer",
      nextStep: "Samples",
    });
    await addStandLead(deps, b.actor, {
      initiativeId: first.initiativeId,
      buyerName: "Importadora Andina",
      country: "CL",
      buyerType: "importer",
    });
    await addStandLead(deps, c.actor, {
      initiativeId: second.initiativeId,
      buyerName: "Nordic Footwear AB",
      country: "SE",
      buyerType: "distributor",
    });

    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const need = await createNeed(deps, buyer.actor, needInput({ volume: 20000 }));
    await transitionNeed(deps, buyer.actor, { needId: need.id, to: "open" });
    const leadsFor = async (sme: (typeof smes)[number]) =>
      (await listMyMatchingNeeds(deps, sme.actor)).items.find((i) => i.needId === need.id)!.options.leads.map((l) => [l.buyerName, l.own]);
    expect(await leadsFor(a)).toEqual([["Schuhhaus Becker", true]]);
    expect(await leadsFor(c)).toEqual([["Nordic Footwear AB", true]]);

    // Once the first stand shares its leads, A and B see each other's, and C still only its own.
    const current = await getStand(deps, broker.actor, { initiativeId: first.initiativeId });
    await updateStand(deps, broker.actor, {
      ...standInput(networkId, first.fairId),
      initiativeId: first.initiativeId,
      title: current.initiative.title,
      shareLeads: true,
    });
    expect((await leadsFor(a)).sort()).toEqual([
      ["Importadora Andina", false],
      ["Schuhhaus Becker", true],
    ]);
    expect(await leadsFor(c)).toEqual([["Nordic Footwear AB", true]]);
    // The broker sees them in the ranking's options; a broker of another network sees none.
    const ranked = await listNeedMatches(deps, broker.actor, { needId: need.id });
    expect(ranked.items.find((m) => m.firmId === c.firmId)!.options!.leads.map((l) => l.buyerName)).toEqual(["Nordic Footwear AB"]);
    const { broker: otherBroker, networkId: otherNetwork } = await networkWithMembers(deps, 0);
    await inviteToNetwork(deps, otherBroker.actor, { networkId: otherNetwork, firmId: c.firmId });
    await respondToInvitation(deps, c.actor, { networkId: otherNetwork, decision: "accept", consent: true });
    const foreign = await listNeedMatches(deps, otherBroker.actor, { needId: need.id });
    expect(foreign.items.find((m) => m.firmId === c.firmId)!.options!.leads).toEqual([]);
    // Released space: no more shared leads, own ones stay.
    await releaseStandSpace(deps, b.actor, { initiativeId: first.initiativeId });
    expect(await leadsFor(b)).toEqual([["Importadora Andina", true]]);
  });
});
