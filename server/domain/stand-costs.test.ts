import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosureRule } from "./disclosure";
import {
  discloseStandTotals,
  eligibleForSubsidy,
  type StandCostLine,
  type StandCostsInput,
  type StandExhibitor,
  type StandSubsidyRule,
  standCosts,
} from "./stand-costs";

const SMALL_FIRMS_HALF: StandSubsidyRule = { id: "sebrae", sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000, maxEmployees: 99 };

const byId = (result: ReturnType<typeof standCosts>) =>
  Object.fromEntries(result.lines.map((l) => [l.id, { gross: l.grossMinor, subsidy: l.subsidyMinor, net: l.netMinor }]));

describe("standCosts: hand-checked cases", () => {
  it("the issue's stand: 40 m2, 20,000.00, 50% for small firms, 12/8/20 m2", () => {
    const result = standCosts({
      totalCostMinor: 2_000_000,
      rule: "by_area",
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "b", areaDm2: 800, employees: 12 },
        { id: "c", areaDm2: 2000, employees: 60 },
      ],
      subsidies: [SMALL_FIRMS_HALF],
    });
    expect(byId(result)).toEqual({
      a: { gross: 600_000, subsidy: 300_000, net: 300_000 },
      b: { gross: 400_000, subsidy: 200_000, net: 200_000 },
      c: { gross: 1_000_000, subsidy: 500_000, net: 500_000 },
    });
    expect(result.totals).toEqual({ grossMinor: 2_000_000, subsidyMinor: 1_000_000, netMinor: 1_000_000 });
    expect(result.bySubsidy).toEqual([
      { subsidyId: "sebrae", sponsor: "SEBRAE", amountMinor: 1_000_000, unusedMinor: 0, eligibleCount: 3 },
    ]);
    expect(result.lines[0]).toMatchObject({ eligible: ["sebrae"], subsidies: [{ subsidyId: "sebrae", amountMinor: 300_000 }] });
    expect(result.feeCoverage).toBeUndefined();
    expect(result.uncoveredMinor).toBe(0);
  });

  it("a large firm is not eligible for the small-firm subsidy, nor is one with unknown staff", () => {
    const result = standCosts({
      totalCostMinor: 2_000_000,
      rule: "by_area",
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "big", areaDm2: 800, employees: 450 },
        { id: "unknown", areaDm2: 2000, employees: null },
      ],
      subsidies: [SMALL_FIRMS_HALF],
    });
    expect(byId(result)).toEqual({
      a: { gross: 600_000, subsidy: 300_000, net: 300_000 },
      big: { gross: 400_000, subsidy: 0, net: 400_000 },
      unknown: { gross: 1_000_000, subsidy: 0, net: 1_000_000 },
    });
    expect(result.lines.map((l) => l.eligible)).toEqual([["sebrae"], [], []]);
    expect(result.lines[1].subsidies).toEqual([]);
    expect(result.bySubsidy[0]).toMatchObject({ amountMinor: 300_000, eligibleCount: 1 });
  });

  it("equal split of 1,000.00 among three: the odd cent goes to the first id", () => {
    const result = standCosts({
      totalCostMinor: 100_000,
      rule: "equal",
      exhibitors: [
        { id: "c", areaDm2: 900, employees: 5 },
        { id: "a", areaDm2: 100, employees: 5 },
        { id: "b", areaDm2: 500, employees: 5 },
      ],
      subsidies: [],
    });
    expect(result.lines.map((l) => [l.id, l.grossMinor])).toEqual([
      ["a", 33_334],
      ["b", 33_333],
      ["c", 33_333],
    ]);
    expect(result.totals).toEqual({ grossMinor: 100_000, subsidyMinor: 0, netMinor: 100_000 });
  });

  it("a percent subsidy's total is exact even when the shares are not: 50% of 100.00 over 33.34/33.33/33.33", () => {
    const result = standCosts({
      totalCostMinor: 10_000,
      rule: "equal",
      exhibitors: ["a", "b", "c"].map((id) => ({ id, areaDm2: 100, employees: 5 })),
      subsidies: [SMALL_FIRMS_HALF],
    });
    // Pool = 50.00; quotas 16.67, 16.665, 16.665: floors 16.67+16.66+16.66, the last cent to b (tie, id).
    expect(byId(result)).toEqual({
      a: { gross: 3334, subsidy: 1667, net: 1667 },
      b: { gross: 3333, subsidy: 1667, net: 1666 },
      c: { gross: 3333, subsidy: 1666, net: 1667 },
    });
    expect(result.totals.subsidyMinor).toBe(5000);
  });

  it("fee plus area: 500.00 each, the remaining 18,500.00 by area", () => {
    const result = standCosts({
      totalCostMinor: 2_000_000,
      rule: "fee_plus_area",
      fixedFeeMinor: 50_000,
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "b", areaDm2: 800, employees: 12 },
        { id: "c", areaDm2: 2000, employees: 60 },
      ],
      subsidies: [],
    });
    // 1,850,000 × 12/40 = 555,000; × 8/40 = 370,000; × 20/40 = 925,000.
    expect(result.lines.map((l) => l.grossMinor)).toEqual([605_000, 420_000, 975_000]);
    expect(result.feeCoverage).toEqual({ feeMinor: 50_000, feesTotalMinor: 150_000, restByAreaMinor: 1_850_000, fallback: null });
  });

  it("fee plus area when the fees exceed the total: everyone pays the same, less than the fee", () => {
    const result = standCosts({
      totalCostMinor: 100_000,
      rule: "fee_plus_area",
      fixedFeeMinor: 40_000,
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "b", areaDm2: 800, employees: 12 },
        { id: "c", areaDm2: 2000, employees: 60 },
      ],
      subsidies: [],
    });
    expect(result.lines.map((l) => l.grossMinor)).toEqual([33_334, 33_333, 33_333]);
    expect(result.feeCoverage).toEqual({ feeMinor: 40_000, feesTotalMinor: 0, restByAreaMinor: 0, fallback: "equal" });
    expect(result.totals.grossMinor).toBe(100_000);
  });

  it("fee plus area when the fees are exactly the total: the fee each, nothing by area", () => {
    const result = standCosts({
      totalCostMinor: 90_000,
      rule: "fee_plus_area",
      fixedFeeMinor: 30_000,
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "b", areaDm2: 800, employees: 12 },
        { id: "c", areaDm2: 2000, employees: 60 },
      ],
      subsidies: [],
    });
    expect(result.lines.map((l) => l.grossMinor)).toEqual([30_000, 30_000, 30_000]);
    expect(result.feeCoverage?.fallback).toBeNull();
  });

  it("fee plus area without a fee is by area", () => {
    const input = {
      totalCostMinor: 1_000,
      exhibitors: [
        { id: "a", areaDm2: 300, employees: 1 },
        { id: "b", areaDm2: 700, employees: 1 },
      ],
      subsidies: [],
    };
    expect(standCosts({ ...input, rule: "fee_plus_area", fixedFeeMinor: null }).lines).toEqual(
      standCosts({ ...input, rule: "by_area" }).lines,
    );
  });

  it("a per-firm cap limits a percent subsidy; the excess is not given to others", () => {
    const result = standCosts({
      totalCostMinor: 2_000_000,
      rule: "by_area",
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 30 },
        { id: "b", areaDm2: 800, employees: 12 },
        { id: "c", areaDm2: 2000, employees: 60 },
      ],
      subsidies: [{ ...SMALL_FIRMS_HALF, capPerFirmMinor: 250_000 }],
    });
    expect(byId(result)).toEqual({
      a: { gross: 600_000, subsidy: 250_000, net: 350_000 },
      b: { gross: 400_000, subsidy: 200_000, net: 200_000 },
      c: { gross: 1_000_000, subsidy: 250_000, net: 750_000 },
    });
    expect(result.bySubsidy[0].amountMinor).toBe(700_000);
  });

  it("a fixed subsidy is spread by gross; a capped firm's excess goes to the others", () => {
    const exhibitors: StandExhibitor[] = [
      { id: "a", areaDm2: 1200, employees: 30 },
      { id: "b", areaDm2: 800, employees: 12 },
      { id: "c", areaDm2: 2000, employees: 60 },
    ];
    const plain = standCosts({
      totalCostMinor: 2_000_000,
      rule: "by_area",
      exhibitors,
      subsidies: [{ id: "city", sponsor: "City", kind: "fixed", amountMinor: 300_000 }],
    });
    // 3,000.00 over gross 6/4/10: 900.00, 600.00, 1,500.00.
    expect(plain.lines.map((l) => l.subsidyMinor)).toEqual([90_000, 60_000, 150_000]);

    const capped = standCosts({
      totalCostMinor: 2_000_000,
      rule: "by_area",
      exhibitors,
      subsidies: [{ id: "city", sponsor: "City", kind: "fixed", amountMinor: 300_000, capPerFirmMinor: 130_000 }],
    });
    // c is capped at 1,300.00; the other 1,700.00 go to a and b as 6:4.
    expect(capped.lines.map((l) => l.subsidyMinor)).toEqual([102_000, 68_000, 130_000]);
    expect(capped.bySubsidy[0]).toMatchObject({ amountMinor: 300_000, unusedMinor: 0 });
  });

  it("a fixed subsidy nobody can fully take leaves the rest unused", () => {
    const result = standCosts({
      totalCostMinor: 100_000,
      rule: "by_area",
      exhibitors: [
        { id: "a", areaDm2: 100, employees: 3 },
        { id: "b", areaDm2: 300, employees: 3 },
      ],
      subsidies: [{ id: "x", sponsor: "X", kind: "fixed", amountMinor: 80_000, capPerFirmMinor: 30_000 }],
    });
    expect(byId(result)).toEqual({
      a: { gross: 25_000, subsidy: 25_000, net: 0 },
      b: { gross: 75_000, subsidy: 30_000, net: 45_000 },
    });
    expect(result.bySubsidy[0]).toMatchObject({ amountMinor: 55_000, unusedMinor: 25_000 });
  });

  it("subsidies apply in order and never push a net below zero", () => {
    const result = standCosts({
      totalCostMinor: 100_000,
      rule: "equal",
      exhibitors: [
        { id: "a", areaDm2: 100, employees: 3 },
        { id: "b", areaDm2: 100, employees: 300 },
      ],
      subsidies: [
        { id: "p", sponsor: "P", kind: "percent", percentBasisPoints: 8000, maxEmployees: 10 },
        { id: "q", sponsor: "Q", kind: "percent", percentBasisPoints: 5000 },
      ],
    });
    expect(result.lines[0].subsidies).toEqual([
      { subsidyId: "p", amountMinor: 40_000 },
      { subsidyId: "q", amountMinor: 10_000 },
    ]);
    expect(result.lines[0].netMinor).toBe(0);
    expect(result.lines[1].subsidies).toEqual([{ subsidyId: "q", amountMinor: 25_000 }]);
    expect(result.lines[1].eligible).toEqual(["q"]);
  });

  it("a stand without exhibitors: nothing carried, the total uncovered", () => {
    const result = standCosts({ totalCostMinor: 5_000, rule: "by_area", exhibitors: [], subsidies: [SMALL_FIRMS_HALF] });
    expect(result.lines).toEqual([]);
    expect(result.totals).toEqual({ grossMinor: 0, subsidyMinor: 0, netMinor: 0 });
    expect(result.uncoveredMinor).toBe(5_000);
    expect(result.bySubsidy[0]).toMatchObject({ amountMinor: 0, eligibleCount: 0 });
  });

  it("when one more firm takes space, the others' shares go down", () => {
    const base = { totalCostMinor: 2_000_000, rule: "by_area" as const, subsidies: [] };
    const two = standCosts({
      ...base,
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 1 },
        { id: "b", areaDm2: 800, employees: 1 },
      ],
    });
    const three = standCosts({
      ...base,
      exhibitors: [
        { id: "a", areaDm2: 1200, employees: 1 },
        { id: "b", areaDm2: 800, employees: 1 },
        { id: "c", areaDm2: 2000, employees: 1 },
      ],
    });
    expect(two.lines.map((l) => l.grossMinor)).toEqual([1_200_000, 800_000]);
    expect(three.lines.map((l) => l.grossMinor).slice(0, 2)).toEqual([600_000, 400_000]);
  });

  it("refuses inputs it cannot split honestly", () => {
    const ok: StandCostsInput = {
      totalCostMinor: 100,
      rule: "by_area",
      exhibitors: [{ id: "a", areaDm2: 1, employees: 1 }],
      subsidies: [],
    };
    expect(() => standCosts({ ...ok, totalCostMinor: -1 })).toThrow(RangeError);
    expect(() => standCosts({ ...ok, totalCostMinor: 1.5 })).toThrow(/total/);
    expect(() => standCosts({ ...ok, exhibitors: [{ id: "a", areaDm2: 0, employees: 1 }] })).toThrow(/area/);
    expect(() => standCosts({ ...ok, exhibitors: [ok.exhibitors[0], ok.exhibitors[0]] })).toThrow(/duplicate/);
    expect(() => standCosts({ ...ok, fixedFeeMinor: -5, rule: "fee_plus_area" })).toThrow(/fee/);
    expect(() => standCosts({ ...ok, subsidies: [{ id: "s", sponsor: "S", kind: "percent", percentBasisPoints: 10_001 }] })).toThrow(
      /basis/,
    );
    expect(() => standCosts({ ...ok, subsidies: [{ id: "s", sponsor: "S", kind: "fixed" }] })).toThrow(/amount/);
    expect(() => standCosts({ ...ok, subsidies: [{ id: "s", sponsor: "S", kind: "fixed", amountMinor: 1, capPerFirmMinor: -1 }] })).toThrow(
      /cap/,
    );
  });

  it("eligibility: no rule means everyone; a size rule needs a known, small enough headcount", () => {
    expect(eligibleForSubsidy({ maxEmployees: null }, { employees: null })).toBe(true);
    expect(eligibleForSubsidy({}, { employees: 5000 })).toBe(true);
    expect(eligibleForSubsidy({ maxEmployees: 99 }, { employees: 99 })).toBe(true);
    expect(eligibleForSubsidy({ maxEmployees: 99 }, { employees: 100 })).toBe(false);
    expect(eligibleForSubsidy({ maxEmployees: 99 }, { employees: null })).toBe(false);
  });
});

const exhibitorsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    areaDm2: fc.integer({ min: 1, max: 100_000 }),
    employees: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
  }),
  { selector: (e) => e.id, minLength: 1, maxLength: 10 },
);

const subsidyArb: fc.Arbitrary<StandSubsidyRule> = fc.oneof(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    sponsor: fc.constant("S"),
    kind: fc.constant("percent" as const),
    percentBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    capPerFirmMinor: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
    maxEmployees: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
  }),
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    sponsor: fc.constant("S"),
    kind: fc.constant("fixed" as const),
    amountMinor: fc.integer({ min: 0, max: 50_000_000 }),
    capPerFirmMinor: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
    maxEmployees: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
  }),
);

const inputArb: fc.Arbitrary<StandCostsInput> = fc.record({
  totalCostMinor: fc.integer({ min: 0, max: 100_000_000_000 }),
  rule: fc.constantFrom("by_area" as const, "equal" as const, "fee_plus_area" as const),
  fixedFeeMinor: fc.option(fc.integer({ min: 0, max: 20_000_000_000 }), { nil: null }),
  exhibitors: exhibitorsArb,
  subsidies: fc.uniqueArray(subsidyArb, { selector: (s) => s.id, maxLength: 4 }),
});

describe("standCosts: invariants (property)", () => {
  it("gross sums to the total; net = gross − subsidies per line; totals reconcile; nothing negative", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = standCosts(input);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(result.lines.map((l) => l.grossMinor))).toBe(input.totalCostMinor);
        for (const line of result.lines) {
          expect(line.subsidyMinor).toBe(sum(line.subsidies.map((s) => s.amountMinor)));
          expect(line.netMinor).toBe(line.grossMinor - line.subsidyMinor);
          expect(line.netMinor).toBeGreaterThanOrEqual(0);
          for (const s of line.subsidies) expect(s.amountMinor).toBeGreaterThanOrEqual(0);
        }
        expect(result.totals.grossMinor).toBe(input.totalCostMinor);
        expect(result.totals.subsidyMinor).toBe(sum(result.lines.map((l) => l.subsidyMinor)));
        expect(result.totals.netMinor).toBe(result.totals.grossMinor - result.totals.subsidyMinor);
        expect(result.totals.subsidyMinor).toBe(sum(result.bySubsidy.map((s) => s.amountMinor)));
      }),
    );
  });

  it("caps, eligibility and sponsor amounts are respected", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = standCosts(input);
        input.subsidies.forEach((subsidy, index) => {
          const total = result.bySubsidy[index];
          expect(total.subsidyId).toBe(subsidy.id);
          let eligibleGross = 0;
          for (const line of result.lines) {
            const exhibitor = input.exhibitors.find((e) => e.id === line.id)!;
            const entry = line.subsidies.find((s) => s.subsidyId === subsidy.id);
            expect(line.eligible.includes(subsidy.id)).toBe(eligibleForSubsidy(subsidy, exhibitor));
            expect(entry !== undefined).toBe(eligibleForSubsidy(subsidy, exhibitor));
            if (!entry) continue;
            eligibleGross += line.grossMinor;
            if (subsidy.capPerFirmMinor != null) expect(entry.amountMinor).toBeLessThanOrEqual(subsidy.capPerFirmMinor);
            if (subsidy.kind === "percent") {
              // Within one minor unit of the firm's exact percent, never above it rounded up.
              expect(entry.amountMinor).toBeLessThanOrEqual(Math.ceil((line.grossMinor * subsidy.percentBasisPoints!) / 10_000));
            }
          }
          if (subsidy.kind === "fixed") {
            expect(total.amountMinor + total.unusedMinor).toBe(subsidy.amountMinor);
          } else {
            expect(total.unusedMinor).toBe(0);
            expect(total.amountMinor).toBeLessThanOrEqual(Math.floor((eligibleGross * subsidy.percentBasisPoints!) / 10_000) + 1);
          }
        });
      }),
    );
  });

  it("an uncapped percent subsidy pays exactly floor(percent × eligible gross) when it is the first", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 10_000 }), (input, bp) => {
        const result = standCosts({ ...input, subsidies: [{ id: "p", sponsor: "P", kind: "percent", percentBasisPoints: bp }] });
        const expected = (BigInt(input.totalCostMinor) * BigInt(bp)) / 10_000n;
        expect(result.bySubsidy[0].amountMinor).toBe(Number(expected));
      }),
    );
  });

  it("a fixed subsidy is left unused only when every eligible firm is at its limit", () => {
    fc.assert(
      fc.property(inputArb, subsidyArb, (input, subsidy) => {
        fc.pre(subsidy.kind === "fixed");
        const result = standCosts({ ...input, subsidies: [subsidy] });
        const room = result.lines
          .filter((l) => l.eligible.length > 0)
          .reduce((sum, l) => sum + Math.min(subsidy.capPerFirmMinor ?? Number.MAX_SAFE_INTEGER, l.grossMinor), 0);
        expect(result.bySubsidy[0].unusedMinor).toBe(Math.max(0, subsidy.amountMinor! - room));
      }),
    );
  });

  it("does not depend on the order of the exhibitors", () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.exhibitors, { minLength: input.exhibitors.length, maxLength: input.exhibitors.length }),
          ),
        ),
        ([input, shuffled]) => {
          expect(standCosts({ ...input, exhibitors: shuffled })).toEqual(standCosts(input));
        },
      ),
    );
  });

  it("by area: a bigger area never pays a smaller gross share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), exhibitorsArb, (total, exhibitors) => {
        const result = standCosts({ totalCostMinor: total, rule: "by_area", exhibitors, subsidies: [] });
        for (const a of result.lines) {
          for (const b of result.lines) {
            if (a.areaDm2 > b.areaDm2) expect(a.grossMinor).toBeGreaterThanOrEqual(b.grossMinor);
          }
        }
      }),
    );
  });
});

