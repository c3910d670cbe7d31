import { eq, sum } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { initiative, jointBuy, jointBuyCommitment } from "../../../db/schema/initiatives";
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
import { visibleInitiative } from "./initiative-facts";
import { usersOfFirms } from "./recipients";

/**
 * Moves an initiative along its lifecycle (the allowed moves live in server/domain/initiative).
 * Opening tells every member of the network; locking or cancelling tells the participants.
 */
export async function transitionInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(transitionSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "initiative", "transition", facts))
      throw new AppError("forbidden", "Only the network's brokers change an initiative's status");
    const { row } = facts;
    try {
      assertTransition(row.status, input.to);
    } catch (error) {
      if (error instanceof TransitionError) throw new AppError("conflict", `Cannot go from ${row.status} to ${input.to}`);
      throw error;
    }
    if (input.to === "locked") await assertMinimumReached(tx, row.id);
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

/** A joint purchase below its minimum pooled quantity does not proceed: cancel it instead. */
async function assertMinimumReached(tx: Tx, initiativeId: string) {
  const [quote] = await tx.select({ minimum: jointBuy.minimumQuantity }).from(jointBuy).where(eq(jointBuy.initiativeId, initiativeId));
  if (!quote) return;
  const [{ total }] = await tx
    .select({ total: sum(jointBuyCommitment.quantity) })
    .from(jointBuyCommitment)
    .where(eq(jointBuyCommitment.initiativeId, initiativeId));
  if (Number(total ?? 0) < quote.minimum) {
    throw new AppError("conflict", `The pooled quantity is below the minimum of ${quote.minimum} to proceed; cancel the purchase instead`);
  }
}
