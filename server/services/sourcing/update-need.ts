import { eq } from "drizzle-orm";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { needInputSchema, needIdSchema } from "../../schemas/sourcing";
import { inTransaction, type Deps } from "../deps";
import { needRoom } from "./rooms";
import { needFacts, visibleNeed } from "./need-access";
import { needValues } from "./save-need";

/** The buyer edits its need while it is a draft or open; matches follow live. */
export async function updateNeed(deps: Deps, actor: Actor, rawInput: unknown) {
  const { needId } = parseInput(needIdSchema, rawInput);
  const input = parseInput(needInputSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const { need } = await visibleNeed(tx, actor, needId, { lock: true });
    if (!can(actor, "need", "manage", needFacts(need))) throw new AppError("forbidden", "Only the buyer edits its need");
    if (need.status !== "draft" && need.status !== "open") throw new AppError("conflict", `A ${need.status} need cannot be edited`);
    await tx
      .update(sourcingNeed)
      .set({ ...(await needValues(tx, input)), updatedAt: deps.now() })
      .where(eq(sourcingNeed.id, needId));
    after.publish(needRoom(needId), "need:updated", { needId });
    return { id: needId };
  });
}
