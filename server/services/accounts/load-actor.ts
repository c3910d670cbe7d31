import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { user } from "../../../db/schema/auth";
import { firm, firmMember } from "../../../db/schema/firms";
import type { Actor } from "../../authz/actor";

/** Builds the Actor for a signed-in user: role, language and firm membership. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale,
      firmId: firmMember.firmId,
      status: firmMember.status,
      isOwner: firmMember.isOwner,
      firmKind: firm.kind,
    })
    .from(user)
    .leftJoin(firmMember, eq(firmMember.userId, user.id))
    .leftJoin(firm, eq(firm.id, firmMember.firmId))
    .where(eq(user.id, userId));
  if (!row) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale ?? null,
    firm:
      row.firmId && row.status === "active" && row.firmKind ? { id: row.firmId, kind: row.firmKind, isOwner: row.isOwner ?? false } : null,
    pendingFirmId: row.firmId && row.status === "pending" ? row.firmId : null,
  };
}
