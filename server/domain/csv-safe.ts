import { stringify } from "csv-stringify/sync";

/**
 * A cell of an exported CSV file. Numbers are written as numbers; text is text, and text typed by
 * a user (a firm's, KPI's or initiative's name) may begin with anything.
 */
export type CsvCell = string | number | null | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number as this project writes it (`-12.50`, `84.5`, `1170`): a spreadsheet reads it as a
 * number, never as a formula, so it stays numeric (a negative amount must not become text).
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One cell made safe to open in a spreadsheet: text beginning with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading single quote, so it shows as text instead of running as a
 * formula. Plain numbers, as numbers or as their decimal text, are kept.
 */
export function csvSafeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Every CSV file Jointly writes goes through here: RFC 4180 quoting, every cell neutralised. */
export function toSafeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(csvSafeCell)));
}
