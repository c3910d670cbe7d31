import { parse } from "csv-parse/sync";
import type { Actor } from "../../authz/actor";
import { validateKpiValue } from "../../domain/benchmark";
import { AppError, parseInput } from "../../errors";
import { decimalNumber, importKpiCsvSchema } from "../../schemas/learning";
import { inTransaction, type Deps } from "../deps";
import { assertManager, assertRunning, clubKpis, clubPeriod, firmNames, visibleClub } from "./club-access";
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

    // Spreadsheets set to Portuguese or Spanish save CSV with semicolons (the comma is their decimal sign).
    const header = input.csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
    const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
    let records: Record<string, string>[];
    try {
      records = parse(input.csv, {
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
    const headers = Object.keys(records[0]);
    const columnOf = (names: readonly string[]) => names.find((name) => headers.includes(name));
    const firmColumn = columnOf(COLUMNS.firm);
    const kpiColumn = columnOf(COLUMNS.kpi);
    const valueColumn = columnOf(COLUMNS.value);
    const periodColumn = columnOf(COLUMNS.period);
    const missing = [!firmColumn && "firm", !kpiColumn && "kpi", !valueColumn && "value"].filter(Boolean);
    if (missing.length > 0)
      throw fileError("Missing columns", `Missing columns: ${missing.join(", ")}`, "missingColumns", { columns: missing.join(", ") });

    const kpis = await clubKpis(tx, input.initiativeId);
    const names = await firmNames(tx, facts.participantFirmIds);
    const firmsByName = new Map<string, string[]>();
    for (const [id, name] of names) firmsByName.set(normal(name), [...(firmsByName.get(normal(name)) ?? []), id]);
    const findKpi = (text: string) =>
      kpis.find((k) => k.id === text) ??
      kpis.find((k) => k.key !== null && k.key === normal(text)) ??
      kpis.find((k) => normal(k.name) === normal(text));

    const errors: Record<string, string[]> = {};
    const keys: Record<string, string> = {};
    const params: Record<string, Record<string, string | number>> = {};
    // Each error names its i18n key (and the values it names) so the forms word it in the reader's language.
    const add = (line: number, column: string, message: string, key: string, values?: Record<string, string | number>) => {
      const field = `rows.${line}.${column}`;
      (errors[field] ??= []).push(message);
      keys[field] = key;
      if (values) params[field] = values;
    };
    const rows: Array<{ firmId: string; kpiId: string; value: number }> = [];
    const seen = new Map<string, number>();
    records.forEach((record, index) => {
      const line = index + 2;
      const firmText = record[firmColumn!] ?? "";
      const kpiText = record[kpiColumn!] ?? "";
      let firmId: string | undefined;
      if (firmText === "") add(line, "firm", "Required", "required");
      else if (names.has(firmText)) firmId = firmText;
      else {
        const matches = firmsByName.get(normal(firmText)) ?? [];
        if (matches.length === 1) firmId = matches[0];
        else if (matches.length > 1) add(line, "firm", "Several member firms have this name: use the firm's id", `${IMPORT}.ambiguousFirm`);
        else add(line, "firm", "Not a member firm of this club", `${IMPORT}.notMember`);
      }
      const kpi = kpiText === "" ? undefined : findKpi(kpiText);
      if (kpiText === "") add(line, "kpi", "Required", "required");
      else if (!kpi) add(line, "kpi", "Not a KPI of this club", `${IMPORT}.notKpi`);
      if (periodColumn && record[periodColumn] && record[periodColumn].toUpperCase() !== period.label) {
        add(line, "period", `This file is for ${period.label}`, `${IMPORT}.otherPeriod`, { period: period.label });
      }
      const valueText = record[valueColumn!] ?? "";
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
        if (parsed.success && !errors[`rows.${line}.value`] && earlier === undefined)
          rows.push({ firmId, kpiId: kpi.id, value: parsed.data });
      }
    });
    if (Object.keys(errors).length > 0)
      throw new AppError("invalid_input", "Some rows are not valid; nothing was imported", errors, keys, params);

    await saveValues(tx, after, facts, period.id, rows, actor.userId, deps.now());
    return { initiativeId: input.initiativeId, periodId: period.id, imported: rows.length, firms: new Set(rows.map((r) => r.firmId)).size };
  });
}
