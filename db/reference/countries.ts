import countries from "i18n-iso-countries";

/** ISO 3166-1 alpha-2 codes from i18n-iso-countries; display names come from Intl per locale. */
const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Countries sorted by their name in the given locale, for select boxes. */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}
