import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkPeriod, clubMeeting, kpiDefinition, kpiReference, kpiSubmission } from "../db/schema/learning";
import { network } from "../db/schema/networks";
import { notification } from "../db/schema/notifications";
import { createInitiative } from "../server/services/initiatives/create-initiative";
import { getInitiative } from "../server/services/initiatives/get-initiative";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { closeBenchmarkPeriod } from "../server/services/learning/close-benchmark-period";
import { createBenchmarkClub } from "../server/services/learning/create-benchmark-club";
import { createKpi } from "../server/services/learning/create-kpi";
import { exportBenchmarkCsv } from "../server/services/learning/export-benchmark-csv";
import { clubMeetingEventsFor, exportClubCalendar } from "../server/services/learning/export-club-calendar";
import { getBenchmarkClub } from "../server/services/learning/get-benchmark-club";
import { getBenchmarkReport } from "../server/services/learning/get-benchmark-report";
import { importKpiCsv } from "../server/services/learning/import-kpi-csv";
import { ensureShippedKpis } from "../server/services/learning/kpi-catalogue";
import { listKpis } from "../server/services/learning/list-kpis";
import { addMeetingAction, updateMeetingAction } from "../server/services/learning/meeting-actions";
import { notifyLearningReminders } from "../server/services/learning/notify-learning-reminders";
import { openBenchmarkPeriod } from "../server/services/learning/open-benchmark-period";
import { publishBenchmarkPeriod } from "../server/services/learning/publish-benchmark-period";
import { respondToMeeting } from "../server/services/learning/respond-to-meeting";
import { scheduleMeeting } from "../server/services/learning/schedule-meeting";
import { setKpiReference } from "../server/services/learning/set-kpi-reference";
import { submitKpiValues } from "../server/services/learning/submit-kpi-values";
import { updateMeeting } from "../server/services/learning/update-meeting";
import { KPI_CATALOGUE } from "../server/domain/benchmark";
import { createTestDatabase, type TestDatabase } from "./db";
import { refusal } from "./answers";
import { createFirmOwner, createUserWithRole, makeDeps } from "./factories";
import { openClub, shippedKpiIds } from "./learning-fixtures";
import { networkWithMembers } from "./network-fixtures";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
/** The test clock: 23 November 2026, noon UTC. */
const NOW = new Date("2026-11-23T12:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db, () => NOW);
});
afterAll(async () => {
  await database.drop();
});

const typesFor = async (userId: string) =>
  (await database.db.select().from(notification).where(eq(notification.userId, userId))).map((n) => n.type);
const valuesIn = async (periodId: string) =>
  (await database.db.select().from(kpiSubmission).where(eq(kpiSubmission.periodId, periodId))).map((s) => s.value).sort((a, b) => a - b);
/** Pushes of one event to one room, from the recording publisher. */
const pushes = (event: string, room: string) => deps.publisher.sent.filter((p) => p.event === event && p.room === room);

