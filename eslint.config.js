// ESLint flat config: type-checked TypeScript rules, React hooks, accessibility, and the
// direction of imports between top-level folders (docs/decisions/014-guard-rails.md).
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------------------------------------
// Dependency direction. Imports are relative, so whether `../../app/x` leaves a folder depends on
// how deep the importing file sits. For each area and each depth we emit one block whose regex
// patterns see exactly the specifiers that climb to the repository root (`../` × depth) and then
// name a forbidden folder. Aliases from tsconfig (`~/`, `#server/`, `#db/`) are matched directly.
// ---------------------------------------------------------------------------------------------
const MAX_DEPTH = 8;
const EXT = "{ts,tsx,js,mjs}";

/** Files exactly `depth` directories below the root inside `area` (e.g. `server/*\/*.ts` is 2). */
function filesAt(area, depth) {
  const below = depth - area.split("/").length;
  return [`${area}/${"*/".repeat(below)}*.${EXT}`];
}

/** Regex source for a relative specifier that climbs to the root, then matches `rest`. */
function fromRoot(depth, rest) {
  return `^(\\./)?(\\.\\./){${depth}}${rest}`;
}

const appDatabaseRule = (d) => ({
  regex: `${fromRoot(d, "db/(schema|client|seed)(/|$)")}|^#db/(schema|client|seed)(/|$)`,
  allowTypeImports: true,
  message: "app/ may use db/schema, db/client or db/seed only as `import type`; constants live in server/domain.",
});

/** What must not reach the browser's bundle: zod schemas, the ISIC catalogue and the country names (ADR 019). */
const browserWeightRule = (d) => ({
  regex: `${fromRoot(d, "(server/schemas|db/reference/(isic|countries))(/|$|\\.)")}|^#server/schemas(/|$)|^#db/reference/(isic|countries)(/|$|\\.)`,
  allowTypeImports: true,
  message:
    "Browser code must not import zod schemas, the ISIC catalogue or country names: reach them through a .server module (app/lib/schemas.server.ts, names.server.ts; ADR 019).",
});

/** Rules per area: `patterns(depth)` gives the restricted patterns for a file at that depth. */
const AREAS = [
  {
    area: "app",
    message: "app/ reads the database through server/ (and db/schema only with `import type`).",
    patterns: (d) => [appDatabaseRule(d), browserWeightRule(d)],
  },
  {
    area: "server",
    patterns: (d) => [{ regex: `${fromRoot(d, "app(/|$)")}|^~/`, message: "server/ must not import app/ (app → server → db)." }],
  },
  {
    // After `server` so that its blocks win for server/domain files.
    area: "server/domain",
    patterns: (d) => [
      {
        // Leaving server/domain means climbing more levels than the file sits below it.
        regex: `^(\\./)?(\\.\\./){${d - 1},}|^(~|#db)/|^#server/(?!domain/)`,
        message: "server/domain is pure: it imports only npm packages and other server/domain modules.",
      },
    ],
  },
  {
    area: "db",
    patterns: (d) => [
      {
        regex: `${fromRoot(d, "(?!(db|server/domain)(/|$))")}|^~/|^#server/(?!domain/)`,
        message: "db/ may import only db/ and server/domain.",
      },
    ],
  },
  {
    area: "i18n",
    patterns: (d) => [
      {
        regex: `${fromRoot(d, "(?!(i18n|server/domain|db/reference)(/|$))")}|^~/|^#server/(?!domain/)|^#db/(?!reference/)`,
        message: "i18n/ may import only server/domain and db/reference.",
      },
    ],
  },
];

const dependencyDirection = AREAS.flatMap(({ area, patterns }) => {
  const top = area.split("/").length;
  return Array.from({ length: MAX_DEPTH - top + 1 }, (_, i) => top + i).map((depth) => ({
    name: `jointly/dependency-direction/${area}/${depth}`,
    files: filesAt(area, depth),
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns(depth) }] },
  }));
});

export default defineConfig(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "db/migrations/**",
      "playwright-report/**",
      "test-results/**",
      ".cache/**",
      "**/*.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // React's onClick/onSubmit ignore the returned promise by design; everything else (timers,
      // socket handlers, Express middleware) must handle it.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Remix loaders and actions throw Responses (404, 403, redirects) by design; the route's
      // ErrorBoundary renders them.
      "@typescript-eslint/only-throw-error": [
        "error",
        {
          allow: [
            { from: "lib", name: "Response" },
            { from: "package", package: "@remix-run/server-runtime", name: "TypedResponse" },
          ],
        },
      ],
      // `_`-prefixed names mark an argument a signature requires but the body does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      // A table or list that may scroll sideways is a labelled `role="region"` reachable by the
      // keyboard (WCAG 2.1.1; axe's scrollable-region-focusable): the WAI pattern, so regions
      // join the tab panels the rule allows by default.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
  ...dependencyDirection,
  // A .server module never reaches the browser, so it may load schemas and catalogues.
  ...Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((depth) => ({
    name: `jointly/server-modules/app/${depth}`,
    files: [`app/${"*/".repeat(depth - 1)}*.server.{ts,tsx}`],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [appDatabaseRule(depth)] }] },
  })),
  {
    // Tests, end-to-end specs and scripts may import anything (they drive the whole app).
    files: ["**/*.test.{ts,tsx}", "test/**", "e2e/**", "scripts/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Plain JavaScript config files are outside tsconfig: lint them without type information.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
