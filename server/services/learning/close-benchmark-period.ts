import { and, count, eq, inArray } from "drizzle-orm";
import { benchmarkClub, benchmarkPeriod, kpiSubmission } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { MIN_SUBMISSIONS } from "../../domain/benchmark";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { periodIdSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, clubKpis, clubPeriod, visibleClub } from "./club-access";
import { notifyMembers, reportPage } from "./notices";

/**
 * A broker closes a period: no more submissions or corrections. When at least one KPI reached
 * the 3-member threshold, the members are told the report is ready.
 */
export async function closeBenchmarkPeriod(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(periodIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    const period = await clubPeriod(tx, input.initiativeId, input.periodId, { lock: true });
    if (period.status !== "open") throw new AppError("conflict", `The period ${period.label} is closed already`);
    const now = deps.now();
    await tx.update(benchmarkPeriod).set({ status: "closed", closedAt: now }).where(eq(benchmarkPeriod.id, period.id));
    await tx.update(benchmarkClub).set({ updatedAt: now }).where(eq(benchmarkClub.initiativeId, input.initiativeId));
    const kpiIds = (await clubKpis(tx, input.initiativeId)).map((k) => k.id);
    const counts =
      kpiIds.length > 0
        ? await tx
            .select({ kpiId: kpiSubmission.kpiId, n: count() })
            .from(kpiSubmission)
            .where(and(eq(kpiSubmission.periodId, period.id), inArray(kpiSubmission.kpiId, kpiIds)))
            .groupBy(kpiSubmission.kpiId)
        : [];
    const reportReady = counts.some((c) => c.n >= MIN_SUBMISSIONS);
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: "benchmark.period_closed",
      after: { period: period.label },
    });
    if (reportReady) {
      await notifyMembers(tx, after, facts.participantFirmIds, {
        type: "benchmark_report_ready",
        params: { club: facts.row.title, period: period.label },
        href: reportPage(input.initiativeId, period.id),
      });
    }
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { id: period.id, initiativeId: input.initiativeId, label: period.label, status: "closed" as const, reportReady };
  });
}
