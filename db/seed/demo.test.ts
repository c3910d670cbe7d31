import { verifyPassword } from "better-auth/crypto";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costShares } from "../../server/domain/cost-split";
import { DEFAULT_THRESHOLDS, levelOf, measure, systemicBuyers } from "../../server/domain/dependence";
import { poolSummary } from "../../server/domain/price-breaks";
import { firmIdSchema } from "../../server/schemas/firm";
import { needInputSchema } from "../../server/schemas/sourcing";
import { loadActor } from "../../server/services/accounts/load-actor";
import type { Deps } from "../../server/services/deps";
import { dependenceFigures, salesOfFirms } from "../../server/services/ledger/dependence-figures";
import { getNetworkDependence } from "../../server/services/ledger/get-network-dependence";
import { listConsortiumProposals } from "../../server/services/sourcing/list-consortium-proposals";
import { listMyMatchingNeeds } from "../../server/services/sourcing/list-my-matching-needs";
import { listNeedMatches } from "../../server/services/sourcing/list-need-matches";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { isCertificationCode } from "../reference/certifications";
import { isIsicClass } from "../reference/isic";
import { account, user } from "../schema/auth";
import { firm, firmCapacity, firmCertification, firmMember } from "../schema/firms";
import { dependenceState, exchangeRate, salesEntry } from "../schema/ledger";
import {
  activity,
  fundingSource,
  initiative,
  initiativeBudget,
  initiativeMessage,
  initiativeParticipant,
  jointBuy,
  jointBuyCommitment,
} from "../schema/initiatives";
import { network, networkBroker, networkMember } from "../schema/networks";
import { notification } from "../schema/notifications";
import { sourcingNeed } from "../schema/sourcing";
import {
  DEMO_BUYERS,
  DEMO_CONSULTANT,
  DEMO_EXCHANGE_RATES,
  DEMO_LOCKED_JOINT_BUY,
  DEMO_LOGINS,
  DEMO_NEEDS,
  DEMO_NETWORK,
  DEMO_RUNNING_JOINT_BUY,
  demoId,
  seedDemo,
} from "./demo";
import { DEMO_FAIR, DEMO_STAND, DEMO_STAND_LEADS, DEMO_STAND_TASKS } from "./demo";
import { getStand } from "../../server/services/stands/get-stand";
import { fair, stand, standLead, standSpace, standSubsidy, standTask } from "../schema/stands";
import { DEMO_CLUB, DEMO_LEARNING_NETWORK, DEMO_LEARNING_SMES, DEMO_OPEN_QUARTER_REPORTED } from "./demo";
import { benchmarkPeriod, clubMeeting, kpiReference, kpiSubmission, meetingAction, meetingAttendance } from "../schema/learning";
import { getBenchmarkReport } from "../../server/services/learning/get-benchmark-report";
import { getBenchmarkClub } from "../../server/services/learning/get-benchmark-club";

let database: TestDatabase;
let deps: Deps;
let afterFirst: Record<string, number>;
let afterSecond: Record<string, number>;

const NOW = new Date("2026-11-23T12:00:00Z");

const TABLES = {
  user,
  account,
  firm,
  firmMember,
  firmCertification,
  firmCapacity,
  notification,
  network,
  networkBroker,
  networkMember,
  initiative,
  initiativeParticipant,
  initiativeMessage,
  initiativeBudget,
  fundingSource,
  jointBuy,
  jointBuyCommitment,
  activity,
  salesEntry,
  exchangeRate,
  dependenceState,
  sourcingNeed,
  benchmarkPeriod,
  kpiSubmission,
  kpiReference,
  clubMeeting,
  meetingAttendance,
  meetingAction,
};

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await database.db.select({ n: count() }).from(table);
    counts[name] = row.n;
  }
  return counts;
}

async function initiativeTitled(title: string) {
  const [row] = await database.db.select().from(initiative).where(eq(initiative.title, title));
  expect(row, title).toBeDefined();
  return row;
}

/** The quote and commitments of a joint purchase, as the live view reads them. */
async function pool(initiativeId: string) {
  const [quote] = await database.db.select().from(jointBuy).where(eq(jointBuy.initiativeId, initiativeId));
  const commitments = await database.db
    .select({ id: jointBuyCommitment.firmId, quantity: jointBuyCommitment.quantity })
    .from(jointBuyCommitment)
    .where(eq(jointBuyCommitment.initiativeId, initiativeId));
  return { quote, commitments, summary: poolSummary(quote.priceBreaks, commitments, quote.minimumQuantity) };
}

async function firmIdOfLogin(email: string): Promise<string> {
  const [row] = await database.db
    .select({ firmId: firmMember.firmId })
    .from(firmMember)
    .innerJoin(user, eq(user.id, firmMember.userId))
    .where(eq(user.email, email));
  return row.firmId;
}

/** Active SME members of the demo network. */
async function activeMemberIds(): Promise<string[]> {
  const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_NETWORK.name));
  const rows = await database.db
    .select({ firmId: networkMember.firmId })
    .from(networkMember)
    .where(and(eq(networkMember.networkId, net.id), eq(networkMember.status, "active")));
  return rows.map((r) => r.firmId);
}

/** Firms with a sales ledger. */
async function ledgerFirmIds(): Promise<string[]> {
  const rows = await database.db.selectDistinct({ firmId: salesEntry.firmId }).from(salesEntry);
  return rows.map((r) => r.firmId);
}

const STRIDEWELL = demoId("firm:stridewell");
const NOW_DAY = NOW.toISOString().slice(0, 10);
const BOOTS = demoId("need:schuhring-ankle-boots-aw27");
const LOAFERS = demoId("need:vellacorte-loafers");
const SNEAKERS = demoId("need:schuhring-sneakers-2027");

async function userIdOf(email: string): Promise<string> {
  const [row] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row.id;
}

