import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { initiative } from "../../../db/schema/initiatives";
import { stand, standSpace } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { serveWaitingList } from "../../domain/stand-space";
import { AppError } from "../../errors";
import { recordActivity } from "../activity";
import type { AfterCommit } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { activeSpaceOf, HOLDING, loadStand, m2, publishStand, waitingQueue } from "./stand-access";

/**
 * The stand's area ledger. Every function here runs inside a transaction that holds the lock
 * on the initiative row (visibleStand with `lock`), so reads of the free area and the changes
 * that follow are exact; the stand's CHECK constraint `stand_not_overbooked` is the database's
 * own guard on top (allocated_dm2 is only ever changed by an SQL increment, never by writing a
 * value computed in JavaScript).
 */

/** Adds `deltaDm2` (negative to free area) to the stand's allocated area. */
export async function changeAllocated(tx: Tx, initiativeId: string, deltaDm2: number, now: Date): Promise<void> {
  if (deltaDm2 === 0) return;
  try {
    await tx
      .update(stand)
      .set({ allocatedDm2: sql`${stand.allocatedDm2} + ${deltaDm2}`, updatedAt: now })
      .where(eq(stand.initiativeId, initiativeId));
  } catch (error) {
    if (violates(error, "stand_not_overbooked")) throw new AppError("conflict", "The stand has no room left for this area");
    throw error;
  }
}

/** Whether a database error (possibly wrapped by drizzle) is a violation of the named constraint. */
function violates(error: unknown, constraint: string): boolean {
  for (let e = error as { cause?: unknown; constraint?: string; message?: string } | undefined; e; e = e.cause as typeof e) {
    if (e.constraint === constraint || (typeof e.message === "string" && e.message.includes(constraint))) return true;
  }
  return false;
}

/**
 * When a new request joins the queue: strictly after everyone already queued on this stand,
 * even when the clock has not moved (simultaneous requests are ordered by who got the lock).
 */
export async function nextQueueStamp(tx: Tx, initiativeId: string, now: Date): Promise<Date> {
  const [row] = await tx
    .select({ last: max(standSpace.queuedAt) })
    .from(standSpace)
    .where(eq(standSpace.initiativeId, initiativeId));
  const last = row?.last ? new Date(row.last).getTime() : -Infinity;
  return new Date(Math.max(now.getTime(), last + 1));
}

/**
 * Serves the waiting list with the free area, strictly in order (server/domain/stand-space):
 * each firm served holds its full request (status requested, for the broker to confirm) and
 * its people are told. Returns who was served.
 */
export async function serveQueue(
  tx: Tx,
  after: AfterCommit,
  context: { initiativeId: string; networkId: string; title: string; actor: Actor | null; now: Date },
): Promise<Array<{ spaceId: string; firmId: string; grantedDm2: number }>> {
  const row = await loadStand(tx, context.initiativeId);
  if (!row) return [];
  const queue = await waitingQueue(tx, context.initiativeId);
  if (queue.length === 0) return [];
  const granted = serveWaitingList(
    row.areaDm2 - row.allocatedDm2,
    queue.map((q) => ({ id: q.spaceId, requestedDm2: q.requestedDm2 })),
  );
  if (granted.length === 0) return [];
  const firmOf = new Map(queue.map((q) => [q.spaceId, q.firmId]));
  for (const g of granted) {
    await tx
      .update(standSpace)
      .set({ status: "requested", grantedDm2: g.grantedDm2, requestedDm2: g.grantedDm2, updatedAt: context.now })
      .where(eq(standSpace.id, g.id));
  }
  await changeAllocated(
    tx,
    context.initiativeId,
    granted.reduce((sum, g) => sum + g.grantedDm2, 0),
    context.now,
  );
  const served = granted.map((g) => ({ spaceId: g.id, firmId: firmOf.get(g.id)!, grantedDm2: g.grantedDm2 }));
  for (const s of served) {
    await recordActivity(tx, context.actor, {
      networkId: context.networkId,
      initiativeId: context.initiativeId,
      firmId: s.firmId,
      action: "stand.space_served",
      after: { status: "requested", areaDm2: s.grantedDm2 },
    });
    await notify(
      tx,
      after,
      (await usersOfFirms(tx, [s.firmId])).map((userId) => ({
        userId,
        type: "stand_waiting_served",
        params: { title: context.title, area: m2(s.grantedDm2) },
        href: standHref(context.initiativeId),
      })),
    );
  }
  return served;
}

export const standHref = (initiativeId: string) => `/initiatives/${initiativeId}/stand`;

/**
 * Gives up a firm's live space (holding or waiting) as status `released`, frees its area and
 * serves the waiting list. Used by releasing, and by leaving the initiative or the network.
 * Returns null when the firm had no live space.
 */
export async function releaseFirmSpace(
  tx: Tx,
  after: AfterCommit,
  context: { initiativeId: string; networkId: string; title: string; firmId: string; actor: Actor | null; now: Date; reason?: string },
) {
  const space = await activeSpaceOf(tx, context.initiativeId, context.firmId);
  if (!space) return null;
  await tx.update(standSpace).set({ status: "released", grantedDm2: 0, updatedAt: context.now }).where(eq(standSpace.id, space.id));
  if (HOLDING.includes(space.status)) await changeAllocated(tx, context.initiativeId, -space.grantedDm2, context.now);
  await recordActivity(tx, context.actor, {
    networkId: context.networkId,
    initiativeId: context.initiativeId,
    firmId: context.firmId,
    action: "stand.space_released",
    before: { status: space.status, areaDm2: space.grantedDm2 || space.requestedDm2 },
    after: { status: "released", ...(context.reason ? { reason: context.reason } : {}) },
  });
  const served = await serveQueue(tx, after, context);
  publishStand(after, context.initiativeId);
  return { space, served };
}

/**
 * For leaving an initiative or a network: locks the initiative row (the caller may not have),
 * then releases the firm's space on its stand, if it is a stand and the firm holds any.
 */
export async function releaseOnLeave(
  tx: Tx,
  after: AfterCommit,
  actor: Actor | null,
  initiativeId: string,
  firmId: string,
  now: Date,
  reason: string,
) {
  const [row] = await tx
    .select({ id: initiative.id, networkId: initiative.networkId, title: initiative.title })
    .from(initiative)
    .where(eq(initiative.id, initiativeId))
    .for("update");
  if (!row) return null;
  const [space] = await tx
    .select({ id: standSpace.id })
    .from(standSpace)
    .where(
      and(
        eq(standSpace.initiativeId, initiativeId),
        eq(standSpace.firmId, firmId),
        inArray(standSpace.status, ["requested", "confirmed", "waiting"]),
      ),
    );
  if (!space) return null;
  return releaseFirmSpace(tx, after, { initiativeId, networkId: row.networkId, title: row.title, firmId, actor, now, reason });
}

/**
 * Leaving an initiative gives up the firm's stand space, which members may only do while
 * booking is open: after the booking deadline the broker decides (409).
 */
export async function assertMayLeaveStand(tx: Tx, initiativeId: string, deadline: Date, firmId: string, now: Date): Promise<void> {
  if (now.getTime() <= deadline.getTime()) return;
  if (await activeSpaceOf(tx, initiativeId, firmId)) {
    throw new AppError("conflict", "The booking deadline has passed: your stand space can no longer be released; ask the broker");
  }
}
