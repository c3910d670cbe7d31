import { and, eq, inArray } from "drizzle-orm";
import { initiative, initiativeParticipant, jointBuyCommitment } from "../../../db/schema/initiatives";
import { networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { networkIdSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { releaseOnLeave } from "../stands/space-queue";
import { usersOfFirms } from "../initiatives/recipients";
import { networkRoom } from "./helpers";
import { networkFacts } from "./network-facts";

/**
 * A member firm leaves a network. It also leaves the network's initiatives that are still open
 * (its commitments are withdrawn, its space on a trade-fair stand released); locked and finished
 * ones keep their frozen record.
 */
export async function leaveNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  const { networkId } = parseInput(networkIdSchema, rawInput);
  if (!actor.firm || !can(actor, "network", "leave", { firmId: actor.firm.id })) throw new AppError("forbidden", "Not allowed");
  const firmId = actor.firm.id;
  return inTransaction(deps, async (tx, after) => {
    const [membership] = await tx
      .select()
      .from(networkMember)
      .where(and(eq(networkMember.networkId, networkId), eq(networkMember.firmId, firmId), eq(networkMember.status, "active")))
      .for("update");
    if (!membership) throw new AppError("not_found", "Not a member of this network");
    await tx.update(networkMember).set({ status: "left", updatedAt: deps.now() }).where(eq(networkMember.id, membership.id));
    const open = await tx
      .select({ id: initiative.id })
      .from(initiative)
      .innerJoin(
        initiativeParticipant,
        and(eq(initiativeParticipant.initiativeId, initiative.id), eq(initiativeParticipant.firmId, firmId)),
      )
      .where(and(eq(initiative.networkId, networkId), inArray(initiative.status, ["draft", "open"])));
    for (const { id } of open) {
      await tx.delete(jointBuyCommitment).where(and(eq(jointBuyCommitment.initiativeId, id), eq(jointBuyCommitment.firmId, firmId)));
      await tx
        .delete(initiativeParticipant)
        .where(and(eq(initiativeParticipant.initiativeId, id), eq(initiativeParticipant.firmId, firmId)));
      await releaseOnLeave(tx, after, actor, id, firmId, deps.now(), "left_network");
      await recordActivity(tx, actor, {
        networkId,
        initiativeId: id,
        firmId,
        action: "participant.left",
        after: { reason: "left_network" },
      });
      after.publish(initiativeRoom(id), "initiative:updated", { initiativeId: id });
    }
    await recordActivity(tx, actor, { networkId, firmId, action: "member.left", before: { status: "active" }, after: { status: "left" } });
    after.publish(networkRoom(networkId), "network:updated", { networkId });
    // Live sockets follow: the firm's people leave the network's rooms, its brokers the firm's.
    const facts = await networkFacts(tx, networkId);
    after.rescope([...(await usersOfFirms(tx, [firmId])), ...(facts?.networkBrokerIds ?? [])]);
    return { networkId, status: "left" as const };
  });
}
