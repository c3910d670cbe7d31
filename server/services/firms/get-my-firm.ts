import { and, asc, eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { firmMember } from "../../../db/schema/firms";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import type { Deps } from "../deps";
import { isoToday, loadFirmRows, privateFirm } from "./firm-views";

/** The actor's own firm with its private fields and its people (active and asking to join). */
export async function getMyFirm(deps: Deps, actor: Actor) {
  if (!actor.firm) {
    throw new AppError("not_found", actor.pendingFirmId ? "Your request to join a firm is awaiting approval" : "You belong to no firm");
  }
  const firmId = actor.firm.id;
  if (!can(actor, "firm", "readPrivate", { firmId })) throw new AppError("forbidden", "Not your firm");
  const loaded = await loadFirmRows(deps.db, firmId);
  if (!loaded) throw new AppError("not_found", "Firm not found");
  const members = await deps.db
    .select({
      id: firmMember.id,
      userId: firmMember.userId,
      name: user.name,
      email: user.email,
      status: firmMember.status,
      isOwner: firmMember.isOwner,
      createdAt: firmMember.createdAt,
    })
    .from(firmMember)
    .innerJoin(user, eq(user.id, firmMember.userId))
    .where(and(eq(firmMember.firmId, firmId)))
    .orderBy(asc(firmMember.createdAt));
  return {
    firm: privateFirm(loaded.row, loaded.certifications, loaded.capacities, isoToday(deps.now())),
    members: members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    permissions: {
      update: can(actor, "firm", "update", { firmId }),
      decideMember: can(actor, "firm", "decideMember", { firmId }),
    },
  };
}
