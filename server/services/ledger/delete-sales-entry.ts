import { and, eq } from "drizzle-orm";
import { salesEntry } from "../../../db/schema/ledger";
import type { Actor } from "../../authz/actor";
import { AppError, parseInput } from "../../errors";
import { firmRoom } from "../../realtime/events";
import { salesEntryIdSchema } from "../../schemas/ledger";
import { inTransaction, type Deps } from "../deps";
import { requireLedgerAccess } from "./ledger-access";
import { trackDependenceLevel } from "./track-dependence-level";

/** Removes one line of a ledger (a mistyped entry). */
export async function deleteSalesEntry(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(salesEntryIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    await requireLedgerAccess(tx, actor, input.firmId, "write");
    const deleted = await tx
      .delete(salesEntry)
      .where(and(eq(salesEntry.id, input.entryId), eq(salesEntry.firmId, input.firmId)))
      .returning({ id: salesEntry.id });
    if (deleted.length === 0) throw new AppError("not_found", "No such entry");
    await trackDependenceLevel(tx, after, input.firmId, deps.now());
    after.publish(firmRoom(input.firmId), "firm:updated", { firmId: input.firmId });
    return { id: input.entryId };
  });
}