describe("the KPI catalogue", () => {
  it("ships the catalogue's KPIs once, however often it is ensured, and lists them with the network's own", async () => {
    await ensureShippedKpis(database.db);
    await ensureShippedKpis(database.db);
    const shipped = await shippedKpiIds(database.db);
    expect(Object.keys(shipped).sort()).toEqual(KPI_CATALOGUE.map((k) => k.key).sort());
    const [onTime] = await database.db.select().from(kpiDefinition).where(eq(kpiDefinition.key, "on_time_delivery"));
    expect(onTime).toMatchObject({ name: "On-time delivery", unit: "%", direction: "higher", minValue: 0, maxValue: 100, networkId: null });

    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const other = await networkWithMembers(deps, 0);
    const created = await createKpi(deps, broker.actor, {
      networkId,
      name: "Energy per pair",
      description: "Electricity used per pair produced",
      unit: "kWh per pair",
      direction: "lower",
      minValue: "0",
      maxValue: "50,5",
      computation: "kWh in the period ÷ pairs produced",
    });
    const [row] = await database.db.select().from(kpiDefinition).where(eq(kpiDefinition.id, created.id));
    expect(row).toMatchObject({ networkId, key: null, maxValue: 50.5, direction: "lower", createdBy: broker.id });

    const forMember = await listKpis(deps, smes[0].actor, { networkId });
    expect(forMember.kpis.map((k) => k.key).slice(0, KPI_CATALOGUE.length)).toEqual(KPI_CATALOGUE.map((k) => k.key));
    expect(forMember.kpis.at(-1)).toMatchObject({ id: created.id, shipped: false, name: "Energy per pair" });
    expect(forMember.permissions.create).toBe(false);
    expect((await listKpis(deps, broker.actor, { networkId })).permissions.create).toBe(true);
    // Another network does not see it.
    expect((await listKpis(deps, other.broker.actor, { networkId: other.networkId })).kpis.map((k) => k.id)).not.toContain(created.id);
    await expect(listKpis(deps, other.broker.actor, { networkId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a KPI from a member, an inverted range, or another network's broker", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const other = await networkWithMembers(deps, 0);
    const kpi = { networkId, name: "Overtime", unit: "%", direction: "lower", minValue: 0, maxValue: 100 };
    await expect(createKpi(deps, smes[0].actor, kpi)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createKpi(deps, other.broker.actor, kpi)).rejects.toMatchObject({ code: "not_found" });
    await expect(createKpi(deps, broker.actor, { ...kpi, minValue: 10, maxValue: 10 })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { maxValue: ["The maximum must be above the minimum"] },
    });
    await expect(createKpi(deps, broker.actor, { ...kpi, minValue: "abc" })).rejects.toMatchObject({
      fields: { minValue: ["Must be a number"] },
    });
  });
});

describe("creating a club", () => {
  it("creates a learning_network initiative as a draft with its club in one step; the generic operation refuses", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const ids = await shippedKpiIds(database.db);
    await expect(
      createInitiative(deps, broker.actor, { networkId, objective: "learning_network", title: "Club", deadline: "2027-01-31" }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { objective: [expect.stringContaining("createBenchmarkClub")] } });

    const input = {
      networkId,
      title: "Sinos benchmarking club",
      deadline: "2027-01-31",
      periodKind: "half",
      kpiIds: [ids.on_time_delivery, ids.scrap_rate],
    };
    await expect(createBenchmarkClub(deps, smes[0].actor, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createBenchmarkClub(deps, broker.actor, { ...input, kpiIds: [] })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { kpiIds: ["Choose at least one KPI"] },
    });
    // Another network's own KPI is not available.
    const other = await networkWithMembers(deps, 0);
    const foreign = await createKpi(deps, other.broker.actor, {
      networkId: other.networkId,
      name: "Theirs",
      unit: "x",
      direction: "higher",
      minValue: 0,
      maxValue: 1,
    });
    await expect(createBenchmarkClub(deps, broker.actor, { ...input, kpiIds: [ids.scrap_rate, foreign.id] })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { kpiIds: ["Choose shipped KPIs or this network's own"] },
    });

    const own = await createKpi(deps, broker.actor, { networkId, name: "Ours", unit: "x", direction: "higher", minValue: 0, maxValue: 1 });
    const created = await createBenchmarkClub(deps, broker.actor, { ...input, kpiIds: [ids.scrap_rate, own.id, ids.scrap_rate] });
    expect(created.status).toBe("draft");
    const club = await getBenchmarkClub(deps, broker.actor, { initiativeId: created.id });
    expect(club.club).toMatchObject({
      title: "Sinos benchmarking club",
      periodKind: "half",
      status: "draft",
      deadlineDate: "2027-01-31",
      minContributors: 5,
    });
    expect(club.kpis.map((k) => [k.id, k.shipped])).toEqual([
      [ids.scrap_rate, true],
      [own.id, false],
    ]);
    // A draft is the brokers' own; its club takes no period yet.
    await expect(getBenchmarkClub(deps, smes[0].actor, { initiativeId: created.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(openBenchmarkPeriod(deps, broker.actor, { initiativeId: created.id })).rejects.toMatchObject({ code: "conflict" });

    // Members join through the initiative, as for any other tool.
    await transitionInitiative(deps, broker.actor, { initiativeId: created.id, to: "open" });
    await joinInitiative(deps, smes[0].actor, { initiativeId: created.id });
    const asMember = await getBenchmarkClub(deps, smes[0].actor, { initiativeId: created.id });
    expect(asMember.viewer.isMember).toBe(true);
    expect(asMember.permissions).toMatchObject({ submit: true, manage: false, readReport: true, readRaw: false, join: false });
    const asOther = await getBenchmarkClub(deps, smes[1].actor, { initiativeId: created.id });
    expect(asOther.permissions).toMatchObject({ submit: false, readReport: false, join: true });

    // The initiative page links to the club.
    const page = await getInitiative(deps, smes[0].actor, { initiativeId: created.id });
    expect(page.initiative.tool).toBe("benchmark_club");
    expect(page.club).toEqual({ periodKind: "half", kpiCount: 2, openPeriod: null, nextMeeting: null });
  });
});

describe("periods", () => {
  it("opens the last finished period by default, then the next, tells the members and refuses bad labels and duplicates", async () => {
    const { broker, members, initiativeId, title } = await openClub(deps, { members: 2 });
    await expect(openBenchmarkPeriod(deps, members[0].actor, { initiativeId })).rejects.toMatchObject({ code: "forbidden" });
    const first = await openBenchmarkPeriod(deps, broker.actor, { initiativeId });
    // 23 Nov 2026: 2026-Q3 has ended; due a month after it ends, but at least a month from today.
    expect(first).toMatchObject({
      label: "2026-Q3",
      startsOn: "2026-07-01",
      endsOn: "2026-09-30",
      submissionDue: "2026-12-23",
      status: "open",
    });
    const second = await openBenchmarkPeriod(deps, broker.actor, { initiativeId });
    expect(second).toMatchObject({ label: "2026-Q4", submissionDue: "2027-01-30" });
    await expect(openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" })).rejects.toMatchObject({ code: "conflict" });
    await expect(openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-H1" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldKeys: { label: "period_label_quarter" },
    });
    await expect(
      openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2025-q2", submissionDue: "2026-01-01" }),
    ).rejects.toMatchObject({
      fieldKeys: { submissionDue: "due_in_past" },
    });
    // Years outside 1900-9998 are refused on the label: 9999-Q4 would be due in the year 10000.
    for (const label of ["9999-Q4", "9999-Q1", "1899-Q4", "0050-Q1"]) {
      await expect(openBenchmarkPeriod(deps, broker.actor, { initiativeId, label }), label).rejects.toMatchObject({
        code: "invalid_input",
        fields: { label: ["The period's year must be between 1900 and 9998"] },
        fieldKeys: { label: "period_label_year_range" },
      });
    }
    const explicit = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2025-q2", submissionDue: "2026-12-01" });
    expect(explicit).toMatchObject({ label: "2025-Q2", submissionDue: "2026-12-01" });

    expect(await typesFor(members[0].userId)).toContain("benchmark_period_opened");
    const [opened] = await database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, members[1].userId), eq(notification.type, "benchmark_period_opened")));
    expect(opened.params).toEqual({ club: title, period: "2026-Q3" });
    expect(opened.href).toBe(`/initiatives/${initiativeId}/club`);
    expect(pushes("club:updated", `initiative:${initiativeId}`).length).toBeGreaterThanOrEqual(3);

    const club = await getBenchmarkClub(deps, members[0].actor, { initiativeId });
    expect(club.periods.map((p) => p.label)).toEqual(["2026-Q4", "2026-Q3", "2025-Q2"]);
    expect(club.nextPeriod).toBeNull();
    expect((await getBenchmarkClub(deps, broker.actor, { initiativeId })).nextPeriod).toMatchObject({ label: "2027-Q1" });
  });
});

