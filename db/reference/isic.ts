/**
 * ISIC Rev.4 (UN International Standard Industrial Classification of All
 * Economic Activities, Revision 4) reference data: 21 sections, 88 divisions
 * and 419 classes, with titles in English (official UN), Spanish (CIIU Rev.4)
 * and Brazilian Portuguese.
 *
 * Plain ESM, no Node-only APIs: bundled by esbuild (Remix) and run by tsx/vitest.
 */
import type { Locale } from "../../server/domain/locale";
import data from "./isic-rev4.json";

type IsicTitle = Record<Locale, string>;

export interface IsicSection {
  code: string;
  title: IsicTitle;
}

export interface IsicDivision {
  code: string;
  section: string;
  title: IsicTitle;
}

export interface IsicClass {
  code: string;
  division: string;
  section: string;
  title: IsicTitle;
}

interface IsicData {
  version: string;
  sections: IsicSection[];
  divisions: IsicDivision[];
  classes: { code: string; division: string; title: IsicTitle }[];
}

const raw: IsicData = data;

export const ISIC_VERSION: string = raw.version;

export const ISIC_SECTIONS: readonly IsicSection[] = Object.freeze(
  raw.sections.map((s) => Object.freeze({ code: s.code, title: Object.freeze({ ...s.title }) })),
);

export const ISIC_DIVISIONS: readonly IsicDivision[] = Object.freeze(
  raw.divisions.map((d) => Object.freeze({ code: d.code, section: d.section, title: Object.freeze({ ...d.title }) })),
);

const divisionByCode = new Map<string, IsicDivision>(ISIC_DIVISIONS.map((d) => [d.code, d]));

export const ISIC_CLASSES: readonly IsicClass[] = Object.freeze(
  raw.classes.map((c) =>
    Object.freeze({
      code: c.code,
      division: c.division,
      section: divisionByCode.get(c.division)?.section ?? "",
      title: Object.freeze({ ...c.title }),
    }),
  ),
);

const classByCode = new Map<string, IsicClass>(ISIC_CLASSES.map((c) => [c.code, c]));

/** True when `code` is one of the 419 ISIC Rev.4 4-digit class codes (e.g. "1520"). */
export function isIsicClass(code: string): boolean {
  return classByCode.has(code);
}

/** The ISIC Rev.4 class with this 4-digit code, or undefined. */
export function isicClass(code: string): IsicClass | undefined {
  return classByCode.get(code);
}

/**
 * Localised title of a class code; falls back to the English title, then to
 * the code itself when the code is unknown.
 */
export function isicTitle(code: string, locale: Locale): string {
  const c = classByCode.get(code);
  if (!c) return code;
  return c.title[locale] || c.title.en || code;
}
