import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { kpiSubmission } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { validateKpiValue, type KpiValueProblem } from "../../domain/benchmark";
import { AppError, invalidField, invalidFields, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { submitValuesSchema } from "../../schemas/learning";
import type { AfterCommit } from "../deps";
import { inTransaction, type Deps } from "../deps";
import { assertRunning, clubKpis, clubPeriod, visibleClub, type ClubFacts, type ClubKpi } from "./club-access";

/**
 * The i18n key (under `validation.`), English message and parameters of a value outside its
 * KPI's range. The message names the unit as stored (English for shipped KPIs); the forms word it
 * from the parameters instead, with the unit in the reader's language (`kpi.<kpiKey>.unit` for a
 * shipped KPI, the broker's own words for a network's own KPI).
 */
export function valueProblem(
  problem: KpiValueProblem,
  kpi: Pick<ClubKpi, "id" | "key" | "minValue" | "maxValue" | "unit">,
): [key: string, message: string, params?: Record<string, string | number>] {
  const params = { kpiId: kpi.id, kpiKey: kpi.key ?? "", unit: kpi.unit, min: kpi.minValue, max: kpi.maxValue };
  switch (problem) {
    case "below_min":
      return ["kpi_below_min", `Must be at least ${kpi.minValue} (${kpi.unit})`, params];
    case "above_max":
      return ["kpi_above_max", `Must be at most ${kpi.maxValue} (${kpi.unit})`, params];
    case "not_finite":
      return ["number", "Must be a number"];
  }
}

/**
 * Writes values of one period (firm, KPI -> value), replacing earlier ones, and tells open
 * reports to load again: the count of submissions is live, the statistics are not (members see
 * the period's frozen publication, ADR 013), so the push carries ids only and nothing moves but
 * the count.
 */
export async function saveValues(
  tx: Tx,
  after: AfterCommit,
  facts: ClubFacts,
  periodId: string,
  rows: Array<{ firmId: string; kpiId: string; value: number }>,
  submittedBy: string,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(kpiSubmission)
    .values(rows.map((r) => ({ periodId, kpiId: r.kpiId, firmId: r.firmId, value: r.value, submittedBy, createdAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: [kpiSubmission.periodId, kpiSubmission.kpiId, kpiSubmission.firmId],
      set: { value: sql`excluded.value`, submittedBy: sql`excluded.submitted_by`, updatedAt: sql`excluded.updated_at` },
    });
  const payload = { initiativeId: facts.row.id, periodId, reason: "submitted" as const };
  after.publish(initiativeRoom(facts.row.id), "benchmark:updated", payload);
}

/**
 * A member firm submits its values for an open period: any of the club's KPIs, each checked
 * against the KPI's valid range (errors per field as `values.<kpiId>`), all or nothing. A value
 * sent again replaces the earlier one, so members correct their figures until the period is
 * closed. Submissions are not written to the activity log, which the network's members read.
 */
export async function submitKpiValues(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(submitValuesSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "club", "submit", facts)) throw new AppError("forbidden", "Only the club's member firms submit values");
    assertRunning(facts);
    const period = await clubPeriod(tx, input.initiativeId, input.periodId, { lock: true });
    if (period.status !== "open") throw new AppError("conflict", `The period ${period.label} is closed: values can no longer be changed`);
    const kpis = new Map((await clubKpis(tx, input.initiativeId)).map((k) => [k.id, k]));
    const errors: Parameters<typeof invalidFields>[0] = {};
    const rows: Array<{ firmId: string; kpiId: string; value: number }> = [];
    const firmId = actor.firm!.id;
    for (const [kpiId, value] of Object.entries(input.values)) {
      if (value === undefined) continue;
      const kpi = kpis.get(kpiId);
      if (!kpi) {
        errors[`values.${kpiId}`] = ["kpi_not_in_club", "Not a KPI of this club"];
        continue;
      }
      const problem = validateKpiValue(value, kpi);
      if (problem) errors[`values.${kpiId}`] = valueProblem(problem, kpi);
      else rows.push({ firmId, kpiId, value });
    }
    if (Object.keys(errors).length > 0) throw invalidFields(errors);
    if (rows.length === 0) throw invalidField("values", "values_required", "Give at least one value");
    await saveValues(tx, after, facts, period.id, rows, actor.userId, deps.now());
    return {
      initiativeId: input.initiativeId,
      periodId: period.id,
      firmId,
      saved: rows.length,
      values: Object.fromEntries(rows.map((r) => [r.kpiId, r.value])),
    };
  });
}
