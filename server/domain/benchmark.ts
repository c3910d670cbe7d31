/**
 * Benchmarking clubs (DOMAIN.md "Learning network"; issue 6; seeds/003 boxes 5.4 and 5.7).
 * Pure statistics and rules, no I/O: the percentile method, the trend across periods,
 * reporting periods and the shipped KPI catalogue.
 *
 * What of a distribution of members' values may be shown (quartiles from five firms, tails from
 * ten, never an extreme, a mean or a value) is decided by server/domain/disclosure.ts alone, and
 * when statistics are frozen and refreshed by benchmark-publication.ts (ADR 013).
 *
 * KPI values are measurements (ratios, percentages, days), not money, so they are floats.
 */

export type Direction = "higher" | "lower";

/**
 * The percentile method, named once so the code, the API and the UI say the same thing.
 * `key` is the i18n key of a plain-language sentence (i18n/locales/*.kpis.json).
 */
export const PERCENTILE_METHOD = {
  key: "benchmark.method",
  name: "linear interpolation between closest ranks (Hyndman & Fan type 7)",
  description:
    "Values are sorted; the p-th percentile sits at position h = (n - 1) * p counting from 0, " +
    "and between two values it is interpolated linearly. Same as Excel PERCENTILE.INC, " +
    "R quantile type 7 and the numpy default.",
} as const;

/** Snaps h to a whole rank when float noise put it a hair off (0.3 * 10 = 3.0000000000000004). */
const RANK_EPSILON = 1e-9;

function assertFinite(values: ReadonlyArray<number>, what: string): void {
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${what} must be finite numbers, got ${v}`);
  }
}

/**
 * The p-th percentile (p in 0..1) of values sorted ascending, by linear interpolation between
 * closest ranks (Hyndman & Fan 1996, definition 7; Excel PERCENTILE.INC; numpy's default):
 *
 *   h = (n - 1) * p;  lo = floor(h);  result = x[lo] + (h - lo) * (x[lo + 1] - x[lo])
 *
 * with x indexed from 0. So p = 0 is the minimum, p = 1 the maximum and p = 0.5 the usual median
 * (the mean of the two middle values when n is even). For 78, 87, 92, 95, 100: the median is at
 * h = 2 -> 92, p25 at h = 1 -> 87, p75 at h = 3 -> 95, p10 at h = 0.4 -> 78 + 0.4 * 9 = 81.6.
 * The result is clamped to [x[lo], x[lo + 1]] so float rounding never breaks the order of
 * percentiles. Throws on an empty or unsorted array, a non-finite value or p outside 0..1.
 */
export function percentile(sortedValues: ReadonlyArray<number>, p: number): number {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError("percentile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within 0..1, got ${p}`);
  assertFinite(sortedValues, "values");
  for (let i = 1; i < n; i++) {
    if (sortedValues[i] < sortedValues[i - 1]) throw new RangeError("values must be sorted ascending");
  }
  let h = (n - 1) * p;
  const nearest = Math.round(h);
  if (Math.abs(h - nearest) < RANK_EPSILON) h = nearest;
  const lo = Math.floor(h);
  const fraction = h - lo;
  const low = sortedValues[lo];
  if (fraction === 0 || lo + 1 >= n) return low;
  const high = sortedValues[lo + 1];
  if (high === low) return low;
  return Math.min(high, Math.max(low, low + fraction * (high - low)));
}

export interface TrendPoint {
  label: string;
  median: number | null;
  own: number | null;
  spread: number | null;
}

interface SeriesTrend {
  /** Least-squares slope, in the KPI's unit per period; null with fewer than two values. */
  slope: number | null;
  /** First and last period with a value, and last - first (null with fewer than two values). */
  first: { label: string; value: number } | null;
  last: { label: string; value: number } | null;
  change: number | null;
  /** Periods with a value. */
  points: number;
}

export interface Trend {
  median: SeriesTrend;
  own: SeriesTrend;
  spread: SeriesTrend;
  /** The median's slope points the good way (up when higher is better); null without a slope. */
  medianImproving: boolean | null;
  ownImproving: boolean | null;
  /** The tail (p90 - p10) is getting shorter: spread slope < 0; null without a slope. */
  tailShortening: boolean | null;
}

/**
 * Ordinary least-squares slope of y over x. A slope within float noise of zero (relative to the
 * size of the values) is reported as 0, so a flat series is neither improving nor worsening.
 */
