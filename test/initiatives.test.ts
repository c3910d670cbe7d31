import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity } from "../db/schema/initiatives";
import { notification } from "../db/schema/notifications";
import { createInitiative } from "../server/services/initiatives/create-initiative";
import { getCostShares, getInitiative, getJointBuy } from "../server/services/initiatives/get-initiative";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { leaveInitiative } from "../server/services/initiatives/leave-initiative";
import { notifyDeadlines } from "../server/services/initiatives/notify-deadlines";
import { postInitiativeMessage } from "../server/services/initiatives/post-message";
import { purchaseSummaryCsv } from "../server/services/initiatives/purchase-summary";
import { setInitiativeBudget } from "../server/services/initiatives/set-initiative-budget";
import { setJointBuyCommitment } from "../server/services/initiatives/set-joint-buy-commitment";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { updateInitiative } from "../server/services/initiatives/update-initiative";
import { updateMyFirm } from "../server/services/firms/update-my-firm";
import { AppError } from "../server/errors";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { createFirmOwner, createUserWithRole, makeDeps, unique } from "./factories";
import { LEATHER_QUOTE, networkWithMembers, openJointBuy } from "./network-fixtures";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const typesFor = async (userId: string) =>
  (await database.db.select().from(notification).where(eq(notification.userId, userId))).map((n) => n.type);

