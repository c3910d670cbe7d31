import { parse } from "csv-parse/sync";
import type { Actor } from "../../authz/actor";
import { validateKpiValue } from "../../domain/benchmark";
import { AppError, parseInput } from "../../errors";
import { decimalNumber, importKpiCsvSchema } from "../../schemas/learning";
import { inTransaction, type Deps } from "../deps";
import { assertManager, assertRunning, clubKpis, clubPeriod, firmNames, visibleClub, type ClubKpi } from "./club-access";
import { saveValues, valueProblem } from "./submit-kpi-values";

/** Accepted header names of each column (lower case); the export's columns import as they are. */
const COLUMNS = {
  firm: ["firm_id", "firm", "firm_name"],
  kpi: ["kpi", "kpi_key", "kpi_id"],
  value: ["value"],
  period: ["period"],
} as const;

const MAX_ROWS = 5000;

/** Where the import's own messages live in the catalogues. */
const IMPORT = "learning.import.errors";

/** A problem with the whole file, under `csv`, with its message key. */
function fileError(summary: string, message: string, key: string, values?: Record<string, string | number>): AppError {
  return new AppError("invalid_input", summary, { csv: [message] }, { csv: `${IMPORT}.${key}` }, values ? { csv: values } : undefined);
}

const normal = (text: string) => text.trim().toLocaleLowerCase("en").replace(/\s+/g, " ");

/**
 * A broker imports one period's values from CSV: columns firm (its name or id), kpi (the shipped
 * KPI's key, or the KPI's id or name) and value, and optionally period (must be this period's
 * label); separated by commas, or by semicolons with decimal commas as Portuguese and Spanish
 * spreadsheets save them. All or nothing: any bad row rejects the file, with every error by file line and column
 * (`rows.<line>.<column>`; the header is line 1). Imported values replace the members' own.
 */
export async function importKpiCsv(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(importKpiCsvSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    assertRunning(facts);
    const period = await clubPeriod(tx, input.initiativeId, input.periodId, { lock: true });
    if (period.status !== "open") throw new AppError("conflict", `The period ${period.label} is closed: values can no longer be changed`);

    const records = readRecords(input.csv);
    const columns = findColumns(records);
    const kpis = await clubKpis(tx, input.initiativeId);
    const names = await firmNames(tx, facts.participantFirmIds);
    const rows = checkRows(records, columns, { findFirm: firmFinder(names), findKpi: kpiFinder(kpis), periodLabel: period.label });

    await saveValues(tx, after, facts, period.id, rows, actor.userId, deps.now());
    return { initiativeId: input.initiativeId, periodId: period.id, imported: rows.length, firms: new Set(rows.map((r) => r.firmId)).size };
  });
}

type CsvRecord = Record<string, string>;

