import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { networkBroker, networkMember } from "../../../db/schema/networks";
import type { ResourceFacts } from "../../authz/permissions";

/**
 * What authorisation needs to know about a firm: the brokers of the networks it is an active
 * member of (joining a network consents to them seeing its confidential data).
 */
export async function firmFacts(db: Db | Tx, firmId: string): Promise<ResourceFacts> {
  const brokers = await db
    .selectDistinct({ userId: networkBroker.userId })
    .from(networkMember)
    .innerJoin(networkBroker, eq(networkBroker.networkId, networkMember.networkId))
    .where(and(eq(networkMember.firmId, firmId), eq(networkMember.status, "active")));
  return { firmId, networkBrokerIds: brokers.map((b) => b.userId) };
}
