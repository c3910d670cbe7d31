import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { firmMember } from "../../../db/schema/firms";
import { networkBroker } from "../../../db/schema/networks";

/** User ids of a firm's active members, who receive the firm's notifications. */
export async function firmUserIds(tx: Tx, firmId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: firmMember.userId })
    .from(firmMember)
    .where(and(eq(firmMember.firmId, firmId), eq(firmMember.status, "active")));
  return rows.map((r) => r.userId);
}

export async function brokerUserIds(tx: Tx, networkId: string): Promise<string[]> {
  const rows = await tx.select({ userId: networkBroker.userId }).from(networkBroker).where(eq(networkBroker.networkId, networkId));
  return rows.map((r) => r.userId);
}

export { networkRoom } from "../../realtime/events";