describe("statistics through the services", () => {
  it("publishes on-time delivery 78, 87, 92, 95, 100 as quartiles 87, 92, 95 (no tails, extremes or best) with each member's quarter", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 5, kpis: ["on_time_delivery", "scrap_rate"] });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const onTime = [78, 87, 92, 95, 100];
    // Scrap, lower is better: 1.5, 0.9, 0.4, 0.15, 2.0 % of material.
    const scrap = [1.5, 0.9, 0.4, 0.15, 2.0];
    for (const [i, sme] of members.entries()) {
      await submitKpiValues(deps, sme.actor, {
        initiativeId,
        periodId: period.id,
        values: { [kpi("on_time_delivery")]: onTime[i], [kpi("scrap_rate")]: String(scrap[i]).replace(".", ",") },
      });
    }
    // Before the broker publishes, the members see the count only.
    const unpublished = await getBenchmarkReport(deps, members[1].actor, { initiativeId });
    expect(unpublished.kpis[0]).toMatchObject({ submissions: 5, published: null, own: { value: 87, band: null } });
    await expect(publishBenchmarkPeriod(deps, members[1].actor, { initiativeId, periodId: period.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const admin = await createUserWithRole(deps, "admin");
    await expect(publishBenchmarkPeriod(deps, admin.actor, { initiativeId, periodId: period.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const published = await publishBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id });
    expect(published).toMatchObject({ first: [kpi("on_time_delivery"), kpi("scrap_rate")], refreshed: [], kept: [] });

    const report = await getBenchmarkReport(deps, members[1].actor, { initiativeId });
    expect(report.period).toMatchObject({ id: period.id, label: "2026-Q3", status: "open" });
    expect(report.period!.publishedAt).toEqual(NOW);
    expect(report.viewer).toMatchObject({ access: "member", firmId: members[1].firmId });
    expect(report.club).toMatchObject({ minContributors: 5, tailsFrom: 10, republishMinNew: 3 });
    const delivery = report.kpis.find((k) => k.id === kpi("on_time_delivery"))!;
    // Type 7 quartiles of five: the 2nd, 3rd and 4th values. No p10/p90 below ten firms.
    expect(delivery.published).toMatchObject({ n: 5, quartiles: { p25: 87, median: 92, p75: 95 }, tails: null });
    // 87 is at the 25th percentile: the third quarter (higher is better).
    expect(delivery.own).toEqual({ value: 87, band: 3 });
    expect(delivery.raw).toBeNull();
    expect(delivery.pending).toBeNull();
    const text = JSON.stringify(report);
    for (const word of ["min", "max", "best", "mean", "fromBest", 'percentile"']) expect(text).not.toMatch(new RegExp(`"${word}"?:`));

    const waste = report.kpis.find((k) => k.id === kpi("scrap_rate"))!;
    expect(waste.published?.quartiles).toEqual({ p25: 0.4, median: 0.9, p75: 1.5 });
    // 0.9 is the median, lower is better: the second quarter.
    expect(waste.own).toEqual({ value: 0.9, band: 2 });
    // The best member is in the first quarter.
    const best = await getBenchmarkReport(deps, members[4].actor, { initiativeId });
    expect(best.kpis[0].own).toEqual({ value: 100, band: 1 });

    // Brokers also read the raw values with the firms and what publishing would do; administrators what members read.
    const asBroker = await getBenchmarkReport(deps, broker.actor, { initiativeId });
    expect(asBroker.viewer.access).toBe("broker");
    expect(asBroker.kpis[0].raw!.map((r) => r.value).sort((a, b) => a - b)).toEqual(onTime);
    expect(new Set(asBroker.kpis[0].raw!.map((r) => r.firmId))).toEqual(new Set(members.map((m) => m.firmId)));
    expect(asBroker.kpis[0].pending).toEqual({ newContributors: 0, outcome: "kept" });
    expect(asBroker.kpis[0].own).toBeNull();
    expect(asBroker.permissions.publish).toBe(true);
    const asAdmin = await getBenchmarkReport(deps, admin.actor, { initiativeId });
    expect(asAdmin.viewer.access).toBe("aggregates");
    expect(asAdmin.kpis[0].published).toEqual(delivery.published);
    expect(asAdmin.kpis[0].raw).toBeNull();
    expect(asAdmin.kpis[0].own).toBeNull();
    expect(asAdmin.permissions.publish).toBe(false);
  });

  it("freezes a publication: corrections and one or two newcomers change only the count; three new firms refresh it", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 9, kpis: ["on_time_delivery", "scrap_rate"] });
    const onTime = kpi("on_time_delivery");
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const submit = (i: number, values: Record<string, number>) =>
      submitKpiValues(deps, members[i].actor, { initiativeId, periodId: period.id, values });
    for (const [i, v] of [70, 80, 90, 60, 75].entries()) await submit(i, { [onTime]: v, [kpi("scrap_rate")]: 1 + i });
    await publishBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id });
    const frozen = (await getBenchmarkReport(deps, members[0].actor, { initiativeId })).kpis[0].published;
    expect(frozen).toMatchObject({ n: 5, quartiles: { p25: 70, median: 75, p75: 80 } });
    const room = `initiative:${initiativeId}`;
    const sent = deps.publisher.sent.length;
    // A correction and two newcomers: pushes carry ids and a reason only; the figures do not move.
    await submit(0, { [onTime]: 99 });
    await submit(5, { [onTime]: 95 });
    await submit(6, { [onTime]: 97 });
    const pushed = deps.publisher.sent.slice(sent).filter((p) => p.event === "benchmark:updated" && p.room === room);
    expect(pushed.map((p) => p.payload)).toEqual(Array(3).fill({ initiativeId, periodId: period.id, reason: "submitted" }));
    let report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    expect(report.kpis[0]).toMatchObject({ submissions: 7, published: frozen, own: { value: 99, band: 1 } });
    // Publishing again keeps it: only two firms are new to it.
    const kept = await publishBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id });
    expect(kept).toMatchObject({ first: [], refreshed: [], kept: [onTime, kpi("scrap_rate")] });
    expect(deps.publisher.sent.at(-1)).toMatchObject({
      event: "benchmark:updated",
      payload: { initiativeId, periodId: period.id, reason: "published" },
    });
    report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    expect(report.kpis[0].published?.quartiles).toEqual(frozen!.quartiles);
    // A third newcomer: refreshed with the current values (60 75 80 90 95 97 99 + 85).
    await submit(7, { [onTime]: 85 });
    expect((await getBenchmarkReport(deps, broker.actor, { initiativeId })).kpis[0].pending).toEqual({
      newContributors: 3,
      outcome: "refreshed",
    });
    const refreshed = await publishBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id });
    expect(refreshed).toMatchObject({ refreshed: [onTime], kept: [kpi("scrap_rate")] });
    report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    // 60 75 80 85 90 95 97 99: p25 at h = 1.75 -> 78.75; median at 3.5 -> 87.5; p75 at 5.25 -> 95.5.
    expect(report.kpis[0].published).toMatchObject({ n: 8, quartiles: { p25: 78.75, median: 87.5, p75: 95.5 }, tails: null });
  });

  it("shows only the count below five firms, the tails from ten, and trends from the published figures", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 10, kpis: ["on_time_delivery"] });
    const onTime = kpi("on_time_delivery");
    const q1 = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q1" });
    const q2 = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q2" });
    const q3 = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const submit = (i: number, periodId: string, value: number) =>
      submitKpiValues(deps, members[i].actor, { initiativeId, periodId, values: { [onTime]: value } });
    // Q1: ten firms 60..105 step 5 (capped at 100): tails published.
    const q1Values = [60, 65, 70, 75, 80, 85, 90, 95, 98, 100];
    for (const [i, v] of q1Values.entries()) await submit(i, q1.id, v);
    // Q2: five firms 80, 85, 90, 75, 95 -> median 85.
    for (const [i, v] of [80, 85, 90, 75, 95].entries()) await submit(i, q2.id, v);
    // Q3: four firms: the count only.
    for (const [i, v] of [88, 91, 70, 99].entries()) await submit(i, q3.id, v);
    for (const p of [q1, q2, q3]) await closeBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: p.id });

    const report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    expect(report.period!.id).toBe(q3.id);
    const k = report.kpis[0];
    expect(k).toMatchObject({ submissions: 4, published: { n: 4, quartiles: null, tails: null }, own: { value: 88, band: null } });
    // Q1, ten firms: p10 at h = 0.9 -> 60 + 0.9 * 5 = 64.5; p90 at h = 8.1 -> 98 + 0.1 * 2 = 98.2.
    const [p1, p2, p3] = k.trend.points;
    expect(p1).toMatchObject({ label: "2026-Q1", median: 82.5, own: 60 });
    expect(p1.p10).toBeCloseTo(64.5, 10);
    expect(p1.p90).toBeCloseTo(98.2, 10);
    expect(p2).toMatchObject({ label: "2026-Q2", median: 85, p10: null, p90: null, spread: null, own: 80 });
    expect(p3).toMatchObject({ label: "2026-Q3", median: null, p10: null, p90: null, spread: null, own: 88 });
    expect(k.trend.medianImproving).toBe(true);
    expect(k.trend.ownImproving).toBe(true);
    const earlier = await getBenchmarkReport(deps, members[3].actor, { initiativeId, periodId: q2.id });
    expect(earlier.kpis[0].published?.quartiles).toEqual({ p25: 80, median: 85, p75: 90 });
    expect(earlier.kpis[0].own).toEqual({ value: 75, band: 4 });
    await expect(getBenchmarkReport(deps, members[0].actor, { initiativeId, periodId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "not_found",
    });
    // A network that raises its threshold to 6 hides the Q2 figures of five firms.
    await database.db.update(network).set({ disclosureMinContributors: 6 }).where(eq(network.id, report.club.networkId));
    const raised = await getBenchmarkReport(deps, members[3].actor, { initiativeId, periodId: q2.id });
    expect(raised.club.minContributors).toBe(6);
    expect(raised.kpis[0].published).toMatchObject({ n: 5, quartiles: null, tails: null });
    expect(raised.kpis[0].trend.points[1].median).toBeNull();
  });

  it("publishes a period once its due date has passed, once even with several processes", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 5, kpis: ["on_time_delivery"] });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3", submissionDue: "2026-12-01" });
    for (const [i, sme] of members.entries())
      await submitKpiValues(deps, sme.actor, { initiativeId, periodId: period.id, values: { [kpi("on_time_delivery")]: 80 + i } });
    const at = (iso: string) => ({ ...deps, now: () => new Date(iso) });
    const claimed = async () =>
      (await database.db.select({ at: benchmarkPeriod.duePublishedAt }).from(benchmarkPeriod).where(eq(benchmarkPeriod.id, period.id)))[0]
        .at;
    // On the due date itself members may still submit: nothing yet.
    await notifyLearningReminders(at("2026-12-01T20:00:00Z"));
    expect(await claimed()).toBeNull();
    expect((await getBenchmarkReport(deps, members[0].actor, { initiativeId })).kpis[0].published).toBeNull();
    // The day after, two processes at once: one claims it (the other sees it claimed) and publishes.
    const publishes = () =>
      deps.publisher.sent.filter(
        (p) =>
          p.event === "benchmark:updated" &&
          (p.payload as { periodId: string; reason: string }).periodId === period.id &&
          (p.payload as { reason: string }).reason === "published" &&
          p.room === `initiative:${initiativeId}`,
      ).length;
    await Promise.all([notifyLearningReminders(at("2026-12-02T08:00:00Z")), notifyLearningReminders(at("2026-12-02T08:00:00Z"))]);
    expect(await claimed()).toEqual(new Date("2026-12-02T08:00:00Z"));
    expect(publishes()).toBe(1);
    const report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    expect(report.kpis[0].published).toMatchObject({ n: 5, quartiles: { median: 82 }, publishedAt: new Date("2026-12-02T08:00:00Z") });
    await notifyLearningReminders(at("2026-12-03T08:00:00Z"));
    expect(publishes()).toBe(1);
  });

  it("lists reference values with their source in the report and the trend", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 3, kpis: ["on_time_delivery"] });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const input = {
      initiativeId,
      periodId: period.id,
      kpiId: kpi("on_time_delivery"),
      value: 97.5,
      source: "International benchmark (2024)",
    };
    await expect(setKpiReference(deps, members[0].actor, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setKpiReference(deps, broker.actor, { ...input, value: 120 })).rejects.toMatchObject({
      fieldKeys: { value: "kpi_above_max" },
    });
    await expect(setKpiReference(deps, broker.actor, { ...input, kpiId: kpi("scrap_rate") })).rejects.toMatchObject({
      fieldKeys: { kpiId: "kpi_not_in_club" },
    });
    await setKpiReference(deps, broker.actor, { ...input, value: 96 });
    await setKpiReference(deps, broker.actor, input);
    await setKpiReference(deps, broker.actor, { ...input, value: 90, source: "Domestic competitors (2025)" });
    // The second setting of the international benchmark replaced the first (96), not added to it.
    const stored = await database.db.select().from(kpiReference).where(eq(kpiReference.periodId, period.id));
    expect(stored.map((r) => [r.source, r.value]).sort()).toEqual([
      ["Domestic competitors (2025)", 90],
      ["International benchmark (2024)", 97.5],
    ]);
    const report = await getBenchmarkReport(deps, members[0].actor, { initiativeId });
    // In the order they were set, then by source (the test clock stands still).
    expect(report.kpis[0].references).toEqual([
      { value: 90, source: "Domestic competitors (2025)" },
      { value: 97.5, source: "International benchmark (2024)" },
    ]);
    expect(report.kpis[0].trend.points[0]).toMatchObject({ label: "2026-Q3", references: report.kpis[0].references });
  });
});

