import { countryName } from "../../db/reference/countries";
import { isicTitle } from "../../db/reference/isic";
import type { Locale } from "../../server/domain/locale";

/** The reference lookups for loaders, through a server module: imported directly, they put the ISIC and country tables in the browser build. */
export { countryName, isicTitle };

/** Reference names of a firm in the reader's language, computed on the server. */
export function firmNames(firm: { country: string; sector: string }, locale: Locale) {
  return { countryName: countryName(firm.country, locale), sectorName: `${firm.sector} · ${isicTitle(firm.sector, locale)}` };
}
