import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StandPlan, standPlan } from "./stand-plan";

const EPS = 1e-6;

/** Overlap area of two rectangles. */
function overlap(a: StandPlan["rects"][number], b: StandPlan["rects"][number]): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function expectTiling(plan: StandPlan, areaDm2: number): void {
  expect(plan.widthDm * plan.depthDm).toBeCloseTo(areaDm2, 6);
  let sum = 0;
  for (const r of plan.rects) {
    expect(r.width).toBeGreaterThan(0);
    expect(r.height).toBeGreaterThan(0);
    // Each rectangle's area is its share.
    expect(Math.abs(r.width * r.height - r.areaDm2)).toBeLessThanOrEqual(EPS * areaDm2);
    // Inside the stand.
    expect(r.x).toBeGreaterThanOrEqual(-EPS);
    expect(r.y).toBeGreaterThanOrEqual(-EPS);
    expect(r.x + r.width).toBeLessThanOrEqual(plan.widthDm + EPS * plan.widthDm);
    expect(r.y + r.height).toBeLessThanOrEqual(plan.depthDm + EPS * plan.depthDm);
    sum += r.areaDm2;
  }
  expect(sum).toBe(areaDm2);
  // No overlaps; with the areas summing to the stand, the rectangles tile it.
  for (let i = 0; i < plan.rects.length; i += 1) {
    for (let j = i + 1; j < plan.rects.length; j += 1) {
      expect(overlap(plan.rects[i], plan.rects[j])).toBeLessThanOrEqual(EPS * areaDm2);
    }
  }
}

describe("standPlan", () => {
  it("the issue's stand: 40 m2 with a 10 m front, 12/8/20 m2, full", () => {
    const plan = standPlan({
      areaDm2: 4000,
      frontageDm: 100,
      spaces: [
        { id: "a", areaDm2: 1200, label: "Tannery" },
        { id: "b", areaDm2: 800, label: "Soles" },
        { id: "c", areaDm2: 2000, label: "Shoes" },
      ],
    });
    expect(plan.widthDm).toBe(100);
    expect(plan.depthDm).toBe(40);
    expect(plan.rects.map((r) => r.id)).toEqual(["a", "b", "c"]);
    // Squarified: the largest (c, 20 m2) takes a 5 m × 4 m column on the left; a and b
    // would be flatter stacked in the rest, so they stand side by side: 3 m × 4 m and 2 m × 4 m.
    const [a, b, c] = plan.rects;
    expect(c).toMatchObject({ x: 0, y: 0, width: 50, height: 40, label: "Shoes" });
    expect(a).toMatchObject({ x: 50, y: 0, width: 30, height: 40, label: "Tannery" });
    expect(b.x).toBeCloseTo(80);
    expect(b.width).toBeCloseTo(20);
    expect(b.height).toBeCloseTo(40);
    expectTiling(plan, 4000);
  });

  it("draws a square stand when the frontage is unknown, with the free area last", () => {
    const plan = standPlan({
      areaDm2: 3600,
      frontageDm: null,
      spaces: [{ id: "a", areaDm2: 1800, label: "A" }],
      freeLabel: "Free",
    });
    expect(plan.widthDm).toBe(60);
    expect(plan.depthDm).toBe(60);
    expect(plan.rects).toHaveLength(2);
    // The exhibitor at the front, the free area behind it.
    expect(plan.rects[0]).toMatchObject({ id: "a", x: 0, y: 0, width: 60, height: 30 });
    expect(plan.rects[1]).toMatchObject({ id: null, label: "Free", areaDm2: 1800, x: 0, y: 30, width: 60, height: 30 });
  });

  it("an empty stand is one free rectangle; a full one has none", () => {
    const empty = standPlan({ areaDm2: 2500, frontageDm: 50, spaces: [] });
    expect(empty.rects).toEqual([{ id: null, label: "", x: 0, y: 0, width: 50, height: 50, areaDm2: 2500 }]);
    const full = standPlan({ areaDm2: 2500, frontageDm: 50, spaces: [{ id: "x", areaDm2: 2500, label: "X" }] });
    expect(full.rects).toEqual([{ id: "x", label: "X", x: 0, y: 0, width: 50, height: 50, areaDm2: 2500 }]);
  });

  it("keeps equal spaces close to square", () => {
    const plan = standPlan({
      areaDm2: 3600,
      frontageDm: null,
      spaces: Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, areaDm2: 400, label: `S${i}` })),
    });
    for (const r of plan.rects) expect(Math.max(r.width / r.height, r.height / r.width)).toBeLessThanOrEqual(2.5);
    expectTiling(plan, 3600);
  });

  it("does not move when the input order changes", () => {
    const spaces = [
      { id: "a", areaDm2: 500, label: "A" },
      { id: "b", areaDm2: 500, label: "B" },
      { id: "c", areaDm2: 900, label: "C" },
    ];
    const one = standPlan({ areaDm2: 4000, frontageDm: 80, spaces });
    const two = standPlan({ areaDm2: 4000, frontageDm: 80, spaces: [...spaces].reverse() });
    const byId = (p: StandPlan) => Object.fromEntries(p.rects.map((r) => [String(r.id), r]));
    expect(byId(two)).toEqual(byId(one));
  });

  it("refuses an overbooked or malformed stand", () => {
    expect(() => standPlan({ areaDm2: 100, frontageDm: null, spaces: [{ id: "a", areaDm2: 101, label: "" }] })).toThrow(/101/);
    expect(() => standPlan({ areaDm2: 0, frontageDm: null, spaces: [] })).toThrow(RangeError);
    expect(() => standPlan({ areaDm2: 100, frontageDm: 0, spaces: [] })).toThrow(/frontage/);
    expect(() => standPlan({ areaDm2: 100, frontageDm: null, spaces: [{ id: "a", areaDm2: 0, label: "" }] })).toThrow(/area of space/);
    expect(() =>
      standPlan({
        areaDm2: 100,
        frontageDm: null,
        spaces: [
          { id: "a", areaDm2: 1, label: "" },
          { id: "a", areaDm2: 1, label: "" },
        ],
      }),
    ).toThrow(/duplicate/);
  });

  it("rectangles have their areas, stay inside and tile the stand (property)", () => {
    const arb = fc
      .record({
        areaDm2: fc.integer({ min: 1, max: 1_000_000 }),
        frontageDm: fc.option(fc.integer({ min: 1, max: 2_000 }), { nil: null }),
        weights: fc.array(fc.integer({ min: 1, max: 1_000 }), { maxLength: 25 }),
        fill: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ areaDm2, frontageDm, weights, fill }) => {
        // Spaces taking up to `fill` of the stand, each at least 1 dm2.
        const budget = Math.floor(areaDm2 * fill);
        const total = weights.reduce((a, b) => a + b, 0);
        const spaces = weights
          .map((w, i) => ({ id: `s${i}`, areaDm2: Math.floor((budget * w) / Math.max(total, 1)), label: `S${i}` }))
          .filter((s) => s.areaDm2 > 0);
        return { areaDm2, frontageDm, spaces };
      });
    fc.assert(
      fc.property(arb, (input) => {
        const plan = standPlan(input);
        const taken = input.spaces.reduce((s, x) => s + x.areaDm2, 0);
        expect(plan.rects).toHaveLength(input.spaces.length + (taken < input.areaDm2 ? 1 : 0));
        expectTiling(plan, input.areaDm2);
      }),
    );
  });
});
