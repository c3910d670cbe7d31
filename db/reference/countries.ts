import countries from "i18n-iso-countries";

/** ISO 3166-1 alpha-2 codes from i18n-iso-countries; display names come from Intl per locale. */
const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

export function countryName(code: string, locale: string): string {
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

// Building an Intl.DisplayNames costs far more than asking one (6.8% of the firm directory's
// server CPU built one per firm); one per locale, the locales being few.
const displayNames = new Map<string, Intl.DisplayNames>();

function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (names === undefined) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    if (displayNames.size >= 50) displayNames.clear();
    displayNames.set(locale, names);
  }
  return names;
}

/** Countries sorted by their name in the given locale, for select boxes. */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  let options = sortedOptions.get(locale);
  if (options === undefined) {
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
    if (sortedOptions.size >= 50) sortedOptions.clear();
    sortedOptions.set(locale, options);
  }
  return options.map((option) => ({ ...option }));
}

// The sorted list is the same for every page of a locale: named and sorted once.
const sortedOptions = new Map<string, Array<{ code: string; name: string }>>();
