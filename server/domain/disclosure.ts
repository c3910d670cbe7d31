/**
 * Disclosure control: the one home of the rules that decide which aggregates of OTHER firms'
 * confidential figures may be shown (issue 11; STYLE habit 18; the SDC Handbook's chapter on
 * magnitude tables). Every aggregate of members' confidential figures (benchmark statistics
 * and their trends, stand cost totals kept private, combined ledger sales in the network view,
 * any future aggregate) goes through these functions; callers never compare counts themselves.
 *
 * The rules, in plain words:
 * - Threshold: a statistic is published only from MIN_CONTRIBUTORS (5) contributors; a network
 *   may raise that floor, never lower it. Below it only the number of contributors is shown.
 *   Five is the antitrust "safety zone" for information exchange between competitors and the
 *   floor of most benchmarking clubs.
 * - No extremes: never the minimum, the maximum or a best-in-class value (each is one firm's
 *   own figure). Quartiles from the threshold; p10/p90 only from TAILS_FROM (10) contributors.
 * - Dominance: a sum of other firms' figures is withheld when one contributor makes up more
 *   than 85% of it (the p% rule's usual setting: the total would all but be that firm's figure).
 * - No differencing: a published snapshot stays as it is until it is republished with at least
 *   REPUBLISH_MIN_NEW (3) new contributors, so the difference between two publications never
 *   isolates one firm's figure, even for a member that is one of the newcomers. Live pushes
 *   carry counts only.
 *
 * Pure functions, no I/O.
 */
import { percentile, type Direction } from "./benchmark";

/** The floor of contributors below which no statistic is published. Networks may only raise it. */
export const MIN_CONTRIBUTORS = 5;
/** The ceiling a network may raise the floor to (a club larger than this is rare). */
export const MAX_CONTRIBUTORS_SETTING = 50;
/** p10 and p90 sit on the first and last value below ten contributors: shown only from ten. */
export const TAILS_FROM = 10;
/** A sum is withheld when one contributor makes up more than this share, in basis points. */
export const DOMINANCE_LIMIT_BP = 8500;
/**
 * A frozen publication is replaced only when this many contributors are new to it. Three, not
 * two: a member that is itself one of two newcomers knows its own value, so the difference would
 * isolate the other newcomer's (test/benchmark-adversary.test.ts shows it does). With three, every
 * member still faces at least two unknown new figures.
 */
export const REPUBLISH_MIN_NEW = 3;

export interface DisclosureRule {
  /** Contributors needed before any statistic is published (>= MIN_CONTRIBUTORS). */
  minContributors: number;
}

/** The rule of a network: its own threshold when it raised it, never below the floor. */
export function disclosureRule(networkMinContributors?: number | null): DisclosureRule {
  const raised = Number.isInteger(networkMinContributors) ? (networkMinContributors as number) : MIN_CONTRIBUTORS;
  return { minContributors: Math.min(MAX_CONTRIBUTORS_SETTING, Math.max(MIN_CONTRIBUTORS, raised)) };
}

/** True when `contributors` is enough for the rule's threshold. */
export function meetsThreshold(contributors: number, rule: DisclosureRule): boolean {
  return contributors >= Math.max(MIN_CONTRIBUTORS, rule.minContributors);
}

export interface Quartiles {
  p25: number;
  median: number;
  p75: number;
}

interface Tails {
  p10: number;
  p90: number;
  /** p90 - p10: the length of the tail, whose shortening is a club's goal. */
  spread: number;
}

/**
 * What may be shown of a distribution of other firms' values (one KPI, one period): always the
 * count; the quartiles from the threshold; the tails from ten (and the threshold). Never the
 * values themselves, their minimum, maximum, best or mean.
 */
export interface DisclosedDistribution {
  n: number;
  quartiles: Quartiles | null;
  tails: Tails | null;
}

function assertFinite(values: ReadonlyArray<number>): void {
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  }
}

