/**
 * Dependence on a single buyer (DOMAIN.md "Dependence on a single buyer"; issue 4 section 2).
 * Pure measures over one SME's sales ledger for one period: top-buyer share, top-3 share, number
 * of buyers, customer HHI, the projected figures if an order is won, the level against a
 * network's thresholds, and a network's systemic buyers (the trend over periods: dependence-trend.ts).
 *
 * Money is integer minor units, all in one currency (the caller converts first; a figure never
 * mixes currencies). Shares are exact fractions amount / total; they are exposed rounded to basis
 * points (1 bp = 0.01%), half up, computed in BigInt so no float ever decides a level.
 */
import { discloseTotal, disclosureRule, type DisclosureRule, type WithheldBecause } from "./disclosure";

export interface SaleEntry {
  /** Platform firm id or a stable key of a named outside customer. */
  customerKey: string;
  customerName: string;
  amountMinor: number;
  /** Sold through an agent: the share counts against the agent (issue 4 section 2) and is flagged. */
  viaAgent?: boolean;
  agentKey?: string;
  agentName?: string;
}

interface BuyerShare {
  /** The customer's key, or the agent's key for sales through an agent. */
  key: string;
  name: string;
  amountMinor: number;
  /** amountMinor / totalMinor in basis points, rounded half up. */
  shareBp: number;
  /** True when some of this amount went through the agent `key`. */
  viaAgent: boolean;
  /** Names of the end customers reached through this agent (sorted, unique); empty otherwise. */
  endCustomers: string[];
}

export interface Measure {
  totalMinor: number;
  /** Customers (or agents) with a positive amount. */
  buyers: number;
  topBuyer: { key: string; name: string; shareBp: number; amountMinor: number; viaAgent: boolean } | null;
  topShareBp: number;
  /** Share of the three largest buyers together, rounded once from the exact sum. */
  top3ShareBp: number;
  /** Sum of squared percentage shares, 0..10,000 (rounded half up from the exact value). */
  hhi: number;
  /** Sorted by amount descending, then key. */
  shares: BuyerShare[];
}

/**
 * Thresholds are settings per network; the papers give none (DOMAIN.md). Shares in basis points,
 * HHI in points of 0..10,000.
 */
export interface Thresholds {
  notableShareBp: number;
  warningShareBp: number;
  criticalShareBp: number;
  hhiModerate: number;
  hhiHigh: number;
  /** A buyer with at least this share of a network's combined sales is systemic. */
  systemicShareBp: number;
}

