import { countryOptions } from "../../db/reference/countries";
import { ISIC_CLASSES, isicTitle } from "../../db/reference/isic";
import type { Locale } from "../../server/domain/locale";

/** Select options built on the server in the reader's language (keeps big lists out of the bundle). */
export function sectorOptions(locale: Locale) {
  return ISIC_CLASSES.map((c) => ({ code: c.code, name: `${c.code} · ${isicTitle(c.code, locale)}` }));
}

export { countryOptions };
