import { and, eq, inArray } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { benchmarkPublication, kpiReference, kpiSubmission } from "../../../db/schema/learning";
import { network } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { catalogueKpi, PERCENTILE_METHOD, trend } from "../../domain/benchmark";
import { publicationStep, shownPublication } from "../../domain/benchmark-publication";
import { quartileBand, REPUBLISH_MIN_NEW, TAILS_FROM } from "../../domain/disclosure";
import { AppError, parseInput } from "../../errors";
import { reportSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { clubIsRunning, clubKpis, clubPeriods, firmNames, memberFirmOf, visibleClub } from "./club-access";
import { networkRule } from "./publication";

/**
 * The benchmark report of a club for one period (the latest by default) and the trend across
 * all periods. CONFIDENTIALITY is enforced here, for the report page, the printable report, the
 * API and the live pushes' reloads alike (ADR 011, ADR 013):
 * - every statistic anyone but the network's brokers sees is the period's frozen publication
 *   (benchmark_publication), shown under server/domain/disclosure.ts's rule: quartiles from the
 *   network's threshold (five at least), p10/p90 from ten, never a minimum, maximum, best or
 *   mean; below the threshold only the count. Later submissions change nothing but the live
 *   count until the period is published again;
 * - a member also reads its own values and its quartile band against the published quartiles,
 *   never another member's value, firm or submission row;
 * - the network's brokers, the club's trusted third party, also read the raw values with the
 *   firms' names (`raw`) and what publishing now would do (`pending`);
 * - administrators read what members read, without values of their own;
 * - network members outside the club get 403, everyone else 404.
 * Raw submissions never leave this function except in `raw`, filled for brokers only; the
 * publication's list of contributing firms never leaves it.
 */
export async function getBenchmarkReport(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(reportSchema, rawInput);
  const db = deps.db;
  const facts = await visibleClub(db, actor, input.initiativeId);
  if (!can(actor, "club", "readReport", facts))
    throw new AppError("forbidden", "Only the club's members and its network's brokers read its report");
  const { row, club } = facts;
  const ownFirmId = memberFirmOf(actor, facts);
  const readRaw = can(actor, "club", "readRaw", facts);
  const kpis = await clubKpis(db, row.id);
  const periods = await clubPeriods(db, row.id);
  const period = input.periodId ? periods.find((p) => p.id === input.periodId) : periods.at(-1);
  if (input.periodId && !period) throw new AppError("not_found", "No such period in this club");

  const { submissions, references, publications } = await reportRows(db, periods, kpis);
  const rule = await networkRule(db, row.networkId);
  const names = readRaw
    ? await firmNames(
        db,
        submissions.map((s) => s.firmId),
      )
    : new Map<string, string>();
  const [net] = await db.select({ name: network.name }).from(network).where(eq(network.id, row.networkId));
  const [ownFirm] = ownFirmId ? await db.select({ name: firm.name }).from(firm).where(eq(firm.id, ownFirmId)) : [];

  const lookups = reportLookups({ submissions, references, publications }, rule, ownFirmId);
  const { periodPublishedAt } = lookups;

  return {
    club: {
      initiativeId: row.id,
      title: row.title,
      networkId: row.networkId,
      networkName: net.name,
      status: row.status,
      periodKind: club.periodKind,
      /** Statistics are shown from this many contributing firms (the network's rule, five at least). */
      minContributors: rule.minContributors,
      tailsFrom: TAILS_FROM,
      republishMinNew: REPUBLISH_MIN_NEW,
      percentileMethod: { key: PERCENTILE_METHOD.key, name: PERCENTILE_METHOD.name, description: PERCENTILE_METHOD.description },
    },
    period: period
      ? {
          id: period.id,
          label: period.label,
          startsOn: period.startsOn,
          endsOn: period.endsOn,
          submissionDue: period.submissionDue,
          status: period.status,
          publishedAt: periodPublishedAt(period.id),
        }
      : null,
    periods: periods.map((p) => ({ id: p.id, label: p.label, status: p.status, published: periodPublishedAt(p.id) !== null })),
    viewer: {
      access: readRaw ? ("broker" as const) : ownFirmId ? ("member" as const) : ("aggregates" as const),
      firmId: ownFirmId,
      firmName: ownFirm?.name ?? null,
    },
    kpis: kpis.map((kpi) => kpiReport(kpi, { period, periods, readRaw, names, rule, lookups })),
    permissions: {
      submit: ownFirmId !== null && clubIsRunning(row.status) && period?.status === "open",
      readRaw,
      exportCsv: readRaw,
      publish: readRaw && period !== undefined,
    },
  };
}
export type BenchmarkReport = Awaited<ReturnType<typeof getBenchmarkReport>>;

type Db = Deps["db"];
type Kpi = Awaited<ReturnType<typeof clubKpis>>[number];
type Period = Awaited<ReturnType<typeof clubPeriods>>[number];
type ReportRows = Awaited<ReturnType<typeof reportRows>>;
type Lookups = ReturnType<typeof reportLookups>;

/** Every submission, reference and publication of the club's periods and KPIs. */
async function reportRows(db: Db, periods: readonly Period[], kpis: readonly Kpi[]) {
  const periodIds = periods.map((p) => p.id);
  const kpiIds = kpis.map((k) => k.id);
  const submissions =
    periodIds.length > 0 && kpiIds.length > 0
      ? await db
          .select({
            periodId: kpiSubmission.periodId,
            kpiId: kpiSubmission.kpiId,
            firmId: kpiSubmission.firmId,
            value: kpiSubmission.value,
          })
          .from(kpiSubmission)
          .where(and(inArray(kpiSubmission.periodId, periodIds), inArray(kpiSubmission.kpiId, kpiIds)))
      : [];
  const references =
    periodIds.length > 0
      ? await db
          .select({
            periodId: kpiReference.periodId,
            kpiId: kpiReference.kpiId,
            value: kpiReference.value,
            source: kpiReference.source,
            createdAt: kpiReference.createdAt,
          })
          .from(kpiReference)
          .where(inArray(kpiReference.periodId, periodIds))
      : [];
  const publications =
    periodIds.length > 0 ? await db.select().from(benchmarkPublication).where(inArray(benchmarkPublication.periodId, periodIds)) : [];
  return { submissions, references, publications };
}

/** Lookups by period and KPI over the club's rows; `ownOf` reads the viewer's firm's value only. */
function reportLookups(
  { submissions, references, publications }: ReportRows,
  rule: Awaited<ReturnType<typeof networkRule>>,
  ownFirmId: string | null,
) {
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
  const publicationOf = (periodId: string, kpiId: string) => publications.find((p) => p.periodId === periodId && p.kpiId === kpiId) ?? null;
  const shownOf = (periodId: string, kpiId: string) => {
    const stored = publicationOf(periodId, kpiId);
    return stored ? { ...shownPublication(stored, rule), publishedAt: stored.publishedAt } : null;
  };
  const periodPublishedAt = (periodId: string) =>
    publications
      .filter((p) => p.periodId === periodId)
      .reduce<Date | null>((latest, p) => (latest && latest > p.publishedAt ? latest : p.publishedAt), null);
  const referencesOf = (periodId: string, kpiId: string) =>
    references
      .filter((r) => r.periodId === periodId && r.kpiId === kpiId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.source.localeCompare(b.source))
      .map((r) => ({ value: r.value, source: r.source }));

  return { valuesOf, ownOf, publicationOf, shownOf, periodPublishedAt, referencesOf };
}

/** One KPI of the report, as the viewer may read it (`raw` and `pending` for brokers only). */
function kpiReport(
  kpi: Kpi,
  {
    period,
    periods,
    readRaw,
    names,
    rule,
    lookups,
  }: {
    period: Period | undefined;
    periods: readonly Period[];
    readRaw: boolean;
    names: Map<string, string>;
    rule: Awaited<ReturnType<typeof networkRule>>;
    lookups: Lookups;
  },
) {
  const { valuesOf, ownOf, publicationOf, shownOf, referencesOf } = lookups;
  const direction = kpi.direction;
  const current = period ? valuesOf(period.id, kpi.id) : [];
  const published = period ? shownOf(period.id, kpi.id) : null;
  const own = period ? ownOf(period.id, kpi.id) : null;
  const stored = period ? publicationOf(period.id, kpi.id) : null;
  const points = periods.map((p) => {
    const shown = shownOf(p.id, kpi.id);
    return {
      periodId: p.id,
      label: p.label,
      median: shown?.quartiles?.median ?? null,
      p10: shown?.tails?.p10 ?? null,
      p90: shown?.tails?.p90 ?? null,
      spread: shown?.tails?.spread ?? null,
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
    /** Submissions received so far in the period (live: a count gives no value away). */
    submissions: current.length,
    /** The period's frozen publication as shown under the rule; null before the first. */
    published,
    /** The viewer's own value, and its quartile band against the published quartiles. */
    own: own === null ? null : { value: own, band: published?.quartiles ? quartileBand(own, published.quartiles, direction) : null },
    references: period ? referencesOf(period.id, kpi.id) : [],
    /** Brokers of the network only: every value with its firm. */
    raw: readRaw
      ? current
          .map((s) => ({ firmId: s.firmId, firmName: names.get(s.firmId) ?? "", value: s.value }))
          .sort((a, b) => a.firmName.localeCompare(b.firmName) || a.firmId.localeCompare(b.firmId))
      : null,
    /** Brokers only: what publishing the period now would do to this KPI. */
    pending:
      readRaw && period
        ? {
            newContributors: current.filter((s) => !(stored?.contributorFirmIds ?? []).includes(s.firmId)).length,
            outcome: publicationStep(
              stored ? { contributorFirmIds: stored.contributorFirmIds, hasFigures: stored.median !== null } : null,
              current,
              rule,
            ).outcome,
          }
        : null,
    trend: { points, ...trend(points, direction) },
  };
}