function leastSquaresSlope(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  const scale = Math.max(1, ...ys.map(Math.abs));
  return Math.abs(slope) < 1e-12 * scale ? 0 : slope;
}

function seriesTrend(points: ReadonlyArray<TrendPoint>, pick: (p: TrendPoint) => number | null): SeriesTrend {
  const xs: number[] = [];
  const ys: number[] = [];
  const labels: string[] = [];
  points.forEach((point, index) => {
    const value = pick(point);
    if (value === null || value === undefined) return;
    if (!Number.isFinite(value)) throw new RangeError(`trend values must be finite, got ${value} in ${point.label}`);
    xs.push(index);
    ys.push(value);
    labels.push(point.label);
  });
  const count = ys.length;
  return {
    slope: leastSquaresSlope(xs, ys),
    first: count ? { label: labels[0], value: ys[0] } : null,
    last: count ? { label: labels[count - 1], value: ys[count - 1] } : null,
    change: count >= 2 ? ys[count - 1] - ys[0] : null,
    points: count,
  };
}

function improving(slope: number | null, direction: Direction): boolean | null {
  if (slope === null) return null;
  return direction === "higher" ? slope > 0 : slope < 0;
}

/**
 * The trend of one KPI across periods, `points` in period order (oldest first). Each period is
 * one step on the x axis, so a period without a figure (null: not enough submissions, or the
 * member did not report) leaves a gap but keeps the spacing of the others. The slope is the
 * ordinary least-squares fit over the periods that have a value: robust to one odd period,
 * unlike last - first, which is given as well.
 */
export function trend(points: ReadonlyArray<TrendPoint>, direction: Direction): Trend {
  const median = seriesTrend(points, (p) => p.median);
  const own = seriesTrend(points, (p) => p.own);
  const spread = seriesTrend(points, (p) => p.spread);
  return {
    median,
    own,
    spread,
    medianImproving: improving(median.slope, direction),
    ownImproving: improving(own.slope, direction),
    tailShortening: spread.slope === null ? null : spread.slope < 0,
  };
}

/* ---------------------------------------------------------------- Reporting periods */

export const PERIOD_KINDS = ["quarter", "half", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** "2025-Q3", "2025-H2" or "2025". Labels of one kind sort as strings in time order. */
  label: string;
  /** First and last day, inclusive, as calendar dates. */
  startsOn: string;
  endsOn: string;
}

const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { quarter: 3, half: 6, year: 12 };

