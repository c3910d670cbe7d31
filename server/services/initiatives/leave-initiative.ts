import { and, eq } from "drizzle-orm";
import { initiativeParticipant, jointBuyCommitment } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { isJoinable } from "../../domain/initiative";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { initiativeIdSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertMayLeaveStand, releaseOnLeave } from "../stands/space-queue";
import { visibleInitiative } from "./initiative-facts";

/**
 * A participant leaves an open initiative; its commitment, if any, is withdrawn with it, and its
 * space on a trade-fair stand is released (the waiting list is served).
 */
export async function leaveInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(initiativeIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, initiativeId, { lock: true });
    if (!can(actor, "initiative", "leave", facts)) throw new AppError("forbidden", "Only participants leave");
    if (!isJoinable(facts.row.status)) throw new AppError("conflict", `A ${facts.row.status} initiative cannot be left`);
    const firmId = actor.firm!.id;
    await assertMayLeaveStand(tx, initiativeId, facts.row.deadline, firmId, deps.now());
    const [commitment] = await tx
      .delete(jointBuyCommitment)
      .where(and(eq(jointBuyCommitment.initiativeId, initiativeId), eq(jointBuyCommitment.firmId, firmId)))
      .returning({ quantity: jointBuyCommitment.quantity });
    await tx
      .delete(initiativeParticipant)
      .where(and(eq(initiativeParticipant.initiativeId, initiativeId), eq(initiativeParticipant.firmId, firmId)));
    await releaseOnLeave(tx, after, actor, initiativeId, firmId, deps.now(), "left_initiative");
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId,
      firmId,
      action: "participant.left",
      before: commitment ? { quantity: commitment.quantity } : null,
    });
    after.publish(initiativeRoom(initiativeId), "initiative:updated", { initiativeId });
    return { initiativeId, firmId };
  });
}