beforeAll(async () => {
  // A fresh migrated database (in-memory PGlite unless TEST_DATABASE_URL is set).
  database = await createTestDatabase();
  deps = { db: database.db, publisher: { toRoom() {}, disconnectSession() {}, rescopeUsers() {} }, now: () => NOW };
  await seedDemo(database.db, NOW);
  afterFirst = await rowCounts();
  await seedDemo(database.db, NOW);
  afterSecond = await rowCounts();
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("seedDemo", () => {
  it("seeds about 30 SMEs of the Sinos Valley, each with a chain position", async () => {
    // The Eastern Cape network's firms are checked with its club below.
    const eastern = new Set(DEMO_LEARNING_SMES.map((f) => demoId(`firm:${f.key}`)));
    const smes = (await database.db.select().from(firm).where(eq(firm.kind, "sme"))).filter((f) => !eastern.has(f.id));
    expect(smes.length).toBeGreaterThanOrEqual(28);
    expect(smes.length).toBeLessThanOrEqual(34);
    for (const sme of smes) {
      expect(sme.link, sme.name).not.toBeNull();
      expect(sme.tier, sme.name).not.toBeNull();
      expect(sme.country).toBe("BR");
      expect(sme.region).toContain("Vale dos Sinos, RS");
      expect(sme.turnoverCurrency).toBe("BRL");
      expect(sme.employees).toBeGreaterThanOrEqual(8);
      expect(sme.employees).toBeLessThanOrEqual(240);
    }
    expect(new Set(smes.map((s) => s.link)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(smes.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    expect(smes.filter((s) => s.sector === "1520").length).toBeGreaterThanOrEqual(10);
  });

  it("uses valid ids and only catalogue codes: ISIC classes and certifications", async () => {
    const firms = await database.db.select({ id: firm.id, sector: firm.sector }).from(firm);
    for (const f of firms) {
      expect(isIsicClass(f.sector), f.sector).toBe(true);
      // Fixed ids must still pass the routes' uuid validation.
      expect(firmIdSchema.safeParse({ firmId: f.id }).success, f.id).toBe(true);
    }
    const certifications = await database.db.select().from(firmCertification);
    expect(certifications.length).toBeGreaterThan(0);
    for (const c of certifications) expect(isCertificationCode(c.code), c.code).toBe(true);
    // One expired and one expiring soon, so the demo shows every status.
    expect(certifications.some((c) => c.expiresOn !== null && c.expiresOn < "2026-11-23")).toBe(true);
    expect(certifications.some((c) => c.expiresOn === "2027-01-15")).toBe(true);
  });

  it("gives every SME between one and three capacities", async () => {
    const rows = await database.db
      .select({ firmId: firm.id, n: count(firmCapacity.id) })
      .from(firm)
      .leftJoin(firmCapacity, eq(firmCapacity.firmId, firm.id))
      .where(eq(firm.kind, "sme"))
      .groupBy(firm.id);
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(1);
      expect(row.n).toBeLessThanOrEqual(3);
    }
  });

  it("seeds four buyers of the four kinds and one agency", async () => {
    const buyers = await database.db.select().from(firm).where(eq(firm.kind, "buyer"));
    expect(buyers.map((b) => b.buyerType).sort()).toEqual(["branded_marketer", "buying_group", "global_retailer", "trader_export_agent"]);
    for (const b of buyers) expect(b.usualGovernance, b.name).not.toBeNull();
    const agencies = await database.db.select().from(firm).where(eq(firm.kind, "agency"));
    // One per network: the Sinos Valley's association and the Eastern Cape suppliers' forum.
    expect(agencies).toHaveLength(2);
  });

  it("creates every demo login with its role, password and firm", async () => {
    for (const login of DEMO_LOGINS.users) {
      const [row] = await database.db
        .select({ id: user.id, role: user.role, password: account.password })
        .from(user)
        .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, "credential")))
        .where(eq(user.email, login.email));
      expect(row, login.email).toBeDefined();
      expect(row.role).toBe(login.role);
      const [membership] = await database.db
        .select({ status: firmMember.status, isOwner: firmMember.isOwner, kind: firm.kind })
        .from(firmMember)
        .innerJoin(firm, eq(firm.id, firmMember.firmId))
        .where(eq(firmMember.userId, row.id));
      if (login.role === "admin") {
        expect(membership).toBeUndefined();
      } else {
        expect(membership).toEqual({
          status: "active",
          isOwner: true,
          kind: login.role === "broker" ? "agency" : login.role,
        });
      }
    }
    // One hash check is enough (scrypt is slow): the printed password really signs in.
    const [broker] = await database.db
      .select({ password: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(eq(user.email, "broker@jointly.example"));
    expect(await verifyPassword({ hash: broker.password!, password: DEMO_LOGINS.password })).toBe(true);
  });

  it("leaves unread welcome notifications", async () => {
    const rows = await database.db.select().from(notification);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const n of rows) {
      expect(n.type).toBe("welcome");
      expect(n.readAt).toBeNull();
    }
  });

  it("seeds the Sinos Valley network, brokered by the demo broker", async () => {
    const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_NETWORK.name));
    expect(net).toBeDefined();
    expect(net).toMatchObject({ sector: "1520", region: "Vale dos Sinos, RS", currency: "BRL" });
    // Default thresholds.
    expect(net).toMatchObject({
      notableShareBp: 1000,
      warningShareBp: 2500,
      criticalShareBp: 5000,
      hhiModerate: 1500,
      hhiHigh: 2500,
      systemicShareBp: 2000,
    });
    const brokerId = await userIdOf("broker@jointly.example");
    expect(net.createdBy).toBe(brokerId);
    const brokers = await database.db
      .select({ userId: networkBroker.userId })
      .from(networkBroker)
      .where(eq(networkBroker.networkId, net.id));
    expect(brokers).toEqual([{ userId: brokerId }]);
  });

  it("makes most SMEs active, consenting members; two invited, one applied; no buyer or agency", async () => {
    const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_NETWORK.name));
    const members = await database.db
      .select({
        status: networkMember.status,
        consentedAt: networkMember.consentedAt,
        consentedBy: networkMember.consentedBy,
        kind: firm.kind,
        firmId: firm.id,
      })
      .from(networkMember)
      .innerJoin(firm, eq(firm.id, networkMember.firmId))
      .where(eq(networkMember.networkId, net.id));
    const active = members.filter((m) => m.status === "active");
    expect(active.length).toBeGreaterThanOrEqual(20);
    for (const m of active) expect(m.consentedAt).not.toBeNull();
    expect(members.filter((m) => m.status === "invited")).toHaveLength(2);
    const applied = members.filter((m) => m.status === "applied");
    expect(applied).toHaveLength(1);
    expect(applied[0].consentedAt).not.toBeNull();
    for (const m of members) expect(m.kind).toBe("sme");
    const smes = await database.db.select({ n: count() }).from(firm).where(eq(firm.kind, "sme"));
    expect(members.length).toBeLessThan(smes[0].n);
    // A member with a demo login consented through it.
    const oemFirm = await firmIdOfLogin("oem@jointly.example");
    expect(active.find((m) => m.firmId === oemFirm)?.consentedBy).toBe(await userIdOf("oem@jointly.example"));
  });

  it("runs an open leather purchase past its middle price break, seen by the demo manufacturers", async () => {
    const row = await initiativeTitled(DEMO_RUNNING_JOINT_BUY.title);
    expect(row.status).toBe("open");
    expect(row.objective).toBe("joint_buying");
    expect(row.shareQuantities).toBe(false);
    expect(row.deadline.getTime()).toBeGreaterThan(NOW.getTime());
    const { quote, commitments, summary } = await pool(row.id);
    expect(quote).toMatchObject({ unit: "m²", currency: "BRL", minimumQuantity: 3000, supplierName: "Curtume Arroio Verde Ltda." });
    expect(quote.priceBreaks).toEqual([
      { minQuantity: 1, unitPriceMinor: 6200 },
      { minQuantity: 5000, unitPriceMinor: 5650 },
      { minQuantity: 12000, unitPriceMinor: 5200 },
    ]);
    expect(commitments.length).toBeGreaterThanOrEqual(5);
    expect(summary.total).toBeGreaterThanOrEqual(5000);
    expect(summary.total).toBeLessThan(12000);
    expect(summary.reached).toEqual({ minQuantity: 5000, unitPriceMinor: 5650 });
    expect(summary.next?.minQuantity).toBe(12000);
    expect(summary.meetsMinimum).toBe(true);

    // Every committing firm is a participant and an active member; the demo logins take part.
    const participants = await database.db
      .select({ firmId: initiativeParticipant.firmId })
      .from(initiativeParticipant)
      .where(eq(initiativeParticipant.initiativeId, row.id));
    const participantIds = participants.map((p) => p.firmId);
    for (const c of commitments) expect(participantIds).toContain(c.id);
    expect(participantIds).toContain(await firmIdOfLogin("oem@jointly.example"));
    expect(participantIds).toContain(await firmIdOfLogin("brand@jointly.example"));
    const activeMembers = await database.db
      .select({ firmId: networkMember.firmId })
      .from(networkMember)
      .where(
        and(eq(networkMember.networkId, row.networkId), eq(networkMember.status, "active"), inArray(networkMember.firmId, participantIds)),
      );
    expect(activeMembers).toHaveLength(participantIds.length);

    // The log tells the story, and its break agrees with the domain's.
    const log = await database.db.select().from(activity).where(eq(activity.initiativeId, row.id)).orderBy(asc(activity.createdAt));
    expect(log[0].action).toBe("initiative.created");
    expect(log.filter((a) => a.action === "commitment.made")).toHaveLength(commitments.length);
    const lastCommitment = log.filter((a) => a.action === "commitment.made").at(-1)!;
    expect(lastCommitment.after?.total).toBe(summary.total);
    const breaks = log.filter((a) => a.action === "jointbuy.break_reached");
    expect(breaks).toHaveLength(1);
    expect(breaks[0].after).toMatchObject({ minQuantity: summary.reached!.minQuantity, unitPriceMinor: summary.reached!.unitPriceMinor });
    for (const a of log) expect(a.createdAt.getTime()).toBeLessThan(NOW.getTime());

    const messages = await database.db.select().from(initiativeMessage).where(eq(initiativeMessage.initiativeId, row.id));
    expect(messages.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps a locked adhesives purchase that reached its middle break", async () => {
    const row = await initiativeTitled(DEMO_LOCKED_JOINT_BUY.title);
    expect(row.status).toBe("locked");
    expect(row.deadline.getTime()).toBeLessThan(NOW.getTime());
    const { quote, commitments, summary } = await pool(row.id);
    expect(quote.unit).toBe("kg");
    expect(quote.priceBreaks).toHaveLength(3);
    expect(commitments).toHaveLength(4);
    expect(summary.reached).toEqual(quote.priceBreaks[1]);
    const [locked] = await database.db
      .select()
      .from(activity)
      .where(and(eq(activity.initiativeId, row.id), eq(activity.action, "initiative.locked")));
    expect(locked.after).toEqual({ status: "locked" });
  });

  it("shares a lean consultant half paid by SEBRAE, split by employees", async () => {
    const row = await initiativeTitled(DEMO_CONSULTANT.title);
    expect(row).toMatchObject({ status: "open", objective: "process_improvement" });
    const [budget] = await database.db.select().from(initiativeBudget).where(eq(initiativeBudget.initiativeId, row.id));
    expect(budget).toMatchObject({ budgetMinor: 4_800_000, currency: "BRL", splitRule: "by_employees" });
    const sources = await database.db.select().from(fundingSource).where(eq(fundingSource.initiativeId, row.id));
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000, position: 0 });
    const participants = await database.db
      .select({
        id: firm.id,
        employees: firm.employees,
        turnoverMinor: firm.turnoverMinor,
        customWeight: initiativeParticipant.customWeight,
      })
      .from(initiativeParticipant)
      .innerJoin(firm, eq(firm.id, initiativeParticipant.firmId))
      .where(eq(initiativeParticipant.initiativeId, row.id));
    expect(participants).toHaveLength(5);
    // Every participant has the figure the rule needs, and the shares add up to the unfunded half.
    const split = costShares(
      budget.budgetMinor,
      sources.map((s) => ({ id: s.id, sponsor: s.sponsor, kind: s.kind, percentBasisPoints: s.percentBasisPoints ?? undefined })),
      budget.splitRule,
      participants,
    );
    expect(split.toSplit).toBe(2_400_000);
    expect(split.shares.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(2_400_000);
  });

  it("runs a joint stand at a Düsseldorf shoe fair: 40 m², nearly full, a waiting list, SEBRAE's 50% for small firms", async () => {
    const row = await initiativeTitled(DEMO_STAND.title);
    expect(row).toMatchObject({ status: "open", objective: "joint_selling" });
    expect(row.deadline.getTime()).toBeGreaterThan(NOW.getTime());
    const [standRow] = await database.db.select().from(stand).where(eq(stand.initiativeId, row.id));
    const [fairRow] = await database.db.select().from(fair).where(eq(fair.id, standRow.fairId));
    expect(fairRow).toMatchObject({ name: DEMO_FAIR.name, city: "Düsseldorf", country: "DE" });
    // The fair is ahead of the clock, after the booking deadline.
    expect(fairRow.startsOn > NOW_DAY).toBe(true);
    expect(fairRow.startsOn > row.deadline.toISOString().slice(0, 10)).toBe(true);
    expect(standRow).toMatchObject({ areaDm2: 4_000, allocatedDm2: 3_600, splitRule: "by_area", currency: "BRL", shareLeads: true });
    const [subsidy] = await database.db.select().from(standSubsidy).where(eq(standSubsidy.initiativeId, row.id));
    expect(subsidy).toMatchObject({ sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5_000, maxEmployees: 99 });

    // The stand as its broker sees it: five exhibitors, one confirmed, two firms waiting in order.
    const broker = (await loadActor(database.db, await userIdOf("broker@jointly.example")))!;
    const view = await getStand(deps, broker, { initiativeId: row.id });
    expect(view.plan.spaces).toHaveLength(5);
    expect(view.plan.spaces.filter((s) => s.status === "confirmed").map((s) => s.firmId)).toEqual([demoId("firm:passo-firme")]);
    expect(view.stand.freeDm2).toBe(400);
    expect(view.waitingList.map((w) => w.firmId)).toEqual([demoId("firm:calcados-bella-sinos"), demoId("firm:calcados-parobe-kids")]);
    // Those waiting asked for more than is free, as the service would have queued them.
    for (const w of view.waitingList) expect(w.requestedDm2).toBeGreaterThan(view.stand.freeDm2);
    const spaces = await database.db.select().from(standSpace).where(eq(standSpace.initiativeId, row.id));
    expect(spaces.filter((s) => s.status !== "waiting").reduce((sum, s) => sum + s.grantedDm2, 0)).toBe(standRow.allocatedDm2);
    const participants = await database.db.select().from(initiativeParticipant).where(eq(initiativeParticipant.initiativeId, row.id));
    expect(participants.map((p) => p.firmId).sort()).toEqual(spaces.map((s) => s.firmId).sort());

    // Costs reconcile to the cent; the small firms pay half, the larger ones their full share.
    expect(view.costs.totals!.grossMinor).toBe(DEMO_STAND.totalCostMinor);
    expect(view.costs.totals!.grossMinor).toBe(view.costs.totals!.subsidyMinor + view.costs.totals!.netMinor);
    const line = (key: string) => view.costs.lines.find((l) => l.firmId === demoId(`firm:${key}`))!;
    // By area over the 36 m² held: 12 m² carry a third of R$ 160,000.00, to the cent.
    expect(Math.abs(line("passo-firme").grossMinor - DEMO_STAND.totalCostMinor / 3)).toBeLessThan(1);
    expect(line("passo-firme").subsidyMinor).toBe(0); // 125 employees
    expect(line("atelier-tres-coroas").subsidyMinor * 2).toBe(line("atelier-tres-coroas").grossMinor); // 72 employees
    expect(view.costs.lines.filter((l) => l.subsidyMinor > 0)).toHaveLength(3);

    // Preparations under way: one task done, one overdue, the rest ahead.
    expect(view.tasks).toHaveLength(DEMO_STAND_TASKS.length);
    expect(view.tasks!.filter((t) => t.status === "done")).toHaveLength(1);
    expect(view.tasks!.filter((t) => t.overdue).map((t) => t.category)).toEqual(["catalogue"]);
    expect(view.tasks!.every((t) => t.ownerUserId !== null || t.ownerName === null)).toBe(true);

    // Leads point to buyers beyond the US chain; one was invited to the platform.
    const leads = await database.db.select().from(standLead).where(eq(standLead.initiativeId, row.id));
    expect(leads).toHaveLength(DEMO_STAND_LEADS.length);
    expect(leads.length).toBeGreaterThanOrEqual(4);
    for (const lead of leads) {
      expect(lead.buyerName).not.toMatch(/Stridewell/);
      expect(lead.country).not.toBe("US");
      expect(
        spaces.some((s) => s.firmId === lead.firmId && s.status !== "waiting"),
        lead.buyerName,
      ).toBe(true);
    }
    expect(leads.filter((l) => l.invitationToken !== null)).toHaveLength(1);
    expect(await database.db.select().from(standTask).where(eq(standTask.initiativeId, row.id))).toHaveLength(DEMO_STAND_TASKS.length);

    // The demo logins: Passo Firme's space is confirmed; Solados Pampa (not exhibiting) may take the free 4 m².
    const brand = (await loadActor(database.db, await userIdOf("brand@jointly.example")))!;
    expect((await getStand(deps, brand, { initiativeId: row.id })).mySpace).toMatchObject({ status: "confirmed", grantedDm2: 1_200 });
    const soles = (await loadActor(database.db, await userIdOf("soles@jointly.example")))!;
    const solesView = await getStand(deps, soles, { initiativeId: row.id });
    expect(solesView.mySpace).toBeNull();
    expect(solesView.permissions.canRequest).toBe(true);
    expect(solesView.costs.lines).toEqual([]);
  });

  it("logs the network's history", async () => {
    const actions = new Set((await database.db.select({ action: activity.action }).from(activity)).map((a) => a.action));
    for (const action of [
      "network.created",
      "member.joined",
      "member.invited",
      "member.applied",
      "initiative.created",
      "initiative.open",
      "participant.joined",
      "commitment.made",
      "jointbuy.break_reached",
      "initiative.locked",
      "stand.space_requested",
      "stand.space_confirmed",
      "stand.space_waiting",
      "stand.task_added",
      "stand.lead_added",
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it("keeps yearly sales ledgers for most active members, in reais, dollars and euros", async () => {
    const active = await activeMemberIds();
    const withLedger = await ledgerFirmIds();
    expect(active).toHaveLength(26);
    expect(withLedger.length).toBeGreaterThanOrEqual(18);
    for (const id of withLedger) expect(active, id).toContain(id);

    const entries = await database.db.select().from(salesEntry);
    for (const id of withLedger) {
      const periods = new Set(entries.filter((e) => e.firmId === id).map((e) => e.period));
      expect([...periods].sort(), id).toEqual(["2024", "2025", "2026"]);
    }
    expect(new Set(entries.map((e) => e.currency))).toEqual(new Set(["BRL", "USD", "EUR"]));
    const buyerIds = new Set(DEMO_BUYERS.map((b) => demoId(`firm:${b.key}`)));
    expect(new Set(entries.flatMap((e) => (e.customerFirmId ? [e.customerFirmId] : [])))).toEqual(buyerIds);
    expect(entries.some((e) => e.customerFirmId === null && e.market === "domestic")).toBe(true);

    // Sales through an agent name one of the demo export agents; governance follows the buyer.
    const agents = await database.db.select({ name: firm.name }).from(firm).where(eq(firm.sector, "4641"));
    const agentNames = new Set(agents.map((a) => a.name));
    const viaAgent = entries.filter((e) => e.channel === "agent");
    expect(viaAgent.length).toBeGreaterThan(0);
    for (const e of viaAgent) expect(agentNames, e.agentName!).toContain(e.agentName);
    for (const e of entries) {
      expect(e.governance, e.customerName).not.toBeNull();
      if (e.customerFirmId === STRIDEWELL) expect(e.governance).toBe("quasi_hierarchy");
      if (e.customerFirmId === demoId("firm:schuhring")) expect(e.governance).toBe("network");
      if (e.customerFirmId === demoId("firm:harbour-hide")) expect(e.governance).toBe("market");
      if (e.market === "domestic") expect(e.currency).toBe("BRL");
      if (e.exclusivity) expect(e.customerFirmId).toBe(STRIDEWELL);
      expect(e.expected).toBe(false);
    }
    expect(entries.some((e) => e.exclusivity)).toBe(true);
  });

  it("records the dollar and euro rates of each year, set by the administrator", async () => {
    const rates = await database.db.select().from(exchangeRate);
    expect(rates).toHaveLength(DEMO_EXCHANGE_RATES.length);
    const adminId = await userIdOf("admin@jointly.example");
    for (const r of rates) {
      expect(r.baseCurrency).toBe("BRL");
      expect(r.setBy).toBe(adminId);
    }
    expect(rates.map((r) => `${r.currency} ${r.validFrom}`).sort()).toEqual([
      "EUR 2024-01-01",
      "EUR 2025-01-01",
      "EUR 2026-01-01",
      "USD 2024-01-01",
      "USD 2025-01-01",
      "USD 2026-01-01",
    ]);
    // Every period of every ledger converts: no missing rate.
    for (const id of await ledgerFirmIds()) {
      const figures = await dependenceFigures(database.db, id);
      expect(figures.currency).toBe("BRL");
      for (const p of figures.periods) expect(p.missingRates, `${id} ${p.period}`).toEqual([]);
    }
  });

  it("shows Ferraresi selling over 80% to Stridewell in 2026, critical and rising since 2024", async () => {
    const figures = await dependenceFigures(database.db, await firmIdOfLogin("oem@jointly.example"));
    expect(figures.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(figures.periods.map((p) => p.period)).toEqual(["2024", "2025", "2026"]);
    const [y2024, y2025, y2026] = figures.periods.map((p) => p.measure!);
    expect(y2026.topBuyer?.key).toBe(STRIDEWELL);
    expect(y2026.topShareBp).toBeGreaterThan(8_000);
    expect(levelOf(y2026, DEFAULT_THRESHOLDS)).toBe("critical");
    expect(figures.latest?.level).toBe("critical");
    // Rising: about 62% -> 74% -> 83%.
    expect(y2024.topBuyer?.key).toBe(STRIDEWELL);
    expect(y2024.topShareBp).toBeGreaterThanOrEqual(5_500);
    expect(y2024.topShareBp).toBeLessThan(7_000);
    expect(y2025.topShareBp).toBeGreaterThan(y2024.topShareBp);
    expect(y2026.topShareBp).toBeGreaterThan(y2025.topShareBp);
    expect(figures.trend.direction).toBe("rising");
    expect(figures.trend.topShareChangeBp).toBeGreaterThanOrEqual(1_500);
  });

  it("mixes critical, warning and diversified members", async () => {
    const levels = new Map<string, string[]>();
    const criticalOnStridewell: string[] = [];
    for (const id of await ledgerFirmIds()) {
      const { latest, firm: f } = await dependenceFigures(database.db, id);
      levels.set(latest!.level!, [...(levels.get(latest!.level!) ?? []), f.name]);
      if (latest!.level === "critical") {
        expect(latest!.measure.topBuyer?.key, f.name).toBe(STRIDEWELL);
        expect(latest!.measure.topShareBp, f.name).toBeGreaterThan(8_000);
        criticalOnStridewell.push(f.name);
      }
    }
    expect(criticalOnStridewell.length).toBeGreaterThanOrEqual(3);
    expect(criticalOnStridewell.length).toBeLessThanOrEqual(4);
    expect(levels.get("warning")?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect((levels.get("notable")?.length ?? 0) + (levels.get("none")?.length ?? 0)).toBeGreaterThanOrEqual(6);
  });

  it("makes Stridewell a systemic buyer with close to 40% of the members' 2026 sales", async () => {
    const broker = await loadActor(database.db, await userIdOf("broker@jointly.example"));
    const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_NETWORK.name));
    const view = await getNetworkDependence(deps, broker!, { networkId: net.id });
    expect(view.period).toBe("2026");
    expect(view.missingRates).toEqual([]);
    expect(view.members).toHaveLength((await ledgerFirmIds()).length);
    // Many members sell to Stridewell and none makes up most of it: the combined figure is shown.
    expect(view.systemicBuyers[0]).toMatchObject({ key: STRIDEWELL, viaAgent: false, withheld: null });
    expect(view.systemicBuyers[0].shareBp).toBeGreaterThanOrEqual(3_500);
    expect(view.systemicBuyers[0].shareBp).toBeLessThanOrEqual(4_200);
    // The first members listed by risk are the critical ones, on Stridewell.
    expect(view.members[0]).toMatchObject({ level: "critical", topBuyer: { key: STRIDEWELL } });

    // The same with the domain function directly, and a share that grew year on year.
    const active = await activeMemberIds();
    const shares: number[] = [];
    for (const period of ["2024", "2025", "2026"]) {
      const { members, missing } = await salesOfFirms(database.db, active, period, "BRL");
      expect(missing).toEqual([]);
      const stridewell = systemicBuyers(members, { ...DEFAULT_THRESHOLDS, systemicShareBp: 0 }).find((b) => b.key === STRIDEWELL)!;
      shares.push(stridewell.shareBp!);
    }
    expect(shares[2]).toBe(view.systemicBuyers[0].shareBp);
    expect(shares[0]).toBeLessThan(shares[1]);
    expect(shares[1]).toBeLessThan(shares[2]);
    expect(systemicBuyers((await salesOfFirms(database.db, active, "2026", "BRL")).members).map((b) => b.key)).toEqual([STRIDEWELL]);
  });

  it("records each ledger's 2026 level as last seen, as the ledger service would", async () => {
    const states = await database.db.select().from(dependenceState);
    const withLedger = await ledgerFirmIds();
    expect(states.map((s) => s.firmId).sort()).toEqual([...withLedger].sort());
    for (const state of states) {
      const figures = await dependenceFigures(database.db, state.firmId);
      expect(state.period).toBe("2026");
      expect(state.level, figures.firm.name).toBe(figures.latest!.level);
      expect(state.level).toBe(
        levelOf(
          measure(figures.latest!.measure.shares.map((s) => ({ customerKey: s.key, customerName: s.name, amountMinor: s.amountMinor }))),
          DEFAULT_THRESHOLDS,
        ),
      );
    }
  });

  it("writes each need as the need form submits it: the form's schema takes it unchanged", () => {
    for (const seed of DEMO_NEEDS) {
      const input = { ...seed.input, closingDate: "2027-03-01", windowStart: "2027-05-01", windowEnd: "2027-09-01" };
      expect(needInputSchema.parse(input), seed.key).toEqual({ ...input, networkIds: [] });
    }
  });

  it("posts open needs of the German buying group and the Italian fashion house, and a Stridewell draft", async () => {
    const needs = await database.db.select().from(sourcingNeed);
    expect(needs).toHaveLength(DEMO_NEEDS.length);
    const byId = new Map(needs.map((n) => [n.id, n]));
    const open = needs.filter((n) => n.status === "open");
    expect(open.map((n) => n.id).sort()).toEqual([BOOTS, LOAFERS, SNEAKERS].sort());
    for (const n of open) {
      // Still closing ahead of the clock, with the delivery window after it.
      expect(n.closingDate > NOW_DAY, n.product).toBe(true);
      expect(n.windowStart! > n.closingDate, n.product).toBe(true);
      expect(n.windowEnd! > n.windowStart!, n.product).toBe(true);
      expect(n.visibility).toBe("all");
      expect(n.unit).toBe("pairs");
      expect(n.currency).toBe("EUR");
    }

    const boots = byId.get(BOOTS)!;
    expect(boots).toMatchObject({
      buyerFirmId: demoId("firm:schuhring"),
      product: "Women's leather ankle boots, autumn/winter 2027",
      link: "assembly",
      tier: 1,
      specifies: "what",
      designsJointly: true,
      supportOffered: ["design_support"],
      exclusivity: false,
      deliveryCountry: "DE",
      targetUnitPriceMinor: 4_250,
      createdBy: await userIdOf("buyinggroup@jointly.example"),
    });
    expect(boots.certifications).toEqual([
      { code: "iso_9001", mustHave: false },
      { code: "buyer_code", mustHave: false },
    ]);

    const loafers = byId.get(LOAFERS)!;
    expect(loafers).toMatchObject({
      buyerFirmId: demoId("firm:casa-vellacorte"),
      specifies: "what_and_how",
      supportOffered: ["training", "technical_help"],
      exclusivity: true,
      certifications: [{ code: "iso_9001", mustHave: true }],
      createdBy: null, // the fashion house has no demo login
    });
    expect(loafers.volume).toBeLessThan(boots.volume / 3);
    expect(loafers.targetUnitPriceMinor!).toBeGreaterThan(boots.targetUnitPriceMinor!);

    const drafts = needs.filter((n) => n.status === "draft");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ buyerFirmId: STRIDEWELL, createdBy: await userIdOf("retailer@jointly.example") });
  });

  it("matches the boots with many members, and winning them would lower Ferraresi's dependence", async () => {
    const broker = (await loadActor(database.db, await userIdOf("broker@jointly.example")))!;
    const view = await listNeedMatches(deps, broker, { needId: BOOTS });
    expect(view.volumePerMonth).toBe(9_000);
    expect(view.anyCanSupplyAlone).toBe(true);
    expect(view.items.length).toBeGreaterThanOrEqual(5);
    // Several manufacturers could supply it alone.
    const alone = view.items.filter((m) => m.link === "assembly" && !m.needsConsortium);
    expect(alone.length).toBeGreaterThanOrEqual(5);
    expect(alone.map((m) => m.firmId)).toContain(demoId("firm:calcados-igrejinha-boots"));

    const ferraresiId = await firmIdOfLogin("oem@jointly.example");
    const ferraresi = view.items.find((m) => m.firmId === ferraresiId)!;
    expect(ferraresi, "Ferraresi among the matches").toBeDefined();
    expect(ferraresi.needsConsortium).toBe(false);
    expect(ferraresi.score).toBeGreaterThanOrEqual(80);
    const d = ferraresi.dependence!;
    expect(d.unavailable).toBeNull();
    expect(d.period).toBe("2026");
    expect(d.currentTopShareBp!).toBeGreaterThan(8_000);
    expect(d.currentLevel).toBe("critical");
    expect(d.projectedTopShareBp!).toBeLessThan(d.currentTopShareBp!);
    expect(d.projectedHhi!).toBeLessThan(d.currentHhi!);
    expect(d.buyerBecomesTop).toBe(false);
    // Its way out beyond this buyer: the fashion house's loafers.
    expect(ferraresi.options!.needs.map((o) => o.needId)).toEqual([LOAFERS]);

    // The exclusive, "what and how" loafers serve its functional upgrading worse than the boots.
    const loafers = await listNeedMatches(deps, broker, { needId: LOAFERS });
    const onLoafers = loafers.items.find((m) => m.firmId === ferraresiId)!;
    const upgrading = (parts: typeof ferraresi.parts) => parts.find((p) => p.part === "upgrading")!.points;
    expect(upgrading(onLoafers.parts)).toBeLessThan(upgrading(ferraresi.parts));
    // ISO 9001 is a must-have there: Igrejinha's has lapsed.
    expect(loafers.items.map((m) => m.firmId)).not.toContain(demoId("firm:calcados-igrejinha-boots"));
  });

  it("makes the sneaker programme too large for any member, and proposes consortia of the network", async () => {
    const broker = (await loadActor(database.db, await userIdOf("broker@jointly.example")))!;
    const matches = await listNeedMatches(deps, broker, { needId: SNEAKERS });
    expect(matches.volumePerMonth).toBe(40_000);
    expect(matches.anyCanSupplyAlone).toBe(false);
    expect(matches.items.length).toBeGreaterThanOrEqual(3);
    for (const m of matches.items) expect(m.needsConsortium, m.name).toBe(true);

    const { proposals } = await listConsortiumProposals(deps, broker, { needId: SNEAKERS });
    expect(proposals.length).toBeGreaterThanOrEqual(1);
    const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_NETWORK.name));
    const active = await activeMemberIds();
    for (const p of proposals) {
      expect(p.networkId).toBe(net.id);
      expect(p.firmIds.length).toBeGreaterThanOrEqual(2);
      expect(p.firmIds.length).toBeLessThanOrEqual(3);
      expect(p.combinedCapacity).toBeGreaterThanOrEqual(40_000);
      for (const id of p.firmIds) expect(active).toContain(id);
    }
    expect(proposals.map((p) => p.members.map((m) => m.name).sort())).toEqual([
      ["Calçados Bella Sinos Ltda.", "Calçados Ferraresi Ltda."],
      ["Calçados Ferraresi Ltda.", "Igrejinha Botas e Calçados Ltda."],
    ]);
  });

  it("shows Ferraresi the boots among its matching needs, with its projection and options", async () => {
    const oem = (await loadActor(database.db, await userIdOf("oem@jointly.example")))!;
    const { items } = await listMyMatchingNeeds(deps, oem);
    expect(items.map((i) => i.needId).sort()).toEqual([BOOTS, LOAFERS, SNEAKERS].sort());
    const boots = items.find((i) => i.needId === BOOTS)!;
    expect(boots.buyerName).toBe("Schuhring Einkaufsverbund eG");
    expect(boots.needsConsortium).toBe(false);
    expect(boots.dependence.projectedTopShareBp!).toBeLessThan(boots.dependence.currentTopShareBp!);
    expect(boots.options.needs.map((o) => o.needId)).toEqual([LOAFERS]);
    expect(boots.options.needs[0]).toMatchObject({ buyerName: "Casa Vellacorte S.p.A." });
    // Its buyers from the Düsseldorf stand are ways out too: its own, and the stand's shared ones.
    const leadBuyers = boots.options.leads.map((l) => l.buyerName);
    expect(leadBuyers).toEqual(expect.arrayContaining(["Schuhhaus Lindner GmbH", "Importadora Andina S.A."]));
    expect(
      boots.options.leads
        .filter((l) => l.own)
        .map((l) => l.buyerName)
        .sort(),
    ).toEqual(["Importadora Andina S.A.", "Schuhhaus Lindner GmbH"]);
    expect(boots.options.fairs.map((f) => f.title)).toContain(DEMO_STAND.title);
    // The sneakers need a consortium; the exclusive loafers serve its functional upgrading worse.
    expect(items.find((i) => i.needId === SNEAKERS)!.needsConsortium).toBe(true);
    const upgrading = (needId: string) => items.find((i) => i.needId === needId)!.parts.find((p) => p.part === "upgrading")!.points;
    expect(upgrading(LOAFERS)).toBeLessThan(upgrading(BOOTS));
  });

  it("seeds the Eastern Cape auto-components network and its benchmarking club, 8 members and one outside", async () => {
    const [net] = await database.db.select().from(network).where(eq(network.name, DEMO_LEARNING_NETWORK.name));
    expect(net).toMatchObject({ currency: "ZAR", sector: "2930" });
    const brokers = await database.db
      .select({ email: user.email })
      .from(networkBroker)
      .innerJoin(user, eq(user.id, networkBroker.userId))
      .where(eq(networkBroker.networkId, net.id));
    expect(brokers.map((b) => b.email)).toEqual(["autobroker@jointly.example"]);
    const firms = await database.db
      .select()
      .from(firm)
      .where(
        inArray(
          firm.id,
          DEMO_LEARNING_SMES.map((f) => demoId(`firm:${f.key}`)),
        ),
      );
    expect(firms).toHaveLength(DEMO_LEARNING_SMES.length);
    for (const f of firms) {
      expect(f).toMatchObject({ kind: "sme", country: "ZA", turnoverCurrency: "ZAR" });
      expect(f.region, f.name).toContain("Eastern Cape");
    }
    const [club] = await database.db.select().from(initiative).where(eq(initiative.title, DEMO_CLUB.title));
    expect(club).toMatchObject({ objective: "learning_network", status: "open", networkId: net.id });
    const participants = await database.db.select().from(initiativeParticipant).where(eq(initiativeParticipant.initiativeId, club.id));
    expect(participants).toHaveLength(8);
    expect(participants.map((p) => p.firmId)).toContain(await firmIdOfLogin("pistons@jointly.example"));
    expect(participants.map((p) => p.firmId)).toContain(await firmIdOfLogin("castings@jointly.example"));
    const members = await database.db
      .select()
      .from(networkMember)
      .where(and(eq(networkMember.networkId, net.id), eq(networkMember.status, "active")));
    expect(members).toHaveLength(9);

    // Twelve quarters, the last one open, with two members' figures in: the count, no statistic.
    const pistons = (await loadActor(database.db, await userIdOf("pistons@jointly.example")))!;
    const view = await getBenchmarkClub(deps, pistons, { initiativeId: club.id });
    expect(view.kpis.map((k) => k.key)).toEqual([...DEMO_CLUB.kpis]);
    expect(view.periods).toHaveLength(12);
    expect(view.periods.map((p) => p.status)).toEqual(["open", ...Array.from({ length: 11 }, () => "closed")]);
    expect(view.periods[0].label).toBe("2026-Q3");
    expect(view.periods[11].label).toBe("2023-Q4");
    expect(view.periods[0].submissionDue > NOW_DAY).toBe(true);
    expect(view.periods[0].mine).toMatchObject({ submitted: 0, complete: false });
    expect(view.periods[1].mine).toMatchObject({ complete: true });
    const open = await database.db.select().from(kpiSubmission).where(eq(kpiSubmission.periodId, view.periods[0].id));
    expect(new Set(open.map((s) => s.firmId))).toEqual(new Set(DEMO_OPEN_QUARTER_REPORTED.map((key) => demoId(`firm:${key}`))));
    expect(open).toHaveLength(2 * DEMO_CLUB.kpis.length);
    const report = await getBenchmarkReport(deps, pistons, { initiativeId: club.id });
    expect(report.period!.label).toBe("2026-Q3");
    for (const kpi of report.kpis) expect(kpi, kpi.key!).toMatchObject({ submissions: 2, published: null });
    // Past quarters are published, with quartiles only where five or more members reported.
    for (const period of view.periods.slice(1)) {
      const past = await getBenchmarkReport(deps, pistons, { initiativeId: club.id, periodId: period.id });
      for (const kpi of past.kpis) {
        const rows = await database.db
          .select()
          .from(kpiSubmission)
          .where(and(eq(kpiSubmission.periodId, period.id), eq(kpiSubmission.kpiId, kpi.id)));
        expect(kpi.published?.n, `${period.label} ${kpi.key}`).toBe(rows.length);
        expect(kpi.published?.quartiles !== null, `${period.label} ${kpi.key}`).toBe(rows.length >= 5);
        // Eight members: never the tails, which need ten.
        expect(kpi.published?.tails, `${period.label} ${kpi.key}`).toBeNull();
      }
    }

    // Closed quarters: (nearly) every member reported every KPI, within the KPI's range.
    for (const period of view.periods.slice(1)) {
      const rows = await database.db.select().from(kpiSubmission).where(eq(kpiSubmission.periodId, period.id));
      expect(rows.length, period.label).toBeGreaterThanOrEqual(8 * DEMO_CLUB.kpis.length - 4);
    }
    const references = await database.db.select().from(kpiReference);
    expect(references.some((r) => r.source.startsWith("European competitors"))).toBe(true);
  });

  it("shows the club's published median improving over three years, KPI by KPI (the tail needs ten firms: not shown)", async () => {
    const [club] = await database.db.select().from(initiative).where(eq(initiative.title, DEMO_CLUB.title));
    const castings = (await loadActor(database.db, await userIdOf("castings@jointly.example")))!;
    const report = await getBenchmarkReport(deps, castings, { initiativeId: club.id });
    const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
    for (const kpi of report.kpis) {
      const points = kpi.trend.points.filter((p) => p.median !== null);
      expect(points.length, kpi.key!).toBe(11);
      const firstYear = points.slice(0, 4);
      const lastYear = points.slice(-4);
      const better = (a: number, b: number) => (kpi.direction === "higher" ? a > b : a < b);
      expect(better(mean(lastYear.map((p) => p.median!)), mean(firstYear.map((p) => p.median!))), `${kpi.key}: median improves`).toBe(true);
      expect(kpi.trend.medianImproving, kpi.key!).toBe(true);
      expect(
        kpi.trend.points.every((p) => p.spread === null && p.p10 === null && p.p90 === null),
        kpi.key!,
      ).toBe(true);
      expect(kpi.trend.tailShortening, kpi.key!).toBeNull();
    }
    // On-time delivery: the median of the first year below 90%, of the last above 93%.
    const onTime = report.kpis.find((k) => k.key === "on_time_delivery")!;
    const medians = onTime.trend.points.map((p) => p.median).filter((m): m is number => m !== null);
    expect(mean(medians.slice(0, 4))).toBeLessThan(90);
    expect(mean(medians.slice(-4))).toBeGreaterThan(93);
  });

  it("keeps a past best-in-class workshop with minutes and actions, and a plant visit ahead hosted by a member", async () => {
    const [club] = await database.db.select().from(initiative).where(eq(initiative.title, DEMO_CLUB.title));
    const castings = (await loadActor(database.db, await userIdOf("castings@jointly.example")))!;
    const { meetings, members } = await getBenchmarkClub(deps, castings, { initiativeId: club.id });
    const memberIds = members.map((m) => m.firmId);
    const held = meetings.filter((m) => m.status === "held");
    expect(held.length).toBeGreaterThanOrEqual(1);
    for (const m of held) {
      expect(new Date(m.endsAt).getTime()).toBeLessThan(NOW.getTime());
      expect(m.minutes!.length).toBeGreaterThan(100);
      expect(memberIds).toContain(m.hostFirmId);
    }
    expect(held.flatMap((m) => m.actions!).length).toBeGreaterThanOrEqual(3);
    for (const action of held.flatMap((m) => m.actions!)) expect(memberIds).toContain(action.ownerFirmId);
    const ahead = meetings.filter((m) => m.status === "scheduled");
    expect(ahead).toHaveLength(1);
    expect(new Date(ahead[0].startsAt).getTime()).toBeGreaterThan(NOW.getTime());
    expect(ahead[0].hostFirmId).toBe(await firmIdOfLogin("pistons@jointly.example"));
    expect(ahead[0].myResponse).toBe("yes");
    expect(ahead[0].attendance!.length).toBeGreaterThanOrEqual(2);
  });

  it("changes nothing when run a second time", () => {
    expect(afterFirst.firm).toBeGreaterThan(30);
    expect(afterFirst.activity).toBeGreaterThan(30);
    expect(afterFirst.salesEntry).toBeGreaterThan(250);
    expect(afterFirst.exchangeRate).toBe(6);
    expect(afterFirst.sourcingNeed).toBe(DEMO_NEEDS.length);
    expect(afterSecond).toEqual(afterFirst);
  });
});
