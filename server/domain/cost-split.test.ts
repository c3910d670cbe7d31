import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyFunding,
  costShares,
  type FundingSource,
  MissingFigureError,
  SPLIT_RULES,
  type SplitParticipant,
  splitByWeights,
  weightsFor,
} from "./cost-split";

const asObject = (m: Map<string, number>) => Object.fromEntries(m);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

/** Distinct ids with integer weights; `maxWeight` up to MAX_SAFE_INTEGER (turnover). */
const weightsArb = (maxWeight = Number.MAX_SAFE_INTEGER, maxLength = 12) =>
  fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.integer({ min: 0, max: maxWeight }) }), {
    selector: (w) => w.id,
    minLength: 1,
    maxLength,
  });
const totalArb = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

/** The exact quota total * w / W as a floor and a flag "has a fraction", in BigInt. */
function quota(total: number, weight: number, sumWeights: bigint): { floor: number; exact: boolean } {
  const product = BigInt(total) * BigInt(weight);
  return { floor: Number(product / sumWeights), exact: product % sumWeights === 0n };
}

describe("splitByWeights", () => {
  it("splits 100.00 three ways as 33.34, 33.33, 33.33, the extra cent to the first id", () => {
    const shares = splitByWeights(10_000, [
      { id: "c", weight: 1 },
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
    ]);
    expect([...shares]).toEqual([
      ["a", 3334],
      ["b", 3333],
      ["c", 3333],
    ]);
  });

  it("gives leftover units to the largest remainders (Hamilton)", () => {
    // Quotas 1.5 / 3.25 / 5.25 of 10: floors 1+3+5 = 9, the one leftover unit goes to the .5.
    expect(
      asObject(
        splitByWeights(10, [
          { id: "a", weight: 6 },
          { id: "b", weight: 13 },
          { id: "c", weight: 21 },
        ]),
      ),
    ).toEqual({ a: 2, b: 3, c: 5 });
  });

  it("gives exact quotas exactly and nothing to a zero weight", () => {
    expect(
      asObject(
        splitByWeights(900, [
          { id: "a", weight: 1 },
          { id: "b", weight: 2 },
          { id: "z", weight: 0 },
        ]),
      ),
    ).toEqual({ a: 300, b: 600, z: 0 });
    expect(
      asObject(
        splitByWeights(1, [
          { id: "a", weight: 0 },
          { id: "b", weight: 5 },
        ]),
      ),
    ).toEqual({ a: 0, b: 1 });
  });

  it("splits by employees: 10, 20 and 70 staff share 1,000.01", () => {
    expect(
      asObject(
        splitByWeights(100_001, [
          { id: "small", weight: 10 },
          { id: "mid", weight: 20 },
          { id: "large", weight: 70 },
        ]),
      ),
    ).toEqual({ small: 10_000, mid: 20_000, large: 70_001 });
  });

  it("handles turnover-sized weights exactly, where float arithmetic would not", () => {
    const max = Number.MAX_SAFE_INTEGER;
    // total * w = 2^53 * (2^53 - 1) is far beyond 2^53: BigInt keeps it exact.
    const shares = splitByWeights(max, [
      { id: "a", weight: max },
      { id: "b", weight: max - 1 },
      { id: "c", weight: 1 },
    ]);
    // W = 2 * max: quotas are max/2 (a), (max-1)/2 exactly (b) and 1/2 (c). a and c tie on the
    // remainder for the one leftover unit; the id decides.
    expect([...shares]).toEqual([
      ["a", (max + 1) / 2],
      ["b", (max - 1) / 2],
      ["c", 0],
    ]);
  });

  it("splits nothing as zeros, even with all weights zero", () => {
    expect(
      asObject(
        splitByWeights(0, [
          { id: "b", weight: 0 },
          { id: "a", weight: 0 },
        ]),
      ),
    ).toEqual({ a: 0, b: 0 });
    expect(asObject(splitByWeights(0, [{ id: "a", weight: 3 }]))).toEqual({ a: 0 });
    expect(splitByWeights(0, []).size).toBe(0);
  });

  it("returns shares in id order, whatever the input order", () => {
    const shares = splitByWeights(10, [
      { id: "b", weight: 1 },
      { id: "a", weight: 1 },
      { id: "B", weight: 1 },
    ]);
    // Code-unit order: uppercase before lowercase, independent of locale.
    expect([...shares.keys()]).toEqual(["B", "a", "b"]);
    expect(shares.get("B")).toBe(4);
  });

  it("refuses what it cannot split honestly", () => {
    expect(() => splitByWeights(-1, [{ id: "a", weight: 1 }])).toThrow(RangeError);
    expect(() => splitByWeights(10.5, [{ id: "a", weight: 1 }])).toThrow(/total/);
    expect(() => splitByWeights(Number.MAX_SAFE_INTEGER + 1, [{ id: "a", weight: 1 }])).toThrow();
    expect(() => splitByWeights(Number.NaN, [{ id: "a", weight: 1 }])).toThrow();
    expect(() => splitByWeights(10, [{ id: "a", weight: -1 }])).toThrow(/weight of a/);
    expect(() => splitByWeights(10, [{ id: "a", weight: 0.5 }])).toThrow(/weight of a/);
    expect(() => splitByWeights(10, [{ id: "a", weight: Number.POSITIVE_INFINITY }])).toThrow();
    expect(() =>
      splitByWeights(10, [
        { id: "a", weight: 0 },
        { id: "b", weight: 0 },
      ]),
    ).toThrow(/zero/);
    expect(() => splitByWeights(10, [])).toThrow(/zero/);
    expect(() =>
      splitByWeights(10, [
        { id: "a", weight: 1 },
        { id: "a", weight: 2 },
      ]),
    ).toThrow(/duplicate/);
  });

  const positiveWeights = weightsArb().filter((ws) => ws.some((w) => w.weight > 0));

  it("shares always sum exactly to the total (property)", () => {
    fc.assert(
      fc.property(totalArb, positiveWeights, (total, weights) => {
        expect(sum(splitByWeights(total, weights).values())).toBe(total);
      }),
    );
  });

  it("each share is the floor or floor + 1 of its exact quota, exact quotas untouched (property)", () => {
    fc.assert(
      fc.property(totalArb, positiveWeights, (total, weights) => {
        const shares = splitByWeights(total, weights);
        const sumWeights = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
        for (const { id, weight } of weights) {
          const q = quota(total, weight, sumWeights);
          const share = shares.get(id)!;
          expect(Number.isSafeInteger(share)).toBe(true);
          if (q.exact) expect(share).toBe(q.floor);
          else expect([q.floor, q.floor + 1]).toContain(share);
        }
      }),
    );
  });

  it("does not depend on the order of the input (property)", () => {
    fc.assert(
      fc.property(
        totalArb,
        positiveWeights.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }))),
        (total, [weights, shuffled]) => {
          expect([...splitByWeights(total, shuffled)]).toEqual([...splitByWeights(total, weights)]);
        },
      ),
    );
  });

  it("never gives a bigger weight a smaller share, and equal weights differ by at most one (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weightsArb(50, 20), (total, weights) => {
        fc.pre(weights.some((w) => w.weight > 0));
        const shares = splitByWeights(total, weights);
        for (const a of weights) {
          for (const b of weights) {
            if (a.weight > b.weight) expect(shares.get(a.id)!).toBeGreaterThanOrEqual(shares.get(b.id)!);
            if (a.weight === b.weight) expect(Math.abs(shares.get(a.id)! - shares.get(b.id)!)).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe("weightsFor", () => {
  const firms: SplitParticipant[] = [
    { id: "f1", employees: 12, turnoverMinor: 150_000_000, customWeight: 3 },
    { id: "f2", employees: 40, turnoverMinor: 900_000_000, customWeight: 1 },
  ];

  it("lists the four rules", () => {
    expect(SPLIT_RULES).toEqual(["equal", "by_employees", "by_turnover", "custom"]);
  });

  it("reads the figure each rule names", () => {
    expect(weightsFor("equal", firms)).toEqual([
      { id: "f1", weight: 1 },
      { id: "f2", weight: 1 },
    ]);
    expect(weightsFor("by_employees", firms)).toEqual([
      { id: "f1", weight: 12 },
      { id: "f2", weight: 40 },
    ]);
    expect(weightsFor("by_turnover", firms)).toEqual([
      { id: "f1", weight: 150_000_000 },
      { id: "f2", weight: 900_000_000 },
    ]);
    expect(weightsFor("custom", firms)).toEqual([
      { id: "f1", weight: 3 },
      { id: "f2", weight: 1 },
    ]);
  });

  it("needs no figure for an equal split", () => {
    const blank = [{ id: "x", employees: null, turnoverMinor: null, customWeight: null }];
    expect(weightsFor("equal", blank)).toEqual([{ id: "x", weight: 1 }]);
  });

  it("names every member lacking the figure, in id order", () => {
    const members: SplitParticipant[] = [
      { id: "m3", employees: null, turnoverMinor: 5, customWeight: null },
      { id: "m1", employees: 4, turnoverMinor: null, customWeight: null },
      { id: "m2", employees: null, turnoverMinor: 7, customWeight: 2 },
    ];
    let caught: unknown;
    try {
      weightsFor("by_employees", members);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingFigureError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: "MissingFigureError", rule: "by_employees", ids: ["m2", "m3"] });
    expect(() => weightsFor("by_turnover", members)).toThrow(expect.objectContaining({ ids: ["m1"] }));
    expect(() => weightsFor("custom", members)).toThrow(expect.objectContaining({ ids: ["m1", "m3"] }));
  });

  it("keeps a zero figure as a zero weight (a firm with no staff pays nothing by headcount)", () => {
    expect(weightsFor("by_employees", [{ id: "a", employees: 0, turnoverMinor: null, customWeight: null }])).toEqual([
      { id: "a", weight: 0 },
    ]);
  });
});

describe("applyFunding", () => {
  it("leaves 5,000.00 to split of a 10,000.00 consultant with a 50% SEBRAE subsidy", () => {
    expect(applyFunding(1_000_000, [{ id: "s1", sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000 }])).toEqual({
      funded: [{ id: "s1", sponsor: "SEBRAE", amountMinor: 500_000 }],
      fundedTotal: 500_000,
      toSplit: 500_000,
    });
  });

  it("pays two thirds of a benchmarking club's costs (South African government) rounding down", () => {
    // 6,667 basis points of 1,000.01 = 666.706667 -> 666.70; members pay the rest.
    const result = applyFunding(100_001, [{ id: "g", sponsor: "DTI", kind: "percent", percentBasisPoints: 6667 }]);
    expect(result.fundedTotal).toBe(66_670);
    expect(result.toSplit).toBe(33_331);
  });

  it("adds fixed amounts and percentages in order", () => {
    const result = applyFunding(200_000, [
      { id: "a", sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 2500 },
      { id: "b", sponsor: "Association", kind: "fixed", amountMinor: 30_000 },
    ]);
    expect(result.funded).toEqual([
      { id: "a", sponsor: "SEBRAE", amountMinor: 50_000 },
      { id: "b", sponsor: "Association", amountMinor: 30_000 },
    ]);
    expect(result.toSplit).toBe(120_000);
  });

  it("caps funding at the budget by reducing the later sources", () => {
    const result = applyFunding(100_000, [
      { id: "a", sponsor: "A", kind: "fixed", amountMinor: 70_000 },
      { id: "b", sponsor: "B", kind: "percent", percentBasisPoints: 5000 },
      { id: "c", sponsor: "C", kind: "fixed", amountMinor: 1 },
    ]);
    expect(result.funded.map((f) => f.amountMinor)).toEqual([70_000, 30_000, 0]);
    expect(result.fundedTotal).toBe(100_000);
    expect(result.toSplit).toBe(0);
  });

  it("funds nothing without sources, and nothing of a zero budget", () => {
    expect(applyFunding(12_345, [])).toEqual({ funded: [], fundedTotal: 0, toSplit: 12_345 });
    expect(applyFunding(0, [{ id: "a", sponsor: "A", kind: "fixed", amountMinor: 10 }]).toSplit).toBe(0);
  });

  it("rejects malformed sources and budgets", () => {
    expect(() => applyFunding(-1, [])).toThrow(/budget/);
    expect(() => applyFunding(1.5, [])).toThrow(/budget/);
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "percent" }])).toThrow(/basis points/);
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "percent", percentBasisPoints: 12.5 }])).toThrow();
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "percent", percentBasisPoints: 10_001 }])).toThrow();
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "percent", percentBasisPoints: -1 }])).toThrow();
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "fixed" }])).toThrow(/amount/);
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "fixed", amountMinor: -5 }])).toThrow();
    expect(() => applyFunding(100, [{ id: "a", sponsor: "A", kind: "fixed", amountMinor: 0.5 }])).toThrow();
  });

  const sourceArb: fc.Arbitrary<FundingSource> = fc.oneof(
    fc.record({
      id: fc.string(),
      sponsor: fc.string(),
      kind: fc.constant("percent" as const),
      percentBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    }),
    fc.record({
      id: fc.string(),
      sponsor: fc.string(),
      kind: fc.constant("fixed" as const),
      amountMinor: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    }),
  );

  it("never funds more than the budget nor leaves a negative amount to split (property)", () => {
    fc.assert(
      fc.property(totalArb, fc.array(sourceArb, { maxLength: 6 }), (budget, sources) => {
        const result = applyFunding(budget, sources);
        expect(result.fundedTotal).toBe(sum(result.funded.map((f) => f.amountMinor)));
        expect(result.fundedTotal).toBeLessThanOrEqual(budget);
        expect(result.toSplit).toBe(budget - result.fundedTotal);
        expect(result.toSplit).toBeGreaterThanOrEqual(0);
        result.funded.forEach((f, i) => {
          expect(Number.isSafeInteger(f.amountMinor)).toBe(true);
          expect(f.amountMinor).toBeGreaterThanOrEqual(0);
          expect(f.id).toBe(sources[i].id);
          // A percentage never exceeds its exact share of the budget.
          const source = sources[i];
          if (source.kind === "percent") {
            expect(BigInt(f.amountMinor) * 10_000n).toBeLessThanOrEqual(BigInt(budget) * BigInt(source.percentBasisPoints!));
          }
        });
      }),
    );
  });
});