describe("discloseStandTotals: what a reader who sees only its own line may learn", () => {
  const rule = disclosureRule(5);
  const stand = (exhibitors: StandExhibitor[], subsidies: StandSubsidyRule[] = [SMALL_FIRMS_HALF]) =>
    standCosts({ totalCostMinor: 2_000_000, rule: "by_area", exhibitors, subsidies }).lines;
  const even = (n: number, employees: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => ({ id: `f${i}`, areaDm2: 600 + 100 * i, employees: employees(i) }));

  it("withholds the totals below the threshold (the count is public anyway), and with the network's raised threshold", () => {
    for (let n = 0; n < 5; n++)
      expect(discloseStandTotals(stand(even(n, () => 10)), "f0", rule)).toEqual({ totals: null, withheld: "too_few" });
    expect(discloseStandTotals(stand(even(5, () => 10)), "f0", rule).withheld).toBeNull();
    expect(discloseStandTotals(stand(even(5, () => 10)), "f0", disclosureRule(6))).toEqual({ totals: null, withheld: "too_few" });
  });

  it("withholds them when the only other subsidised firm would be the subsidy total minus the reader's own", () => {
    // f0 and f1 are small (half subsidised); f2..f4 are not: subsidy total - f0's own = f1's subsidy.
    const lines = stand(even(5, (i) => (i < 2 ? 10 : 500)));
    expect(discloseStandTotals(lines, "f0", rule)).toEqual({ totals: null, withheld: "dominated" });
    expect(discloseStandTotals(lines, "f1", rule)).toEqual({ totals: null, withheld: "dominated" });
    // A large firm reading: what is left is two small firms' subsidies, neither above 85% of it.
    expect(discloseStandTotals(lines, "f3", rule).withheld).toBeNull();
  });

  it("withholds them when one firm holds so much area that its cost is nearly the total", () => {
    const lines = stand([{ id: "big", areaDm2: 5000, employees: 10 }, ...even(4, () => 10).map((e) => ({ ...e, areaDm2: 200 }))]);
    expect(discloseStandTotals(lines, "f0", rule)).toEqual({ totals: null, withheld: "dominated" });
    expect(discloseStandTotals(lines, null, rule)).toEqual({ totals: null, withheld: "dominated" });
  });

  it("adversary: from its own line and every disclosed total, no reader attributes another named firm's subsidy or net (seeded random stands of 1 to 12 firms)", () => {
    // The attacker knows its own line, the public count and total cost, and the disclosed
    // totals. Its best single-firm estimate of any other firm's figure is what is left of a
    // total after its own line; it wins when that is within 15% of one named firm's true figure
    // (with one other firm, or one other firm carrying nearly all of it). Gross shares are not
    // attacked: they follow from the public plan, rule and total cost by design (ADR 010).
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ area: fc.integer({ min: 100, max: 5000 }), employees: fc.option(fc.integer({ min: 1, max: 400 })) }), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.array(
          fc.record({
            kind: fc.constantFrom("percent" as const, "fixed" as const),
            bp: fc.integer({ min: 0, max: 10_000 }),
            amount: fc.integer({ min: 0, max: 3_000_000 }),
            cap: fc.option(fc.integer({ min: 0, max: 500_000 })),
            maxEmployees: fc.option(fc.integer({ min: 1, max: 400 })),
          }),
          { maxLength: 3 },
        ),
        fc.integer({ min: 5, max: 7 }),
        (n, firms, rules, threshold) => {
          const exhibitors = firms
            .slice(0, n)
            .map((f, i) => ({ id: `f${String(i).padStart(2, "0")}`, areaDm2: f.area, employees: f.employees }));
          const subsidies: StandSubsidyRule[] = rules.map((r, i) => ({
            id: `s${i}`,
            sponsor: `S${i}`,
            kind: r.kind,
            percentBasisPoints: r.kind === "percent" ? r.bp : undefined,
            amountMinor: r.kind === "fixed" ? r.amount : undefined,
            capPerFirmMinor: r.cap,
            maxEmployees: r.maxEmployees,
          }));
          const { lines } = standCosts({ totalCostMinor: 2_000_000, rule: "by_area", exhibitors, subsidies });
          for (const reader of [...lines.map((l) => l.id), null]) {
            const seen = discloseStandTotals(lines, reader, disclosureRule(threshold));
            if (seen.totals === null) continue;
            expect(lines.length).toBeGreaterThanOrEqual(threshold);
            const own = lines.find((l) => l.id === reader);
            const others = lines.filter((l) => l.id !== reader);
            for (const [total, figure] of [
              [seen.totals.subsidyMinor, (l: StandCostLine) => l.subsidyMinor],
              [seen.totals.netMinor, (l: StandCostLine) => l.netMinor],
              // Gross minus net is the subsidy total; the attacker tries it too.
              [seen.totals.grossMinor - seen.totals.netMinor, (l: StandCostLine) => l.subsidyMinor],
            ] as const) {
              const left = total - (own ? figure(own) : 0);
              for (const victim of others) {
                const value = figure(victim);
                if (value === 0) continue;
                expect(Math.abs(left - value) > 0.15 * value, `reader ${reader} attributes ${left} to ${victim.id}`).toBe(true);
              }
            }
          }
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });
});
