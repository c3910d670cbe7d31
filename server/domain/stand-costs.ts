/**
 * Splitting a joint trade-fair stand's cost among its exhibitors (DOMAIN.md "Joint trade-fair
 * stand"; SEBRAE paid half of small firms' fair costs, seeds/003 box 5.2). Pure and exact:
 * integer minor units, largest-remainder rounding (`splitByWeights`), ties broken by id, so
 * the result never depends on the order of the input.
 *
 * 1. Gross shares. The stand's total cost is always fully covered by the exhibitors holding
 *    space, so when one more firm takes space the others' shares go down:
 *    - `by_area`: in proportion to each exhibitor's area;
 *    - `equal`: the same for everyone (the odd cents go to the first ids);
 *    - `fee_plus_area`: each pays the fixed fee, the rest of the total is split by area. When
 *      the fees alone would exceed the total (n × fee > total) the fee cannot be charged in
 *      full without collecting more than the stand costs; the total is then split equally,
 *      so nobody pays more than the fee and everyone pays the same, which is what the fee
 *      was meant to be (`feeCoverage.fallback` says so, for the page to explain).
 *      A missing fee counts as zero (the rule then is plain `by_area`).
 * 2. Subsidies, in the order given, each on what earlier subsidies left:
 *    - `percent`: basis points of each eligible exhibitor's gross. The subsidy's total is
 *      floor(percent × eligible gross) (a sponsor never pays more than its percent), spread
 *      over the eligible exhibitors in proportion to their gross with largest remainder, so
 *      the total itself is exact and every firm gets its percent to within one minor unit.
 *    - `fixed`: a total amount spread over the eligible exhibitors in proportion to their
 *      gross. What a firm cannot take (its cap, or its gross already covered) goes to the
 *      other eligible firms in the same proportion; what nobody can take is reported as
 *      `unusedMinor` (the sponsor keeps it).
 *    - `capPerFirmMinor` limits what one firm gets from that subsidy; a percent subsidy's
 *      capped excess is not redistributed (it is a percent of each firm's own cost).
 *    - Eligibility `maxEmployees`: firms with at most that many employees. A firm whose
 *      employee count is unknown is NOT eligible: a sponsor's size rule cannot be shown to
 *      hold for it, and granting public money on a guess is worse than asking the firm to
 *      fill in its profile (the page names the rule, so the firm knows why).
 *    - A firm's subsidies never exceed its gross: net is never negative.
 */
import { splitByWeights, type Weight } from "./cost-split";
import { discloseTotal, isDominated, type DisclosureRule, type WithheldBecause } from "./disclosure";

export const STAND_SPLIT_RULES = ["by_area", "equal", "fee_plus_area"] as const;
export type StandSplitRule = (typeof STAND_SPLIT_RULES)[number];

export interface StandExhibitor {
  id: string;
  /** Area held, whole square decimetres (> 0). */
  areaDm2: number;
  employees: number | null;
}

export interface StandSubsidyRule {
  id: string;
  sponsor: string;
  kind: "percent" | "fixed";
  /** For `percent`: 5000 = 50%. */
  percentBasisPoints?: number;
  /** For `fixed`: the sponsor's total amount for the stand, minor units. */
  amountMinor?: number;
  capPerFirmMinor?: number | null;
  /** Firms with at most this many employees; null or absent: every exhibitor. */
  maxEmployees?: number | null;
}

export interface StandCostLine {
  id: string;
  areaDm2: number;
  grossMinor: number;
  /** One entry per subsidy this firm is eligible for, in subsidy order (amounts may be 0). */
  subsidies: Array<{ subsidyId: string; amountMinor: number }>;
  subsidyMinor: number;
  netMinor: number;
  /** Subsidy ids this firm qualifies for. */
  eligible: string[];
}

interface StandSubsidyTotal {
  subsidyId: string;
  sponsor: string;
  /** What the subsidy actually pays, all firms together. */
  amountMinor: number;
  /** For `fixed`: the part of the amount no eligible firm could take (caps, costs covered); 0 for `percent`. */
  unusedMinor: number;
  /** How many exhibitors qualify. */
  eligibleCount: number;
}