describe("submissions", () => {
  it("checks every value against its KPI's range, all or nothing, with an error per KPI", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 3 });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const bad = submitKpiValues(deps, members[0].actor, {
      initiativeId,
      periodId: period.id,
      values: { [kpi("on_time_delivery")]: 101, [kpi("scrap_rate")]: 0.8 },
    });
    await expect(bad).rejects.toMatchObject({
      code: "invalid_input",
      fields: { [`values.${kpi("on_time_delivery")}`]: ["Must be at most 100 (%)"] },
      fieldKeys: { [`values.${kpi("on_time_delivery")}`]: "kpi_above_max" },
      // The forms word the message from these, with the unit in the reader's language.
      fieldParams: {
        [`values.${kpi("on_time_delivery")}`]: { kpiId: kpi("on_time_delivery"), kpiKey: "on_time_delivery", unit: "%", min: 0, max: 100 },
      },
    });
    expect(await valuesIn(period.id)).toEqual([]);
    await expect(
      submitKpiValues(deps, members[0].actor, {
        initiativeId,
        periodId: period.id,
        values: { [kpi("scrap_rate")]: -1, [kpi("defects_ppm")]: 3 },
      }),
    ).rejects.toMatchObject({
      fieldKeys: { [`values.${kpi("scrap_rate")}`]: "kpi_below_min", [`values.${kpi("defects_ppm")}`]: "kpi_not_in_club" },
    });
    await expect(
      submitKpiValues(deps, members[0].actor, {
        initiativeId,
        periodId: period.id,
        values: { [kpi("scrap_rate")]: "1.2.3", [kpi("on_time_delivery")]: 90 },
      }),
    ).rejects.toMatchObject({ fields: { [`values.${kpi("scrap_rate")}`]: ["Must be a number"] } });
    await expect(
      submitKpiValues(deps, members[0].actor, { initiativeId, periodId: period.id, values: { [kpi("scrap_rate")]: "" } }),
    ).rejects.toMatchObject({
      fieldKeys: { values: "values_required" },
    });
    expect(await valuesIn(period.id)).toEqual([]);
    // Bounds are inclusive.
    const ok = await submitKpiValues(deps, members[0].actor, {
      initiativeId,
      periodId: period.id,
      values: { [kpi("on_time_delivery")]: 100, [kpi("scrap_rate")]: 0 },
    });
    expect(ok).toMatchObject({ saved: 2, firmId: members[0].firmId, values: { [kpi("on_time_delivery")]: 100, [kpi("scrap_rate")]: 0 } });
  });

  it("lets only members submit, lets them correct until the broker closes, then refuses", async () => {
    const { broker, members, outsiders, initiativeId, kpi } = await openClub(deps, { members: 3, outsideMembers: 1 });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    const values = { [kpi("on_time_delivery")]: 80 };
    await expect(submitKpiValues(deps, outsiders[0].actor, { initiativeId, periodId: period.id, values })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(submitKpiValues(deps, broker.actor, { initiativeId, periodId: period.id, values })).rejects.toMatchObject({
      code: "forbidden",
    });
    const stranger = await createFirmOwner(deps);
    await expect(submitKpiValues(deps, stranger.actor, { initiativeId, periodId: period.id, values })).rejects.toMatchObject({
      code: "not_found",
    });
    // A period of another club is not this club's.
    const other = await openClub(deps, { members: 1 });
    const otherPeriod = await openBenchmarkPeriod(deps, other.broker.actor, { initiativeId: other.initiativeId, label: "2026-Q3" });
    await expect(submitKpiValues(deps, members[0].actor, { initiativeId, periodId: otherPeriod.id, values })).rejects.toMatchObject({
      code: "not_found",
    });

    await submitKpiValues(deps, members[0].actor, { initiativeId, periodId: period.id, values });
    await submitKpiValues(deps, members[0].actor, { initiativeId, periodId: period.id, values: { [kpi("on_time_delivery")]: 85.5 } });
    expect(await valuesIn(period.id)).toEqual([85.5]);
    const club = await getBenchmarkClub(deps, members[0].actor, { initiativeId });
    expect(club.periods[0].mine).toEqual({ values: { [kpi("on_time_delivery")]: 85.5 }, submitted: 1, complete: false });
    expect(club.periods[0].progress).toBeNull();
    expect((await getBenchmarkClub(deps, broker.actor, { initiativeId })).periods[0].progress).toEqual({
      firmsReported: 1,
      firmsComplete: 0,
      members: 3,
    });

    await expect(closeBenchmarkPeriod(deps, members[0].actor, { initiativeId, periodId: period.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const closed = await closeBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id });
    expect(closed).toMatchObject({ status: "closed", reportReady: false });
    await expect(submitKpiValues(deps, members[0].actor, { initiativeId, periodId: period.id, values })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(closeBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await valuesIn(period.id)).toEqual([85.5]);
    // Below the threshold, no "report ready".
    expect(await typesFor(members[0].userId)).not.toContain("benchmark_report_ready");
  });

  it("publishes the period on closing and tells the members the report is ready when a KPI has 5 submissions", async () => {
    const { broker, members, initiativeId, kpi, title } = await openClub(deps, { members: 5 });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    for (const [i, sme] of members.entries())
      await submitKpiValues(deps, sme.actor, { initiativeId, periodId: period.id, values: { [kpi("scrap_rate")]: 0.5 + i } });
    expect(await closeBenchmarkPeriod(deps, broker.actor, { initiativeId, periodId: period.id })).toMatchObject({ reportReady: true });
    for (const sme of members) {
      const [ready] = await database.db
        .select()
        .from(notification)
        .where(and(eq(notification.userId, sme.userId), eq(notification.type, "benchmark_report_ready")));
      expect(ready).toMatchObject({
        params: { club: title, period: "2026-Q3" },
        href: `/initiatives/${initiativeId}/benchmark?period=${period.id}`,
      });
    }
  });
});

// One club's period through import and export, in steps that build on each other (vitest runs them in order).
describe("CSV import and export: a period is imported all or nothing, each bad row named by line and column, and exported back", () => {
  type Club = Awaited<ReturnType<typeof openClub>>;
  let club: Club;
  let period: Awaited<ReturnType<typeof openBenchmarkPeriod>>;
  /** The three member firms, with the names the club shows for them. */
  let a: Club["members"][number] & { name: string };
  let b: typeof a;
  let c: typeof a;

  beforeAll(async () => {
    club = await openClub(deps, { members: 3, outsideMembers: 1, kpis: ["on_time_delivery", "scrap_rate"] });
    const { broker, members, initiativeId } = club;
    period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3" });
    [a, b, c] = await Promise.all(
      members.map(async (m) => ({
        ...m,
        name: (await getBenchmarkClub(deps, broker.actor, { initiativeId })).members.find((x) => x.firmId === m.firmId)!.name,
      })),
    );
  });

  it("refuses a file with bad rows whole, naming each row's line and column, with keys and parameters for the forms; members cannot import", async () => {
    const { broker, members, initiativeId, kpi } = club;
    // The outside member belongs to the network, not to the club.
    const outsider = (await getInitiative(deps, broker.actor, { initiativeId })).participants.length;
    expect(outsider).toBe(3);

    const badCsv = [
      "firm,kpi,value",
      `${a.name},on_time_delivery,91`,
      `Nobody Ltd,on_time_delivery,80`,
      `${b.firmId},scrap_rate,abc`,
      `${b.firmId},defects_ppm,5`,
      `${c.name.toUpperCase()},on_time_delivery,120`,
      `${a.name},On-time delivery,92`,
    ].join("\n");
    await expect(importKpiCsv(deps, members[0].actor, { initiativeId, periodId: period.id, csv: badCsv })).rejects.toMatchObject({
      code: "forbidden",
    });
    const error = await refusal(importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: badCsv }));
    expect(error).toMatchObject({ code: "invalid_input", message: "Some rows are not valid; nothing was imported" });
    expect(error.fields).toEqual({
      "rows.3.firm": ["Not a member firm of this club"],
      "rows.4.value": ["Must be a number"],
      "rows.5.kpi": ["Not a KPI of this club"],
      "rows.6.value": ["Must be at most 100 (%)"],
      "rows.7.kpi": ["This firm's On-time delivery is given on line 2 already"],
    });
    // A value out of range also says, for the forms, which bound of which KPI in which unit.
    expect(error.fieldKeys).toEqual({
      "rows.3.firm": "learning.import.errors.notMember",
      "rows.4.value": "number",
      "rows.5.kpi": "learning.import.errors.notKpi",
      "rows.6.value": "kpi_above_max",
      "rows.7.kpi": "learning.import.errors.duplicate",
    });
    expect(error.fieldParams).toEqual({
      "rows.6.value": { kpiId: kpi("on_time_delivery"), kpiKey: "on_time_delivery", unit: "%", min: 0, max: 100 },
      "rows.7.kpi": { kpi: "On-time delivery", line: 2 },
    });
    expect(await valuesIn(period.id)).toEqual([]);
  });

  it("refuses an unreadable file, a missing column and another period's rows, each with the line or the column", async () => {
    const { broker, initiativeId } = club;
    // A file csv-parse cannot read: a stable key with the line, not the parser's English.
    const unreadable = await refusal(
      importKpiCsv(deps, broker.actor, {
        initiativeId,
        periodId: period.id,
        csv: `firm,kpi,value\n${a.name},on_time_delivery,91\n"${a.name},scrap_rate,1\n`,
      }),
    );
    expect(unreadable).toMatchObject({
      code: "invalid_input",
      fieldKeys: { csv: "learning.import.errors.malformed" },
      fieldParams: { csv: { line: 3 } },
    });
    expect(unreadable.fields?.csv[0]).toMatch(/^Not a readable CSV file \(line 3\)/);
    const ragged = await refusal(
      importKpiCsv(deps, broker.actor, {
        initiativeId,
        periodId: period.id,
        csv: `firm,kpi,value\n${a.name},on_time_delivery,91,extra\n`,
      }),
    );
    expect(ragged).toMatchObject({ fieldKeys: { csv: "learning.import.errors.malformed" }, fieldParams: { csv: { line: 2 } } });
    await expect(importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: "firm,value\nx,1" })).rejects.toMatchObject({
      fields: { csv: ["Missing columns: kpi"] },
    });
    await expect(
      importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: "firm,kpi,value,period\nx,on_time_delivery,1,2026-Q2" }),
    ).rejects.toMatchObject({
      fields: { "rows.2.period": ["This file is for 2026-Q3"], "rows.2.firm": ["Not a member firm of this club"] },
    });
    expect(await valuesIn(period.id)).toEqual([]);
  });

  it("imports a good file (loose headers, firms by name or id, KPIs by key or name, decimal commas); the members' room hears of it", async () => {
    const { broker, members, initiativeId } = club;
    const goodCsv = [
      "Firm, KPI ,Value",
      `${a.name},on_time_delivery,91`,
      `${b.firmId},on_time_delivery,"84,5"`,
      `${c.name.toUpperCase()},on_time_delivery,88`,
      `${a.name},Scrap,0.4`,
    ].join("\n");
    expect(await importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: goodCsv })).toEqual({
      initiativeId,
      periodId: period.id,
      imported: 4,
      firms: 3,
    });
    expect(await valuesIn(period.id)).toEqual([0.4, 84.5, 88, 91]);
    // The members' room hears that values arrived (ids only).
    expect(
      pushes("benchmark:updated", `initiative:${initiativeId}`).some((p) => (p.payload as { periodId: string }).periodId === period.id),
    ).toBe(true);
    // A member's own value was imported for it.
    const mine = await getBenchmarkReport(deps, members[1].actor, { initiativeId });
    expect(mine.kpis[0].own?.value).toBe(84.5);
  });

  it("exports to brokers only, one line per firm and KPI, and the export imports again unchanged", async () => {
    const { broker, members, initiativeId } = club;
    await expect(exportBenchmarkCsv(deps, members[0].actor, { initiativeId })).rejects.toMatchObject({ code: "forbidden" });
    const admin = await createUserWithRole(deps, "admin");
    await expect(exportBenchmarkCsv(deps, admin.actor, { initiativeId })).rejects.toMatchObject({ code: "forbidden" });
    const exported = await exportBenchmarkCsv(deps, broker.actor, { initiativeId, periodId: period.id });
    expect(exported.filename).toMatch(/-2026-q3-values\.csv$/);
    const lines = exported.csv.trim().split("\n");
    expect(lines[0]).toBe("period,firm_id,firm,kpi,kpi_name,unit,value,updated_at");
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith(`2026-Q3,${b.firmId},`) && l.includes(",on_time_delivery,On-time delivery,%,84.5,"))).toBe(true);
    expect(await importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: exported.csv })).toMatchObject({ imported: 4 });
    expect(await valuesIn(period.id)).toEqual([0.4, 84.5, 88, 91]);
  });

  it("imports a file as a spreadsheet in Portuguese saves it: semicolons and decimal commas", async () => {
    const { broker, initiativeId } = club;
    const semicolons = `\uFEFFfirm;kpi;value\n${a.name};on_time_delivery;93,5\n${b.firmId};scrap_rate;0,25\n`;
    expect(await importKpiCsv(deps, broker.actor, { initiativeId, periodId: period.id, csv: semicolons })).toMatchObject({
      imported: 2,
      firms: 2,
    });
    expect(await valuesIn(period.id)).toEqual([0.25, 0.4, 84.5, 88, 93.5]);
  });
});

