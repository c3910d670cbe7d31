import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { needInputSchema } from "../../schemas/sourcing";
import { inTransaction, type Deps } from "../deps";
import { needValues } from "./save-need";

/** A buyer posts a sourcing need, as a draft until it opens it. */
export async function createNeed(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!actor.firm || !can(actor, "need", "create")) throw new AppError("forbidden", "Only buyers with a firm post sourcing needs");
  const input = parseInput(needInputSchema, rawInput);
  return inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(sourcingNeed)
      .values({ ...(await needValues(tx, input)), buyerFirmId: actor.firm!.id, createdBy: actor.userId, status: "draft" })
      .returning({ id: sourcingNeed.id, status: sourcingNeed.status });
    return created;
  });
}