/** The file's rows, keyed by normalised header; a file that cannot be read, or has no or too many rows, is refused whole. */
function readRecords(csv: string): CsvRecord[] {
  // Spreadsheets set to Portuguese or Spanish save CSV with semicolons (the comma is their decimal sign).
  const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  let records: CsvRecord[];
  try {
    records = parse(csv, {
      columns: (names: string[]) => names.map((h) => normal(h).replace(/ /g, "_")),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    // csv-parse says what is wrong in English; the forms show a translated sentence with the line.
    const line = Number((error as { lines?: unknown }).lines) || 1;
    throw new AppError(
      "invalid_input",
      "Not a readable CSV file",
      { csv: [`Not a readable CSV file (line ${line}): ${(error as Error).message}`] },
      { csv: "learning.import.errors.malformed" },
      { csv: { line } },
    );
  }
  const max = MAX_ROWS.toLocaleString("en");
  if (records.length === 0) throw fileError("No rows", "The file has a header but no rows", "noRows");
  if (records.length > MAX_ROWS) throw fileError("Too many rows", `At most ${max} rows per file`, "tooManyRows", { max });
  return records;
}

interface Columns {
  firm: string;
  kpi: string;
  value: string;
  period: string | undefined;
}

/** Which header each column has; firm, kpi and value are required. */
function findColumns(records: CsvRecord[]): Columns {
  const headers = Object.keys(records[0]);
  const columnOf = (names: readonly string[]) => names.find((name) => headers.includes(name));
  const firm = columnOf(COLUMNS.firm);
  const kpi = columnOf(COLUMNS.kpi);
  const value = columnOf(COLUMNS.value);
  if (!firm || !kpi || !value) {
    const missing = [!firm && "firm", !kpi && "kpi", !value && "value"].filter(Boolean);
    throw fileError("Missing columns", `Missing columns: ${missing.join(", ")}`, "missingColumns", { columns: missing.join(", ") });
  }
  return { firm, kpi, value, period: columnOf(COLUMNS.period) };
}

type FirmMatch = { firmId: string } | { problem: "ambiguous" | "notMember" };

/** A member firm by its id, or by its name when only one member has it. */
function firmFinder(names: Map<string, string>): (text: string) => FirmMatch {
  const firmsByName = new Map<string, string[]>();
  for (const [id, name] of names) firmsByName.set(normal(name), [...(firmsByName.get(normal(name)) ?? []), id]);
  return (text) => {
    if (names.has(text)) return { firmId: text };
    const matches = firmsByName.get(normal(text)) ?? [];
    if (matches.length === 1) return { firmId: matches[0] };
    return { problem: matches.length > 1 ? "ambiguous" : "notMember" };
  };
}

/** A club KPI by its id, its shipped key, or its name. */
function kpiFinder(kpis: ClubKpi[]): (text: string) => ClubKpi | undefined {
  return (text) =>
    kpis.find((k) => k.id === text) ??
    kpis.find((k) => k.key !== null && k.key === normal(text)) ??
    kpis.find((k) => normal(k.name) === normal(text));
}

/** Errors by `rows.<line>.<column>`, each naming its i18n key (and values) so the forms word it in the reader's language. */
function rowErrors() {
  const errors: Record<string, string[]> = {};
  const keys: Record<string, string> = {};
  const params: Record<string, Record<string, string | number>> = {};
  return {
    add: (line: number, column: string, message: string, key: string, values?: Record<string, string | number>) => {
      const field = `rows.${line}.${column}`;
      (errors[field] ??= []).push(message);
      keys[field] = key;
      if (values) params[field] = values;
    },
    has: (line: number, column: string) => errors[`rows.${line}.${column}`] !== undefined,
    throwAny: () => {
      if (Object.keys(errors).length > 0)
        throw new AppError("invalid_input", "Some rows are not valid; nothing was imported", errors, keys, params);
    },
  };
}

interface RowLookups {
  findFirm: (text: string) => FirmMatch;
  findKpi: (text: string) => ClubKpi | undefined;
  periodLabel: string;
}

/** Every row checked (all errors at once); the values to save if none has an error. */
function checkRows(records: CsvRecord[], columns: Columns, lookups: RowLookups) {
  const { findFirm, findKpi, periodLabel } = lookups;
  const problems = rowErrors();
  const add = problems.add;
  const rows: Array<{ firmId: string; kpiId: string; value: number }> = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2;
    const firmText = record[columns.firm] ?? "";
    const kpiText = record[columns.kpi] ?? "";
    let firmId: string | undefined;
    if (firmText === "") add(line, "firm", "Required", "required");
    else {
      const match = findFirm(firmText);
      if ("firmId" in match) firmId = match.firmId;
      else if (match.problem === "ambiguous")
        add(line, "firm", "Several member firms have this name: use the firm's id", `${IMPORT}.ambiguousFirm`);
      else add(line, "firm", "Not a member firm of this club", `${IMPORT}.notMember`);
    }
    const kpi = kpiText === "" ? undefined : findKpi(kpiText);
    if (kpiText === "") add(line, "kpi", "Required", "required");
    else if (!kpi) add(line, "kpi", "Not a KPI of this club", `${IMPORT}.notKpi`);
    if (columns.period && record[columns.period] && record[columns.period].toUpperCase() !== periodLabel) {
      add(line, "period", `This file is for ${periodLabel}`, `${IMPORT}.otherPeriod`, { period: periodLabel });
    }
    const valueText = record[columns.value] ?? "";
    const parsed = decimalNumber.safeParse(valueText);
    if (!parsed.success) add(line, "value", parsed.error.issues[0].message, valueText.trim() === "" ? "required" : "number");
    else if (kpi) {
      const problem = validateKpiValue(parsed.data, kpi);
      if (problem) {
        const [key, message, values] = valueProblem(problem, kpi);
        add(line, "value", message, key, values);
      }
    }
    if (firmId && kpi) {
      const key = `${firmId}:${kpi.id}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        add(line, "kpi", `This firm's ${kpi.name} is given on line ${earlier} already`, `${IMPORT}.duplicate`, {
          kpi: kpi.name,
          line: earlier,
        });
      else seen.set(key, line);
      if (parsed.success && !problems.has(line, "value") && earlier === undefined) rows.push({ firmId, kpiId: kpi.id, value: parsed.data });
    }
  });
  problems.throwAny();
  return rows;
}
