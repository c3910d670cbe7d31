import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { network } from "../../../db/schema/networks";
import type { ResourceFacts } from "../../authz/permissions";

export interface NetworkFacts extends ResourceFacts {
  networkId: string;
  networkBrokerIds: string[];
  memberFirmIds: string[];
}

// Qualified by hand: drizzle leaves a lone table's columns unqualified, which the subqueries would misread.
const brokerIds = sql<
  string[]
>`coalesce((select array_agg(b.user_id::text) from network_broker b where b.network_id = "network"."id"), '{}')`;
const memberFirmIds = sql<
  string[]
>`coalesce((select array_agg(m.firm_id::text) from network_member m where m.network_id = "network"."id" and m.status = 'active'), '{}')`;

/**
 * Brokers and active member firms of a network; null when the network does not exist. One round
 * trip (it was three): nearly every network, initiative and need read asks it first.
 */
export async function networkFacts(db: Db | Tx, networkId: string): Promise<NetworkFacts | null> {
  const [found] = await db.select({ id: network.id, brokerIds, memberFirmIds }).from(network).where(eq(network.id, networkId));
  if (!found) return null;
  return { networkId, networkBrokerIds: found.brokerIds, memberFirmIds: found.memberFirmIds };
}
