import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  discloseDistribution,
  discloseShareBp,
  discloseTotal,
  disclosureRule,
  DOMINANCE_LIMIT_BP,
  isDominated,
  MAX_CONTRIBUTORS_SETTING,
  mayRepublish,
  meetsThreshold,
  MIN_CONTRIBUTORS,
  quartileBand,
  REPUBLISH_MIN_NEW,
  TAILS_FROM,
} from "./disclosure";

const floor = disclosureRule();

describe("disclosureRule: a network may raise the threshold, never lower it", () => {
  it("defaults to five contributors", () => {
    expect(MIN_CONTRIBUTORS).toBe(5);
    expect(floor).toEqual({ minContributors: 5 });
    expect(disclosureRule(null)).toEqual({ minContributors: 5 });
  });
  it("keeps a raised threshold and refuses a lower one", () => {
    expect(disclosureRule(8).minContributors).toBe(8);
    expect(disclosureRule(3).minContributors).toBe(5);
    expect(disclosureRule(0).minContributors).toBe(5);
    expect(disclosureRule(-4).minContributors).toBe(5);
    expect(disclosureRule(1_000).minContributors).toBe(MAX_CONTRIBUTORS_SETTING);
  });
  it("meetsThreshold never accepts fewer than five, whatever rule it is handed", () => {
    expect(meetsThreshold(4, { minContributors: 2 })).toBe(false);
    expect(meetsThreshold(5, { minContributors: 2 })).toBe(true);
    expect(meetsThreshold(7, { minContributors: 8 })).toBe(false);
  });
});

describe("discloseDistribution: the count always, quartiles from five, tails from ten, never extremes", () => {
  it("below five: only the count", () => {
    for (let n = 0; n < 5; n++) {
      const values = Array.from({ length: n }, (_, i) => 10 * (i + 1));
      expect(discloseDistribution(values, floor)).toEqual({ n, quartiles: null, tails: null });
    }
  });
  it("on-time delivery 78, 87, 92, 95, 100: quartiles by type 7, no tails", () => {
    expect(discloseDistribution([100, 78, 95, 87, 92], floor)).toEqual({ n: 5, quartiles: { p25: 87, median: 92, p75: 95 }, tails: null });
  });
  it("ten values: p10 and p90 interpolated (h = 0.9 and 8.1)", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const result = discloseDistribution(values, floor);
    expect(result.quartiles).toEqual({ p25: 3.25, median: 5.5, p75: 7.75 });
    expect(result.tails?.p10).toBeCloseTo(1.9, 10);
    expect(result.tails?.p90).toBeCloseTo(9.1, 10);
    expect(result.tails?.spread).toBeCloseTo(7.2, 10);
  });
  it("a raised threshold holds the quartiles back, and the tails until both are met", () => {
    const seven = [1, 2, 3, 4, 5, 6, 7];
    expect(discloseDistribution(seven, disclosureRule(8)).quartiles).toBeNull();
    const eleven = Array.from({ length: 11 }, (_, i) => i);
    expect(discloseDistribution(eleven, disclosureRule(12))).toEqual({ n: 11, quartiles: null, tails: null });
  });
  it("refuses non-finite values", () => {
    expect(() => discloseDistribution([1, 2, 3, 4, Number.NaN], floor)).toThrow(RangeError);
  });
  it("property: what is shown never includes the minimum or maximum unless several firms share it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 0, maxLength: 30 }), (values) => {
        const result = discloseDistribution(values, floor);
        expect(result.n).toBe(values.length);
        if (values.length < MIN_CONTRIBUTORS) {
          expect(result.quartiles).toBeNull();
          return;
        }
        const sorted = [...values].sort((a, b) => a - b);
        const min = sorted[0];
        const max = sorted[sorted.length - 1];
        const shown = [result.quartiles!.p25, result.quartiles!.median, result.quartiles!.p75, result.tails?.p10, result.tails?.p90].filter(
          (v): v is number => v !== undefined,
        );
        // An extreme can appear only when at least two firms hold it (then it names nobody).
        for (const v of shown) {
          if (v === min) expect(sorted.filter((x) => x === min).length).toBeGreaterThanOrEqual(2);
          if (v === max) expect(sorted.filter((x) => x === max).length).toBeGreaterThanOrEqual(2);
        }
        expect(result.tails === null).toBe(values.length < TAILS_FROM);
      }),
    );
  });
  it("property: ordered (p10 <= p25 <= median <= p75 <= p90) and order-independent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 5, maxLength: 40 }),
        (values) => {
          const a = discloseDistribution(values, floor);
          const b = discloseDistribution([...values].reverse(), floor);
          expect(a).toEqual(b);
          const q = a.quartiles!;
          expect(q.p25).toBeLessThanOrEqual(q.median);
          expect(q.median).toBeLessThanOrEqual(q.p75);
          if (a.tails) {
            expect(a.tails.p10).toBeLessThanOrEqual(q.p25);
            expect(q.p75).toBeLessThanOrEqual(a.tails.p90);
          }
        },
      ),
    );
  });
});

