import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePeriods, convertMinor, invertRate, parseRate, periodEnd } from "./exchange";

describe("exchange", () => {
  it("parses rates exactly and refuses nonsense", () => {
    expect(parseRate("5.4321")).toBe(54_321_000_000n);
    expect(parseRate("1")).toBe(10_000_000_000n);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("-1")).toBeNull();
    expect(parseRate("1.00000000001")).toBeNull();
  });

  it("converts between currencies with different minor digits, rounding half up", () => {
    // US$ 1,000.00 at 5.4321 BRL per USD = R$ 5,432.10
    expect(convertMinor(100_000, 2, 2, parseRate("5.4321")!)).toBe(543_210);
    // ¥ 1,000 at 0.0367 BRL per JPY = R$ 36.70
    expect(convertMinor(1_000, 0, 2, parseRate("0.0367")!)).toBe(3_670);
    // R$ 0.01 at 0.5 -> 0.005 -> rounds half up to 0.01
    expect(convertMinor(1, 2, 2, parseRate("0.5")!)).toBe(1);
  });

  it("inverts a rate to 10 decimals", () => {
    expect(invertRate(parseRate("4")!)).toBe(parseRate("0.25"));
    expect(convertMinor(543_210, 2, 2, invertRate(parseRate("5.4321")!))).toBe(100_000);
  });

  it("converting at rate 1 between same digits is the identity (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (amount) => {
        expect(convertMinor(amount, 2, 2, parseRate("1")!)).toBe(amount);
      }),
    );
  });

  it("knows when periods end and orders them", () => {
    expect(periodEnd("2026")).toBe("2026-12-31");
    expect(periodEnd("2026-Q2")).toBe("2026-06-30");
    expect(["2026", "2025-Q4", "2026-Q1", "2025"].sort(comparePeriods)).toEqual(["2025-Q4", "2025", "2026-Q1", "2026"]);
  });
});
