import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { initiativeParticipant } from "../../../db/schema/initiatives";
import { standSpace } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { formatDm2AsM2, parseAreaM2 } from "../../domain/stand-space";
import { AppError, invalidField, parseInput } from "../../errors";
import { requestSpaceSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { brokerUserIds } from "../networks/helpers";
import { notify } from "../notifications/notify";
import { changeAllocated, nextQueueStamp, serveQueue, standHref } from "./space-queue";
import { activeSpaceOf, HOLDING, m2, publishStand, visibleStand, waitingQueue } from "./stand-access";

/**
 * A member SME asks for area on an open stand before the booking deadline; its firm becomes a
 * participant of the initiative if it was not. The stand is never overbooked: the initiative
 * row is locked first, so simultaneous requests are decided one after another against the
 * exact free area, and the stand's CHECK constraint guards the sum in the database.
 *
 * - A new request that fits the free area is held at once (status requested, for the broker
 *   to confirm); a request beyond the free area joins the end of the waiting list (issue 5:
 *   "requests beyond the remaining area go to a waiting list"). Freed area serves the list
 *   strictly in order (server/domain/stand-space); area the head of the list cannot use stays
 *   free for a request it fits, since idle area helps nobody; the broker can trim or decline.
 * - A firm already holding space changes its request: a smaller area is held at once (and the
 *   freed area serves the waiting list); a larger one needs the extra area free (409
 *   otherwise) and goes back to "requested" for the broker to confirm again.
 * - A firm already waiting changes the area it waits for and keeps its place in the queue;
 *   if the new area fits the free area it is held at once.
 */
export async function requestStandSpace(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(requestSpaceSchema, rawInput);
  const areaDm2 = parseAreaM2(input.areaM2);
  if (areaDm2 === null) throw invalidField("areaM2", "invalid_area", "An area above 0 m², at most two decimals");
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "stand", "requestSpace", facts)) throw new AppError("forbidden", "Only member SMEs of the network request stand space");
    const { row, stand } = facts;
    const now = deps.now();
    if (row.status !== "open") throw new AppError("conflict", `A ${row.status} stand takes no requests`);
    if (now.getTime() > row.deadline.getTime()) throw new AppError("conflict", "The booking deadline has passed");
    if (areaDm2 < stand.minAreaDm2) {
      throw invalidField("areaM2", "below_min_area", `At least ${formatDm2AsM2(stand.minAreaDm2)} m² per exhibitor`);
    }
    if (areaDm2 > stand.areaDm2) throw invalidField("areaM2", "above_stand_area", `The stand has ${formatDm2AsM2(stand.areaDm2)} m²`);
    const firmId = actor.firm!.id;
    const context = { initiativeId: row.id, networkId: row.networkId, title: row.title, actor, now };

    const joined = !facts.participantFirmIds.includes(firmId);
    if (joined) {
      await tx.insert(initiativeParticipant).values({ initiativeId: row.id, firmId, joinedBy: actor.userId, createdAt: now });
      await recordActivity(tx, actor, { networkId: row.networkId, initiativeId: row.id, firmId, action: "participant.joined" });
    }

    const existing = await activeSpaceOf(tx, row.id, firmId);
    const freeDm2 = stand.areaDm2 - stand.allocatedDm2;
    const { spaceId, action, before } = await writeRequest(tx, { initiativeId: row.id, firmId, areaDm2, existing, freeDm2, actor, now });

    // A smaller holding frees area; a waiting firm at the head may now fit.
    const served = await serveQueue(tx, after, context);
    const [mine] = await tx.select().from(standSpace).where(eq(standSpace.id, spaceId));
    const position = mine.status === "waiting" ? (await waitingQueue(tx, row.id)).findIndex((q) => q.spaceId === spaceId) + 1 : null;
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      firmId,
      action,
      before,
      after: { status: mine.status, areaDm2 },
    });
    const [own] = await tx.select({ name: firm.name }).from(firm).where(eq(firm.id, firmId));
    await notify(
      tx,
      after,
      (await brokerUserIds(tx, row.networkId)).map((userId) => ({
        userId,
        type: mine.status === "waiting" ? "stand_space_waiting" : "stand_space_requested",
        params: { title: row.title, firm: own.name, area: m2(areaDm2) },
        href: standHref(row.id),
      })),
    );
    publishStand(after, row.id, { initiative: joined });
    return {
      initiativeId: row.id,
      spaceId,
      firmId,
      status: mine.status,
      requestedDm2: mine.requestedDm2,
      grantedDm2: mine.grantedDm2,
      /** Place in the waiting list (1 = next), or null when the area is held. */
      position,
      holds: HOLDING.includes(mine.status),
      served: served.length,
    };
  });
}

/**
 * Writes a firm's request: a new space (held when it fits, else waiting), a waiting request's
 * new area, or a change to a held one (no more than the free area). Returns what the activity records.
 */
async function writeRequest(
  tx: Tx,
  {
    initiativeId,
    firmId,
    areaDm2,
    existing,
    freeDm2,
    actor,
    now,
  }: {
    initiativeId: string;
    firmId: string;
    areaDm2: number;
    existing: Awaited<ReturnType<typeof activeSpaceOf>>;
    freeDm2: number;
    actor: Actor;
    now: Date;
  },
): Promise<{ spaceId: string; action: string; before: Record<string, unknown> | null }> {
  if (!existing) {
    const holds = areaDm2 <= freeDm2;
    const [created] = await tx
      .insert(standSpace)
      .values({
        initiativeId,
        firmId,
        requestedDm2: areaDm2,
        grantedDm2: holds ? areaDm2 : 0,
        status: holds ? "requested" : "waiting",
        queuedAt: await nextQueueStamp(tx, initiativeId, now),
        requestedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: standSpace.id });
    if (holds) await changeAllocated(tx, initiativeId, areaDm2, now);
    return { spaceId: created.id, action: holds ? "stand.space_requested" : "stand.space_waiting", before: null };
  } else if (existing.status === "waiting") {
    // Now within the free area: held at once, like any request that fits.
    const holds = areaDm2 <= freeDm2;
    await tx
      .update(standSpace)
      .set({
        requestedDm2: areaDm2,
        grantedDm2: holds ? areaDm2 : 0,
        status: holds ? "requested" : "waiting",
        requestedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(standSpace.id, existing.id));
    if (holds) await changeAllocated(tx, initiativeId, areaDm2, now);
    return { spaceId: existing.id, action: "stand.space_changed", before: { status: "waiting", areaDm2: existing.requestedDm2 } };
  } else {
    const delta = areaDm2 - existing.grantedDm2;
    if (delta > 0 && delta > freeDm2) {
      throw invalidField("areaM2", "no_room", `Only ${formatDm2AsM2(freeDm2)} m² are free`, "conflict");
    }
    await tx
      .update(standSpace)
      .set({
        requestedDm2: areaDm2,
        grantedDm2: areaDm2,
        // More area than the broker confirmed is a new request to confirm.
        status: delta > 0 ? "requested" : existing.status,
        requestedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(standSpace.id, existing.id));
    await changeAllocated(tx, initiativeId, delta, now);
    return { spaceId: existing.id, action: "stand.space_changed", before: { status: existing.status, areaDm2: existing.grantedDm2 } };
  }
}
