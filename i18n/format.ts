import { minorDigits } from "../db/reference/currencies";
import { minorToDecimal } from "../server/domain/money";

/** Dates, numbers and money for the reader's locale, always through Intl. */
export function formatDate(locale: string, value: Date | string, style: "date" | "datetime" = "date"): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    ...(style === "datetime" ? { timeStyle: "short" } : {}),
    timeZone: "UTC",
  }).format(date);
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * A decimal string ("5.4321") for the reader's locale. Intl takes the string exactly, so every decimal
 * is kept with no float error; a string that is not a number is shown as it is.
 */
export function formatDecimal(locale: string, decimal: string, options?: Intl.NumberFormatOptions): string {
  return isNumeric(decimal) ? new Intl.NumberFormat(locale, options).format(decimal) : decimal;
}

function isNumeric(value: string): value is `${number}` {
  return value.trim() !== "" && Number.isFinite(Number(value));
}

/** Integer minor units in a currency -> "R$ 1.250.000,50" for pt-BR. */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  // Intl takes a decimal string exactly, so large amounts never pass through a float division.
  const decimal = minorToDecimal(amountMinor, digits);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal as Intl.StringNumericLiteral);
}

export function formatRelativeDays(locale: string, days: number): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day");
}
