import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDate, formatDecimal, formatMoney, formatNumber, formatRelativeDays } from "./format";
import { negotiateLocale } from "../server/domain/locale";
import { minorToDecimal } from "../server/domain/money";
import { minorDigits } from "../db/reference/currencies";
import i18next from "i18next";
import { getI18n, translations } from "./i18n";

const en = translations.en;
const ptBR = translations["pt-BR"];
const es = translations.es;

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const enKeys = keysOf(en);

describe("translations", () => {
  for (const [name, tree] of [
    ["pt-BR", ptBR],
    ["es", es],
  ] as const) {
    it(`${name} has exactly the English keys`, () => {
      const keys = keysOf(tree);
      expect(
        enKeys.filter((k) => !keys.includes(k)),
        "missing",
      ).toEqual([]);
      expect(
        keys.filter((k) => !enKeys.includes(k)),
        "extra",
      ).toEqual([]);
    });
    it(`${name} keeps every {{placeholder}}`, () => {
      const t = getI18n(name).t;
      for (const key of enKeys) {
        const english = getI18n("en").t(key, { returnObjects: false, interpolation: { skipOnVariables: true } });
        void t;
        const translated = key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part], tree as Tree) as string;
        const source = key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part], en as Tree) as string;
        expect(placeholders(translated), `${name} ${key}`).toEqual(placeholders(source));
        expect(typeof english).toBe("string");
      }
    });
  }

  it("has an English text for every literal key used in the app", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry) && !entry.endsWith(".test.ts")) files.push(full);
      }
    };
    walk(fileURLToPath(new URL("..", import.meta.url)));
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([a-zA-Z0-9_.-]+)"/g)) {
        const key = match[1];
        if (!enKeys.includes(key) && !enKeys.includes(`${key}_one`)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it("prefers the exact tag, then the language, by quality", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt-BR");
    expect(negotiateLocale("pt-PT")).toBe("pt-BR");
    expect(negotiateLocale("es-MX,es;q=0.9")).toBe("es");
    expect(negotiateLocale("de-DE,es;q=0.5,en;q=0.6")).toBe("en");
    expect(negotiateLocale("fr, es;q=0.1")).toBe("es");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("de,fr")).toBe("en");
    expect(negotiateLocale("es;q=0")).toBe("en");
  });
});

describe("formatting for the locale", () => {
  it("formats money from minor units with the currency's digits", () => {
    expect(formatMoney("pt-BR", 125000050, "BRL").replace(/\s/g, " ")).toBe("R$ 1.250.000,50");
    expect(formatMoney("en", 125000050, "USD")).toBe("$1,250,000.50");
    expect(formatMoney("es", 1500, "JPY").replace(/\s/g, " ")).toMatch(/1500|1\.500/);
  });
  it("formats dates in the reader's language", () => {
    expect(formatDate("en", "2026-03-05")).toBe("Mar 5, 2026");
    expect(formatDate("pt-BR", "2026-03-05")).toMatch(/5 de mar\.? de 2026/);
  });
  it("answers exactly as a freshly built Intl formatter would, whatever the order of calls (formatters are cached)", () => {
    const call = fc.oneof(
      fc.record({
        kind: fc.constant("money" as const),
        locale: fc.constantFrom("en", "pt-BR", "es"),
        minor: fc.integer(),
        currency: fc.constantFrom("BRL", "USD", "JPY", "EUR"),
      }),
      fc.record({
        kind: fc.constant("number" as const),
        locale: fc.constantFrom("en", "pt-BR", "es"),
        value: fc.double({ noNaN: true }),
        percent: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant("date" as const),
        locale: fc.constantFrom("en", "pt-BR", "es"),
        at: fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        datetime: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant("relative" as const),
        locale: fc.constantFrom("en", "pt-BR", "es"),
        days: fc.integer({ min: -400, max: 400 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        for (const c of calls) {
          if (c.kind === "number") {
            const options: Intl.NumberFormatOptions = c.percent ? { style: "percent" } : { maximumFractionDigits: 1 };
            expect(formatNumber(c.locale, c.value, options)).toBe(new Intl.NumberFormat(c.locale, options).format(c.value));
          } else if (c.kind === "date") {
            const style = c.datetime ? "datetime" : "date";
            const fresh = new Intl.DateTimeFormat(c.locale, {
              dateStyle: "medium",
              ...(c.datetime ? { timeStyle: "short" } : {}),
              timeZone: "UTC",
            });
            expect(formatDate(c.locale, c.at, style)).toBe(fresh.format(c.at));
          } else if (c.kind === "relative") {
            expect(formatRelativeDays(c.locale, c.days)).toBe(
              new Intl.RelativeTimeFormat(c.locale, { numeric: "auto" }).format(c.days, "day"),
            );
          } else {
            const digits = minorDigits(c.currency);
            const fresh = new Intl.NumberFormat(c.locale, {
              style: "currency",
              currency: c.currency,
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            });
            expect(formatMoney(c.locale, c.minor, c.currency)).toBe(
              fresh.format(minorToDecimal(c.minor, digits) as Intl.StringNumericLiteral),
            );
          }
        }
      }),
    );
  });
  it("formats a decimal string with every digit it has, beyond a float's precision", () => {
    expect(formatDecimal("en", "1234.1234567891", { maximumFractionDigits: 10 })).toBe("1,234.1234567891");
    expect(formatDecimal("pt-BR", "0.1", { maximumFractionDigits: 10 })).toBe("0,1");
    expect(formatDecimal("en", "12345678901234567.5", { maximumFractionDigits: 10 })).toBe("12,345,678,901,234,567.5");
    expect(formatDecimal("en", "not a rate")).toBe("not a rate");
  });
});

describe("remembered translations", () => {
  it("answers as i18next does, per key, options, plural, prefix and language, and passes objects through", () => {
    const fresh = i18next.createInstance();
    void fresh.init({
      lng: "pt-BR",
      fallbackLng: false,
      resources: { en: { translation: translations.en }, "pt-BR": { translation: translations["pt-BR"] } },
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    for (const locale of ["en", "pt-BR"] as const) {
      const t = getI18n(locale).getFixedT(locale);
      const expected = fresh.getFixedT(locale);
      for (const count of [1, 2, 1, 5]) expect(t("nav.unread", { count })).toBe(expected("nav.unread", { count }));
      expect(t("validation.too_short", { min: 8 })).toBe(expected("validation.too_short", { min: 8 }));
      expect(t("validation.too_short", { min: 9 })).toBe(expected("validation.too_short", { min: 9 }));
      expect(t("validation", { returnObjects: true })).toEqual(expected("validation", { returnObjects: true }));
      const prefixed = getI18n(locale).getFixedT(locale, null, "validation");
      expect(prefixed("too_long", { max: 3 })).toBe(expected("validation.too_long", { max: 3 }));
      expect(prefixed).toHaveProperty("keyPrefix", "validation");
      expect(getI18n(locale).getFixedT(locale)).toBe(t);
    }
  });
});
