import { eq } from "drizzle-orm";
import { network } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { networkIdSchema, networkInputSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { networkRoom } from "./helpers";
import { networkFacts } from "./network-facts";

/** A network's brokers (or an admin) edit its details and dependence thresholds. */
export async function updateNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  const { networkId } = parseInput(networkIdSchema, rawInput);
  const parsed = parseInput(networkInputSchema, rawInput);
  // A request without the disclosure threshold keeps the network's own: omitting it never lowers it.
  const input = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as typeof parsed;
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "network", "update", facts)) throw new AppError("forbidden", "Only the network's brokers edit it");
    const [before] = await tx.select().from(network).where(eq(network.id, networkId));
    await tx
      .update(network)
      .set({ ...input, updatedAt: deps.now() })
      .where(eq(network.id, networkId));
    const changed = Object.fromEntries(Object.entries(input).filter(([key, value]) => before[key as keyof typeof before] !== value));
    const previous = Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof typeof before]]));
    await recordActivity(tx, actor, { networkId, action: "network.updated", before: previous, after: changed });
    after.publish(networkRoom(networkId), "network:updated", { networkId });
    return { id: networkId };
  });
}
