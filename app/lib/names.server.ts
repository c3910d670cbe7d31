import { countryName } from "../../db/reference/countries";
import { isicTitle } from "../../db/reference/isic";
import type { Locale } from "../../server/domain/locale";

/** Reference names of a firm in the reader's language, computed on the server. */
export function firmNames(firm: { country: string; sector: string }, locale: Locale) {
  return { countryName: countryName(firm.country, locale), sectorName: `${firm.sector} · ${isicTitle(firm.sector, locale)}` };
}
