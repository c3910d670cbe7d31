import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  catalogueKpi,
  type Direction,
  KPI_CATALOGUE,
  nextPeriod,
  parsePeriodLabel,
  percentile,
  PERCENTILE_METHOD,
  periodFor,
  periodsOf,
  periodsPerYear,
  submissionDue,
  SUBMISSION_WINDOW_DAYS,
  trend,
  validateKpiValue,
} from "./benchmark";

/** The example: on-time delivery (%) of five members. */
const ON_TIME = [78, 87, 92, 95, 100];

describe("percentile (Hyndman & Fan type 7: h = (n - 1) p, linear between ranks)", () => {
  it("on-time delivery 78, 87, 92, 95, 100: hand-computed", () => {
    // n = 5, so h = 4p and x[0..4] = 78, 87, 92, 95, 100.
    // p10: h = 0.4 -> x[0] + 0.4 * (x[1] - x[0]) = 78 + 0.4 * 9 = 81.6
    // p25: h = 1   -> x[1] = 87
    // p50: h = 2   -> x[2] = 92
    // p75: h = 3   -> x[3] = 95
    // p90: h = 3.6 -> x[3] + 0.6 * (x[4] - x[3]) = 95 + 0.6 * 5 = 98
    expect(percentile(ON_TIME, 0.1)).toBeCloseTo(81.6, 10);
    expect(percentile(ON_TIME, 0.25)).toBe(87);
    expect(percentile(ON_TIME, 0.5)).toBe(92);
    expect(percentile(ON_TIME, 0.75)).toBe(95);
    expect(percentile(ON_TIME, 0.9)).toBeCloseTo(98, 10);
    expect(percentile(ON_TIME, 0)).toBe(78);
    expect(percentile(ON_TIME, 1)).toBe(100);
  });

  it("an even count: the median is the mean of the middle two", () => {
    // 1, 2, 3, 4: h = 3p. p50: h = 1.5 -> 2.5; p25: h = 0.75 -> 1.75; p75: h = 2.25 -> 3.25;
    // p10: h = 0.3 -> 1.3; p90: h = 2.7 -> 3.7.
    const values = [1, 2, 3, 4];
    expect(percentile(values, 0.5)).toBe(2.5);
    expect(percentile(values, 0.25)).toBe(1.75);
    expect(percentile(values, 0.75)).toBe(3.25);
    expect(percentile(values, 0.1)).toBeCloseTo(1.3, 12);
    expect(percentile(values, 0.9)).toBeCloseTo(3.7, 12);
  });

  it("agrees with Excel PERCENTILE.INC on an 11-value series (h lands exactly on ranks)", () => {
    const values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // h = 10p: p10 -> x[1] = 10 exactly, even though 0.1 * 10 is computed in floats.
    expect(percentile(values, 0.1)).toBe(10);
    expect(percentile(values, 0.3)).toBe(30);
    expect(percentile(values, 0.9)).toBe(90);
    expect(percentile(values, 0.35)).toBeCloseTo(35, 12);
  });

  it("one value is every percentile", () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it("rejects what it cannot compute", () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
    expect(() => percentile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => percentile([2, 1], 0.5)).toThrow(/sorted/);
    expect(() => percentile([1, Number.POSITIVE_INFINITY], 0.5)).toThrow(RangeError);
  });

  it("names its method for the UI and the API", () => {
    expect(PERCENTILE_METHOD.key).toBe("benchmark.method");
    expect(PERCENTILE_METHOD.name).toMatch(/type 7/);
    expect(PERCENTILE_METHOD.description).toMatch(/PERCENTILE\.INC/);
  });
});

