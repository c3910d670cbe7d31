import { and, eq, inArray } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { kpiReference, kpiSubmission } from "../../../db/schema/learning";
import { network } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { catalogueKpi, MIN_SUBMISSIONS, PERCENTILE_METHOD, position, summarise, trend } from "../../domain/benchmark";
import { AppError, parseInput } from "../../errors";
import { reportSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { clubIsRunning, clubKpis, clubPeriods, firmNames, memberFirmOf, visibleClub } from "./club-access";

/**
 * The benchmark report of a club for one period (the latest by default) and the trend across
 * all periods. CONFIDENTIALITY is enforced here, for the pages, the API and the printable
 * report alike:
 * - a member reads its own raw values and the club's aggregates, never another member's value,
 *   firm or submission row; an aggregate (and the member's position in it) exists only when at
 *   least MIN_SUBMISSIONS (3) members reported, and below that not even the count is given;
 * - the network's brokers also read the raw values with the firms' names (`raw`);
 * - administrators read the aggregates only, like a member without values of its own (learning
 *   networks are "sensitive and fragile": the installation's administrators are no party to the
 *   club's trust);
 * - network members outside the club get 403, everyone else 404.
 * Raw submissions never leave this function except in `raw`, filled for brokers only.
 */
export async function getBenchmarkReport(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(reportSchema, rawInput);
  const db = deps.db;
  const facts = await visibleClub(db, actor, input.initiativeId);
  if (!can(actor, "club", "readReport", facts)) throw new AppError("forbidden", "Only the club's members and its network's brokers read its report");
  const { row, club } = facts;
  const ownFirmId = memberFirmOf(actor, facts);
  const readRaw = can(actor, "club", "readRaw", facts);
  const kpis = await clubKpis(db, row.id);
  const periods = await clubPeriods(db, row.id);
  const period = input.periodId ? periods.find((p) => p.id === input.periodId) : periods.at(-1);
  if (input.periodId && !period) throw new AppError("not_found", "No such period in this club");

  const periodIds = periods.map((p) => p.id);
  const kpiIds = kpis.map((k) => k.id);
  const submissions =
    periodIds.length > 0 && kpiIds.length > 0
      ? await db
          .select({ periodId: kpiSubmission.periodId, kpiId: kpiSubmission.kpiId, firmId: kpiSubmission.firmId, value: kpiSubmission.value })
          .from(kpiSubmission)
          .where(and(inArray(kpiSubmission.periodId, periodIds), inArray(kpiSubmission.kpiId, kpiIds)))
      : [];
  const references =
    periodIds.length > 0
      ? await db
          .select({ periodId: kpiReference.periodId, kpiId: kpiReference.kpiId, value: kpiReference.value, source: kpiReference.source, createdAt: kpiReference.createdAt })
          .from(kpiReference)
          .where(inArray(kpiReference.periodId, periodIds))
      : [];
  const names = readRaw ? await firmNames(db, submissions.map((s) => s.firmId)) : new Map<string, string>();
  const [net] = await db.select({ name: network.name }).from(network).where(eq(network.id, row.networkId));
  const [ownFirm] = ownFirmId ? await db.select({ name: firm.name }).from(firm).where(eq(firm.id, ownFirmId)) : [];

  const cell = (periodId: string, kpiId: string) => `${periodId}:${kpiId}`;
  const byCell = new Map<string, typeof submissions>();
  for (const s of submissions) {
    const list = byCell.get(cell(s.periodId, s.kpiId));
    if (list) list.push(s);
    else byCell.set(cell(s.periodId, s.kpiId), [s]);
  }
  const valuesOf = (periodId: string, kpiId: string) => byCell.get(cell(periodId, kpiId)) ?? [];
  const ownOf = (periodId: string, kpiId: string) =>
    ownFirmId ? (valuesOf(periodId, kpiId).find((s) => s.firmId === ownFirmId)?.value ?? null) : null;
  const referencesOf = (periodId: string, kpiId: string) =>
    references
      .filter((r) => r.periodId === periodId && r.kpiId === kpiId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.source.localeCompare(b.source))
      .map((r) => ({ value: r.value, source: r.source }));

  return {
    club: {
      initiativeId: row.id,
      title: row.title,
      networkId: row.networkId,
      networkName: net.name,
      status: row.status,
      periodKind: club.periodKind,
      minSubmissions: MIN_SUBMISSIONS,
      percentileMethod: { key: PERCENTILE_METHOD.key, name: PERCENTILE_METHOD.name, description: PERCENTILE_METHOD.description },
    },
    period: period
      ? { id: period.id, label: period.label, startsOn: period.startsOn, endsOn: period.endsOn, submissionDue: period.submissionDue, status: period.status }
      : null,
    periods: periods.map((p) => ({ id: p.id, label: p.label, status: p.status })),
    viewer: {
      access: readRaw ? ("broker" as const) : ownFirmId ? ("member" as const) : ("aggregates" as const),
      firmId: ownFirmId,
      firmName: ownFirm?.name ?? null,
    },
    kpis: kpis.map((kpi) => {
      const direction = kpi.direction;
      const current = period ? valuesOf(period.id, kpi.id) : [];
      const values = current.map((s) => s.value);
      const summary = summarise(values, direction);
      const own = period ? ownOf(period.id, kpi.id) : null;
      const points = periods.map((p) => {
        const stats = summarise(
          valuesOf(p.id, kpi.id).map((s) => s.value),
          direction,
        );
        return {
          periodId: p.id,
          label: p.label,
          median: stats?.median ?? null,
          p10: stats?.p10 ?? null,
          p90: stats?.p90 ?? null,
          spread: stats?.spread ?? null,
          own: ownOf(p.id, kpi.id),
          references: referencesOf(p.id, kpi.id),
        };
      });
      return {
        id: kpi.id,
        key: kpi.key,
        name: kpi.name,
        description: kpi.description,
        unit: kpi.unit,
        direction,
        minValue: kpi.minValue,
        maxValue: kpi.maxValue,
        computation: kpi.computation,
        decimals: (kpi.key ? catalogueKpi(kpi.key)?.decimals : undefined) ?? 2,
        /** Null below MIN_SUBMISSIONS: "not enough submissions", and no count either. */
        summary,
        own: own === null ? null : { value: own, position: summary ? position(own, values, direction) : null },
        references: period ? referencesOf(period.id, kpi.id) : [],
        /** Brokers of the network only: every value with its firm. */
        raw: readRaw
          ? current
              .map((s) => ({ firmId: s.firmId, firmName: names.get(s.firmId) ?? "", value: s.value }))
              .sort((a, b) => a.firmName.localeCompare(b.firmName) || a.firmId.localeCompare(b.firmId))
          : null,
        trend: { points, ...trend(points, direction) },
      };
    }),
    permissions: {
      submit: ownFirmId !== null && clubIsRunning(row.status) && period?.status === "open",
      readRaw,
      exportCsv: readRaw,
    },
  };
}
export type BenchmarkReport = Awaited<ReturnType<typeof getBenchmarkReport>>;
