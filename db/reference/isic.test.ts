import { LOCALES } from "../../server/domain/locale";
import { describe, it, expect } from "vitest";
import { ISIC_CLASSES, ISIC_DIVISIONS, ISIC_SECTIONS, ISIC_VERSION, isIsicClass, isicClass, isicTitle } from "./isic";

describe("ISIC Rev.4 reference data", () => {
  it("is ISIC Rev.4 with 21 sections, 88 divisions and 419 classes", () => {
    expect(ISIC_VERSION).toBe("ISIC Rev.4");
    expect(ISIC_SECTIONS).toHaveLength(21);
    expect(ISIC_DIVISIONS).toHaveLength(88);
    expect(ISIC_CLASSES).toHaveLength(419);
    expect(ISIC_SECTIONS.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRSTU");
  });

  it("has unique, well-formed codes", () => {
    const sec = ISIC_SECTIONS.map((s) => s.code);
    const div = ISIC_DIVISIONS.map((d) => d.code);
    const cls = ISIC_CLASSES.map((c) => c.code);
    expect(new Set(sec).size).toBe(sec.length);
    expect(new Set(div).size).toBe(div.length);
    expect(new Set(cls).size).toBe(cls.length);
    for (const s of sec) expect(s).toMatch(/^[A-U]$/);
    for (const d of div) expect(d).toMatch(/^\d{2}$/);
    for (const c of cls) expect(c).toMatch(/^\d{4}$/);
  });

  it("links every class to an existing division and every division to an existing section", () => {
    const divisions = new Map(ISIC_DIVISIONS.map((d) => [d.code, d]));
    const sections = new Set(ISIC_SECTIONS.map((s) => s.code));
    for (const d of ISIC_DIVISIONS) expect(sections.has(d.section), d.code).toBe(true);
    for (const c of ISIC_CLASSES) {
      const d = divisions.get(c.division);
      expect(d, c.code).toBeDefined();
      expect(c.code.slice(0, 2)).toBe(c.division);
      expect(c.section).toBe(d!.section);
    }
    // every division has at least one class
    const used = new Set(ISIC_CLASSES.map((c) => c.division));
    for (const d of ISIC_DIVISIONS) expect(used.has(d.code), d.code).toBe(true);
  });

  it("has a non-empty title in every locale", () => {
    for (const entry of [...ISIC_SECTIONS, ...ISIC_DIVISIONS, ...ISIC_CLASSES]) {
      for (const locale of LOCALES) {
        expect(typeof entry.title[locale], `${entry.code} ${locale}`).toBe("string");
        expect(entry.title[locale].trim().length, `${entry.code} ${locale}`).toBeGreaterThan(0);
      }
    }
  });

  it("looks up leather and footwear classes", () => {
    expect(isIsicClass("1520")).toBe(true);
    expect(isIsicClass("1511")).toBe(true);
    expect(isIsicClass("1512")).toBe(true);
    expect(isicTitle("1520", "en")).toBe("Manufacture of footwear");
    expect(isicTitle("1520", "es")).toBe("Fabricación de calzado");
    expect(isicTitle("1520", "pt-BR")).toBe("Fabricação de calçados");
    expect(isicTitle("1511", "en")).toBe("Tanning and dressing of leather; dressing and dyeing of fur");
    expect(isicTitle("1512", "en")).toBe("Manufacture of luggage, handbags and the like, saddlery and harness");
    const footwear = isicClass("1520");
    expect(footwear).toMatchObject({ code: "1520", division: "15", section: "C" });
  });

  it("rejects unknown codes and falls back to the code for titles", () => {
    expect(isIsicClass("15")).toBe(false);
    expect(isIsicClass("1500")).toBe(false);
    expect(isIsicClass("0100")).toBe(false);
    expect(isicClass("9999")).toBeUndefined();
    expect(isicTitle("9999", "pt-BR")).toBe("9999");
  });
});