/**
 * Defaults and where they come from:
 * - 10% notable: major-customer disclosure rule, ASC 280-10-50-42 / IFRS 8 para. 34;
 * - 25% warning: EU large-exposure limit on one counterparty, CRR (EU 575/2013) art. 395;
 * - 50% critical: more than half of income from one principal, German TVG s.12a;
 * - HHI 1,500 moderate and 2,500 high: 2010 US Horizontal Merger Guidelines, section 5.3;
 * - 20% of a network's combined sales: systemic buyer (DOMAIN.md).
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  notableShareBp: 1000,
  warningShareBp: 2500,
  criticalShareBp: 5000,
  hhiModerate: 1500,
  hhiHigh: 2500,
  systemicShareBp: 2000,
});

export const LEVELS = ["none", "notable", "warning", "critical"] as const;
export type Level = (typeof LEVELS)[number];

export const HHI_LEVELS = ["unconcentrated", "moderate", "high"] as const;
export type HhiLevel = (typeof HHI_LEVELS)[number];

const BP = 10_000n;

/** round(num / den) half up, for num >= 0 and den > 0. */
function roundDiv(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} exceeds the safe integer range`);
  return Number(value);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  }
}

/** Problems with a network's thresholds, empty when usable (for the settings form). */
export function thresholdProblems(t: Thresholds): string[] {
  const problems: string[] = [];
  const all: Array<[keyof Thresholds, number]> = Object.entries(t) as Array<[keyof Thresholds, number]>;
  for (const [name, value] of all) {
    if (!Number.isInteger(value) || value < 0 || value > 10_000) problems.push(`${name} must be an integer in 0..10000`);
  }
  if (!(t.notableShareBp <= t.warningShareBp && t.warningShareBp <= t.criticalShareBp)) {
    problems.push("share thresholds must rise: notable <= warning <= critical");
  }
  if (!(t.hhiModerate <= t.hhiHigh)) problems.push("HHI thresholds must rise: moderate <= high");
  return problems;
}

interface Bucket {
  key: string;
  name: string;
  amount: bigint;
  viaAgent: boolean;
  endCustomers: Set<string>;
}

/** Sales aggregated per buyer key; sales through an agent go to the agent's key. */
function aggregate(sales: ReadonlyArray<SaleEntry>): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (const entry of sales) {
    assertAmount(entry.amountMinor, `amount of the sale to ${entry.customerKey}`);
    let key = entry.customerKey;
    let name = entry.customerName;
    if (entry.viaAgent) {
      if (!entry.agentKey) throw new RangeError(`a sale to ${entry.customerKey} through an agent needs agentKey`);
      key = entry.agentKey;
      name = entry.agentName ?? entry.agentKey;
    }
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { key, name, amount: 0n, viaAgent: false, endCustomers: new Set() };
      buckets.set(key, bucket);
    }
    bucket.amount += BigInt(entry.amountMinor);
    if (entry.viaAgent) {
      bucket.viaAgent = true;
      bucket.endCustomers.add(entry.customerName);
    }
  }
  return buckets;
}

function sortBuckets(buckets: Iterable<Bucket>): Bucket[] {
  return [...buckets]
    .filter((b) => b.amount > 0n)
    .sort((a, b) => (a.amount === b.amount ? compareKeys(a.key, b.key) : a.amount > b.amount ? -1 : 1));
}

function shareBp(amount: bigint, total: bigint): number {
  return total === 0n ? 0 : Number(roundDiv(amount * BP, total));
}

/**
 * The dependence measures of one SME in one period. Buyers with a zero total are left out; an
 * empty ledger (or one summing to zero) gives zeros, HHI 0 and no top buyer.
 *
 * HHI = sum(a_i^2) * 10,000 / T^2, the sum of squared percentage shares, computed exactly in
 * BigInt and rounded half up to an integer: 80/10/10 gives 6,400 + 100 + 100 = 6,600.
 */
export function measure(sales: ReadonlyArray<SaleEntry>): Measure {
  const sorted = sortBuckets(aggregate(sales).values());
  const total = sorted.reduce((sum, b) => sum + b.amount, 0n);
  const totalMinor = toSafeNumber(total, "total sales");
  if (total === 0n) {
    return { totalMinor, buyers: 0, topBuyer: null, topShareBp: 0, top3ShareBp: 0, hhi: 0, shares: [] };
  }
  const shares: BuyerShare[] = sorted.map((b) => ({
    key: b.key,
    name: b.name,
    amountMinor: Number(b.amount),
    shareBp: shareBp(b.amount, total),
    viaAgent: b.viaAgent,
    endCustomers: [...b.endCustomers].sort(compareKeys),
  }));
  const top3 = sorted.slice(0, 3).reduce((sum, b) => sum + b.amount, 0n);
  const squares = sorted.reduce((sum, b) => sum + b.amount * b.amount, 0n);
  const top = shares[0];
  return {
    totalMinor,
    buyers: shares.length,
    topBuyer: { key: top.key, name: top.name, shareBp: top.shareBp, amountMinor: top.amountMinor, viaAgent: top.viaAgent },
    topShareBp: top.shareBp,
    top3ShareBp: shareBp(top3, total),
    hhi: Number(roundDiv(squares * BP, total * total)),
    shares,
  };
}

/**
 * The measures if `order` is won: its value over the period is added to the ledger, so it counts
 * both in that customer's sales and in the total (DOMAIN.md "the projected share and HHI").
 */
export function project(sales: ReadonlyArray<SaleEntry>, order: SaleEntry): Measure {
  return measure([...sales, order]);
}

/** Level from the top-buyer share alone. */
export function shareLevel(topShareBp: number, t: Thresholds = DEFAULT_THRESHOLDS): Level {
  if (topShareBp >= t.criticalShareBp) return "critical";
  if (topShareBp >= t.warningShareBp) return "warning";
  if (topShareBp >= t.notableShareBp) return "notable";
  return "none";
}

export function hhiLevel(hhi: number, t: Thresholds = DEFAULT_THRESHOLDS): HhiLevel {
  if (hhi >= t.hhiHigh) return "high";
  if (hhi >= t.hhiModerate) return "moderate";
  return "unconcentrated";
}

const HHI_FLOOR: Record<HhiLevel, Level> = { unconcentrated: "none", moderate: "notable", high: "warning" };

function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

function worse(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/**
 * The overall level. The top-buyer share drives it; the HHI can only raise it, and never above
 * "warning": a moderate HHI makes it at least "notable", a high HHI at least "warning" (many
 * medium-sized buyers concentrate sales without one of them being critical).
 *
 * With the default thresholds the HHI never changes the outcome, since HHI <= 10,000 x top share
 * (HHI >= 1,500 implies a top share >= 15%, HHI >= 2,500 one >= 25%); it matters when a network
 * raises its share thresholds. Comparisons use the displayed (rounded) figures, so what the user
 * reads and the level always agree.
 */
export function levelOf(m: Pick<Measure, "topShareBp" | "hhi">, t: Thresholds = DEFAULT_THRESHOLDS): Level {
  return worse(shareLevel(m.topShareBp, t), HHI_FLOOR[hhiLevel(m.hhi, t)]);
}

/**
 * The level newly reached when it goes from `before` to `after`, for the notice sent once per
 * upward crossing (not per edit); null when the level stayed or fell.
 */
export function crossedUpward(before: Level, after: Level): Level | null {
  return levelRank(after) > levelRank(before) ? after : null;
}

/** For a broker's list "members sorted by risk": level, then top share, then HHI, all descending. */
export function compareByRisk(
  a: Pick<Measure, "topShareBp" | "hhi">,
  b: Pick<Measure, "topShareBp" | "hhi">,
  t: Thresholds = DEFAULT_THRESHOLDS,
): number {
  return levelRank(levelOf(b, t)) - levelRank(levelOf(a, t)) || b.topShareBp - a.topShareBp || b.hhi - a.hhi;
}

export interface MemberSales {
  firmId: string;
  sales: ReadonlyArray<SaleEntry>;
}

export interface SystemicBuyer {
  key: string;
  name: string;
  /** How many members sell to it: the contributors of its combined figure, always shown. */
  contributors: number;
  /**
   * The buyer's purchases from all members together: a sum of other firms' figures, so only
   * through the disclosure rule (server/domain/disclosure.ts); null when withheld.
   */
  amountMinor: number | null;
  /** Its share of the members' combined sales, in bp; null whenever `amountMinor` is. */
  shareBp: number | null;
  /** Why the combined figures are withheld: too few members sell to it, or one of them dominates. */
  withheld: WithheldBecause | null;
  viaAgent: boolean;
  /** Members selling to it, by this buyer's share of the member's own sales (desc), then firmId. */
  members: Array<{ firmId: string; amountMinor: number; shareBp: number }>;
}

/**
 * Buyers whose share of the members' combined sales is at least `systemicShareBp` (Sinos Valley:
 * one buyer took close to 40% of the cluster's output, 001:307), sorted by share descending, then
 * amount descending, then key. Agents count as buyers here too, as in `measure`. A buyer is
 * systemic on its true share, so the risk is always named; its combined amount and share are
 * published only through `discloseTotal` over the members selling to it (`rule`).
 */
export function systemicBuyers(
  memberSales: ReadonlyArray<MemberSales>,
  t: Thresholds = DEFAULT_THRESHOLDS,
  rule: DisclosureRule = disclosureRule(),
): SystemicBuyer[] {
  const seen = new Set<string>();
  const combined = new Map<string, Bucket>();
  const perMember: Array<{ firmId: string; total: bigint; buckets: Map<string, Bucket> }> = [];
  for (const { firmId, sales } of memberSales) {
    if (seen.has(firmId)) throw new RangeError(`sales of ${firmId} given more than once`);
    seen.add(firmId);
    const buckets = aggregate(sales);
    let total = 0n;
    for (const b of buckets.values()) {
      total += b.amount;
      const c = combined.get(b.key);
      if (c) {
        c.amount += b.amount;
        c.viaAgent ||= b.viaAgent;
      } else {
        combined.set(b.key, { ...b, endCustomers: new Set() });
      }
    }
    perMember.push({ firmId, total, buckets });
  }
  const networkTotal = perMember.reduce((sum, m) => sum + m.total, 0n);
  if (networkTotal === 0n) return [];
  toSafeNumber(networkTotal, "network sales");

  return sortBuckets(combined.values())
    .map((b) => ({ b, shareBp: shareBp(b.amount, networkTotal) }))
    .filter(({ shareBp: s }) => s >= t.systemicShareBp)
    .sort((x, y) => y.shareBp - x.shareBp || (x.b.amount === y.b.amount ? compareKeys(x.b.key, y.b.key) : x.b.amount > y.b.amount ? -1 : 1))
    .map(({ b, shareBp: s }) => {
      const members = perMember
        .flatMap(({ firmId, total, buckets }) => {
          const own = buckets.get(b.key);
          return own && own.amount > 0n ? [{ firmId, amountMinor: Number(own.amount), shareBp: shareBp(own.amount, total) }] : [];
        })
        .sort((x, y) => y.shareBp - x.shareBp || y.amountMinor - x.amountMinor || compareKeys(x.firmId, y.firmId));
      // One figure per member firm (its sales to this buyer), as the rule counts firms.
      const disclosed = discloseTotal(
        members.map((m) => m.amountMinor),
        rule,
      );
      return {
        key: b.key,
        name: b.name,
        contributors: disclosed.contributors,
        amountMinor: disclosed.total,
        shareBp: disclosed.total === null ? null : s,
        withheld: disclosed.withheld,
        viaAgent: b.viaAgent,
        members,
      };
    });
}
