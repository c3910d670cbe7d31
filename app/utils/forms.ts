import type { TFunction } from "i18next";

/** The parts of a zod issue the translation needs (zod v4 core issue shape). */
interface IssueLike {
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
  if (typeof key === "string") return t(`validation.${key}`);
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

/** Converts a service's field errors ("certifications.0.code") to form names and translates them. */
export function appErrorFields(
  fields: Record<string, string[]> | undefined,
  keys: Record<string, string> | undefined,
  t: TFunction,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fields ?? {})) {
    const name = field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
    out[name] = keys?.[field] ? [t(`validation.${keys[field]}`)] : messages;
  }
  return out;
}
