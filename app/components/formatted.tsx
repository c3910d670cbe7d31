import { useTranslation } from "react-i18next";
import { formatDate, formatMoney, formatNumber } from "../../i18n/format";

/** Dates, numbers and money always rendered for the reader's locale. */
export function FormattedDate({ value, style = "date" }: { value: Date | string; style?: "date" | "datetime" }) {
  const { i18n } = useTranslation();
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso}>{formatDate(i18n.language, value, style)}</time>;
}

export function FormattedNumber({ value, options }: { value: number; options?: Intl.NumberFormatOptions }) {
  const { i18n } = useTranslation();
  return <>{formatNumber(i18n.language, value, options)}</>;
}

export function FormattedMoney({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <>{formatMoney(i18n.language, amountMinor, currency)}</>;
}