describe("lifecycle", () => {
  it("keeps drafts invisible to members: reading, joining or posting answer 404", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const { id } = await createInitiative(deps, broker.actor, {
      networkId,
      objective: "joint_buying",
      title: "Secret draft",
      deadline: "2027-01-01",
      jointBuy: LEATHER_QUOTE,
    });
    await expect(joinInitiative(deps, smes[0].actor, { initiativeId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(postInitiativeMessage(deps, smes[0].actor, { initiativeId: id, body: "hello?" })).rejects.toMatchObject({
      code: "not_found",
    });
    const { getNetwork } = await import("../server/services/networks/get-network");
    const memberView = await getNetwork(deps, smes[0].actor, { networkId });
    expect(memberView.initiatives.map((i) => i.id)).not.toContain(id);
    expect(memberView.activity.map((a) => a.action)).not.toContain("initiative.created");
  });

  it("enforces draft -> open -> locked -> completed and refuses other moves", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const { id } = await createInitiative(deps, broker.actor, {
      networkId,
      objective: "hearing_the_market",
      title: "Visit to buyers in Düsseldorf",
      deadline: "2027-03-01",
    });
    // A draft is the brokers' own until opened.
    await expect(getInitiative(deps, smes[0].actor, { initiativeId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" })).rejects.toMatchObject({ code: "conflict" });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" });
    expect(await typesFor(smes[0].userId)).toContain("initiative_open");
    await expect(transitionInitiative(deps, smes[0].actor, { initiativeId: id, to: "locked" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "completed" });
    await expect(transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" })).rejects.toMatchObject({ code: "conflict" });
    const view = await getInitiative(deps, broker.actor, { initiativeId: id });
    expect(view.activity.map((a) => a.action).reverse()).toEqual([
      "initiative.created",
      "initiative.open",
      "initiative.locked",
      "initiative.completed",
    ]);
    expect(view.activity[0]).toMatchObject({ before: { status: "locked" }, after: { status: "completed" } });
  });

  it("notifies participants when an initiative is cancelled", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "cancelled" });
    expect(await typesFor(smes[0].userId)).toContain("initiative_cancelled");
    expect(await typesFor(smes[1].userId)).not.toContain("initiative_cancelled");
  });

  it("lets brokers edit a draft or open initiative but not a locked one", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    await updateInitiative(deps, broker.actor, {
      initiativeId: id,
      title: "Renamed purchase",
      deadline: "2027-01-15",
      shareQuantities: true,
    });
    await expect(
      updateInitiative(deps, smes[0].actor, { initiativeId: id, title: "Hijack", deadline: "2027-01-15" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 50 });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" });
    await expect(
      updateInitiative(deps, broker.actor, { initiativeId: id, title: "Too late", deadline: "2027-01-15" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("participation and form", () => {
  it("derives the form from the participants' links", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3, ["assembly", "assembly", "components"]);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    expect((await getInitiative(deps, broker.actor, { initiativeId: id })).form).toMatchObject({ orientation: null, size: null, count: 1 });
    await joinInitiative(deps, smes[1].actor, { initiativeId: id });
    expect((await getInitiative(deps, broker.actor, { initiativeId: id })).form).toMatchObject({
      orientation: "horizontal",
      size: "bilateral",
    });
    await joinInitiative(deps, smes[2].actor, { initiativeId: id });
    expect((await getInitiative(deps, broker.actor, { initiativeId: id })).form).toMatchObject({
      orientation: "vertical",
      size: "multilateral",
      count: 3,
      links: ["components", "assembly"],
    });
  });

  it("lets only member SMEs join, only while open, once; leaving withdraws the commitment", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const outsider = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const id = await openJointBuy(deps, broker.actor, networkId, []);
    await expect(joinInitiative(deps, outsider.actor, { initiativeId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(joinInitiative(deps, buyer.actor, { initiativeId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(joinInitiative(deps, broker.actor, { initiativeId: id })).rejects.toMatchObject({ code: "forbidden" });
    await joinInitiative(deps, smes[0].actor, { initiativeId: id });
    await expect(joinInitiative(deps, smes[0].actor, { initiativeId: id })).rejects.toMatchObject({ code: "conflict" });
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 40 });
    await leaveInitiative(deps, smes[0].actor, { initiativeId: id });
    expect((await getJointBuy(deps, broker.actor, { initiativeId: id })).total).toBe(0);
    // Below the minimum to proceed it cannot be locked, only cancelled.
    await expect(transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" })).rejects.toMatchObject({ code: "conflict" });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "cancelled" });
    await expect(joinInitiative(deps, smes[0].actor, { initiativeId: id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps a discussion that members and brokers may write to, pushed live", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    deps.publisher.sent.length = 0;
    await postInitiativeMessage(deps, broker.actor, { initiativeId: id, body: "Which colours do you need?" });
    await postInitiativeMessage(deps, smes[0].actor, { initiativeId: id, body: "Black, 60%; cognac, 40%." });
    await expect(postInitiativeMessage(deps, smes[0].actor, { initiativeId: id, body: "   " })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const outsider = await createFirmOwner(deps);
    await expect(postInitiativeMessage(deps, outsider.actor, { initiativeId: id, body: "spam" })).rejects.toMatchObject({
      code: "not_found",
    });
    const view = await getInitiative(deps, smes[0].actor, { initiativeId: id });
    expect(view.messages.map((m) => m.body)).toEqual(["Which colours do you need?", "Black, 60%; cognac, 40%."]);
    expect(deps.publisher.sent.filter((p) => p.event === "initiative:message")).toEqual(
      view.messages.map((m) => ({ room: `initiative:${id}`, event: "initiative:message", payload: { initiativeId: id, messageId: m.id } })),
    );
  });
});

describe("joint buying", () => {
  it("pools commitments, reports the reached and next break, and each participant's cost and saving", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor, smes[1].actor]);
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 60 });
    let pool = await getJointBuy(deps, broker.actor, { initiativeId: id });
    expect(pool).toMatchObject({
      total: 60,
      reached: { minQuantity: 1, unitPriceMinor: 1000 },
      next: { minQuantity: 100 },
      neededForNext: 40,
      meetsMinimum: true,
    });

    await setJointBuyCommitment(deps, smes[1].actor, { initiativeId: id, quantity: 70 });
    pool = await getJointBuy(deps, broker.actor, { initiativeId: id });
    expect(pool).toMatchObject({
      total: 130,
      reached: { minQuantity: 100, unitPriceMinor: 900 },
      next: { minQuantity: 500 },
      neededForNext: 370,
    });
    const first = pool.lines.find((l) => l.firmId === smes[0].firmId)!;
    expect(first).toMatchObject({ quantity: 60, costMinor: 54_000, aloneCostMinor: 60_000, savingMinor: 6_000 });
    for (const sme of smes) expect(await typesFor(sme.userId)).toContain("price_break_reached");
    expect(await typesFor(broker.id)).toContain("price_break_reached");

    // Withdrawing (quantity 0) falls back below the break.
    await setJointBuyCommitment(deps, smes[1].actor, { initiativeId: id, quantity: 0 });
    expect((await getJointBuy(deps, broker.actor, { initiativeId: id })).total).toBe(60);
  });

  it("shows co-participants' quantities only when the initiative shares them", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor, smes[1].actor]);
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 10 });
    await setJointBuyCommitment(deps, smes[1].actor, { initiativeId: id, quantity: 20 });
    const hidden = await getJointBuy(deps, smes[0].actor, { initiativeId: id });
    expect(hidden.total).toBe(30);
    expect(hidden.lines.map((l) => l.firmId)).toEqual([smes[0].firmId]);
    const log = (await getInitiative(deps, smes[0].actor, { initiativeId: id })).activity.find(
      (a) => a.action === "commitment.made" && a.after && (a.after as { total: number }).total === 30,
    )!;
    expect(log.after).toEqual({ total: 30 });
    const everyLine = [
      { firmId: smes[0].firmId, quantity: 10, costMinor: 10000 },
      { firmId: smes[1].firmId, quantity: 20, costMinor: 20000 },
    ];
    expect((await getJointBuy(deps, broker.actor, { initiativeId: id })).lines).toMatchObject(everyLine);

    await updateInitiative(deps, broker.actor, { initiativeId: id, title: "Shared", deadline: "2027-01-01", shareQuantities: true });
    expect((await getJointBuy(deps, smes[0].actor, { initiativeId: id })).lines).toMatchObject(everyLine);
  });

  it("refuses commitments from non-participants, negative quantities and after locking", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    await expect(setJointBuyCommitment(deps, smes[1].actor, { initiativeId: id, quantity: 5 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const negative = await refusal(setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: -5 }));
    expect(negative.code).toBe("invalid_input");
    expect(Object.keys(negative.fields ?? {})).toEqual(["quantity"]);
    await expect(setJointBuyCommitment(deps, broker.actor, { initiativeId: id, quantity: 5 })).rejects.toMatchObject({ code: "forbidden" });
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 60 });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" });
    await expect(setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 6 })).rejects.toMatchObject({ code: "conflict" });
    expect(await typesFor(smes[0].userId)).toContain("initiative_locked");
  });

  it("rejects an invalid quote with a field message and creates nothing", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const before = (await getInitiativeCount(networkId)).length;
    const risingPrice = await refusal(
      createInitiative(deps, broker.actor, {
        networkId,
        objective: "joint_buying",
        title: "Cheaper when smaller?",
        deadline: "2027-01-01",
        jointBuy: {
          ...LEATHER_QUOTE,
          priceBreaks: [
            { minQuantity: 1, unitPrice: "8.00" },
            { minQuantity: 100, unitPrice: "9.00" },
          ],
        },
      }),
    );
    expect(risingPrice.code).toBe("invalid_input");
    expect(Object.keys(risingPrice.fields ?? {})).toEqual(["jointBuy.priceBreaks"]);
    const noQuote = await refusal(
      createInitiative(deps, broker.actor, { networkId, objective: "joint_buying", title: "No quote", deadline: "2027-01-01" }),
    );
    expect(noQuote.code).toBe("invalid_input");
    expect(Object.keys(noQuote.fields ?? {})).toEqual(["jointBuy"]);
    expect((await getInitiativeCount(networkId)).length).toBe(before);
  });

  it("never loses one of 50 simultaneous commitment changes from different participants", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 50);
    const id = await openJointBuy(
      deps,
      broker.actor,
      networkId,
      smes.map((s) => s.actor),
    );
    const wave = (quantity: (i: number) => number) =>
      Promise.all(smes.map((s, i) => setJointBuyCommitment(deps, s.actor, { initiativeId: id, quantity: quantity(i) })));

    // Wave 1: 50 participants commit at once; wave 2: all 50 change their quantity at once.
    await wave((i) => i + 1);
    expect((await getJointBuy(deps, broker.actor, { initiativeId: id })).total).toBe(1275);
    await wave((i) => 2 * (i + 1));
    const pool = await getJointBuy(deps, broker.actor, { initiativeId: id });
    expect(pool.total).toBe(2550);
    expect(pool.reached).toEqual({ minQuantity: 500, unitPriceMinor: 800 });

    // Every change is in the log, and the logged totals chain without a gap: each change saw
    // exactly the total the previous one left.
    const log = await database.db.select().from(activity).where(eq(activity.initiativeId, id));
    const commits = log
      .filter((l) => l.action === "commitment.made" || l.action === "commitment.changed")
      .map((l) => ({ before: (l.before as { total: number }).total, after: (l.after as { total: number }).total, action: l.action }))
      .sort((a, b) => a.before - b.before);
    expect(commits).toHaveLength(100);
    expect(commits.filter((c) => c.action === "commitment.made")).toHaveLength(50);
    expect(commits[0].before).toBe(0);
    for (let i = 1; i < commits.length; i++) expect(commits[i].before).toBe(commits[i - 1].after);
    expect(commits.at(-1)!.after).toBe(2550);
    // Crossing 100 and 500 was announced once each.
    expect(
      log
        .filter((l) => l.action === "jointbuy.break_reached")
        .map((l) => (l.after as { minQuantity: number }).minQuantity)
        .sort((a, b) => a - b),
    ).toEqual([100, 500]);
  }, 180_000);

  it("produces a purchase summary CSV once locked", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor, smes[1].actor]);
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 60 });
    await setJointBuyCommitment(deps, smes[1].actor, { initiativeId: id, quantity: 70 });
    await expect(purchaseSummaryCsv(deps, broker.actor, { initiativeId: id })).rejects.toMatchObject({ code: "conflict" });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" });
    const { csv, filename } = await purchaseSummaryCsv(deps, broker.actor, { initiativeId: id });
    expect(filename).toMatch(/purchase-summary\.csv$/);
    expect(csv).toContain("TOTAL,130,m²,9.00,1170.00");
    const mine = await purchaseSummaryCsv(deps, smes[0].actor, { initiativeId: id });
    expect(mine.csv.split("\n").filter((line) => line.includes(",m²,")).length).toBe(2); // own line + total
  });
});

