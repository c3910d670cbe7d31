import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { TFunction } from "i18next";
import { isAppError, throwAsResponse } from "../../lib/errors.server";

/** The largest CSV file the import form takes (the service refuses more than 2,000,000 characters). */
const MAX_FILE_BYTES = 2_000_000;

/** Service field -> the column of the CSV file, as the user sees it in the template. */
const CSV_COLUMN: Record<string, string> = {
  customerName: "customer",
  customerFirmId: "customer_firm_id",
  agentName: "agent",
};

export type ImportErrors = {
  general: string[];
  lines: Array<{ line: number; column: string; messages: string[] }>;
};

/** `rows.3.amount` -> line 3, column "amount"; file-level errors (`csv`) are general. */
function importErrorsOf(fields: Record<string, string[]>): ImportErrors {
  const general: string[] = [];
  const lines: ImportErrors["lines"] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(key);
    if (match)
      lines.push({
        line: Number(match[1]),
        column: CSV_COLUMN[match[2]] ?? match[2],
        messages,
      });
    else general.push(...messages);
  }
  lines.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return { general, lines };
}

/**
 * The file's bytes for the memory upload handler, at most MAX_FILE_BYTES of them. A larger file
 * is still read to its end (up to a hard cap), so the browser receives our message instead of a
 * connection reset, and `tooLarge` says it was cut.
 */
function capped(bytes: AsyncIterable<Uint8Array>, flag: { tooLarge: boolean }): AsyncIterable<Uint8Array> {
  return (async function* () {
    let size = 0;
    for await (const chunk of bytes) {
      size += chunk.byteLength;
      if (size > 5 * MAX_FILE_BYTES) throw new MaxPartSizeExceededError("file", MAX_FILE_BYTES);
      if (size > MAX_FILE_BYTES) flag.tooLarge = true;
      else yield chunk;
    }
  })();
}

/** The import's refusal: the file's problems by line and column. */
function refuse(importErrors: ImportErrors) {
  return data({ intent: "import" as const, importErrors }, { status: 400 });
}

/** The uploaded CSV's text, or the refusal to show (no file, a file too large). */
async function uploadedCsv(request: Request, t: TFunction) {
  const tooLarge = () => refuse({ general: [t("dependence.ledger.import.tooLarge")], lines: [] });
  const flag = { tooLarge: false };
  const memory = unstable_createMemoryUploadHandler({
    maxPartSize: MAX_FILE_BYTES,
  });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, (part) => memory({ ...part, data: capped(part.data, flag) }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw error;
  }
  if (flag.tooLarge) return tooLarge();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return refuse({
      general: [t("dependence.ledger.import.noFile")],
      lines: [],
    });
  return file.text();
}

/** Imports an uploaded CSV file with `run`; the file's problems come back line by line. */
export async function importUpload(request: Request, t: TFunction, run: (csv: string) => Promise<Response>) {
  const csv = await uploadedCsv(request, t);
  if (typeof csv !== "string") return csv;
  try {
    return await run(csv);
  } catch (error) {
    if (isAppError(error) && error.fields) return refuse(importErrorsOf(error.fields));
    return throwAsResponse(error);
  }
}

/** The add-entry form's fields (service errors on other fields go to the form). */
const ENTRY_FIELDS = new Set([
  "period",
  "customerFirmId",
  "customerName",
  "amount",
  "currency",
  "market",
  "channel",
  "agentName",
  "governance",
  "exclusivity",
]);

/** The service names a line's fields "entries.0.amount"; the form has one line. */
export function entryFieldOf(field: string): string {
  const name = field.replace(/^entries\.0\./, "");
  return ENTRY_FIELDS.has(name) ? name : "";
}
