import { and, asc, desc, eq } from "drizzle-orm";
import { salesEntry } from "../../../db/schema/ledger";
import type { Actor } from "../../authz/actor";
import { parseInput } from "../../errors";
import { listSalesSchema } from "../../schemas/ledger";
import type { Deps } from "../deps";
import { requireLedgerAccess } from "./ledger-access";

/** The ledger's lines, newest period first. */
export async function listSalesEntries(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(listSalesSchema, rawInput);
  const target = await requireLedgerAccess(deps.db, actor, input.firmId, "read");
  const rows = await deps.db
    .select()
    .from(salesEntry)
    .where(
      input.period ? and(eq(salesEntry.firmId, input.firmId), eq(salesEntry.period, input.period)) : eq(salesEntry.firmId, input.firmId),
    )
    .orderBy(desc(salesEntry.period), asc(salesEntry.customerName), asc(salesEntry.id));
  return {
    firm: { id: target.id, name: target.name },
    entries: rows.map((r) => ({
      id: r.id,
      period: r.period,
      customerFirmId: r.customerFirmId,
      customerName: r.customerName,
      amountMinor: r.amountMinor,
      currency: r.currency,
      market: r.market,
      channel: r.channel,
      agentName: r.agentName,
      governance: r.governance,
      exclusivity: r.exclusivity,
      expected: r.expected,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