describe("trend", () => {
  const point = (label: string, median: number | null, own: number | null = null, spread: number | null = null) => ({
    label,
    median,
    own,
    spread,
  });

  it("median rising 4 points a period, tail shortening 2.7 a period (higher is better)", () => {
    // spread 20, 18, 15, 12 over x = 0..3: mean x 1.5, mean y 16.25,
    // Sxy = -1.5*3.75 - 0.5*1.75 + 0.5*-1.25 + 1.5*-4.25 = -13.5, Sxx = 5 -> slope -2.7.
    const t = trend(
      [point("2024-Q1", 80, 70, 20), point("2024-Q2", 84, 72, 18), point("2024-Q3", 88, 80, 15), point("2024-Q4", 92, 79, 12)],
      "higher",
    );
    expect(t.median.slope).toBeCloseTo(4, 12);
    expect(t.spread.slope).toBeCloseTo(-2.7, 12);
    expect(t.medianImproving).toBe(true);
    expect(t.tailShortening).toBe(true);
    expect(t.ownImproving).toBe(true);
    expect(t.median).toMatchObject({
      first: { label: "2024-Q1", value: 80 },
      last: { label: "2024-Q4", value: 92 },
      change: 12,
      points: 4,
    });
    expect(t.spread.change).toBe(-8);
    expect(t.own.change).toBe(9);
  });

  it("skips nulls but keeps the periods' spacing", () => {
    // x = 0, 2, 3; y = 80, 88, 92: mean x 5/3, mean y 260/3;
    // Sxy = (-5/3)(-20/3) + (1/3)(4/3) + (4/3)(16/3) = 168/9, Sxx = 42/9 -> slope 4.
    const t = trend([point("a", 80), point("b", null), point("c", 88), point("d", 92)], "higher");
    expect(t.median.slope).toBeCloseTo(4, 12);
    expect(t.median.points).toBe(3);
    expect(t.own).toEqual({ slope: null, first: null, last: null, change: null, points: 0 });
    expect(t.ownImproving).toBeNull();
    expect(t.tailShortening).toBeNull();
  });

  it("lower is better: a falling median is improving", () => {
    const t = trend([point("2023", 1.5, null, 1), point("2024", 0.9, null, 1.2), point("2025", 0.15, null, 1.4)], "lower");
    expect(t.medianImproving).toBe(true);
    expect(t.tailShortening).toBe(false);
  });

  it("one period has no slope; a flat series is not improving", () => {
    const single = trend([point("2025", 10, 10, 3)], "higher");
    expect(single.median).toMatchObject({ slope: null, change: null, points: 1, first: { label: "2025", value: 10 } });
    expect(single.medianImproving).toBeNull();
    const flat = trend([point("a", 0.1, null, 0.3), point("b", 0.1, null, 0.3), point("c", 0.1, null, 0.3)], "lower");
    expect(flat.median.slope).toBe(0);
    expect(flat.medianImproving).toBe(false);
    expect(flat.tailShortening).toBe(false);
  });

  it("rejects a non-finite value", () => {
    expect(() => trend([point("a", Number.NaN), point("b", 1)], "higher")).toThrow(RangeError);
  });
});

