import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minorToDecimal, parseDecimalToMinor } from "./money";

describe("parseDecimalToMinor", () => {
  it("converts typed amounts to integer minor units without floats", () => {
    expect(parseDecimalToMinor("1250000.50", 2)).toBe(125000050);
    expect(parseDecimalToMinor("0.1", 2)).toBe(10);
    expect(parseDecimalToMinor("19,99", 2)).toBe(1999);
    expect(parseDecimalToMinor("1500", 0)).toBe(1500);
    expect(parseDecimalToMinor("1.234", 3)).toBe(1234);
  });

  it("rejects more decimals than the currency has, negatives and garbage", () => {
    expect(parseDecimalToMinor("1.005", 2)).toBeNull();
    expect(parseDecimalToMinor("1.5", 0)).toBeNull();
    expect(parseDecimalToMinor("-3", 2)).toBeNull();
    expect(parseDecimalToMinor("1e5", 2)).toBeNull();
    expect(parseDecimalToMinor("", 2)).toBeNull();
  });

  it("rejects amounts beyond the safe integer range", () => {
    expect(parseDecimalToMinor("999999999999999.99", 2)).toBeNull();
  });

  it("round-trips every amount through its decimal text (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        expect(parseDecimalToMinor(minorToDecimal(minor, digits), digits)).toBe(minor);
      }),
    );
  });
});

describe("minorToDecimal", () => {
  it("pads the fraction to the currency's digits", () => {
    expect(minorToDecimal(5, 2)).toBe("0.05");
    expect(minorToDecimal(125000050, 2)).toBe("1250000.50");
    expect(minorToDecimal(7, 0)).toBe("7");
    expect(minorToDecimal(-150, 2)).toBe("-1.50");
  });
});
