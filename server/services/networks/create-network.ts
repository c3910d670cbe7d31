import { network, networkBroker } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { networkInputSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";

/** A broker creates a network and becomes its first broker. */
export async function createNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!can(actor, "network", "create")) throw new AppError("forbidden", "Only brokers create networks");
  const input = parseInput(networkInputSchema, rawInput);
  return inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(network)
      .values({ ...input, createdBy: actor.userId })
      .returning();
    await tx.insert(networkBroker).values({ networkId: created.id, userId: actor.userId });
    await recordActivity(tx, actor, { networkId: created.id, action: "network.created", after: { name: created.name } });
    return { id: created.id, name: created.name };
  });
}