interface StandFeeCoverage {
  feeMinor: number;
  /** The fees actually charged (n × fee), 0 when the split fell back. */
  feesTotalMinor: number;
  /** What was split by area after the fees. */
  restByAreaMinor: number;
  /** "equal" when n × fee exceeded the total and the total was split equally instead. */
  fallback: "equal" | null;
}

export interface StandCosts {
  /** One line per exhibitor, in id order. */
  lines: StandCostLine[];
  totals: { grossMinor: number; subsidyMinor: number; netMinor: number };
  /** In subsidy order. */
  bySubsidy: StandSubsidyTotal[];
  /** Present for `fee_plus_area`. */
  feeCoverage?: StandFeeCoverage;
  /**
   * The part of the total nobody carries: the whole total when no exhibitor holds space,
   * otherwise 0 (the stand is always fully covered by its exhibitors).
   */
  uncoveredMinor: number;
}

export interface StandCostsInput {
  totalCostMinor: number;
  rule: StandSplitRule;
  fixedFeeMinor?: number | null;
  exhibitors: StandExhibitor[];
  subsidies: StandSubsidyRule[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  }
}

/** Who qualifies for a subsidy; unknown employees never qualify for a size rule (see above). */
export function eligibleForSubsidy(subsidy: Pick<StandSubsidyRule, "maxEmployees">, exhibitor: Pick<StandExhibitor, "employees">): boolean {
  if (subsidy.maxEmployees === null || subsidy.maxEmployees === undefined) return true;
  if (exhibitor.employees === null || exhibitor.employees === undefined) return false;
  return exhibitor.employees <= subsidy.maxEmployees;
}

function grossShares(
  total: number,
  rule: StandSplitRule,
  fixedFee: number,
  exhibitors: ReadonlyArray<StandExhibitor>,
): { gross: Map<string, number>; feeCoverage?: StandFeeCoverage } {
  const equal = (): Weight[] => exhibitors.map(({ id }) => ({ id, weight: 1 }));
  const byArea = (): Weight[] => exhibitors.map(({ id, areaDm2 }) => ({ id, weight: areaDm2 }));
  switch (rule) {
    case "by_area":
      return { gross: splitByWeights(total, byArea()) };
    case "equal":
      return { gross: splitByWeights(total, equal()) };
    case "fee_plus_area": {
      const fees = BigInt(fixedFee) * BigInt(exhibitors.length);
      if (fees > BigInt(total)) {
        return {
          gross: splitByWeights(total, equal()),
          feeCoverage: { feeMinor: fixedFee, feesTotalMinor: 0, restByAreaMinor: 0, fallback: "equal" },
        };
      }
      const rest = total - Number(fees);
      const gross = splitByWeights(rest, byArea());
      for (const [id, share] of gross) gross.set(id, share + fixedFee);
      return {
        gross,
        feeCoverage: { feeMinor: fixedFee, feesTotalMinor: Number(fees), restByAreaMinor: rest, fallback: null },
      };
    }
    default: {
      const unknown: never = rule;
      throw new RangeError(`unknown split rule ${String(unknown)}`);
    }
  }
}

/**
 * Distributes `pool` in proportion to `weights`, never giving anyone more than its limit; what
 * a limited firm cannot take is spread again over the others (water-filling). Returns the
 * amounts and what nobody could take.
 */
function distributeWithLimits(
  pool: number,
  weights: ReadonlyArray<Weight>,
  limits: ReadonlyMap<string, number>,
): { amounts: Map<string, number>; unused: number } {
  const amounts = new Map<string, number>(weights.map(({ id }) => [id, 0]));
  let active = weights.filter(({ id, weight }) => weight > 0 && (limits.get(id) ?? 0) > 0);
  let left = pool;
  while (left > 0 && active.length > 0) {
    const split = splitByWeights(left, active);
    const over = active.filter(({ id }) => split.get(id)! >= limits.get(id)!);
    if (over.length === 0) {
      for (const [id, share] of split) amounts.set(id, share);
      left = 0;
      break;
    }
    // Those whose share reaches their limit get exactly the limit; the rest is split again.
    for (const { id } of over) {
      const limit = limits.get(id)!;
      amounts.set(id, limit);
      left -= limit;
    }
    const done = new Set(over.map(({ id }) => id));
    active = active.filter(({ id }) => !done.has(id));
  }
  return { amounts, unused: left };
}

