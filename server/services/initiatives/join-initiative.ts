import { initiativeParticipant } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { isJoinable } from "../../domain/initiative";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { initiativeIdSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { visibleInitiative } from "./initiative-facts";

/** A member SME of the network joins an open initiative. */
export async function joinInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(initiativeIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, initiativeId, { lock: true });
    if (!can(actor, "initiative", "join", facts)) throw new AppError("forbidden", "Only member SMEs of the network join");
    if (!isJoinable(facts.row.status)) throw new AppError("conflict", `A ${facts.row.status} initiative cannot be joined`);
    const firmId = actor.firm!.id;
    if (facts.participantFirmIds.includes(firmId)) throw new AppError("conflict", "Already taking part");
    await tx.insert(initiativeParticipant).values({ initiativeId, firmId, joinedBy: actor.userId });
    await recordActivity(tx, actor, { networkId: facts.row.networkId, initiativeId, firmId, action: "participant.joined" });
    after.publish(initiativeRoom(initiativeId), "initiative:updated", { initiativeId });
    return { initiativeId, firmId };
  });
}
