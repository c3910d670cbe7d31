/**
 * Splitting an initiative's cost among its members (DOMAIN.md "Initiative": a budget, funding
 * sources, a split rule and each member's share). Money is integer minor units (STYLE habit 15);
 * every product of money and weight is computed with BigInt, so turnover-sized weights neither
 * overflow nor round, and shares always add up to the cent.
 */

export interface Weight {
  id: string;
  weight: number;
}

/** Deterministic, locale-free id order (localeCompare would depend on the runtime's ICU). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  }
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` minor units in proportion to `weights`.
 * Each member first gets floor(total * w / W); the units left over go one each to the largest
 * remainders, ties broken by id, so the result never depends on input order. Weights are
 * non-negative integers (employees, turnover in minor units, custom points); a zero weight gets
 * nothing. The returned map iterates in id order.
 */
export function splitByWeights(total: number, weights: ReadonlyArray<Weight>): Map<string, number> {
  assertAmount(total, "total");
  const seen = new Set<string>();
  for (const { id, weight } of weights) {
    if (seen.has(id)) throw new RangeError(`duplicate id in weights: ${id}`);
    seen.add(id);
    assertAmount(weight, `weight of ${id}`);
  }

  const sumWeights = weights.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
  if (sumWeights === 0n) {
    if (total > 0) throw new RangeError("cannot split a positive total when every weight is zero");
    return new Map([...weights].sort((a, b) => compareIds(a.id, b.id)).map(({ id }) => [id, 0]));
  }

  const bigTotal = BigInt(total);
  const parts = weights.map(({ id, weight }) => {
    const product = bigTotal * BigInt(weight);
    return { id, share: product / sumWeights, remainder: product % sumWeights };
  });

  // The leftover is fewer than the number of members with a non-zero remainder, so nobody
  // gets more than floor + 1 and an exact quota is never rounded up.
  let leftover = bigTotal - parts.reduce((sum, p) => sum + p.share, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? compareIds(a.id, b.id) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftover === 0n) break;
    part.share += 1n;
    leftover -= 1n;
  }

  return new Map(parts.sort((a, b) => compareIds(a.id, b.id)).map((p) => [p.id, Number(p.share)]));
}

export const SPLIT_RULES = ["equal", "by_employees", "by_turnover", "custom"] as const;
export type SplitRule = (typeof SPLIT_RULES)[number];

export interface SplitParticipant {
  id: string;
  employees: number | null;
  turnoverMinor: number | null;
  customWeight: number | null;
}

/** Thrown when a rule needs a figure some members have not given; `ids` lets the UI name them. */
export class MissingFigureError extends Error {
  readonly rule: SplitRule;
  readonly ids: string[];
  constructor(rule: SplitRule, ids: string[]) {
    super(`Split rule ${rule} needs a figure that these members lack: ${ids.join(", ")}`);
    this.name = "MissingFigureError";
    this.rule = rule;
    this.ids = ids;
  }
}

const FIGURE: Record<Exclude<SplitRule, "equal">, (p: SplitParticipant) => number | null> = {
  by_employees: (p) => p.employees,
  by_turnover: (p) => p.turnoverMinor,
  custom: (p) => p.customWeight,
};

/**
 * The weights a split rule gives each participant. Every member lacking the figure is listed at
 * once (in id order) rather than failing on the first, so a broker can chase them all together.
 */
export function weightsFor(rule: SplitRule, participants: ReadonlyArray<SplitParticipant>): Weight[] {
  if (rule === "equal") return participants.map(({ id }) => ({ id, weight: 1 }));
  const figure = FIGURE[rule];
  const missing = participants
    .filter((p) => figure(p) === null || figure(p) === undefined)
    .map((p) => p.id)
    .sort(compareIds);
  if (missing.length > 0) throw new MissingFigureError(rule, missing);
  return participants.map((p) => ({ id: p.id, weight: figure(p) as number }));
}

export type FundingSource = {
  id: string;
  sponsor: string;
  kind: "percent" | "fixed";
  /** For kind percent: basis points of the budget, 5000 = 50%. */
  percentBasisPoints?: number;
  /** For kind fixed: a fixed amount in minor units. */
  amountMinor?: number;
};

interface FundedAmount {
  id: string;
  sponsor: string;
  amountMinor: number;
}

export interface FundingResult {
  funded: FundedAmount[];
  fundedTotal: number;
  toSplit: number;
}

const BASIS_POINTS = 10_000n;

/**
 * Applies subsidies (SEBRAE paid half a small firm's fair cost, 003:1099) in the given order.
 * A percentage rounds down to the minor unit, so members never pay less than the budget
 * requires. Funding beyond the budget is cut from the later sources, so `toSplit` is never
 * negative; a source cut to zero is still listed so the UI can show it.
 */
export function applyFunding(budget: number, sources: ReadonlyArray<FundingSource>): FundingResult {
  assertAmount(budget, "budget");
  let fundedTotal = 0;
  const funded = sources.map(({ id, sponsor, kind, percentBasisPoints, amountMinor }) => {
    let requested: number;
    if (kind === "percent") {
      if (percentBasisPoints === undefined || !Number.isInteger(percentBasisPoints)) {
        throw new RangeError(`funding source ${id} needs integer basis points`);
      }
      if (percentBasisPoints < 0 || percentBasisPoints > 10_000) {
        throw new RangeError(`funding source ${id}: basis points must be 0..10000, got ${percentBasisPoints}`);
      }
      requested = Number((BigInt(budget) * BigInt(percentBasisPoints)) / BASIS_POINTS);
    } else {
      if (amountMinor === undefined) throw new RangeError(`funding source ${id} needs an amount`);
      assertAmount(amountMinor, `amount of funding source ${id}`);
      requested = amountMinor;
    }
    const granted = Math.min(requested, budget - fundedTotal);
    fundedTotal += granted;
    return { id, sponsor, amountMinor: granted };
  });
  return { funded, fundedTotal, toSplit: budget - fundedTotal };
}

export interface CostShares extends FundingResult {
  /** Each member's share of `toSplit`, sorted by id; they sum exactly to `toSplit`. */
  shares: Array<{ id: string; amountMinor: number }>;
}

export function costShares(
  budget: number,
  sources: ReadonlyArray<FundingSource>,
  rule: SplitRule,
  participants: ReadonlyArray<SplitParticipant>,
): CostShares {
  const funding = applyFunding(budget, sources);
  const split = splitByWeights(funding.toSplit, weightsFor(rule, participants));
  const shares = [...split].map(([id, amountMinor]) => ({ id, amountMinor }));
  return { ...funding, shares };
}
