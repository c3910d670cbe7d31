import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costOf, crossedBreak, poolSummary, type PriceBreak, priceAt, validateBreaks } from "./price-breaks";

/** A finished-leather quote: list price 45.00/m2, cheaper from 500 and from 2,000 m2. */
const leather: PriceBreak[] = [
  { minQuantity: 1, unitPriceMinor: 4500 },
  { minQuantity: 500, unitPriceMinor: 4000 },
  { minQuantity: 2000, unitPriceMinor: 3600 },
];

/** Any valid quote: starts at 1, quantities rise and prices fall strictly. */
const breaksArb: fc.Arbitrary<PriceBreak[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 2, max: 100_000 }), { maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([upper, prices]) => {
    const quantities = [1, ...upper.sort((a, b) => a - b)];
    const descending = prices.sort((a, b) => b - a);
    return quantities.map((minQuantity, i) => ({ minQuantity, unitPriceMinor: descending[i] }));
  });

const commitmentsArb = fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 5 }), quantity: fc.integer({ min: 0, max: 5_000 }) }),
  { selector: (c) => c.id, maxLength: 12 },
);

const codes = (breaks: PriceBreak[]) => validateBreaks(breaks).map((p) => [p.code, p.index]);

describe("validateBreaks", () => {
  it("accepts a well-formed quote", () => {
    expect(validateBreaks(leather)).toEqual([]);
    expect(validateBreaks([{ minQuantity: 1, unitPriceMinor: 1 }])).toEqual([]);
  });

  it("needs at least one break", () => {
    expect(codes([])).toEqual([["no_breaks", undefined]]);
  });

  it("needs the lowest break to start at 1, so every quantity has a price", () => {
    expect(codes([{ minQuantity: 10, unitPriceMinor: 500 }])).toEqual([["lowest_not_one", 0]]);
  });

  it("needs quantities strictly increasing", () => {
    expect(
      codes([
        { minQuantity: 1, unitPriceMinor: 500 },
        { minQuantity: 100, unitPriceMinor: 400 },
        { minQuantity: 100, unitPriceMinor: 300 },
      ]),
    ).toEqual([["quantity_not_increasing", 2]]);
    expect(
      codes([
        { minQuantity: 1, unitPriceMinor: 500 },
        { minQuantity: 100, unitPriceMinor: 400 },
        { minQuantity: 50, unitPriceMinor: 300 },
      ]),
    ).toEqual([["quantity_not_increasing", 2]]);
  });

  it("needs a higher break to be strictly cheaper", () => {
    expect(
      codes([
        { minQuantity: 1, unitPriceMinor: 500 },
        { minQuantity: 100, unitPriceMinor: 500 },
      ]),
    ).toEqual([["price_not_decreasing", 1]]);
    expect(
      codes([
        { minQuantity: 1, unitPriceMinor: 500 },
        { minQuantity: 100, unitPriceMinor: 600 },
      ]),
    ).toEqual([["price_not_decreasing", 1]]);
  });

  it("needs whole numbers above zero", () => {
    expect(codes([{ minQuantity: 1, unitPriceMinor: 0 }])).toEqual([["not_positive_integer", 0]]);
    expect(codes([{ minQuantity: 1, unitPriceMinor: 12.5 }])).toEqual([["not_positive_integer", 0]]);
    expect(codes([{ minQuantity: 1, unitPriceMinor: Number.NaN }])).toContainEqual(["not_positive_integer", 0]);
    expect(
      codes([
        { minQuantity: 1, unitPriceMinor: 500 },
        { minQuantity: 2.5, unitPriceMinor: 400 },
      ]),
    ).toEqual([["not_positive_integer", 1]]);
    expect(codes([{ minQuantity: 0, unitPriceMinor: 500 }])).toEqual([
      ["not_positive_integer", 0],
      ["lowest_not_one", 0],
    ]);
  });

  it("reports every problem at once, each with a message", () => {
    const problems = validateBreaks([
      { minQuantity: 5, unitPriceMinor: 100 },
      { minQuantity: 3, unitPriceMinor: 200 },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["lowest_not_one", "quantity_not_increasing", "price_not_decreasing"]);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  });

  it("accepts every generated valid quote (property)", () => {
    fc.assert(
      fc.property(breaksArb, (breaks) => {
        expect(validateBreaks(breaks)).toEqual([]);
      }),
    );
  });
});

describe("priceAt", () => {
  it("uses the highest break whose minimum the quantity meets", () => {
    expect(priceAt(leather, 1)).toBe(4500);
    expect(priceAt(leather, 499)).toBe(4500);
    expect(priceAt(leather, 500)).toBe(4000);
    expect(priceAt(leather, 1999)).toBe(4000);
    expect(priceAt(leather, 2000)).toBe(3600);
    expect(priceAt(leather, 1_000_000)).toBe(3600);
  });

  it("has no price for nothing", () => {
    expect(priceAt(leather, 0)).toBeNull();
  });

  it("rejects negative and fractional quantities", () => {
    expect(() => priceAt(leather, -1)).toThrow(RangeError);
    expect(() => priceAt(leather, 1.5)).toThrow(RangeError);
  });

  it("never rises as the quantity grows (property)", () => {
    fc.assert(
      fc.property(breaksArb, fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (breaks, q, extra) => {
        expect(priceAt(breaks, q + extra)!).toBeLessThanOrEqual(priceAt(breaks, q)!);
      }),
    );
  });
});

describe("costOf", () => {
  it("multiplies exactly and refuses results a number would round", () => {
    expect(costOf(2000, 3600)).toBe(7_200_000);
    expect(costOf(0, 3600)).toBe(0);
    expect(costOf(1, Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => costOf(2, Number.MAX_SAFE_INTEGER)).toThrow(/safe integer/);
    expect(() => costOf(100_000_000, 100_000_000)).toThrow(/safe integer/);
  });
});

describe("poolSummary", () => {
  it("pools three tanneries' orders into the 500 m2 break", () => {
    const summary = poolSummary(
      leather,
      [
        { id: "calcados-a", quantity: 300 },
        { id: "calcados-b", quantity: 150 },
        { id: "calcados-c", quantity: 0 },
        { id: "calcados-d", quantity: 100 },
      ],
      400,
    );
    expect(summary).toEqual({
      total: 550,
      reached: { minQuantity: 500, unitPriceMinor: 4000 },
      next: { minQuantity: 2000, unitPriceMinor: 3600 },
      neededForNext: 1450,
      meetsMinimum: true,
      neededForMinimum: 0,
      participants: [
        {
          id: "calcados-a",
          quantity: 300,
          costMinor: 1_200_000,
          aloneUnitPriceMinor: 4500,
          aloneCostMinor: 1_350_000,
          savingMinor: 150_000,
        },
        { id: "calcados-b", quantity: 150, costMinor: 600_000, aloneUnitPriceMinor: 4500, aloneCostMinor: 675_000, savingMinor: 75_000 },
        { id: "calcados-d", quantity: 100, costMinor: 400_000, aloneUnitPriceMinor: 4500, aloneCostMinor: 450_000, savingMinor: 50_000 },
      ],
      totalCostMinor: 2_200_000,
      totalSavingMinor: 275_000,
    });
  });

  it("shows how far the minimum to proceed is", () => {
    const summary = poolSummary(leather, [{ id: "a", quantity: 120 }], 500);
    expect(summary).toMatchObject({
      total: 120,
      reached: leather[0],
      next: leather[1],
      neededForNext: 380,
      meetsMinimum: false,
      neededForMinimum: 380,
      totalSavingMinor: 0,
    });
    // Exactly on a break: that break is reached, the next one is the one above.
    expect(poolSummary(leather, [{ id: "a", quantity: 500 }], 500)).toMatchObject({
      reached: leather[1],
      next: leather[2],
      neededForNext: 1500,
      meetsMinimum: true,
      neededForMinimum: 0,
    });
  });

  it("has nothing reached and no cost before anyone commits", () => {
    expect(poolSummary(leather, [{ id: "a", quantity: 0 }], 100)).toEqual({
      total: 0,
      reached: null,
      next: leather[0],
      neededForNext: 1,
      meetsMinimum: false,
      neededForMinimum: 100,
      participants: [],
      totalCostMinor: 0,
      totalSavingMinor: 0,
    });
    expect(poolSummary(leather, [], 0)).toMatchObject({ total: 0, meetsMinimum: true, neededForMinimum: 0 });
  });

  it("has no next break once the top one is reached; a member big enough alone saves nothing", () => {
    const summary = poolSummary(
      leather,
      [
        { id: "big", quantity: 2500 },
        { id: "small", quantity: 10 },
      ],
      0,
    );
    expect(summary.reached).toEqual(leather[2]);
    expect(summary.next).toBeNull();
    expect(summary.neededForNext).toBeNull();
    expect(summary.participants.map((p) => [p.id, p.savingMinor])).toEqual([
      ["big", 0],
      ["small", 9000],
    ]);
  });

  it("rejects an invalid quote, negative or fractional quantities, and duplicate members", () => {
    expect(() => poolSummary([{ minQuantity: 10, unitPriceMinor: 5 }], [], 0)).toThrow(/price breaks/);
    expect(() => poolSummary(leather, [{ id: "a", quantity: -1 }], 0)).toThrow(/quantity of a/);
    expect(() => poolSummary(leather, [{ id: "a", quantity: 1.5 }], 0)).toThrow(/quantity of a/);
    expect(() => poolSummary(leather, [], -1)).toThrow(/minimumToProceed/);
    expect(() =>
      poolSummary(
        leather,
        [
          { id: "a", quantity: 1 },
          { id: "a", quantity: 2 },
        ],
        0,
      ),
    ).toThrow(/more than one/);
  });

  it("refuses costs beyond the safe integer range instead of rounding them", () => {
    const pricey: PriceBreak[] = [{ minQuantity: 1, unitPriceMinor: 2 ** 40 }];
    expect(() => poolSummary(pricey, [{ id: "a", quantity: 2 ** 20 }], 0)).toThrow(/safe integer/);
  });

  it("keeps its invariants for any quote and commitments (property)", () => {
    fc.assert(
      fc.property(breaksArb, commitmentsArb, fc.integer({ min: 0, max: 100_000 }), (breaks, commitments, minimum) => {
        const s = poolSummary(breaks, commitments, minimum);
        const committed = commitments.filter((c) => c.quantity > 0);

        // The pooled total is the sum of the quantities; zero commitments are left out.
        expect(s.total).toBe(committed.reduce((sum, c) => sum + c.quantity, 0));
        expect(s.participants.map((p) => p.id)).toEqual(committed.map((c) => c.id));

        // The break reached is the one priceAt uses; the next is the first above the total.
        expect(s.reached?.unitPriceMinor ?? null).toBe(priceAt(breaks, s.total));
        if (s.reached) expect(s.reached.minQuantity).toBeLessThanOrEqual(s.total);
        if (s.next) {
          expect(s.next.minQuantity).toBeGreaterThan(s.total);
          expect(s.neededForNext).toBe(s.next.minQuantity - s.total);
          expect(breaks.filter((b) => b.minQuantity > s.total)[0]).toEqual(s.next);
        } else {
          expect(s.neededForNext).toBeNull();
          expect(breaks.every((b) => b.minQuantity <= s.total)).toBe(true);
        }

        expect(s.meetsMinimum).toBe(s.total >= minimum);
        expect(s.neededForMinimum).toBe(Math.max(0, minimum - s.total));
        expect(s.neededForMinimum === 0).toBe(s.meetsMinimum);

        for (const p of s.participants) {
          expect(p.costMinor).toBe(p.quantity * s.reached!.unitPriceMinor);
          expect(p.aloneUnitPriceMinor).toBe(priceAt(breaks, p.quantity));
          expect(p.aloneCostMinor).toBe(p.quantity * p.aloneUnitPriceMinor);
          // Breaks get cheaper with quantity, and the pool is at least as big as any member.
          expect(p.savingMinor).toBe(p.aloneCostMinor - p.costMinor);
          expect(p.savingMinor).toBeGreaterThanOrEqual(0);
        }
        expect(s.totalCostMinor).toBe(s.participants.reduce((sum, p) => sum + p.costMinor, 0));
        expect(s.totalSavingMinor).toBe(s.participants.reduce((sum, p) => sum + p.savingMinor, 0));
        expect(s.totalCostMinor).toBe(s.total * (s.reached?.unitPriceMinor ?? 0));
      }),
    );
  });

  it("never raises a member's cost when another member commits more (property)", () => {
    fc.assert(
      fc.property(breaksArb, commitmentsArb, fc.integer({ min: 1, max: 5_000 }), (breaks, commitments, more) => {
        const before = poolSummary(breaks, commitments, 0);
        const after = poolSummary(breaks, [...commitments.map((c) => ({ ...c, id: `m-${c.id}` })), { id: "newcomer", quantity: more }], 0);
        for (const p of before.participants) {
          const again = after.participants.find((q) => q.id === `m-${p.id}`)!;
          expect(again.costMinor).toBeLessThanOrEqual(p.costMinor);
          expect(again.savingMinor).toBeGreaterThanOrEqual(p.savingMinor);
        }
      }),
    );
  });
});

describe("crossedBreak", () => {
  it("names the break newly reached", () => {
    expect(crossedBreak(450, 550, leather)).toEqual(leather[1]);
    expect(crossedBreak(499, 500, leather)).toEqual(leather[1]);
    expect(crossedBreak(1500, 2000, leather)).toEqual(leather[2]);
  });

  it("names only the highest when one commitment crosses several", () => {
    expect(crossedBreak(100, 3000, leather)).toEqual(leather[2]);
    expect(crossedBreak(0, 2000, leather)).toEqual(leather[2]);
  });

  it("is null when no break is crossed", () => {
    expect(crossedBreak(500, 600, leather)).toBeNull();
    expect(crossedBreak(600, 600, leather)).toBeNull();
    expect(crossedBreak(2000, 5000, leather)).toBeNull();
  });

  it("is null when the total falls (a withdrawn commitment)", () => {
    expect(crossedBreak(600, 400, leather)).toBeNull();
    expect(crossedBreak(2500, 100, leather)).toBeNull();
  });

  it("does not announce the list price as a break", () => {
    expect(crossedBreak(0, 1, leather)).toBeNull();
    expect(crossedBreak(0, 499, leather)).toBeNull();
    expect(crossedBreak(0, 10, [{ minQuantity: 1, unitPriceMinor: 100 }])).toBeNull();
  });

  it("rejects negative totals", () => {
    expect(() => crossedBreak(-1, 5, leather)).toThrow(RangeError);
    expect(() => crossedBreak(0, -5, leather)).toThrow(RangeError);
  });

  it("is the break reached after, exactly when the price changed for the better (property)", () => {
    fc.assert(
      fc.property(breaksArb, fc.nat(200_000), fc.nat(200_000), (breaks, before, after) => {
        const crossed = crossedBreak(before, after, breaks);
        const cheaper = before > 0 && after > before && priceAt(breaks, after)! < priceAt(breaks, before)!;
        const fromNothing = before === 0 && after >= 1 && priceAt(breaks, after)! < breaks[0].unitPriceMinor;
        if (cheaper || fromNothing) {
          expect(crossed?.unitPriceMinor).toBe(priceAt(breaks, after));
          expect(crossed!.minQuantity).toBeGreaterThan(before);
          expect(crossed!.minQuantity).toBeLessThanOrEqual(after);
        } else {
          expect(crossed).toBeNull();
        }
      }),
    );
  });
});