function validate(input: StandCostsInput): void {
  assertAmount(input.totalCostMinor, "total cost");
  if (input.fixedFeeMinor !== null && input.fixedFeeMinor !== undefined) assertAmount(input.fixedFeeMinor, "fixed fee");
  const seen = new Set<string>();
  for (const e of input.exhibitors) {
    if (seen.has(e.id)) throw new RangeError(`duplicate exhibitor ${e.id}`);
    seen.add(e.id);
    if (!Number.isSafeInteger(e.areaDm2) || e.areaDm2 <= 0) {
      throw new RangeError(`area of exhibitor ${e.id} must be a positive integer, got ${e.areaDm2}`);
    }
  }
  const seenSubsidies = new Set<string>();
  for (const s of input.subsidies) {
    if (seenSubsidies.has(s.id)) throw new RangeError(`duplicate subsidy ${s.id}`);
    seenSubsidies.add(s.id);
    if (s.kind === "percent") {
      const bp = s.percentBasisPoints;
      if (bp === undefined || !Number.isInteger(bp) || bp < 0 || bp > 10_000) {
        throw new RangeError(`subsidy ${s.id}: basis points must be an integer 0..10000, got ${bp}`);
      }
    } else if (s.kind === "fixed") {
      if (s.amountMinor === undefined) throw new RangeError(`subsidy ${s.id} needs an amount`);
      assertAmount(s.amountMinor, `amount of subsidy ${s.id}`);
    } else {
      throw new RangeError(`subsidy ${s.id}: unknown kind ${String(s.kind)}`);
    }
    if (s.capPerFirmMinor !== null && s.capPerFirmMinor !== undefined) assertAmount(s.capPerFirmMinor, `cap of subsidy ${s.id}`);
  }
}

const BASIS_POINTS = 10_000n;

/** Each exhibitor's gross share, subsidies and net amount; totals reconcile to the minor unit. */
export function standCosts(input: StandCostsInput): StandCosts {
  validate(input);
  const exhibitors = [...input.exhibitors].sort((a, b) => compareIds(a.id, b.id));
  const fixedFee = input.fixedFeeMinor ?? 0;
  if (exhibitors.length === 0) return withoutExhibitors(input, fixedFee);

  const { gross, feeCoverage } = grossShares(input.totalCostMinor, input.rule, fixedFee, exhibitors);
  const ledger: SubsidyLedger = {
    gross,
    remaining: new Map(gross),
    perLine: new Map(exhibitors.map(({ id }) => [id, []])),
    eligibleOf: new Map(exhibitors.map(({ id }) => [id, []])),
  };
  // In the given order: each subsidy is capped by what the earlier ones left to pay.
  const bySubsidy = input.subsidies.map((subsidy) => applySubsidy(subsidy, exhibitors, ledger));

  const lines: StandCostLine[] = exhibitors.map(({ id, areaDm2 }) => {
    const grossMinor = gross.get(id)!;
    const netMinor = ledger.remaining.get(id)!;
    return {
      id,
      areaDm2,
      grossMinor,
      subsidies: ledger.perLine.get(id)!,
      subsidyMinor: grossMinor - netMinor,
      netMinor,
      eligible: ledger.eligibleOf.get(id)!,
    };
  });

  const totals = lines.reduce(
    (t, l) => ({
      grossMinor: t.grossMinor + l.grossMinor,
      subsidyMinor: t.subsidyMinor + l.subsidyMinor,
      netMinor: t.netMinor + l.netMinor,
    }),
    { grossMinor: 0, subsidyMinor: 0, netMinor: 0 },
  );
  return { lines, totals, bySubsidy, ...(feeCoverage ? { feeCoverage } : {}), uncoveredMinor: 0 };
}

/** With nobody holding space, nobody pays: the whole cost is uncovered and no subsidy is used. */
function withoutExhibitors(input: StandCostsInput, fixedFee: number): StandCosts {
  return {
    lines: [],
    totals: { grossMinor: 0, subsidyMinor: 0, netMinor: 0 },
    bySubsidy: input.subsidies.map((s) => ({
      subsidyId: s.id,
      sponsor: s.sponsor,
      amountMinor: 0,
      unusedMinor: s.kind === "fixed" ? (s.amountMinor ?? 0) : 0,
      eligibleCount: 0,
    })),
    ...(input.rule === "fee_plus_area"
      ? { feeCoverage: { feeMinor: fixedFee, feesTotalMinor: 0, restByAreaMinor: 0, fallback: null } }
      : {}),
    uncoveredMinor: input.totalCostMinor,
  };
}

