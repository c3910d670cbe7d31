import { asc } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import type { Deps } from "../deps";

/** Every account, for the administrator's user page. */
export async function listUsers(deps: Deps, actor: Actor) {
  if (!can(actor, "user", "list")) throw new AppError("forbidden", "Only administrators list accounts");
  return deps.db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.role), asc(user.email));
}
