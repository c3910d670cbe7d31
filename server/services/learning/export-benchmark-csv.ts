import { and, eq, inArray } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { benchmarkPeriod, kpiDefinition, kpiSubmission } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { toSafeCsv } from "../../domain/csv-safe";
import { AppError, parseInput } from "../../errors";
import { reportSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { clubKpis, clubPeriod, visibleClub } from "./club-access";

const BENCHMARK_CSV_COLUMNS = ["period", "firm_id", "firm", "kpi", "kpi_name", "unit", "value", "updated_at"] as const;

/**
 * The raw values of a club, one line per firm, KPI and period (one period when given), for the
 * network's brokers only: the file names firms. Its columns import back with importKpiCsv.
 */
export async function exportBenchmarkCsv(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(reportSchema, rawInput);
  const facts = await visibleClub(deps.db, actor, input.initiativeId);
  if (!can(actor, "club", "readRaw", facts)) throw new AppError("forbidden", "Only the network's brokers export the club's raw values");
  const period = input.periodId ? await clubPeriod(deps.db, input.initiativeId, input.periodId) : null;
  const kpiIds = (await clubKpis(deps.db, input.initiativeId)).map((k) => k.id);
  const rows =
    kpiIds.length === 0
      ? []
      : await deps.db
          .select({
            period: benchmarkPeriod.label,
            startsOn: benchmarkPeriod.startsOn,
            firmId: firm.id,
            firm: firm.name,
            kpi: kpiDefinition.key,
            kpiId: kpiDefinition.id,
            kpiName: kpiDefinition.name,
            unit: kpiDefinition.unit,
            value: kpiSubmission.value,
            updatedAt: kpiSubmission.updatedAt,
          })
          .from(kpiSubmission)
          .innerJoin(benchmarkPeriod, eq(benchmarkPeriod.id, kpiSubmission.periodId))
          .innerJoin(firm, eq(firm.id, kpiSubmission.firmId))
          .innerJoin(kpiDefinition, eq(kpiDefinition.id, kpiSubmission.kpiId))
          .where(
            and(
              eq(benchmarkPeriod.initiativeId, input.initiativeId),
              inArray(kpiSubmission.kpiId, kpiIds),
              ...(period ? [eq(benchmarkPeriod.id, period.id)] : []),
            ),
          );
  // Period, then firm, then the club's KPI order.
  const order = new Map(kpiIds.map((id, i) => [id, i]));
  rows.sort(
    (a, b) =>
      a.startsOn.localeCompare(b.startsOn) ||
      a.firm.localeCompare(b.firm) ||
      a.firmId.localeCompare(b.firmId) ||
      order.get(a.kpiId)! - order.get(b.kpiId)!,
  );
  const csv = toSafeCsv([
    [...BENCHMARK_CSV_COLUMNS],
    ...rows.map((r) => [r.period, r.firmId, r.firm, r.kpi ?? r.kpiId, r.kpiName, r.unit, String(r.value), r.updatedAt.toISOString()]),
  ]);
  const slug =
    facts.row.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "benchmark";
  return { filename: `${slug}${period ? `-${period.label.toLowerCase()}` : ""}-values.csv`, csv };
}
