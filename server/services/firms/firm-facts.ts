import type { Db, Tx } from "../../../db/client";
import type { ResourceFacts } from "../../authz/permissions";

/**
 * What authorisation needs to know about a firm. Until networks exist a firm has no brokers,
 * so `networkBrokerIds` is empty; the networks module extends this query.
 */
export async function firmFacts(_db: Db | Tx, firmId: string): Promise<ResourceFacts> {
  return { firmId, networkBrokerIds: [] };
}