// One club's meeting through its life, in steps that build on each other (vitest runs them in order).
describe("meetings: a plant visit is scheduled, answered, held with minutes and actions, and exported", () => {
  let club: Awaited<ReturnType<typeof openClub>>;
  let input: {
    initiativeId: string;
    title: string;
    hostFirmId: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    place: string;
    agenda: string;
  };
  let meeting: Awaited<ReturnType<typeof scheduleMeeting>>;

  it("schedules the visit: brokers only, at a participant's plant, in the given time zone; members are told", async () => {
    club = await openClub(deps, { members: 3, outsideMembers: 1 });
    const { broker, members, outsiders, initiativeId, title } = club;
    const host = members[0];
    input = {
      initiativeId,
      title: "Set-up time workshop at the host's plant",
      hostFirmId: host.firmId,
      startsAt: "2026-12-03T09:00",
      endsAt: "2026-12-03T13:00",
      timeZone: "Africa/Johannesburg",
      place: "Plant 2, Struandale, Gqeberha",
      agenda: "1. SMED on the press line\n2. Results since the last visit",
    };
    await expect(scheduleMeeting(deps, members[1].actor, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(scheduleMeeting(deps, broker.actor, { ...input, hostFirmId: outsiders[0].firmId })).rejects.toMatchObject({
      fieldKeys: { hostFirmId: "learning.validation.not_participant" },
    });
    await expect(scheduleMeeting(deps, broker.actor, { ...input, endsAt: "2026-12-03T08:00" })).rejects.toMatchObject({
      fieldKeys: { endsAt: "ends_before_start" },
    });
    meeting = await scheduleMeeting(deps, broker.actor, input);
    expect(meeting).toMatchObject({ startsAt: "2026-12-03T07:00:00.000Z", endsAt: "2026-12-03T11:00:00.000Z", status: "scheduled" });
    const [scheduled] = await database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, members[2].userId), eq(notification.type, "club_meeting_scheduled")));
    expect(scheduled.params).toEqual({ club: title, title: input.title, place: input.place });
    expect(await typesFor(outsiders[0].userId)).not.toContain("club_meeting_scheduled");
  });

  it("collects attendance from members and brokers; others see the meeting without it", async () => {
    const { broker, members, outsiders, initiativeId } = club;
    const host = members[0];
    await respondToMeeting(deps, members[1].actor, { initiativeId, meetingId: meeting.id, response: "yes" });
    await respondToMeeting(deps, members[2].actor, { initiativeId, meetingId: meeting.id, response: "yes" });
    await respondToMeeting(deps, members[2].actor, { initiativeId, meetingId: meeting.id, response: "no" });
    await respondToMeeting(deps, broker.actor, { initiativeId, meetingId: meeting.id, response: "yes" });
    await expect(
      respondToMeeting(deps, outsiders[0].actor, { initiativeId, meetingId: meeting.id, response: "yes" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const asMember = await getBenchmarkClub(deps, members[1].actor, { initiativeId });
    const seen = asMember.meetings[0];
    expect(seen).toMatchObject({ hostFirmId: host.firmId, status: "scheduled", myResponse: "yes", minutes: "", actions: [] });
    expect(seen.attendance!.map((a) => a.response).sort()).toEqual(["no", "yes", "yes"]);
    const asOutsider = await getBenchmarkClub(deps, outsiders[0].actor, { initiativeId });
    expect(asOutsider.meetings[0]).toMatchObject({ title: input.title, attendance: null, minutes: null, actions: null, myResponse: null });
    const summary = await getInitiative(deps, outsiders[0].actor, { initiativeId });
    expect(summary.club?.nextMeeting).toMatchObject({ id: meeting.id, title: input.title });
  });

  it("is held only once started; minutes and actions come afterwards", async () => {
    const { broker, members, outsiders, initiativeId } = club;
    const host = members[0];
    await expect(updateMeeting(deps, broker.actor, { initiativeId, meetingId: meeting.id, status: "held" })).rejects.toMatchObject({
      code: "conflict",
    });
    const later = makeDeps(database.db, () => new Date("2026-12-03T12:00:00Z"));
    await expect(respondToMeeting(later, members[1].actor, { initiativeId, meetingId: meeting.id, response: "no" })).rejects.toMatchObject({
      code: "conflict",
    });
    await updateMeeting(later, broker.actor, {
      initiativeId,
      meetingId: meeting.id,
      status: "held",
      minutes: "Press line set-up down from 45 to 18 minutes.",
    });
    await expect(updateMeeting(later, broker.actor, { initiativeId, meetingId: meeting.id, place: "Elsewhere" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(updateMeeting(later, broker.actor, { initiativeId, meetingId: meeting.id, status: "cancelled" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      addMeetingAction(deps, broker.actor, { initiativeId, meetingId: meeting.id, description: "Visit", ownerFirmId: outsiders[0].firmId }),
    ).rejects.toMatchObject({
      fieldKeys: { ownerFirmId: "learning.validation.not_participant" },
    });
    await expect(
      addMeetingAction(deps, members[1].actor, { initiativeId, meetingId: meeting.id, description: "Visit" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const action = await addMeetingAction(deps, broker.actor, {
      initiativeId,
      meetingId: meeting.id,
      description: "Share the SMED checklist with every member",
      ownerFirmId: host.firmId,
      dueOn: "2027-01-15",
    });
    await updateMeetingAction(deps, broker.actor, { initiativeId, actionId: action.id, status: "done" });
    const after = await getBenchmarkClub(deps, members[2].actor, { initiativeId });
    const hostName = after.members.find((m) => m.firmId === host.firmId)!.name;
    expect(after.meetings[0]).toMatchObject({ status: "held", minutes: "Press line set-up down from 45 to 18 minutes." });
    expect(after.meetings[0].actions).toEqual([
      {
        id: action.id,
        description: "Share the SMED checklist with every member",
        ownerFirmId: host.firmId,
        ownerName: hostName,
        dueOn: "2027-01-15",
        status: "done",
      },
    ]);
  });

  it("exports the club's calendar to members and brokers, cancelled meetings left out", async () => {
    const { broker, members, outsiders, initiativeId } = club;
    const next = await scheduleMeeting(deps, broker.actor, {
      ...input,
      title: "Quality circle",
      startsAt: "2027-02-10T10:00:00+02:00",
      endsAt: "2027-02-10T12:00:00+02:00",
    });
    const dropped = await scheduleMeeting(deps, broker.actor, {
      ...input,
      title: "Dropped visit",
      startsAt: "2027-03-10T10:00:00Z",
      endsAt: "2027-03-10T12:00:00Z",
    });
    await updateMeeting(deps, broker.actor, { initiativeId, meetingId: dropped.id, status: "cancelled" });
    expect(await typesFor(members[1].userId)).toContain("club_meeting_cancelled");
    await expect(exportClubCalendar(deps, outsiders[0].actor, { initiativeId })).rejects.toMatchObject({ code: "forbidden" });
    const calendar = await exportClubCalendar(deps, members[1].actor, { initiativeId });
    expect(calendar.filename).toMatch(/-meetings\.ics$/);
    expect(calendar.ics).toContain("BEGIN:VCALENDAR");
    expect(calendar.ics).toContain(`UID:club-meeting-${meeting.id}@jointly`);
    expect(calendar.ics).toContain(`UID:club-meeting-${next.id}@jointly`);
    expect(calendar.ics).toContain("DTSTART:20270210T080000Z");
    expect(calendar.ics).toContain("DESCRIPTION:Club: ");
    expect(calendar.ics).not.toContain("Dropped visit");
    // The subscription feed's club part: the member's clubs only.
    expect((await clubMeetingEventsFor(database.db, members[1].actor)).map((e) => e.uid)).toEqual(
      expect.arrayContaining([`club-meeting-${meeting.id}@jointly`, `club-meeting-${next.id}@jointly`]),
    );
    expect((await clubMeetingEventsFor(database.db, outsiders[0].actor)).map((e) => e.uid)).not.toContain(
      `club-meeting-${next.id}@jointly`,
    );
    expect((await clubMeetingEventsFor(database.db, broker.actor)).map((e) => e.uid)).toContain(`club-meeting-${next.id}@jointly`);
  });
});

describe("reminders", () => {
  it("tells members that have not reported everything once, a week before the due date", async () => {
    const { broker, members, initiativeId, kpi } = await openClub(deps, { members: 3 });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId, label: "2026-Q3", submissionDue: "2026-12-10" });
    await submitKpiValues(deps, members[0].actor, {
      initiativeId,
      periodId: period.id,
      values: { [kpi("on_time_delivery")]: 90, [kpi("scrap_rate")]: 1 },
    });
    await submitKpiValues(deps, members[1].actor, { initiativeId, periodId: period.id, values: { [kpi("on_time_delivery")]: 90 } });
    const dueSoon = (date: string) => makeDeps(database.db, () => new Date(date));
    // Eight days ahead: not yet.
    await notifyLearningReminders(dueSoon("2026-12-02T08:00:00Z"));
    expect(await typesFor(members[1].userId)).not.toContain("benchmark_submission_due");
    const first = await notifyLearningReminders(dueSoon("2026-12-03T08:00:00Z"));
    expect(first.submissionDue).toBeGreaterThanOrEqual(2);
    expect(await typesFor(members[0].userId)).not.toContain("benchmark_submission_due");
    expect((await typesFor(members[1].userId)).filter((t) => t === "benchmark_submission_due")).toHaveLength(1);
    expect((await typesFor(members[2].userId)).filter((t) => t === "benchmark_submission_due")).toHaveLength(1);
    await notifyLearningReminders(dueSoon("2026-12-04T08:00:00Z"));
    expect((await typesFor(members[2].userId)).filter((t) => t === "benchmark_submission_due")).toHaveLength(1);
    const [claimed] = await database.db.select().from(benchmarkPeriod).where(eq(benchmarkPeriod.id, period.id));
    expect(claimed.dueNoticeAt).toEqual(new Date("2026-12-03T08:00:00Z"));
  });

  it("reminds members and brokers of a meeting once, two days before, except who will not come, and again if it moves", async () => {
    const { broker, members, initiativeId } = await openClub(deps, { members: 3 });
    const meeting = await scheduleMeeting(deps, broker.actor, {
      initiativeId,
      title: "Plant visit",
      hostFirmId: members[0].firmId,
      startsAt: "2026-12-20T08:00:00Z",
      endsAt: "2026-12-20T12:00:00Z",
      place: "Host plant",
    });
    await respondToMeeting(deps, members[2].actor, { initiativeId, meetingId: meeting.id, response: "no" });
    const at = (date: string) => makeDeps(database.db, () => new Date(date));
    expect((await notifyLearningReminders(at("2026-12-17T07:00:00Z"))).meetingReminders).toBe(0);
    const reminders = async (userId: string) => (await typesFor(userId)).filter((t) => t === "club_meeting_reminder").length;
    await notifyLearningReminders(at("2026-12-18T09:00:00Z"));
    expect(await reminders(members[0].userId)).toBe(1);
    expect(await reminders(members[1].userId)).toBe(1);
    expect(await reminders(broker.id)).toBe(1);
    expect(await reminders(members[2].userId)).toBe(0);
    await notifyLearningReminders(at("2026-12-19T09:00:00Z"));
    expect(await reminders(members[0].userId)).toBe(1);
    // Moved two weeks later: reminded again when it comes near.
    await updateMeeting(at("2026-12-19T10:00:00Z"), broker.actor, {
      initiativeId,
      meetingId: meeting.id,
      startsAt: "2027-01-05T08:00:00Z",
      endsAt: "2027-01-05T12:00:00Z",
    });
    expect(await typesFor(members[1].userId)).toContain("club_meeting_moved");
    const [moved] = await database.db.select().from(clubMeeting).where(eq(clubMeeting.id, meeting.id));
    expect(moved.reminderNoticeAt).toBeNull();
    await notifyLearningReminders(at("2027-01-04T09:00:00Z"));
    expect(await reminders(members[0].userId)).toBe(2);
  });
});
