import { exchangeRate } from "../../../db/schema/ledger";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { exchangeRateSchema } from "../../schemas/ledger";
import { inTransaction, type Deps } from "../deps";

/** An administrator records a rate (1 currency = rate base currency) valid from a date. */
export async function setExchangeRate(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!can(actor, "exchangeRate", "set")) throw new AppError("forbidden", "Only administrators maintain exchange rates");
  const input = parseInput(exchangeRateSchema, rawInput);
  if (input.currency === input.baseCurrency) throw invalidField("baseCurrency", "same_currency", "Choose two different currencies");
  const rate = input.rate.replace(",", ".");
  if (Number(rate) <= 0) throw invalidField("rate", "positive_price", "Must be positive");
  return inTransaction(deps, async (tx) => {
    const values = { currency: input.currency, baseCurrency: input.baseCurrency, rate, validFrom: input.validFrom, setBy: actor.userId };
    await tx
      .insert(exchangeRate)
      .values(values)
      .onConflictDoUpdate({
        target: [exchangeRate.currency, exchangeRate.baseCurrency, exchangeRate.validFrom],
        set: { rate, setBy: actor.userId },
      });
    return values;
  });
}
