import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { dependenceState } from "../../../db/schema/ledger";
import { crossedUpward } from "../../domain/dependence";
import { needsRoom } from "../../realtime/events";
import type { AfterCommit } from "../deps";
import { firmFacts } from "../firms/firm-facts";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { dependenceFigures } from "./dependence-figures";

/**
 * After a ledger change: compares the firm's level in its latest period with the level last
 * seen; crossing a threshold upward notifies the firm and its networks' brokers, once per
 * crossing (falling back and rising again is a new crossing).
 */
export async function trackDependenceLevel(tx: Tx, after: AfterCommit, firmId: string, now: Date): Promise<void> {
  // Projections in every need's ranking start from this ledger.
  after.publish(needsRoom(), "matches:changed", {});
  const figures = await dependenceFigures(tx, firmId);
  const latest = figures.latest;
  const level = latest?.level ?? "none";
  const [previous] = await tx.select().from(dependenceState).where(eq(dependenceState.firmId, firmId));
  await tx
    .insert(dependenceState)
    .values({ firmId, level, period: latest?.period ?? null, updatedAt: now })
    .onConflictDoUpdate({ target: dependenceState.firmId, set: { level, period: latest?.period ?? null, updatedAt: now } });
  const crossed = crossedUpward(previous?.level ?? "none", level);
  if (!crossed || !latest?.measure) return;
  const facts = await firmFacts(tx, firmId);
  const audience = [...new Set([...(await usersOfFirms(tx, [firmId])), ...(facts.networkBrokerIds ?? [])])];
  await notify(
    tx,
    after,
    audience.map((userId) => ({
      userId,
      type: `dependence_${crossed}`,
      params: {
        firm: figures.firm.name,
        buyer: latest.measure.topBuyer?.name ?? "",
        share: Math.round(latest.measure.topShareBp / 100),
        period: latest.period,
      },
      href: `/firms/${firmId}/dependence`,
    })),
  );
}
