import { AppError } from "../../server/errors";
import { isAppError } from "../lib/errors.server";

function renamedKeys<V>(record: Record<string, V> | undefined, rename: (field: string) => string, merge?: (a: V, b: V) => V) {
  if (!record) return undefined;
  const out: Record<string, V> = {};
  for (const [field, value] of Object.entries(record)) {
    const name = rename(field);
    out[name] = merge && name in out ? merge(out[name], value) : value;
  }
  return out;
}

/**
 * Runs a use case whose fields a form names differently (a form of one sales line, a form in
 * percent): its refusal comes back under the form's field names ("" for the whole form).
 */
export async function withFieldNames<T>(work: Promise<T>, rename: (field: string) => string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isAppError(error) || !error.fields) throw error;
    const fields = renamedKeys(error.fields, rename, (a, b) => [...a, ...b]);
    throw new AppError(error.code, error.message, fields, renamedKeys(error.fieldKeys, rename), renamedKeys(error.fieldParams, rename));
  }
}
