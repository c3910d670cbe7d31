import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtScripts, measurePage, readManifest } from "../scripts/bench/bundle-measure";
import { translations } from "../i18n/i18n";
import { LOCALES } from "../server/domain/locale";

/**
 * The browser's share of the build (`npm run build` first): what a first visit to a joint-buy
 * page downloads, and what no page's scripts may carry (zod, the ISIC catalogue, messages:
 * forms validate on the server, sector names and options come from loaders, a page carries its
 * own language).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const JOINT_BUY_ROUTE = "routes/initiatives.$initiativeId";
const BUDGET_BYTES = 150 * 1024;

/** Long plain-ASCII messages of a language (the minifier escapes other characters), as found in any bundle that holds them. */
function markersOf(messages: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      if (value.length >= 25 && /^[ -~]+$/.test(value) && !/["'\\{]/.test(value)) found.push(value);
    } else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(messages);
  return found.slice(0, 40);
}

/** What no browser needs, each with a text its bundle always contains. */
const SERVER_ONLY: Array<[string, string]> = [
  ["zod", "ZodError"],
  ["the ISIC catalogue", "ISIC Rev.4"],
  ["drizzle-orm", "drizzle:Columns"],
  ["the password-strength dictionary", "AabacusCdomen"],
];

describe("the browser bundle", () => {
  const manifest = readManifest(ROOT);
  const scripts = builtScripts(ROOT);

  it(`keeps a first visit to a joint-buy page within ${BUDGET_BYTES / 1024} KB of compressed JavaScript`, () => {
    const page = measurePage(ROOT, manifest, JOINT_BUY_ROUTE);
    const biggest = page.files.slice(0, 5).map((f) => `${f.file} ${f.gzip}`);
    expect(page.gzip, biggest.join("\n")).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("ships no page zod, the ISIC catalogue, drizzle or the password dictionary", () => {
    for (const [what, marker] of SERVER_ONLY) {
      expect(
        scripts.filter((script) => script.text.includes(marker)).map((script) => script.file),
        what,
      ).toEqual([]);
    }
  });

  it("bundles no language's messages: the page carries its own, others are fetched", () => {
    for (const locale of LOCALES) {
      const markers = markersOf(translations[locale]);
      expect(markers.length, locale).toBeGreaterThan(10);
      for (const script of scripts) {
        const leaked = markers.filter((marker) => script.text.includes(marker));
        expect(leaked, `${locale} messages in ${script.file}`).toEqual([]);
      }
    }
  });
});
