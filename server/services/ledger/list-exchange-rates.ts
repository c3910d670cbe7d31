import { asc, desc, eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { exchangeRate } from "../../../db/schema/ledger";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import type { Deps } from "../deps";

/** "5.2500000000" (numeric(24,10) as stored) -> "5.25"; "3.0000000000" -> "3". */
function plainRate(stored: string): string {
  return stored.includes(".") ? stored.replace(/0+$/, "").replace(/\.$/, "") : stored;
}

/**
 * The exchange rates administrators maintain, by currency pair and newest first within a pair
 * (rates are not confidential: SMEs and brokers may see what their figures are converted with).
 */
export async function listExchangeRates(deps: Deps, actor: Actor) {
  if (!can(actor, "exchangeRate", "list")) throw new AppError("forbidden", "Not allowed to list exchange rates");
  const rows = await deps.db
    .select({
      id: exchangeRate.id,
      currency: exchangeRate.currency,
      baseCurrency: exchangeRate.baseCurrency,
      rate: exchangeRate.rate,
      validFrom: exchangeRate.validFrom,
      setByName: user.name,
      createdAt: exchangeRate.createdAt,
    })
    .from(exchangeRate)
    .leftJoin(user, eq(user.id, exchangeRate.setBy))
    .orderBy(asc(exchangeRate.currency), asc(exchangeRate.baseCurrency), desc(exchangeRate.validFrom));
  return {
    rates: rows.map((r) => ({
      id: r.id,
      currency: r.currency,
      baseCurrency: r.baseCurrency,
      rate: plainRate(r.rate),
      validFrom: r.validFrom,
      setByName: r.setByName ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
