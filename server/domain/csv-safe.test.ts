import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvSafeCell, toSafeCsv } from "./csv-safe";

describe("csvSafeCell", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+1+2", "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["-", "'-"],
    ["+5", "'+5"],
    ["- 5", "'- 5"],
    ["-1e3", "'-1e3"],
  ])("neutralises text beginning like a formula: %j", (input, expected) => {
    expect(csvSafeCell(input)).toBe(expected);
  });

  it.each([
    ["Curtume Teste Ltda", "Curtume Teste Ltda"],
    ["a=b", "a=b"],
    ["", ""],
    [" =1", " =1"],
    ["1170.00", "1170.00"],
    ["-12.50", "-12.50"],
    ["0", "0"],
    ["2026-Q1", "2026-Q1"],
  ])("keeps ordinary text and plain numbers: %j", (input, expected) => {
    expect(csvSafeCell(input)).toBe(expected);
  });

  it("writes numbers as numbers and nothing for missing or non-finite values", () => {
    expect(csvSafeCell(-3.5)).toBe("-3.5");
    expect(csvSafeCell(0)).toBe("0");
    expect(csvSafeCell(Number.NaN)).toBe("");
    expect(csvSafeCell(null)).toBe("");
    expect(csvSafeCell(undefined)).toBe("");
  });
});

describe("toSafeCsv", () => {
  it("quotes per RFC 4180 and neutralises every cell, and the file reads back", () => {
    const csv = toSafeCsv([
      ["name", "amount"],
      ['=HYPERLINK("x","y"),evil', -12.5],
      ["@SUM(1)\nsecond line", "-7.25"],
    ]);
    expect(parse(csv)).toEqual([
      ["name", "amount"],
      ['\'=HYPERLINK("x","y"),evil', "-12.5"],
      ["'@SUM(1)\nsecond line", "-7.25"],
    ]);
  });
});