describe("quartileBand", () => {
  const q = { p25: 87, median: 92, p75: 95 };
  it("higher is better: 1 at or above p75, 4 below p25", () => {
    expect(quartileBand(100, q, "higher")).toBe(1);
    expect(quartileBand(95, q, "higher")).toBe(1);
    expect(quartileBand(93, q, "higher")).toBe(2);
    expect(quartileBand(92, q, "higher")).toBe(2);
    expect(quartileBand(87, q, "higher")).toBe(3);
    expect(quartileBand(80, q, "higher")).toBe(4);
  });
  it("lower is better: 1 at or below p25, 4 above p75", () => {
    expect(quartileBand(80, q, "lower")).toBe(1);
    expect(quartileBand(87, q, "lower")).toBe(1);
    expect(quartileBand(90, q, "lower")).toBe(2);
    expect(quartileBand(95, q, "lower")).toBe(3);
    expect(quartileBand(96, q, "lower")).toBe(4);
  });
  it("property: a better value never lands in a worse band", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 20 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, a, b) => {
          const quartiles = discloseDistribution(values, floor).quartiles!;
          const [better, worse] = a >= b ? [a, b] : [b, a];
          expect(quartileBand(better, quartiles, "higher")).toBeLessThanOrEqual(quartileBand(worse, quartiles, "higher"));
          expect(quartileBand(worse, quartiles, "lower")).toBeLessThanOrEqual(quartileBand(better, quartiles, "lower"));
        },
      ),
    );
  });
});

describe("discloseTotal: threshold and dominance for sums of other firms' figures", () => {
  it("withholds below five contributors, with the count", () => {
    expect(discloseTotal([100, 100, 100, 100], floor)).toEqual({ contributors: 4, total: null, withheld: "too_few" });
  });
  it("publishes a total no firm dominates", () => {
    expect(discloseTotal([100, 200, 300, 400, 500], floor)).toEqual({ contributors: 5, total: 1_500, withheld: null });
  });
  it("withholds when one firm makes up more than 85% (exactly 85% passes)", () => {
    // 85 of 100 is exactly the limit: published.
    expect(discloseTotal([85, 5, 4, 3, 3], floor).withheld).toBeNull();
    // 86 of 100: dominated.
    expect(discloseTotal([86, 5, 4, 3, 2], floor)).toEqual({ contributors: 5, total: null, withheld: "dominated" });
    expect(DOMINANCE_LIMIT_BP).toBe(8500);
  });
  it("a total of zero is dominated by nobody", () => {
    expect(isDominated([0, 0, 0, 0, 0])).toBe(false);
  });
  it("property: a published total is never more than 85% one firm's, and equals the sum", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 0, maxLength: 15 }), (contributions) => {
        const result = discloseTotal(contributions, floor);
        expect(result.contributors).toBe(contributions.length);
        if (result.total === null) return;
        const sum = contributions.reduce((s, c) => s + c, 0);
        expect(result.total).toBe(sum);
        expect(contributions.length).toBeGreaterThanOrEqual(MIN_CONTRIBUTORS);
        for (const c of contributions) expect(c * 10_000).toBeLessThanOrEqual(sum * DOMINANCE_LIMIT_BP);
      }),
    );
  });
  it("discloseShareBp: a share only of a published part", () => {
    expect(discloseShareBp(discloseTotal([100, 100, 100, 100, 100], floor), 2_000)).toBe(2_500);
    expect(discloseShareBp(discloseTotal([100, 100], floor), 2_000)).toBeNull();
    expect(discloseShareBp(discloseTotal([100, 100, 100, 100, 100], floor), 0)).toBeNull();
  });
});

describe("mayRepublish: no differencing between publications", () => {
  it("needs at least three contributors new to the published snapshot (a newcomer knows its own figure)", () => {
    const published = ["a", "b", "c", "d", "e"];
    expect(REPUBLISH_MIN_NEW).toBe(3);
    expect(mayRepublish(published, [...published, "f"])).toBe(false);
    expect(mayRepublish(published, [...published, "f", "g"])).toBe(false);
    expect(mayRepublish(published, [...published, "f", "g", "h"])).toBe(true);
    expect(mayRepublish(published, published)).toBe(false);
    // Someone leaving and one arriving is still one new figure.
    expect(mayRepublish(published, ["a", "b", "c", "d", "f"])).toBe(false);
    // Duplicates count once.
    expect(mayRepublish(published, [...published, "f", "f", "g"])).toBe(false);
  });
});
