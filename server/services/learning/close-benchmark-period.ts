import { eq } from "drizzle-orm";
import { benchmarkClub, benchmarkPeriod } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { periodIdSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, clubKpis, clubPeriod, visibleClub } from "./club-access";
import { notifyMembers, reportPage } from "./notices";
import { publishPeriod } from "./publication";

/**
 * A broker closes a period: no more submissions or corrections. Closing publishes the period
 * (the first publication, or a refresh of each KPI the republication rule allows: ADR 013), and
 * when a KPI's publication shows statistics, the members are told the report is ready.
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
    // No more values will come: the period's final statistics are published with it.
    const publication = await publishPeriod(
      tx,
      after,
      { initiativeId: input.initiativeId, networkId: facts.row.networkId },
      period.id,
      kpiIds,
      actor.userId,
      now,
    );
    const reportReady = publication.withFigures.length > 0;
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
    return { id: period.id, initiativeId: input.initiativeId, label: period.label, status: "closed" as const, reportReady, publication };
  });
}
