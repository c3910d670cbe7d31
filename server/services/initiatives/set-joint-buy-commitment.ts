import { and, eq, sum } from "drizzle-orm";
import { jointBuy, jointBuyCommitment } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { acceptsCommitments } from "../../domain/initiative";
import { crossedBreak } from "../../domain/price-breaks";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { commitmentSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { visibleInitiative } from "./initiative-facts";
import { usersOfFirms } from "./recipients";

/**
 * A participant commits, changes or (with 0) withdraws its quantity while the joint purchase is
 * open. The initiative row is locked first, so simultaneous changes apply one after another and
 * the pooled total before and after each is exact; crossing a price break notifies everyone.
 */
export async function setJointBuyCommitment(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(commitmentSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "initiative", "commit", facts)) throw new AppError("forbidden", "Join the initiative to commit a quantity");
    const { row } = facts;
    if (!acceptsCommitments(row.status)) throw new AppError("conflict", `A ${row.status} joint purchase takes no commitments`);
    const [quote] = await tx.select().from(jointBuy).where(eq(jointBuy.initiativeId, row.id));
    if (!quote) throw new AppError("not_found", "This initiative is not a joint purchase");
    const firmId = actor.firm!.id;

    const totalNow = async () =>
      Number(
        (
          await tx
            .select({ total: sum(jointBuyCommitment.quantity) })
            .from(jointBuyCommitment)
            .where(eq(jointBuyCommitment.initiativeId, row.id))
        )[0]?.total ?? 0,
      );
    const before = await totalNow();
    const [existing] = await tx
      .select({ quantity: jointBuyCommitment.quantity })
      .from(jointBuyCommitment)
      .where(and(eq(jointBuyCommitment.initiativeId, row.id), eq(jointBuyCommitment.firmId, firmId)));
    if (input.quantity === 0) {
      await tx.delete(jointBuyCommitment).where(and(eq(jointBuyCommitment.initiativeId, row.id), eq(jointBuyCommitment.firmId, firmId)));
    } else {
      await tx
        .insert(jointBuyCommitment)
        .values({ initiativeId: row.id, firmId, quantity: input.quantity, updatedBy: actor.userId, updatedAt: deps.now() })
        .onConflictDoUpdate({
          target: [jointBuyCommitment.initiativeId, jointBuyCommitment.firmId],
          set: { quantity: input.quantity, updatedBy: actor.userId, updatedAt: deps.now() },
        });
    }
    const afterTotal = await totalNow();
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      firmId,
      action: input.quantity === 0 ? "commitment.withdrawn" : existing ? "commitment.changed" : "commitment.made",
      before: { quantity: existing?.quantity ?? 0, total: before },
      after: { quantity: input.quantity, total: afterTotal },
    });
    const crossed = crossedBreak(before, afterTotal, quote.priceBreaks);
    if (crossed) {
      await recordActivity(tx, actor, {
        networkId: row.networkId,
        initiativeId: row.id,
        action: "jointbuy.break_reached",
        after: { minQuantity: crossed.minQuantity, unitPriceMinor: crossed.unitPriceMinor, total: afterTotal },
      });
      const audience = [...new Set([...(await usersOfFirms(tx, facts.participantFirmIds)), ...facts.networkBrokerIds])];
      await notify(
        tx,
        after,
        audience.map((userId) => ({
          userId,
          type: "price_break_reached",
          params: { title: row.title, quantity: crossed.minQuantity, unit: quote.unit },
          href: `/initiatives/${row.id}`,
        })),
      );
    }
    after.publish(initiativeRoom(row.id), "jointbuy:updated", { initiativeId: row.id, total: afterTotal });
    return { initiativeId: row.id, firmId, quantity: input.quantity, total: afterTotal, breakReached: crossed };
  });
}
