/**
 * Money is integer minor units plus an ISO 4217 currency (STYLE habit 15); never floats.
 * These helpers convert between a typed decimal amount and minor units without touching
 * floating point.
 */

const DECIMAL = /^(\d{1,16})(?:[.,](\d+))?$/;

/**
 * "1250000.5" with 2 digits -> 125000050. Returns null when the text is not a plain
 * non-negative decimal or has more decimals than the currency allows.
 */
export function parseDecimalToMinor(text: string, digits: number): number | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(minor);
}

/** 125000050 with 2 digits -> "1250000.50" (for form fields; display uses Intl). */
export function minorToDecimal(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  if (digits === 0) return `${negative ? "-" : ""}${abs}`;
  const base = 10n ** BigInt(digits);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(digits, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}
