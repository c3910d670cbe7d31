import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { toSafeCsv } from "../../domain/csv-safe";
import { AppError, parseInput } from "../../errors";
import { salesEntryInputSchema, type SalesEntryInput } from "../../schemas/ledger";
import { inTransaction, type Deps } from "../deps";
import { insertEntries } from "./add-sales-entries";
import { requireLedgerAccess } from "./ledger-access";

/** Columns of the import file, in the order of the downloadable template. */
const SALES_CSV_COLUMNS = [
  "period",
  "customer",
  "customer_firm_id",
  "amount",
  "currency",
  "market",
  "channel",
  "agent",
  "governance",
  "exclusivity",
] as const;

export function salesCsvTemplate(): string {
  return toSafeCsv([
    [...SALES_CSV_COLUMNS],
    ["2026", "Stridewell Stores", "", "1250000.00", "USD", "export", "direct", "", "quasi_hierarchy", "no"],
    ["2026-Q1", "Loja Central Ltda", "", "84000.50", "BRL", "domestic", "agent", "Vale Export Agents", "market", "no"],
  ]);
}

const importSchema = z.object({
  firmId: z.uuid("Not a firm id"),
  csv: z.string().min(1, "The file is empty").max(2_000_000, "At most 2 MB"),
});

/**
 * Imports a CSV into the ledger, all or nothing: any bad row rejects the file, and the error
 * lists every bad row by its line number and column.
 */
export async function importSalesCsv(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(importSchema, rawInput);
  await requireLedgerAccess(deps.db, actor, input.firmId, "write");
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new AppError("invalid_input", "Not a readable CSV file", { csv: [(error as Error).message] });
  }
  if (records.length === 0) throw new AppError("invalid_input", "No rows", { csv: ["The file has a header but no rows"] });
  if (records.length > 5000) throw new AppError("invalid_input", "Too many rows", { csv: ["At most 5,000 rows per file"] });
  const missingColumns = ["period", "amount", "currency", "market"].filter((c) => !(c in records[0]));
  if (missingColumns.length > 0)
    throw new AppError("invalid_input", "Missing columns", { csv: [`Missing columns: ${missingColumns.join(", ")}`] });

  const rowErrors: Record<string, string[]> = {};
  const entries: SalesEntryInput[] = [];
  records.forEach((record, index) => {
    // Line numbers as a spreadsheet shows them: the header is line 1.
    const line = index + 2;
    const candidate = {
      period: record.period ?? "",
      customerName: record.customer ?? "",
      customerFirmId: record.customer_firm_id || undefined,
      amount: record.amount ?? "",
      currency: record.currency ?? "",
      market: (record.market ?? "").toLowerCase(),
      channel: (record.channel || "direct").toLowerCase(),
      agentName: record.agent || undefined,
      governance: record.governance ? record.governance.toLowerCase() : undefined,
      exclusivity: ["yes", "true", "1", "sim", "sí", "si"].includes((record.exclusivity ?? "").toLowerCase()),
    };
    const parsed = salesEntryInputSchema.safeParse(candidate);
    if (parsed.success) entries.push(parsed.data);
    else for (const issue of parsed.error.issues) (rowErrors[`rows.${line}.${String(issue.path[0] ?? "_")}`] ??= []).push(issue.message);
  });
  if (Object.keys(rowErrors).length > 0) throw new AppError("invalid_input", "Some rows are not valid; nothing was imported", rowErrors);

  return inTransaction(deps, async (tx, after) => {
    try {
      const ids = await insertEntries(tx, after, actor, input.firmId, entries, deps.now(), "rows");
      return { firmId: input.firmId, imported: ids.length };
    } catch (error) {
      // Re-key row errors from list positions to file line numbers.
      if (error instanceof AppError && error.fields) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([key, messages]) => [
            key.replace(/^rows\.(\d+)\./, (_, i) => `rows.${Number(i) + 2}.`),
            messages,
          ]),
        );
        throw new AppError(error.code, "Some rows are not valid; nothing was imported", fields);
      }
      throw error;
    }
  });
}