describe("reporting periods", () => {
  it("quarters, halves and years of a calendar year", () => {
    expect(periodsOf("quarter", 2025)).toEqual([
      { label: "2025-Q1", startsOn: "2025-01-01", endsOn: "2025-03-31" },
      { label: "2025-Q2", startsOn: "2025-04-01", endsOn: "2025-06-30" },
      { label: "2025-Q3", startsOn: "2025-07-01", endsOn: "2025-09-30" },
      { label: "2025-Q4", startsOn: "2025-10-01", endsOn: "2025-12-31" },
    ]);
    expect(periodsOf("half", 2024)).toEqual([
      { label: "2024-H1", startsOn: "2024-01-01", endsOn: "2024-06-30" },
      { label: "2024-H2", startsOn: "2024-07-01", endsOn: "2024-12-31" },
    ]);
    expect(periodsOf("year", 2024)).toEqual([{ label: "2024", startsOn: "2024-01-01", endsOn: "2024-12-31" }]);
    expect([periodsPerYear("quarter"), periodsPerYear("half"), periodsPerYear("year")]).toEqual([4, 2, 1]);
    expect(() => periodsOf("year", 2024.5)).toThrow(RangeError);
  });

  it("the period of a date", () => {
    expect(periodFor("quarter", "2025-08-15").label).toBe("2025-Q3");
    expect(periodFor("quarter", "2025-09-30").label).toBe("2025-Q3");
    expect(periodFor("quarter", "2025-10-01").label).toBe("2025-Q4");
    expect(periodFor("half", "2025-06-30")).toEqual({ label: "2025-H1", startsOn: "2025-01-01", endsOn: "2025-06-30" });
    expect(periodFor("year", "2025-12-31").label).toBe("2025");
    // A Date or timestamp is read in UTC: 23:30 in São Paulo on 30 September is 1 October UTC.
    expect(periodFor("quarter", new Date("2025-09-30T23:30:00-03:00")).label).toBe("2025-Q4");
    expect(periodFor("quarter", "2025-09-30T12:00:00Z").label).toBe("2025-Q3");
    expect(() => periodFor("quarter", "2025-02-30")).toThrow(RangeError);
    expect(() => periodFor("quarter", "not a date")).toThrow(RangeError);
  });

  it("parses labels of its kind only", () => {
    expect(parsePeriodLabel("quarter", "2025-Q3")).toEqual({ label: "2025-Q3", startsOn: "2025-07-01", endsOn: "2025-09-30" });
    expect(parsePeriodLabel("half", "2025-H2")?.startsOn).toBe("2025-07-01");
    expect(parsePeriodLabel("year", "2025")?.endsOn).toBe("2025-12-31");
    for (const bad of ["2025-Q5", "2025-Q0", "2025-q3", "25-Q3", "2025-H1", "2025", " 2025-Q1", "2025-Q1 "]) {
      expect(parsePeriodLabel("quarter", bad), bad).toBeNull();
    }
    expect(parsePeriodLabel("half", "2025-H3")).toBeNull();
    expect(parsePeriodLabel("year", "0000")).toBeNull();
    expect(parsePeriodLabel("year", "2025-Q1")).toBeNull();
  });

  it("the next period rolls over the year", () => {
    expect(nextPeriod("quarter", "2025-Q3").label).toBe("2025-Q4");
    expect(nextPeriod("quarter", "2025-Q4")).toEqual({ label: "2026-Q1", startsOn: "2026-01-01", endsOn: "2026-03-31" });
    expect(nextPeriod("half", "2025-H1").label).toBe("2025-H2");
    expect(nextPeriod("half", "2025-H2").label).toBe("2026-H1");
    expect(nextPeriod("year", "2025").label).toBe("2026");
    expect(() => nextPeriod("quarter", "2025-H1")).toThrow(RangeError);
    expect(() => nextPeriod("year", "9999")).toThrow(RangeError);
  });

  it(`reports are due ${SUBMISSION_WINDOW_DAYS} days after the period ends`, () => {
    expect(SUBMISSION_WINDOW_DAYS).toBe(30);
    expect(submissionDue("2025-09-30")).toBe("2025-10-30");
    expect(submissionDue("2025-12-31")).toBe("2026-01-30");
    expect(submissionDue("2024-01-31", 29)).toBe("2024-02-29");
    expect(submissionDue("2025-03-31", 0)).toBe("2025-03-31");
    expect(() => submissionDue("30/09/2025")).toThrow(RangeError);
    expect(() => submissionDue("2025-09-30", -1)).toThrow(RangeError);
  });
});

