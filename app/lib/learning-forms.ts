import type { TFunction } from "i18next";
import { z } from "zod";
import { formatKpiValue } from "../components/learning";
import { translateIssue } from "./messages";

/**
 * Form errors of the learning-network pages in the reader's language. The services name an
 * i18n key per field (`fieldKeys`); keys of this area live under `learning.validation.`, the
 * common ones under `validation.`; a key with neither falls back to the service's message.
 */
const has = (t: TFunction, key: string) => t(key) !== key;

export function learningMessage(t: TFunction, key: string | undefined, fallback: string): string {
  if (key && has(t, `learning.validation.${key}`)) return t(`learning.validation.${key}`);
  if (key && has(t, `validation.${key}`)) return t(`validation.${key}`);
  return fallback;
}

/** conform's `formatError` with the area's keys (zod issues with `params.key`) first. */
export function learningFormatIssues(t: TFunction) {
  return (issues: Parameters<typeof translateIssue>[0][]) =>
    issues.map((issue) => {
      const key = issue.params?.key;
      if (typeof key === "string" && has(t, `learning.validation.${key}`)) return t(`learning.validation.${key}`);
      if (issue.code === "invalid_format" && issue.format === "datetime") return t("learning.validation.datetime");
      // decimalNumber says which: an empty field is "Required", text that is no number "Must be a number".
      if (issue.code === "invalid_type" && issue.expected === "number" && issue.message === "Must be a number") return t("validation.number");
      if (issue.code === "custom" && issue.message === "Unknown time zone") return t("learning.validation.time_zone");
      return translateIssue(issue, t);
    });
}

/**
 * A service's field errors as form field names ("values.<id>", "rows[3].firm") with translated
 * messages; `special` may word a field's error itself (a value's range, with its numbers).
 */
export function learningFieldErrors(
  t: TFunction,
  fields: Record<string, string[]> | undefined,
  keys: Record<string, string> | undefined,
  special?: (field: string, key: string | undefined) => string | null,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fields ?? {})) {
    const key = keys?.[field];
    const worded = special?.(field, key) ?? null;
    out[field] = worded ? [worded] : key ? [learningMessage(t, key, messages.join(" "))] : messages.map((m) => learningMessage(t, undefined, m));
  }
  return out;
}

/**
 * The messages a CSV import returns per line and column, in the reader's language where the
 * service's English wording is one we know; otherwise as the service wrote it.
 */
export function importMessage(t: TFunction, message: string): string {
  const known: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^Required$/, () => t("validation.required")],
    [/^Must be a number$/, () => t("validation.number")],
    [/^Not a member firm of this club$/, () => t("learning.import.errors.notMember")],
    [/^Several member firms have this name: use the firm's id$/, () => t("learning.import.errors.ambiguousFirm")],
    [/^Not a KPI of this club$/, () => t("learning.import.errors.notKpi")],
    [/^This file is for (.+)$/, (m) => t("learning.import.errors.otherPeriod", { period: m[1] })],
    [/^This firm's (.+) is given on line (\d+) already$/, (m) => t("learning.import.errors.duplicate", { kpi: m[1], line: m[2] })],
    [/^The file has a header but no rows$/, () => t("learning.import.errors.noRows")],
    [/^At most (.+) rows per file$/, (m) => t("learning.import.errors.tooManyRows", { max: m[1] })],
    [/^Missing columns: (.+)$/, (m) => t("learning.import.errors.missingColumns", { columns: m[1] })],
  ];
  for (const [pattern, word] of known) {
    const match = pattern.exec(message);
    if (match) return word(match);
  }
  return message;
}

/** A KPI's unit in the reader's language: a shipped KPI's from `kpi.<key>.unit`, a network's own as its broker wrote it. */
export function kpiUnit(t: TFunction, kpiKey: string | null | undefined, unit: string): string {
  return kpiKey && has(t, `kpi.${kpiKey}.unit`) ? t(`kpi.${kpiKey}.unit`) : unit;
}

type Params = Record<string, string | number> | undefined;

/**
 * A value outside its KPI's range (the services' keys `kpi_below_min` / `kpi_above_max` with
 * their params: min, max, unit, kpiKey), in the reader's language with the bounds in the
 * reader's number format and the unit translated. `form`: the sentence under a form field, or
 * the short wording of an import line. Null for any other error.
 */
export function kpiRangeMessage(t: TFunction, locale: string, key: string | undefined, params: Params, form: "field" | "import"): string | null {
  if ((key !== "kpi_below_min" && key !== "kpi_above_max") || !params) return null;
  const unit = kpiUnit(t, String(params.kpiKey ?? ""), String(params.unit ?? ""));
  const min = formatKpiValue(locale, Number(params.min), 6);
  const max = formatKpiValue(locale, Number(params.max), 6);
  if (form === "field") return t("learning.submit.outOfRange", { min, max, unit });
  return key === "kpi_below_min" ? t("learning.import.errors.belowMin", { min, unit }) : t("learning.import.errors.aboveMax", { max, unit });
}

/**
 * The messages of one field of a CSV import's errors: a keyed error (an unreadable file with its
 * line, a value out of range) worded from its key and params, the others from the English wording.
 */
export function importFieldMessages(t: TFunction, locale: string, messages: string[], key: string | undefined, params: Params): string[] {
  if (key === "import_malformed") return [t("learning.import.errors.malformed", { line: params?.line ?? 1 })];
  const range = kpiRangeMessage(t, locale, key, params, "import");
  return range ? [range] : messages.map((m) => importMessage(t, m));
}

/** A malformed id in the address is simply a page that does not exist. */
export function initiativeIdOf(params: { initiativeId?: string }): string {
  const parsed = z.uuid().safeParse(params.initiativeId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
