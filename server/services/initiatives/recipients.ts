import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { firmMember } from "../../../db/schema/firms";

/** Users of the given firms (active members), who receive those firms' notifications. */
export async function usersOfFirms(tx: Tx, firmIds: readonly string[]): Promise<string[]> {
  if (firmIds.length === 0) return [];
  const rows = await tx
    .select({ userId: firmMember.userId })
    .from(firmMember)
    .where(and(inArray(firmMember.firmId, [...firmIds]), eq(firmMember.status, "active")));
  return [...new Set(rows.map((r) => r.userId))];
}
