import type { z } from "zod";

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field path ("certifications.0.code") -> messages. */
export type FieldErrors = Record<string, string[]>;

/** An expected failure of a use case; routes and the API turn it into a status code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Field -> i18n key under `validation.`, so forms can show the message in the user's language. */
    readonly fieldKeys?: Record<string, string>,
    /** Field -> the values its translated message names (a bound, a line number), for the forms. */
    readonly fieldParams?: Record<string, Record<string, string | number>>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

const NUL = "\u0000";
const NUL_MESSAGE = "Must not contain a NUL character";

/**
 * Paths ("lines.0.note") of the strings in a value that hold a NUL character, which PostgreSQL's
 * text refuses. Iterative, so that a body nested thousands deep cannot overflow the stack.
 */
export function nulFields(value: unknown): string[] {
  type Path = { key: string; parent: Path } | null;
  const join = (path: Path): string => {
    const keys: string[] = [];
    for (let p = path; p; p = p.parent) keys.push(p.key);
    return keys.reverse().join(".") || "_";
  };
  const found: string[] = [];
  const stack: Array<[unknown, Path]> = [[value, null]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === "string") {
      if (item.includes(NUL)) found.push(join(path));
    } else if (item !== null && typeof item === "object") {
      const entries: Array<readonly [string, unknown]> = Array.isArray(item)
        ? (item as unknown[]).map((v, i) => [String(i), v] as const)
        : Object.entries(item);
      // Pushed in reverse, so fields are reported in their order; a key with a NUL is reported as itself.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push([key.includes(NUL) ? key : child, { key, parent: path }]);
      }
    }
  }
  return found;
}

/** A 400 naming every field of the input that holds a NUL character, or nothing. */
function rejectNul(input: unknown): void {
  const fields = nulFields(input);
  if (fields.length > 0) throw invalidFields(Object.fromEntries(fields.map((field) => [field, ["nul", NUL_MESSAGE]])));
}

/**
 * Parses input with a zod schema or throws a 400 AppError listing each field's messages. Every
 * use case parses its raw input here, so a NUL character is refused here once for every form,
 * API call and socket message, before it can reach the database.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  rejectNul(input);
  const result = schema.safeParse(input);
  if (!result.success) {
    const keys = fieldKeysOf(result.error);
    throw new AppError("invalid_input", "Invalid input", fieldErrorsOf(result.error), Object.keys(keys).length > 0 ? keys : undefined);
  }
  return result.data;
}

/** The i18n keys schemas attach to their own checks (`params: { key }`), so forms can word them. */
function fieldKeysOf(error: z.ZodError): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === "custom" ? (issue.params as { key?: unknown } | undefined)?.key : undefined;
    if (typeof key === "string") keys[issue.path.map(String).join(".") || "_"] ??= key;
  }
  return keys;
}

/** A 400 for one field, with its English message and the i18n key the forms translate. */
export function invalidField(field: string, key: string, message: string, code: ErrorCode = "invalid_input"): AppError {
  return new AppError(code, "Invalid input", { [field]: [message] }, { [field]: key });
}

/** Several invalid fields at once: field -> [key, English message, values the message names?]. */
export function invalidFields(entries: Record<string, [key: string, message: string, params?: Record<string, string | number>]>): AppError {
  const fields: FieldErrors = {};
  const keys: Record<string, string> = {};
  const params: Record<string, Record<string, string | number>> = {};
  for (const [field, [key, message, values]] of Object.entries(entries)) {
    fields[field] = [message];
    keys[field] = key;
    if (values) params[field] = values;
  }
  return new AppError("invalid_input", "Invalid input", fields, keys, Object.keys(params).length > 0 ? params : undefined);
}
