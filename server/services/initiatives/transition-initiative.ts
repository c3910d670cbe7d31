import { eq } from "drizzle-orm";
import { initiative } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { assertTransition, TransitionError } from "../../domain/initiative";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { transitionSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { networkRoom } from "../networks/helpers";
import { notify } from "../notifications/notify";
import { initiativeFacts } from "./initiative-facts";
import { usersOfFirms } from "./recipients";

/**
 * Moves an initiative along its lifecycle (the allowed moves live in server/domain/initiative).
 * Opening tells every member of the network; locking or cancelling tells the participants.
 */
export async function transitionInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(transitionSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await initiativeFacts(tx, input.initiativeId, { lock: true });
    if (!facts || !can(actor, "initiative", "read", facts)) throw new AppError("not_found", "Initiative not found");
    if (!can(actor, "initiative", "transition", facts)) throw new AppError("forbidden", "Only the network's brokers change an initiative's status");
    const { row } = facts;
    try {
      assertTransition(row.status, input.to);
    } catch (error) {
      if (error instanceof TransitionError) throw new AppError("conflict", `Cannot go from ${row.status} to ${input.to}`);
      throw error;
    }
    await tx.update(initiative).set({ status: input.to, updatedAt: deps.now() }).where(eq(initiative.id, row.id));
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      action: `initiative.${input.to}`,
      before: { status: row.status },
      after: { status: input.to },
    });
    const audience =
      input.to === "open"
        ? await usersOfFirms(tx, facts.memberFirmIds)
        : input.to === "locked" || input.to === "cancelled" || input.to === "completed"
          ? await usersOfFirms(tx, facts.participantFirmIds)
          : [];
    const type = `initiative_${input.to}`;
    await notify(
      tx,
      after,
      audience.map((userId) => ({ userId, type, params: { title: row.title }, href: `/initiatives/${row.id}` })),
    );
    after.publish(initiativeRoom(row.id), "initiative:updated", { initiativeId: row.id });
    after.publish(networkRoom(row.networkId), "network:updated", { networkId: row.networkId });
    return { id: row.id, status: input.to };
  });
}
