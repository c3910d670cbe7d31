import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import { firmFacts } from "../firms/firm-facts";

/**
 * The one gate in front of a sales ledger: its firm's members, the brokers of the networks it
 * belongs to, and admins. Everyone else, buyers included, is told there is no such ledger.
 */
export async function requireLedgerAccess(db: Db | Tx, actor: Actor, firmId: string, action: "read" | "write") {
  const [target] = await db.select({ id: firm.id, kind: firm.kind, name: firm.name }).from(firm).where(eq(firm.id, firmId));
  if (!target || target.kind !== "sme") throw new AppError("not_found", "No such sales ledger");
  const facts = await firmFacts(db, firmId);
  if (!can(actor, "ledger", "read", facts)) throw new AppError("not_found", "No such sales ledger");
  if (action === "write" && !can(actor, "ledger", "write", facts)) throw new AppError("forbidden", "Not allowed to edit this ledger");
  return target;
}
