import { and, eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { network, networkBroker } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { addBrokerSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { networkRoom } from "./helpers";

/** An administrator adds a co-broker (an existing broker account) to a network. */
export async function addNetworkBroker(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!can(actor, "network", "addBroker")) throw new AppError("forbidden", "Only administrators add co-brokers");
  const input = parseInput(addBrokerSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const [net] = await tx.select({ id: network.id, name: network.name }).from(network).where(eq(network.id, input.networkId));
    if (!net) throw new AppError("not_found", "Network not found");
    const [broker] = await tx.select({ id: user.id, name: user.name, role: user.role }).from(user).where(eq(user.email, input.email));
    if (!broker || broker.role !== "broker") throw invalidField("email", "no_such_broker", "No broker account with this email");
    const [already] = await tx
      .select({ id: networkBroker.id })
      .from(networkBroker)
      .where(and(eq(networkBroker.networkId, net.id), eq(networkBroker.userId, broker.id)));
    if (already) throw invalidField("email", "already_broker", "Already a broker of this network", "conflict");
    await tx.insert(networkBroker).values({ networkId: net.id, userId: broker.id });
    await recordActivity(tx, actor, { networkId: net.id, action: "broker.added", after: { broker: broker.name } });
    await notify(tx, after, [
      { userId: broker.id, type: "network_broker_added", params: { network: net.name }, href: `/networks/${net.id}` },
    ]);
    after.publish(networkRoom(net.id), "network:updated", { networkId: net.id });
    return { networkId: net.id, userId: broker.id };
  });
}
