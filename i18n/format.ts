import { minorDigits } from "../db/reference/currencies";
import { minorToDecimal } from "../server/domain/money";

/**
 * Dates, numbers and money for the reader's locale, always through Intl. Building an Intl
 * formatter costs far more than using one (it was 14% of a page's render time), so each
 * (locale, options) pair is built once and kept; the pairs are few (three locales, a handful of
 * styles), and the cache is bounded in case a caller ever passes something unbounded.
 */
const MAX_CACHED = 500;

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let formatter = cache.get(key);
  if (formatter === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function formatDate(locale: string, value: Date | string, style: "date" | "datetime" = "date"): string {
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  const format = cached(
    dateFormats,
    `${locale}|${style}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        ...(style === "datetime" ? { timeStyle: "short" } : {}),
        timeZone: "UTC",
      }),
  );
  return format.format(date);
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/**
 * A decimal string ("5.4321") for the reader's locale. Intl takes the string exactly, so every decimal
 * is kept with no float error; a string that is not a number is shown as it is.
 */
export function formatDecimal(locale: string, decimal: string, options?: Intl.NumberFormatOptions): string {
  return isNumeric(decimal) ? numberFormat(locale, options).format(decimal) : decimal;
}

function isNumeric(value: string): value is `${number}` {
  return value.trim() !== "" && Number.isFinite(Number(value));
}

/** Integer minor units in a currency -> "R$ 1.250.000,50" for pt-BR. */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  // Intl takes a decimal string exactly, so large amounts never pass through a float division.
  const decimal = minorToDecimal(amountMinor, digits);
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal as Intl.StringNumericLiteral);
}

export function formatRelativeDays(locale: string, days: number): string {
  return cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" })).format(days, "day");
}
