import { isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { kpiDefinition } from "../db/schema/learning";
import type { PeriodKind } from "../server/domain/benchmark";
import type { Deps } from "../server/services/deps";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { createBenchmarkClub } from "../server/services/learning/create-benchmark-club";
import { unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";

/** Ids of the shipped KPIs by key. */
export async function shippedKpiIds(db: Db): Promise<Record<string, string>> {
  const rows = await db.select({ id: kpiDefinition.id, key: kpiDefinition.key }).from(kpiDefinition).where(isNull(kpiDefinition.networkId));
  return Object.fromEntries(rows.map((r) => [r.key!, r.id]));
}

/**
 * An open benchmarking club in a new network, joined by `members` SMEs (of `extraSmes` more
 * network members who stay out), with the given shipped KPIs.
 */
export async function openClub(
  deps: Deps,
  options: { members: number; outsideMembers?: number; kpis?: string[]; periodKind?: PeriodKind; title?: string } = { members: 3 },
) {
  const total = options.members + (options.outsideMembers ?? 0);
  const { broker, networkId, smes } = await networkWithMembers(deps, total);
  const kpiIds = await shippedKpiIds(deps.db);
  const keys = options.kpis ?? ["on_time_delivery", "scrap_rate"];
  const title = options.title ?? unique("Benchmarking club");
  const { id: initiativeId } = await createBenchmarkClub(deps, broker.actor, {
    networkId,
    title,
    description: "Quarterly benchmarking of the members' plants",
    deadline: "2027-06-30",
    periodKind: options.periodKind ?? "quarter",
    kpiIds: keys.map((k) => kpiIds[k]),
  });
  await transitionInitiative(deps, broker.actor, { initiativeId, to: "open" });
  const members = smes.slice(0, options.members);
  for (const sme of members) await joinInitiative(deps, sme.actor, { initiativeId });
  return { broker, networkId, members, outsiders: smes.slice(options.members), initiativeId, title, kpi: (key: string) => kpiIds[key] };
}