export function discloseDistribution(values: ReadonlyArray<number>, rule: DisclosureRule): DisclosedDistribution {
  assertFinite(values);
  const n = values.length;
  if (!meetsThreshold(n, rule)) return { n, quartiles: null, tails: null };
  // -0 and 0 are one figure: adding +0 makes every zero +0, so the input's order never shows.
  const sorted = values.map((v) => v + 0).sort((a, b) => a - b);
  const at = (p: number) => percentile(sorted, p);
  const quartiles = { p25: at(0.25), median: at(0.5), p75: at(0.75) };
  if (n < TAILS_FROM) return { n, quartiles, tails: null };
  const p10 = at(0.1);
  const p90 = at(0.9);
  return { n, quartiles, tails: { p10, p90, spread: p90 - p10 } };
}

export type Band = 1 | 2 | 3 | 4;

/**
 * A member's own quartile band against published quartiles: 1 = the best quarter (at or beyond
 * p75 when higher is better, at or below p25 when lower is better), 4 = the worst. Bounds are
 * inclusive towards the better band, so a better value never lands in a worse band.
 */
export function quartileBand(own: number, quartiles: Quartiles, direction: Direction): Band {
  assertFinite([own]);
  const { p25, median, p75 } = quartiles;
  if (direction === "higher") {
    if (own >= p75) return 1;
    if (own >= median) return 2;
    if (own >= p25) return 3;
    return 4;
  }
  if (own <= p25) return 1;
  if (own <= median) return 2;
  if (own <= p75) return 3;
  return 4;
}

export type WithheldBecause = "too_few" | "dominated";

/** A sum of other firms' figures: the total, or why it is withheld; the count is always shown. */
export interface DisclosedTotal {
  contributors: number;
  total: number | null;
  withheld: WithheldBecause | null;
}

/**
 * True when one contribution makes up more than DOMINANCE_LIMIT_BP of the total. Contributions
 * are magnitudes (money in minor units, quantities); a total of zero is dominated by nobody.
 */
export function isDominated(contributions: ReadonlyArray<number>): boolean {
  assertFinite(contributions);
  let total = 0;
  let largest = 0;
  for (const c of contributions) {
    const magnitude = Math.abs(c);
    total += magnitude;
    if (magnitude > largest) largest = magnitude;
  }
  if (total === 0) return false;
  return largest * 10_000 > total * DOMINANCE_LIMIT_BP;
}

/**
 * The sum of one figure per contributor (sum each firm's entries first: the rules count firms,
 * not rows). Withheld below the threshold, or when one firm dominates the total.
 */
export function discloseTotal(contributions: ReadonlyArray<number>, rule: DisclosureRule): DisclosedTotal {
  assertFinite(contributions);
  const contributors = contributions.length;
  if (!meetsThreshold(contributors, rule)) return { contributors, total: null, withheld: "too_few" };
  if (isDominated(contributions)) return { contributors, total: null, withheld: "dominated" };
  return { contributors, total: contributions.reduce((sum, c) => sum + c, 0), withheld: null };
}

/**
 * A share of a disclosed total (basis points of `whole`), only when the part itself passes the
 * rules: a buyer's share of a network's sales is as revealing as the buyer's total.
 */
export function discloseShareBp(part: DisclosedTotal, whole: number): number | null {
  if (part.total === null || whole <= 0) return null;
  return Math.round((part.total * 10_000) / whole);
}

/**
 * May a frozen publication be replaced by one computed over `current` contributors? Only when at
 * least REPUBLISH_MIN_NEW of them were not in the `published` snapshot: the difference between
 * the two publications then mixes two or more unknown figures and names no single firm's.
 */
export function mayRepublish(published: ReadonlyArray<string>, current: ReadonlyArray<string>): boolean {
  const before = new Set(published);
  let fresh = 0;
  for (const id of new Set(current)) if (!before.has(id)) fresh++;
  return fresh >= REPUBLISH_MIN_NEW;
}