describe("generic tool: budget, funding and shares", () => {
  it("splits what the subsidy leaves, exactly, by the chosen rule", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const { id } = await createInitiative(deps, broker.actor, {
      networkId,
      objective: "process_improvement",
      title: "Shared lean consultant",
      deadline: "2027-02-01",
      budget: {
        budget: { amount: "10000.00", currency: "BRL" },
        splitRule: "equal",
        fundingSources: [{ kind: "percent", sponsor: "SEBRAE", percent: 50 }],
      },
    });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" });
    for (const s of smes) await joinInitiative(deps, s.actor, { initiativeId: id });
    const shares = await getCostShares(deps, broker.actor, { initiativeId: id });
    expect(shares).toMatchObject({ budgetMinor: 1_000_000, fundedTotal: 500_000, toSplit: 500_000 });
    expect(shares.shares.map((s) => s.amountMinor).sort()).toEqual([166_666, 166_667, 166_667]);
    expect(shares.shares.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(500_000);

    // By employees: a firm without the figure is named, not guessed.
    await setInitiativeBudget(deps, broker.actor, {
      initiativeId: id,
      budget: { amount: "10000.00", currency: "BRL" },
      splitRule: "by_employees",
      fundingSources: [{ kind: "fixed", sponsor: "State agency", amount: "1000.00" }],
    });
    let byEmployees = await getCostShares(deps, broker.actor, { initiativeId: id });
    expect(byEmployees.missingFigures).toHaveLength(3);
    for (const [i, s] of smes.entries()) {
      await updateMyFirm(deps, s.actor, {
        kind: "sme",
        name: unique("Firm"),
        country: "BR",
        sector: "1520",
        link: "assembly",
        tier: 1,
        employees: (i + 1) * 10,
      });
    }
    byEmployees = await getCostShares(deps, broker.actor, { initiativeId: id });
    expect(byEmployees.toSplit).toBe(900_000);
    expect(byEmployees.shares.map((s) => s.amountMinor).sort((a, b) => a - b)).toEqual([150_000, 300_000, 450_000]);

    // A participant sees its own share only, unless shares are shared.
    const own = await getCostShares(deps, smes[0].actor, { initiativeId: id });
    expect(own.shares.map((s) => s.firmId)).toEqual([smes[0].firmId]);
    await expect(
      setInitiativeBudget(deps, smes[0].actor, { initiativeId: id, budget: { amount: "1.00", currency: "BRL" }, splitRule: "equal" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("deadline notices", () => {
  it("tells participants and brokers once when the deadline is within 48 hours", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor], { deadline: "2026-11-24" });
    const later = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor], { deadline: "2027-06-30" });
    const sent = await notifyDeadlines(deps);
    // One initiative is within 48 hours; the later one is not.
    expect(sent).toBe(1);
    expect(await notifyDeadlines(deps)).toBe(0);
    const mine = await database.db.select().from(notification).where(eq(notification.userId, smes[0].userId));
    expect(mine.filter((n) => n.type === "initiative_deadline_soon").map((n) => n.href)).toEqual([`/initiatives/${id}`]);
    expect(mine.some((n) => n.href === `/initiatives/${later}` && n.type === "initiative_deadline_soon")).toBe(false);
    expect(await typesFor(broker.id)).toContain("initiative_deadline_soon");
  });
});

/** "ok", or the code a use case refused with (anything but an AppError fails the test). */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("who may do what, per role", () => {
  it("answers every role as the permission table says", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    const admin = await createUserWithRole(deps, "admin");
    const otherBroker = await createUserWithRole(deps, "broker");
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const outsider = await createFirmOwner(deps);
    const read = (actor: typeof broker.actor) => outcome(getInitiative(deps, actor, { initiativeId: id }));
    expect(await read(broker.actor)).toBe("ok");
    expect(await read(admin.actor)).toBe("ok");
    expect(await read(smes[0].actor)).toBe("ok");
    expect(await read(smes[1].actor)).toBe("ok");
    expect(await read(otherBroker.actor)).toBe("not_found");
    expect(await read(buyer.actor)).toBe("not_found");
    expect(await read(outsider.actor)).toBe("not_found");
    const create = (actor: typeof broker.actor) =>
      outcome(createInitiative(deps, actor, { networkId, objective: "hearing_the_market", title: "Buyer visit", deadline: "2027-01-01" }));
    expect(await create(broker.actor)).toBe("ok");
    expect(await create(otherBroker.actor)).toBe("not_found");
    expect(await create(smes[0].actor)).toBe("forbidden");
    expect(await create(admin.actor)).toBe("forbidden");
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 80 });
    const lock = (actor: typeof broker.actor) => outcome(transitionInitiative(deps, actor, { initiativeId: id, to: "locked" }));
    expect(await lock(smes[0].actor)).toBe("forbidden");
    expect(await lock(admin.actor)).toBe("forbidden");
    expect(await lock(broker.actor)).toBe("ok");
  });
});

async function getInitiativeCount(networkId: string) {
  const { initiative } = await import("../db/schema/initiatives");
  return database.db.select().from(initiative).where(eq(initiative.networkId, networkId));
}