describe("KPI values and catalogue", () => {
  it("validates against the KPI's inclusive range", () => {
    const onTime = { minValue: 0, maxValue: 100 };
    expect(validateKpiValue(0, onTime)).toBeNull();
    expect(validateKpiValue(100, onTime)).toBeNull();
    expect(validateKpiValue(92.5, onTime)).toBeNull();
    expect(validateKpiValue(-0.1, onTime)).toBe("below_min");
    expect(validateKpiValue(100.01, onTime)).toBe("above_max");
    expect(validateKpiValue(Number.NaN, onTime)).toBe("not_finite");
    expect(validateKpiValue(Number.POSITIVE_INFINITY, onTime)).toBe("not_finite");
  });

  it("ships the seven KPIs of DOMAIN.md, each with a usable range", () => {
    expect(KPI_CATALOGUE.map((k) => k.key)).toEqual([
      "inventory_turns",
      "on_time_delivery",
      "scrap_rate",
      "setup_time",
      "delivery_lead_time",
      "defects_ppm",
      "labour_productivity",
    ]);
    for (const kpi of KPI_CATALOGUE) {
      expect(kpi.minValue, kpi.key).toBeLessThan(kpi.maxValue);
      expect(["higher", "lower"]).toContain(kpi.direction);
      expect(kpi.unit.length, kpi.key).toBeGreaterThan(0);
    }
    expect(catalogueKpi("on_time_delivery")).toMatchObject({ unit: "%", direction: "higher", minValue: 0, maxValue: 100 });
    expect(catalogueKpi("defects_ppm")).toMatchObject({ direction: "lower", minValue: 0, maxValue: 1_000_000 });
    expect(catalogueKpi("nope")).toBeUndefined();
  });

  it("accepts the box 5.7 figures (semi-equip supply chain)", () => {
    const check = (key: string, value: number) => validateKpiValue(value, catalogueKpi(key)!);
    expect([check("on_time_delivery", 87), check("on_time_delivery", 100), check("scrap_rate", 0.15), check("setup_time", 15)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([check("inventory_turns", 8.5), check("inventory_turns", 10.7)]).toEqual([null, null]);
  });
});

/* ---------------------------------------------------------------- Properties */

/** KPI-like values, with small integers mixed in so ties are common. -0 is folded into 0. */
const valueArb = fc
  .oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }))
  .map((v) => (v === 0 ? 0 : v));
const valuesArb = fc.array(valueArb, { minLength: 1, maxLength: 40 });
const directionArb = fc.constantFrom<Direction>("higher", "lower");

describe("properties", () => {
  it("percentile is non-decreasing in p and stays within min..max", () => {
    fc.assert(
      fc.property(valuesArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, a, b) => {
        const sorted = [...values].sort((x, y) => x - y);
        const [p, q] = a <= b ? [a, b] : [b, a];
        expect(percentile(sorted, p)).toBeLessThanOrEqual(percentile(sorted, q));
        expect(percentile(sorted, p)).toBeGreaterThanOrEqual(sorted[0]);
        expect(percentile(sorted, q)).toBeLessThanOrEqual(sorted[sorted.length - 1]);
      }),
    );
  });

  it("a trend's slope ignores a constant shift and follows the direction", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: -1000, max: 1000 }),
        directionArb,
        (medians, shift, direction) => {
          const points = medians.map((median, i) => ({ label: String(i), median, own: null, spread: median }));
          const shifted = points.map((p) => ({ ...p, median: p.median === null ? null : p.median + shift }));
          const base = trend(points, direction);
          const moved = trend(shifted, direction);
          const withValue = medians.filter((m) => m !== null).length;
          if (withValue < 2) {
            expect(base.median.slope).toBeNull();
            expect(base.medianImproving).toBeNull();
            return;
          }
          expect(moved.median.slope!).toBeCloseTo(base.median.slope!, 6);
          expect(base.tailShortening).toBe(base.spread.slope! < 0);
          if (base.median.slope! > 1e-6) expect(base.medianImproving).toBe(direction === "higher");
          if (base.median.slope! < -1e-6) expect(base.medianImproving).toBe(direction === "lower");
        },
      ),
    );
  });

  it("every date falls in its period; labels round-trip; the next period starts the day after", () => {
    const kindArb = fc.constantFrom("quarter" as const, "half" as const, "year" as const);
    fc.assert(
      fc.property(
        kindArb,
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T23:59:59Z"), noInvalidDate: true }),
        (kind, date) => {
          const day = date.toISOString().slice(0, 10);
          const period = periodFor(kind, date);
          expect(period.startsOn <= day && day <= period.endsOn).toBe(true);
          expect(periodFor(kind, day)).toEqual(period);
          expect(parsePeriodLabel(kind, period.label)).toEqual(period);
          const next = nextPeriod(kind, period.label);
          expect(next.startsOn).toBe(submissionDue(period.endsOn, 1));
          expect(next.label > period.label).toBe(true);
        },
      ),
    );
  });
});
