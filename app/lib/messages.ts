import type { TFunction } from "i18next";

/** The parts of a zod issue the translation needs (zod v4 core issue shape). */
export interface IssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  params?: Record<string, unknown>;
}

/**
 * Renders a validation issue in the user's language. Schemas keep English messages for the
 * API; forms show these instead, chosen by the issue's code (or its `params.key`).
 */
export function translateIssue(issue: IssueLike, t: TFunction): string {
  const key = issue.params?.key;
  if (typeof key === "string") return messageOfKey(t, key) ?? t("validation.invalid");
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return t("validation.required");
      return issue.expected === "number" ? t("validation.number") : t("validation.invalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.too_short", { min: Number(issue.minimum) });
      }
      if (issue.origin === "array") return t("validation.too_few", { min: Number(issue.minimum) });
      return t("validation.min", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.too_long", { max: Number(issue.maximum) });
      if (issue.origin === "array") return t("validation.too_many", { max: Number(issue.maximum) });
      return t("validation.max", { max: Number(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return t("validation.email");
      if (issue.format === "url") return t("validation.url");
      if (issue.format === "date") return t("validation.date");
      if (issue.format === "uuid") return t("validation.choose");
      return t("validation.invalid");
    case "invalid_value":
    case "invalid_union":
      return t("validation.choose");
    default:
      return t("validation.invalid");
  }
}

/** conform's `formatError`: called per field with that field's issues. */
export function formatIssues(t: TFunction) {
  return (issues: IssueLike[]) => issues.map((issue) => translateIssue(issue, t));
}

/** Areas whose own validation keys live under `<area>.validation.` (the common ones under `validation.`). */
const KEY_AREAS = ["validation", "learning.validation", "sourcing.validation", "stands.validation"] as const;

/**
 * The one lookup from a service's message key to words: a dotted key is taken as it is, a bare
 * key is looked up under `validation.` and then each area's own keys, with the values the
 * message names. `null` when no catalogue knows the key.
 */
function messageOfKey(t: TFunction, key: string, params?: Record<string, string | number>): string | null {
  const candidates = key.includes(".") ? [key] : KEY_AREAS.map((area) => `${area}.${key}`);
  for (const candidate of candidates) {
    const text = t(candidate, params ?? {});
    if (text !== candidate) return text;
  }
  return null;
}

/** A service's failure as the parts a form shows: field path, i18n key and the values it names. */
export interface ServiceFieldError {
  fields?: Record<string, string[]>;
  fieldKeys?: Record<string, string>;
  fieldParams?: Record<string, Record<string, string | number>>;
}

/** Lets a page word one field's error itself (with figures only the page knows), else null. */
export type WordField = (field: string, key: string | undefined, params: Record<string, string | number> | undefined) => string | null;

/**
 * A service's field errors under the form's field names ("certifications.0.code" becomes
 * "certifications[0].code") in the reader's language; the service's English is the last resort.
 */
export function serviceFieldErrors(error: ServiceFieldError, t: TFunction, word?: WordField): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fields ?? {})) {
    const name = field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
    const key = error.fieldKeys?.[field];
    const params = error.fieldParams?.[field];
    const worded = word?.(field, key, params) ?? (key ? messageOfKey(t, key, params) : null);
    out[name] = worded ? [worded] : messages;
  }
  return out;
}
