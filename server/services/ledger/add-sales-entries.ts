import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { firm } from "../../../db/schema/firms";
import { salesEntry } from "../../../db/schema/ledger";
import type { Actor } from "../../authz/actor";
import { parseDecimalToMinor } from "../../domain/money";
import { AppError, parseInput, type FieldErrors } from "../../errors";
import { firmRoom } from "../../realtime/events";
import { addSalesEntriesSchema, type SalesEntryInput } from "../../schemas/ledger";
import { inTransaction, type AfterCommit, type Deps } from "../deps";
import { requireLedgerAccess } from "./ledger-access";
import { trackDependenceLevel } from "./track-dependence-level";

/**
 * Adds lines to an SME's sales ledger, all or nothing: one bad line rejects the batch with
 * its row-level messages (the CSV import reports them per row).
 */
export async function addSalesEntries(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(addSalesEntriesSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    await requireLedgerAccess(tx, actor, input.firmId, "write");
    const ids = await insertEntries(tx, after, actor, input.firmId, input.entries, deps.now());
    return { firmId: input.firmId, added: ids.length, ids };
  });
}

export async function insertEntries(
  tx: Tx,
  after: AfterCommit,
  actor: Actor,
  firmId: string,
  entries: SalesEntryInput[],
  now: Date,
  fieldPrefix = "entries",
) {
  const fields: FieldErrors = {};
  const buyerIds = [...new Set(entries.map((e) => e.customerFirmId).filter((v): v is string => Boolean(v)))];
  const buyers = buyerIds.length
    ? await tx
        .select({ id: firm.id, name: firm.name })
        .from(firm)
        .where(and(inArray(firm.id, buyerIds), eq(firm.kind, "buyer")))
    : [];
  const buyerName = new Map(buyers.map((b) => [b.id, b.name]));
  const rows = entries.map((entry, index) => {
    const amountMinor = parseDecimalToMinor(entry.amount, minorDigits(entry.currency));
    if (amountMinor === null || amountMinor <= 0) {
      fields[`${fieldPrefix}.${index}.amount`] = [
        `A positive amount with at most ${minorDigits(entry.currency)} decimals in ${entry.currency}`,
      ];
    }
    if (entry.customerFirmId && !buyerName.has(entry.customerFirmId)) {
      fields[`${fieldPrefix}.${index}.customerFirmId`] = ["No such buyer on Jointly"];
    }
    return {
      firmId,
      period: entry.period,
      customerFirmId: entry.customerFirmId ?? null,
      customerName: entry.customerFirmId ? (buyerName.get(entry.customerFirmId) ?? entry.customerName) : entry.customerName,
      amountMinor: amountMinor ?? 0,
      currency: entry.currency,
      market: entry.market,
      channel: entry.channel,
      agentName: entry.channel === "agent" ? (entry.agentName ?? null) : null,
      governance: entry.governance ?? null,
      exclusivity: entry.exclusivity,
      createdBy: actor.userId,
      createdAt: now,
    };
  });
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", "Invalid input", fields);
  const inserted = await tx.insert(salesEntry).values(rows).returning({ id: salesEntry.id });
  await trackDependenceLevel(tx, after, firmId, now);
  after.publish(firmRoom(firmId), "firm:updated", { firmId });
  return inserted.map((r) => r.id);
}
