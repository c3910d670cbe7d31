import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { periodIdSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { clubKpis, clubPeriod, visibleClub } from "./club-access";
import { publishPeriod } from "./publication";

/**
 * A broker publishes a period's statistics to the club (ADR 013). The first publication freezes
 * each KPI's figures; publishing again refreshes a KPI only where enough firms are new to its
 * publication, and keeps the others as they were, saying which is which. One transaction under
 * the club's lock, so a submission or another publication never interleaves.
 */
export async function publishBenchmarkPeriod(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(periodIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "club", "publish", facts)) throw new AppError("forbidden", "Only the network's brokers publish the club's statistics");
    const period = await clubPeriod(tx, input.initiativeId, input.periodId, { lock: true });
    const kpiIds = (await clubKpis(tx, input.initiativeId)).map((k) => k.id);
    const now = deps.now();
    const result = await publishPeriod(
      tx,
      after,
      { initiativeId: input.initiativeId, networkId: facts.row.networkId },
      period.id,
      kpiIds,
      actor.userId,
      now,
    );
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: "benchmark.period_published",
      after: { period: period.label, refreshed: result.first.length + result.refreshed.length, kept: result.kept.length },
    });
    return { initiativeId: input.initiativeId, periodId: period.id, label: period.label, publishedAt: now, ...result };
  });
}
