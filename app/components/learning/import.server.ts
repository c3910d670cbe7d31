import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Locale } from "../../../server/domain/locale";
import { isAppError, throwAsResponse } from "../../lib/errors.server";
import { redirectWithToast } from "../../lib/toast.server";
import { importErrorsOf, type ImportErrors } from "./words";

/** The largest CSV file the import form takes (the service refuses more than 2,000,000 characters). */
const MAX_FILE_BYTES = 2_000_000;

/** What a refused import answers: the errors by line, and the period chosen, kept in the form. */
export interface ImportResult {
  intent: "import";
  periodId?: string;
  importErrors: ImportErrors;
}

/** The file's bytes, at most MAX_FILE_BYTES of them; a larger file is read to its end and flagged. */
function capped(source: AsyncIterable<Uint8Array>, flag: { tooLarge: boolean }): AsyncIterable<Uint8Array> {
  return (async function* () {
    let size = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > 5 * MAX_FILE_BYTES) throw new MaxPartSizeExceededError("file", MAX_FILE_BYTES);
      if (size > MAX_FILE_BYTES) flag.tooLarge = true;
      else yield chunk;
    }
  })();
}

/** The upload's form data, or null when the file is larger than the form takes. */
async function readUpload(request: Request): Promise<FormData | null> {
  const flag = { tooLarge: false };
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES });
  try {
    const formData = await unstable_parseMultipartFormData(request, (part) => memory({ ...part, data: capped(part.data, flag) }));
    return flag.tooLarge ? null : formData;
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}

export const isUpload = (request: Request) => (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

type Import = (csv: { periodId: string; csv: string }) => Promise<unknown>;

/**
 * A broker's CSV import of one open period, all or nothing: the file is read with a size cap,
 * and a refusal lists every error by line in the reader's language (a multipart post, so not
 * through `readPost`).
 */
export async function importUpload(request: Request, reader: { t: TFunction; locale: Locale }, here: string, run: Import) {
  const { t, locale } = reader;
  const refuse = (importErrors: ImportErrors, periodId?: string) =>
    data<ImportResult>({ intent: "import", periodId, importErrors }, { status: 400 });
  const general = (key: string, periodId?: string) => refuse({ general: [t(key)], lines: [] }, periodId);
  const formData = await readUpload(request);
  if (!formData) return general("learning.import.tooLarge");
  const periodId = z.uuid().safeParse(formData.get("periodId"));
  if (!periodId.success) return general("learning.import.choosePeriod");
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return general("learning.import.noFile", periodId.data);
  try {
    await run({ periodId: periodId.data, csv: await file.text() });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input" && error.fields) return refuse(importErrorsOf(error, t, locale), periodId.data);
    if (isAppError(error) && error.code === "conflict") return general("learning.errors.periodClosed", periodId.data);
    throwAsResponse(error);
  }
  return redirectWithToast(`${here}#periods`, "learning.toast.imported");
}