/** Per exhibitor: its gross share, what is left to pay, the subsidies paid to it, and those it qualified for. */
interface SubsidyLedger {
  gross: ReadonlyMap<string, number>;
  remaining: Map<string, number>;
  perLine: Map<string, Array<{ subsidyId: string; amountMinor: number }>>;
  eligibleOf: Map<string, string[]>;
}

/**
 * One subsidy over its eligible exhibitors, in proportion to their gross shares, never above its
 * per-firm cap or what a firm has left to pay; records each payment in the ledger.
 */
function applySubsidy(subsidy: StandSubsidyRule, exhibitors: StandExhibitor[], ledger: SubsidyLedger): StandSubsidyTotal {
  const { gross, remaining, perLine, eligibleOf } = ledger;
  const eligible = exhibitors.filter((e) => eligibleForSubsidy(subsidy, e));
  for (const e of eligible) eligibleOf.get(e.id)!.push(subsidy.id);
  const weights = eligible.map(({ id }) => ({ id, weight: gross.get(id)! }));
  const cap = subsidy.capPerFirmMinor ?? Number.MAX_SAFE_INTEGER;
  const limits = new Map(eligible.map(({ id }) => [id, Math.min(cap, remaining.get(id)!)]));

  let amounts: Map<string, number>;
  let unused = 0;
  const eligibleGross = weights.reduce((sum, w) => sum + BigInt(w.weight), 0n);
  if (subsidy.kind === "percent") {
    const pool = Number((eligibleGross * BigInt(subsidy.percentBasisPoints!)) / BASIS_POINTS);
    amounts =
      eligibleGross === 0n
        ? new Map(eligible.map(({ id }) => [id, 0]))
        : new Map([...splitByWeights(pool, weights)].map(([id, share]) => [id, Math.min(share, limits.get(id)!)]));
  } else {
    ({ amounts, unused } = distributeWithLimits(subsidy.amountMinor!, weights, limits));
  }

  let paid = 0;
  for (const { id } of eligible) {
    const amount = amounts.get(id) ?? 0;
    perLine.get(id)!.push({ subsidyId: subsidy.id, amountMinor: amount });
    remaining.set(id, remaining.get(id)! - amount);
    paid += amount;
  }
  return { subsidyId: subsidy.id, sponsor: subsidy.sponsor, amountMinor: paid, unusedMinor: unused, eligibleCount: eligible.length };
}

/** The stand's totals as a reader who may not see every line gets them, or why they are withheld. */
export interface DisclosedStandTotals {
  totals: StandCosts["totals"] | null;
  withheld: WithheldBecause | null;
}

/**
 * The totals for a reader who sees only its own line (or none): given through the disclosure
 * rule (server/domain/disclosure.ts) on each firm's gross, subsidy and net, all three or none
 * (gross minus net is the subsidy). Such a reader can subtract its own line, so the dominance
 * rule is also applied to the OTHER firms' figures: when one other firm makes up more than the
 * limit of what is left (say the only other firm with a subsidy), the remainder would be that
 * firm's figure, and the totals are withheld.
 */
export function discloseStandTotals(
  lines: ReadonlyArray<StandCostLine>,
  readerId: string | null,
  rule: DisclosureRule,
): DisclosedStandTotals {
  const others = lines.filter((l) => l.id !== readerId);
  const figures = [(l: StandCostLine) => l.grossMinor, (l: StandCostLine) => l.subsidyMinor, (l: StandCostLine) => l.netMinor];
  const disclosed = figures.map((figure) => discloseTotal(lines.map(figure), rule));
  const tooFew = disclosed.find((d) => d.withheld === "too_few");
  if (tooFew) return { totals: null, withheld: "too_few" };
  if (disclosed.some((d) => d.withheld !== null) || figures.some((figure) => isDominated(others.map(figure)))) {
    return { totals: null, withheld: "dominated" };
  }
  const [grossMinor, subsidyMinor, netMinor] = disclosed.map((d) => d.total!);
  return { totals: { grossMinor, subsidyMinor, netMinor }, withheld: null };
}