describe("costShares", () => {
  const members: SplitParticipant[] = [
    { id: "tannery-c", employees: 30, turnoverMinor: 300_000_000, customWeight: null },
    { id: "tannery-a", employees: 10, turnoverMinor: 100_000_000, customWeight: null },
    { id: "tannery-b", employees: 20, turnoverMinor: 200_000_000, customWeight: null },
  ];
  const sebrae: FundingSource[] = [{ id: "s", sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000 }];

  it("splits what is left after the subsidy, sorted by id", () => {
    expect(costShares(1_000_000, sebrae, "equal", members)).toEqual({
      funded: [{ id: "s", sponsor: "SEBRAE", amountMinor: 500_000 }],
      fundedTotal: 500_000,
      toSplit: 500_000,
      shares: [
        { id: "tannery-a", amountMinor: 166_667 },
        { id: "tannery-b", amountMinor: 166_667 },
        { id: "tannery-c", amountMinor: 166_666 },
      ],
    });
  });

  it("splits by employees and by turnover in proportion", () => {
    const byEmployees = costShares(600_000, [], "by_employees", members).shares;
    expect(byEmployees).toEqual([
      { id: "tannery-a", amountMinor: 100_000 },
      { id: "tannery-b", amountMinor: 200_000 },
      { id: "tannery-c", amountMinor: 300_000 },
    ]);
    expect(costShares(600_000, [], "by_turnover", members).shares).toEqual(byEmployees);
  });

  it("gives everyone zero when the subsidy covers the whole budget", () => {
    const full: FundingSource[] = [{ id: "g", sponsor: "Gov", kind: "percent", percentBasisPoints: 10_000 }];
    const result = costShares(500_000, full, "custom", [
      { id: "a", employees: null, turnoverMinor: null, customWeight: 0 },
      { id: "b", employees: null, turnoverMinor: null, customWeight: 0 },
    ]);
    expect(result.toSplit).toBe(0);
    expect(result.shares).toEqual([
      { id: "a", amountMinor: 0 },
      { id: "b", amountMinor: 0 },
    ]);
  });

  it("passes on a missing figure so the UI can name who lacks it", () => {
    expect(() => costShares(100, [], "custom", members)).toThrow(MissingFigureError);
  });

  it("charges members exactly the budget minus funding (property)", () => {
    const participantsArb = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 5 }),
        employees: fc.integer({ min: 1, max: 5_000 }),
        turnoverMinor: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        customWeight: fc.integer({ min: 1, max: 100 }),
      }),
      { selector: (p) => p.id, minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...SPLIT_RULES),
        participantsArb,
        (budget, basisPoints, rule, participants) => {
          const result = costShares(
            budget,
            [{ id: "s", sponsor: "S", kind: "percent", percentBasisPoints: basisPoints }],
            rule,
            participants,
          );
          expect(sum(result.shares.map((s) => s.amountMinor)) + result.fundedTotal).toBe(budget);
          expect(result.shares.map((s) => s.id)).toEqual(participants.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
    );
  });
});
