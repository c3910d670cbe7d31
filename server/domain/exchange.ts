/**
 * Currency conversion for the sales ledger: exact decimal arithmetic on integer minor units.
 * A rate says 1 unit of the source currency = `rate` units of the target currency.
 */
const RATE_SCALE_DIGITS = 10;

/** "5.4321" -> 54321000000n (scaled by 10^10); null when not a positive decimal with <= 10 decimals. */
export function parseRate(rate: string): bigint | null {
  const match = /^(\d{1,14})(?:[.,](\d{1,10}))?$/.exec(rate.trim());
  if (!match) return null;
  const scaled = BigInt(match[1]) * 10n ** BigInt(RATE_SCALE_DIGITS) + BigInt((match[2] ?? "").padEnd(RATE_SCALE_DIGITS, "0"));
  return scaled > 0n ? scaled : null;
}

/** Inverse of a scaled rate, rounded half up at 10 decimals (for a rate recorded the other way round). */
export function invertRate(scaled: bigint): bigint {
  const one = 10n ** BigInt(2 * RATE_SCALE_DIGITS);
  return (one + scaled / 2n) / scaled;
}

/**
 * Converts minor units between currencies with different minor digits (BRL 2, JPY 0, KWD 3),
 * rounding half up to the target's minor unit.
 */
export function convertMinor(amountMinor: number, fromDigits: number, toDigits: number, scaledRate: bigint): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new RangeError(`amount must be a non-negative safe integer, got ${amountMinor}`);
  const numerator = BigInt(amountMinor) * scaledRate * 10n ** BigInt(toDigits);
  const denominator = 10n ** BigInt(fromDigits + RATE_SCALE_DIGITS);
  const result = (numerator + denominator / 2n) / denominator;
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("converted amount is too large");
  return Number(result);
}

/** The last day of a ledger period: "2026" -> "2026-12-31", "2026-Q1" -> "2026-03-31". */
export function periodEnd(period: string): string {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  const [, year, quarter] = match;
  if (!quarter) return `${year}-12-31`;
  return { "1": `${year}-03-31`, "2": `${year}-06-30`, "3": `${year}-09-30`, "4": `${year}-12-31` }[quarter]!;
}

/** Chronological order of periods; a year sorts after its quarters. */
export function comparePeriods(a: string, b: string): number {
  return periodEnd(a).localeCompare(periodEnd(b)) || b.length - a.length;
}
