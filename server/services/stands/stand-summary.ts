import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { fair } from "../../../db/schema/stands";
import { holdingSpaces, loadStand, waitingQueue } from "./stand-access";

/** The initiative page's summary of its stand (null for a joint_selling initiative without one). */
export async function loadStandSummary(db: Db | Tx, initiativeId: string, firmId: string | null) {
  const row = await loadStand(db, initiativeId);
  if (!row) return null;
  const [[fairRow], queue, spaces] = await Promise.all([
    db.select().from(fair).where(eq(fair.id, row.fairId)),
    waitingQueue(db, initiativeId),
    holdingSpaces(db, initiativeId),
  ]);
  const holding = spaces.find((s) => s.firmId === firmId);
  const waitingAt = queue.findIndex((q) => q.firmId === firmId);
  return {
    fair: {
      id: fairRow.id,
      name: fairRow.name,
      city: fairRow.city,
      country: fairRow.country,
      startsOn: fairRow.startsOn,
      endsOn: fairRow.endsOn,
    },
    areaDm2: row.areaDm2,
    allocatedDm2: row.allocatedDm2,
    freeDm2: row.areaDm2 - row.allocatedDm2,
    exhibitorCount: spaces.length,
    waitingCount: queue.length,
    mySpace: holding
      ? { status: holding.status, requestedDm2: holding.requestedDm2, grantedDm2: holding.grantedDm2, position: null }
      : waitingAt >= 0
        ? { status: "waiting" as const, requestedDm2: queue[waitingAt].requestedDm2, grantedDm2: 0, position: waitingAt + 1 }
        : null,
    href: `/initiatives/${initiativeId}/stand`,
  };
}
