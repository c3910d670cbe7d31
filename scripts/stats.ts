/**
 * `npm run stats`: the numbers of the code's target shape (docs/decisions/014-guard-rails.md).
 *   - lines in app/routes, against the baseline before the route layer was thinned
 *   - source files over 400 lines (tests, migrations, message catalogues and reference data aside)
 *   - functions over 80 lines, found with the TypeScript parser (tests aside)
 *   - `as unknown as` casts outside the database adapter (db/client.ts)
 *   - with `--knip`: unused exports and types as knip reports them
 * Exits 0 and only prints, unless `--strict` is given: then a missed target exits 1.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIRS = ["app", "server", "db", "i18n", "scripts", "test", "e2e"];
const ROUTES_BASELINE = 9_462;
const ROUTES_TARGET = Math.floor(ROUTES_BASELINE * 0.6);
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const CAST_ALLOWED_IN = new Set(["db/client.ts"]);

interface Target {
  name: string;
  value: number;
  target: number;
  details: string[];
}

/** Every file below `dir` (relative to the root), skipping generated and vendored folders. */
function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ["node_modules", "build", "migrations"].includes(entry.name) ? [] : walk(rel);
    return [rel];
  });
}

const isCode = (file: string) => /\.(ts|tsx)$/.test(file) && !file.endsWith(".d.ts");
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || /^(test|e2e)\//.test(file);
/** Reference data modules hold tables (countries, currencies), not logic. */
const isData = (file: string) => file.startsWith("db/reference/") && !/\/isic\.ts$/.test(file);
const lineCount = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Functions (declarations, expressions, arrows, methods, accessors) longer than the limit. */
function longFunctions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${source.fileName}:${start} ${functionName(node)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function functionName(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
  return "(anonymous)";
}

/** `x as unknown as T` casts, by line. */
function doubleCasts(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) && ts.isAsExpression(node.expression) && node.expression.type.kind === ts.SyntaxKind.UnknownKeyword) {
      found.push(`${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface KnipReport {
  issues: Array<{ file: string; exports: { name: string }[]; types: { name: string }[] }>;
}

function knipUnusedExports(): Target {
  let report: KnipReport;
  try {
    const json = execFileSync("npx", ["knip", "--reporter", "json", "--no-exit-code"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    report = JSON.parse(json) as KnipReport;
  } catch (error) {
    throw new Error(`knip failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const details = report.issues.flatMap((issue) => [...issue.exports, ...issue.types].map((e) => `${issue.file}: ${e.name}`));
  return { name: "unused exports and types (knip)", value: details.length, target: 0, details };
}

function collect(withKnip: boolean): Target[] {
  const files = SOURCE_DIRS.flatMap(walk).filter(isCode);
  const routeLines = walk("app/routes").reduce((sum, file) => sum + lineCount(readFileSync(path.join(ROOT, file), "utf8")), 0);
  const bigFiles: string[] = [];
  const functions: string[] = [];
  const casts: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const source = parse(file, text);
    const lines = lineCount(text);
    if (!isTest(file) && !isData(file) && lines > MAX_FILE_LINES) bigFiles.push(`${file} (${lines} lines)`);
    if (!isTest(file)) functions.push(...longFunctions(source));
    if (!CAST_ALLOWED_IN.has(file)) casts.push(...doubleCasts(source));
  }
  const targets: Target[] = [
    { name: `lines in app/routes (baseline ${ROUTES_BASELINE}, 60%)`, value: routeLines, target: ROUTES_TARGET, details: [] },
    { name: `source files over ${MAX_FILE_LINES} lines`, value: bigFiles.length, target: 0, details: bigFiles },
    { name: `functions over ${MAX_FUNCTION_LINES} lines`, value: functions.length, target: 0, details: functions },
    { name: "`as unknown as` outside db/client.ts", value: casts.length, target: 0, details: casts },
  ];
  if (withKnip) targets.push(knipUnusedExports());
  return targets;
}

function main() {
  const args = new Set(process.argv.slice(2));
  const targets = collect(args.has("--knip"));
  const verbose = args.has("--verbose");
  let missed = 0;
  for (const t of targets) {
    const ok = t.value <= t.target;
    if (!ok) missed++;
    console.log(`${ok ? "ok  " : "MISS"}  ${t.name}: ${t.value} (target ≤ ${t.target})`);
    for (const line of verbose ? t.details : t.details.slice(0, 10)) console.log(`        ${line}`);
    if (!verbose && t.details.length > 10) console.log(`        … ${t.details.length - 10} more (--verbose lists all)`);
  }
  console.log(missed ? `\n${missed} of ${targets.length} targets missed.` : "\nAll targets met.");
  if (missed && args.has("--strict")) process.exitCode = 1;
}

main();
