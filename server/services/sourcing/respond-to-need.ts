import { and, eq } from "drizzle-orm";
import { minorDigits } from "../../../db/reference/currencies";
import { initiative } from "../../../db/schema/initiatives";
import { needConsortium, needResponse } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { parseDecimalToMinor } from "../../domain/money";
import { AppError, invalidField, parseInput } from "../../errors";
import { respondSchema } from "../../schemas/sourcing";
import { inTransaction, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { networkFacts } from "../networks/network-facts";
import { notify } from "../notifications/notify";
import { visibleNeed } from "./need-access";
import { needRoom } from "./rooms";

/**
 * An SME expresses interest in an open need with a short offer, or a broker answers for a
 * consortium through its joint_selling initiative. The buyer is notified.
 */
export async function respondToNeed(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(respondSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const { need, owner } = await visibleNeed(tx, actor, input.needId);
    if (owner) throw new AppError("forbidden", "A buyer does not answer its own need");
    if (need.status !== "open") throw new AppError("conflict", "Only open needs take responses");
    const unitPriceMinor = parseDecimalToMinor(input.unitPrice, minorDigits(need.currency));
    if (unitPriceMinor === null || unitPriceMinor <= 0) throw invalidField("unitPrice", "positive_price", "A positive price");
    let who: { firmId: string | null; initiativeId: string | null };
    if (input.initiativeId) {
      const [link] = await tx
        .select({ networkId: initiative.networkId })
        .from(needConsortium)
        .innerJoin(initiative, eq(initiative.id, needConsortium.initiativeId))
        .where(and(eq(needConsortium.initiativeId, input.initiativeId), eq(needConsortium.needId, need.id)));
      const facts = link ? await networkFacts(tx, link.networkId) : null;
      // Only a broker of the consortium's network answers for it.
      if (!facts || !can(actor, "need", "formConsortium", facts))
        throw invalidField("initiativeId", "not_consortium", "Not a consortium of yours for this need");
      who = { firmId: null, initiativeId: input.initiativeId };
    } else {
      if (!actor.firm || !can(actor, "need", "respond"))
        throw new AppError("forbidden", "SMEs respond for their firm; brokers for a consortium");
      who = { firmId: actor.firm.id, initiativeId: null };
    }
    const existing = await tx
      .select({ id: needResponse.id })
      .from(needResponse)
      .where(
        and(
          eq(needResponse.needId, need.id),
          who.firmId ? eq(needResponse.firmId, who.firmId) : eq(needResponse.initiativeId, who.initiativeId!),
        ),
      );
    if (existing.length) throw new AppError("conflict", "Already responded to this need");
    const [created] = await tx
      .insert(needResponse)
      .values({
        needId: need.id,
        ...who,
        unitPriceMinor,
        currency: need.currency,
        quantity: input.quantity,
        leadTimeDays: input.leadTimeDays,
        note: input.note,
        respondedBy: actor.userId,
      })
      .returning({ id: needResponse.id });
    await notify(
      tx,
      after,
      (await usersOfFirms(tx, [need.buyerFirmId])).map((userId) => ({
        userId,
        type: "need_response_received",
        params: { product: need.product },
        href: `/needs/${need.id}`,
      })),
    );
    after.publish(needRoom(need.id), "need:updated", { needId: need.id });
    return { id: created.id, needId: need.id, status: "submitted" as const };
  });
}