/** How many periods of this kind make a year (to annualise a KPI reported per period). */
export function periodsPerYear(kind: PeriodKind): number {
  return 12 / MONTHS_PER_PERIOD[kind];
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days in a month of the proleptic Gregorian calendar (month 1..12); setUTCFullYear keeps years 1..99 as written. */
function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year must be an integer in 1..9999, got ${year}`);
}

/** The period of this kind with this index (1-based) in this year. */
function periodAt(kind: PeriodKind, year: number, index: number): Period {
  const months = MONTHS_PER_PERIOD[kind];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const label = kind === "quarter" ? `${pad(year, 4)}-Q${index}` : kind === "half" ? `${pad(year, 4)}-H${index}` : pad(year, 4);
  return { label, startsOn: isoDate(year, firstMonth, 1), endsOn: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/** The periods of one calendar year: four quarters, two halves or the year. */
export function periodsOf(kind: PeriodKind, year: number): Period[] {
  assertYear(year);
  return Array.from({ length: periodsPerYear(kind) }, (_, i) => periodAt(kind, year, i + 1));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year and month of a date: a "YYYY-MM-DD" string as written, anything else in UTC. */
function yearMonthOf(date: Date | string): { year: number; month: number } {
  if (typeof date === "string") {
    const match = DATE_ONLY.exec(date);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`not a calendar date: ${date}`);
      return { year, month };
    }
  }
  const parsed = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`not a date: ${String(date)}`);
  return { year: parsed.getUTCFullYear(), month: parsed.getUTCMonth() + 1 };
}

/** The period of this kind that contains a date ("YYYY-MM-DD" as written; a Date or timestamp in UTC). */
export function periodFor(kind: PeriodKind, date: Date | string): Period {
  const { year, month } = yearMonthOf(date);
  assertYear(year);
  return periodAt(kind, year, Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1);
}

const LABEL_PATTERNS: Record<PeriodKind, RegExp> = {
  quarter: /^(\d{4})-Q([1-4])$/,
  half: /^(\d{4})-H([12])$/,
  year: /^(\d{4})$/,
};

/** The period named by a label of this kind, or null when the label is not one ("2025-Q5", "2025-H1" for quarters). */
export function parsePeriodLabel(kind: PeriodKind, label: string): Period | null {
  if (typeof label !== "string") return null;
  const match = LABEL_PATTERNS[kind].exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1) return null;
  return periodAt(kind, year, match[2] ? Number(match[2]) : 1);
}

/** The period right after this one (2025-Q4 -> 2026-Q1). Throws on an invalid label or after year 9999. */
export function nextPeriod(kind: PeriodKind, label: string): Period {
  const period = parsePeriodLabel(kind, label);
  if (!period) throw new RangeError(`not a ${kind} label: ${label}`);
  const year = Number(label.slice(0, 4));
  const index = kind === "year" ? 1 : Number(label.slice(6));
  if (index < periodsPerYear(kind)) return periodAt(kind, year, index + 1);
  assertYear(year + 1);
  return periodAt(kind, year + 1, 1);
}

/**
 * Default days members have, after a period ends, to report it: 30, about a month-end close
 * (the books of the period are closed) plus time to compute the KPIs. Brokers can set another
 * due date when they open a period.
 */
export const SUBMISSION_WINDOW_DAYS = 30;

/** The default submission due date: `days` calendar days after the period's last day ("YYYY-MM-DD"). */
export function submissionDue(endsOn: string, days: number = SUBMISSION_WINDOW_DAYS): string {
  const match = DATE_ONLY.exec(endsOn);
  if (!match) throw new RangeError(`endsOn must be YYYY-MM-DD, got ${endsOn}`);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/* ---------------------------------------------------------------- KPIs */

export type KpiValueProblem = "below_min" | "above_max" | "not_finite";

/** Why a submitted value is not acceptable for this KPI (range inclusive), or null when it is. */
export function validateKpiValue(value: number, kpi: { minValue: number; maxValue: number }): KpiValueProblem | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "not_finite";
  if (value < kpi.minValue) return "below_min";
  if (value > kpi.maxValue) return "above_max";
  return null;
}

export interface CatalogueKpi {
  /** Names the translated texts: kpi.<key>.name | description | computation | unit. */
  key: string;
  /** The unit in English, stored on the definition; pages show the translated kpi.<key>.unit. */
  unit: string;
  direction: Direction;
  minValue: number;
  maxValue: number;
  /** Decimals worth showing for this KPI (charts and tables). */
  decimals: number;
}

/**
 * The KPIs shipped with Jointly (DOMAIN.md "Learning network"; seeds/003 box 5.7 for on-time
 * delivery, scrap, set-up time and stock-turns). Every ratio is for the reporting period, and
 * the ones that depend on the period's length (inventory turns, labour productivity) are
 * annualised so quarters, halves and years compare. Ranges are what is physically possible,
 * wide enough for any real plant; they catch typos (a percentage of 150, a negative count).
 * Labour productivity is value added per employee (sales minus bought-in materials and
 * services, per full-time employee), in thousands of the club's reporting currency per year:
 * units per employee would only compare firms making the same part, and value added is what the
 * benchmarking literature uses. A club reports in one currency.
 */
export const KPI_CATALOGUE: ReadonlyArray<Readonly<CatalogueKpi>> = Object.freeze([
  { key: "inventory_turns", unit: "turns per year", direction: "higher", minValue: 0, maxValue: 1000, decimals: 1 },
  { key: "on_time_delivery", unit: "%", direction: "higher", minValue: 0, maxValue: 100, decimals: 1 },
  { key: "scrap_rate", unit: "% of material", direction: "lower", minValue: 0, maxValue: 100, decimals: 2 },
  { key: "setup_time", unit: "% of production time", direction: "lower", minValue: 0, maxValue: 100, decimals: 1 },
  { key: "delivery_lead_time", unit: "days", direction: "lower", minValue: 0, maxValue: 365, decimals: 1 },
  { key: "defects_ppm", unit: "ppm", direction: "lower", minValue: 0, maxValue: 1_000_000, decimals: 0 },
  { key: "labour_productivity", unit: "thousand per employee per year", direction: "higher", minValue: 0, maxValue: 100_000, decimals: 1 },
] satisfies CatalogueKpi[]);

export function catalogueKpi(key: string): Readonly<CatalogueKpi> | undefined {
  return KPI_CATALOGUE.find((kpi) => kpi.key === key);
}
