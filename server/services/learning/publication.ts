import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { benchmarkPublication, kpiSubmission } from "../../../db/schema/learning";
import { network } from "../../../db/schema/networks";
import { publicationStep, type PublicationOutcome } from "../../domain/benchmark-publication";
import { disclosureRule, type DisclosureRule } from "../../domain/disclosure";
import { initiativeRoom } from "../../realtime/events";
import type { AfterCommit } from "../deps";

/** The disclosure rule of a club's network: its own threshold when it raised the floor. */
export async function networkRule(db: Db | Tx, networkId: string): Promise<DisclosureRule> {
  const [row] = await db.select({ min: network.disclosureMinContributors }).from(network).where(eq(network.id, networkId));
  return disclosureRule(row?.min);
}

export interface PublicationResult {
  /** KPIs published for the first time in this period. */
  first: string[];
  /** KPIs whose earlier publication was replaced by the current figures. */
  refreshed: string[];
  /** KPIs whose publication stays as it was: too few firms are new to it. */
  kept: string[];
  /** KPIs whose publication now shows statistics (not only a count). */
  withFigures: string[];
}

/**
 * Publishes one period's statistics, KPI by KPI, inside the caller's transaction (which holds the
 * club's lock): the first publication freezes each KPI's figures; a later one replaces them only
 * where the rules allow (server/domain/benchmark-publication.ts). Then tells every open report,
 * members' and brokers', to load again (ids only).
 */
export async function publishPeriod(
  tx: Tx,
  after: AfterCommit,
  club: { initiativeId: string; networkId: string },
  periodId: string,
  kpiIds: readonly string[],
  publishedBy: string | null,
  now: Date,
): Promise<PublicationResult> {
  const result: PublicationResult = { first: [], refreshed: [], kept: [], withFigures: [] };
  if (kpiIds.length === 0) return result;
  const rule = await networkRule(tx, club.networkId);
  const values = await tx
    .select({ kpiId: kpiSubmission.kpiId, firmId: kpiSubmission.firmId, value: kpiSubmission.value })
    .from(kpiSubmission)
    .where(and(eq(kpiSubmission.periodId, periodId), inArray(kpiSubmission.kpiId, [...kpiIds])));
  const stored = await tx
    .select()
    .from(benchmarkPublication)
    .where(and(eq(benchmarkPublication.periodId, periodId), inArray(benchmarkPublication.kpiId, [...kpiIds])))
    .for("update");
  const storedOf = new Map(stored.map((s) => [s.kpiId, s]));
  for (const kpiId of kpiIds) {
    const previous = storedOf.get(kpiId);
    const step = publicationStep(
      previous ? { contributorFirmIds: previous.contributorFirmIds, hasFigures: previous.median !== null } : null,
      values.filter((v) => v.kpiId === kpiId),
      rule,
    );
    const outcome: PublicationOutcome = step.outcome;
    result[outcome].push(kpiId);
    if (!step.figures) {
      if (previous?.median !== null && previous?.median !== undefined) result.withFigures.push(kpiId);
      continue;
    }
    if (step.figures.quartiles) result.withFigures.push(kpiId);
    const { n, quartiles, tails } = step.figures;
    const row = {
      n,
      p25: quartiles?.p25 ?? null,
      median: quartiles?.median ?? null,
      p75: quartiles?.p75 ?? null,
      p10: tails?.p10 ?? null,
      p90: tails?.p90 ?? null,
      contributorFirmIds: step.contributorFirmIds,
      publishedAt: now,
      publishedBy,
    };
    if (previous) await tx.update(benchmarkPublication).set(row).where(eq(benchmarkPublication.id, previous.id));
    else await tx.insert(benchmarkPublication).values({ periodId, kpiId, ...row });
  }
  const payload = { initiativeId: club.initiativeId, periodId, reason: "published" as const };
  // The brokers watch the initiative room too (they may read every club of their network).
  after.publish(initiativeRoom(club.initiativeId), "benchmark:updated", payload);
  return result;
}
