import type { TFunction } from "i18next";
import { serviceFieldErrors, type ServiceFieldError, type WordField } from "../../lib/messages";
import { formatKpiValue } from "./common";

/**
 * Words of the learning pages that need figures only the page knows: a value outside its KPI's
 * range with its bounds in the reader's number format, and a CSV import's errors by line.
 */

type Params = Record<string, string | number> | undefined;

/** A KPI's unit in the reader's language: a shipped KPI's from `kpi.<key>.unit`, a network's own as its broker wrote it. */
function kpiUnit(t: TFunction, kpiKey: string | null | undefined, unit: string): string {
  const key = `kpi.${kpiKey}.unit`;
  return kpiKey && t(key) !== key ? t(key) : unit;
}

/**
 * A value outside its KPI's range (the services' keys `kpi_below_min` / `kpi_above_max` with
 * their params: min, max, unit, kpiKey): the sentence under a form field, or the short wording of
 * an import line. Null for any other error.
 */
function kpiRangeMessage(t: TFunction, locale: string, key: string | undefined, params: Params, form: "field" | "import"): string | null {
  if ((key !== "kpi_below_min" && key !== "kpi_above_max") || !params) return null;
  const unit = kpiUnit(t, String(params.kpiKey ?? ""), String(params.unit ?? ""));
  const min = formatKpiValue(locale, Number(params.min), 6);
  const max = formatKpiValue(locale, Number(params.max), 6);
  if (form === "field") return t("learning.submit.outOfRange", { min, max, unit });
  return key === "kpi_below_min"
    ? t("learning.import.errors.belowMin", { min, unit })
    : t("learning.import.errors.aboveMax", { max, unit });
}

/** The club forms' wording of a field's error: a value out of range, or "no values" said the page's way. */
export function clubWord(t: TFunction, locale: string, form: "field" | "import"): WordField {
  return (_field, key, params) =>
    key === "values_required" ? t("learning.submit.noValues") : kpiRangeMessage(t, locale, key, params, form);
}

export interface ImportErrors {
  general: string[];
  lines: Array<{ line: number; column: string; messages: string[] }>;
}

/** A refused import's errors in the reader's language: `rows[3].value` is line 3, column "value"; the rest is about the file. */
export function importErrorsOf(error: ServiceFieldError, t: TFunction, locale: string): ImportErrors {
  const general: string[] = [];
  const lines: ImportErrors["lines"] = [];
  for (const [field, messages] of Object.entries(serviceFieldErrors(error, t, clubWord(t, locale, "import")))) {
    const match = /^rows\[(\d+)\]\.(\w+)$/.exec(field);
    if (match) lines.push({ line: Number(match[1]), column: match[2], messages });
    else general.push(...messages);
  }
  lines.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return { general, lines };
}
