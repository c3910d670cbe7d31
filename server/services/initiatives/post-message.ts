import { eq } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { initiativeMessage } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { messageSchema } from "../../schemas/initiative";
import { inTransaction, type Deps } from "../deps";
import { visibleInitiative } from "./initiative-facts";

/** A message in the initiative's discussion; everyone viewing it sees it arrive. */
export async function postInitiativeMessage(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(messageSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, input.initiativeId);
    if (!can(actor, "initiative", "message", facts)) throw new AppError("forbidden", "Not allowed to post here");
    const firmName = actor.firm
      ? ((await tx.select({ name: firm.name }).from(firm).where(eq(firm.id, actor.firm.id)))[0]?.name ?? null)
      : null;
    const [message] = await tx
      .insert(initiativeMessage)
      .values({ initiativeId: input.initiativeId, authorUserId: actor.userId, authorName: actor.name, firmName, body: input.body })
      .returning();
    after.publish(initiativeRoom(input.initiativeId), "initiative:message", { initiativeId: input.initiativeId, messageId: message.id });
    return { id: message.id, body: message.body, authorName: message.authorName, firmName, createdAt: message.createdAt.toISOString() };
  });
}
