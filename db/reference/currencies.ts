import cc from "currency-codes";

/**
 * ISO 4217 currencies from currency-codes, with their number of minor-unit digits, which is
 * what turns a typed amount into integer minor units. Funds, metals and testing codes are left
 * out: nobody invoices in them.
 */
const EXCLUDED = new Set(["XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"]);

export const CURRENCY_CODES: readonly string[] = cc
  .codes()
  .filter((code) => !EXCLUDED.has(code) && cc.code(code)?.digits !== undefined)
  .sort();

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.includes(code);
}

/** Number of digits after the decimal point (BRL 2, JPY 0, KWD 3). */
export function minorDigits(code: string): number {
  const digits = cc.code(code)?.digits;
  if (digits === undefined) throw new Error(`Unknown currency ${code}`);
  return digits;
}
