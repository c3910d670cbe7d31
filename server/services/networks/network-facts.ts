import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { network, networkBroker, networkMember } from "../../../db/schema/networks";
import type { ResourceFacts } from "../../authz/permissions";

export interface NetworkFacts extends ResourceFacts {
  networkId: string;
  networkBrokerIds: string[];
  memberFirmIds: string[];
}

/** Brokers and active member firms of a network; null when the network does not exist. */
export async function networkFacts(db: Db | Tx, networkId: string): Promise<NetworkFacts | null> {
  const [found] = await db.select({ id: network.id }).from(network).where(eq(network.id, networkId));
  if (!found) return null;
  const brokers = await db.select({ userId: networkBroker.userId }).from(networkBroker).where(eq(networkBroker.networkId, networkId));
  const members = await db
    .select({ firmId: networkMember.firmId })
    .from(networkMember)
    .where(and(eq(networkMember.networkId, networkId), eq(networkMember.status, "active")));
  return {
    networkId,
    networkBrokerIds: brokers.map((b) => b.userId),
    memberFirmIds: members.map((m) => m.firmId),
  };
}
