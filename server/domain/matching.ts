/**
 * Matching an SME against a buyer's sourcing need (DOMAIN.md "Sourcing need", "Match"; issue 4
 * section 4). A score from 0 to 100 made of seven parts, each with its points, its maximum and
 * the reason for it. Reasons are i18n keys with parameters (the UI translates), never prose.
 *
 * Every number that shapes a score is in MATCH_WEIGHTS and MATCH_CREDIT below, and nowhere else.
 * Each part's points are whole numbers (a fraction of the part's weight, rounded half up, except
 * capacity which rounds down), so the score is exactly the sum of the parts a user reads.
 */
import { certificationStatus, linkDistance, type UpgradingGoal } from "./chain-position";
import { r, type BuyerGovernance, type NeedCriteria, type Reason, type SmeProfile } from "./match-vocabulary";

// ---------------------------------------------------------------------------------------------
// Weights: the one place to tune matching.

/**
 * Maximum points per part; they add up to 100.
 * - link, tier, location: see MATCH_CREDIT;
 * - functions: the share of the need's required functions the SME performs (all if none required);
 * - certifications: the share of the listed certifications (must-have and preferred) the SME holds
 *   unexpired on the day (all if none listed); a missing or expired must-have excludes the SME;
 * - capacity: full when capacity per month >= the volume, else proportional, rounded down; unknown
 *   capacity scores 0. Below the volume the match is flagged `needsConsortium`;
 * - upgrading: the mean fit of the SME's upgrading goals with how the buyer works (MATCH_CREDIT).
 */
export const MATCH_WEIGHTS = {
  link: 25,
  tier: 10,
  functions: 15,
  certifications: 15,
  capacity: 20,
  location: 5,
  upgrading: 10,
} as const;

export type MatchPart = keyof typeof MATCH_WEIGHTS;
export const MATCH_PARTS = Object.keys(MATCH_WEIGHTS) as MatchPart[];

/**
 * Partial credit, in percent of a part's weight (points = weight x percent / 100, half up).
 * - link: the same link scores best, an adjacent link half (13 of 25), further none;
 * - tier: the same tier full, one tier off half (5 of 10), further none;
 * - location: the same country full, another country 40% (2 of 5): export orders are the point
 *   of the exercise (003:1106), so distance is a mild preference, not a filter;
 * - upgrading goals (DOMAIN.md "Governance", Humphrey & Schmitz 001:11, 001:141): a buyer in a
 *   quasi-hierarchy (defines product and process, demands exclusivity) gives "rapid product and
 *   process upgrading" but makes it "difficult to progress into the design and marketing
 *   functions". So for `functional` upgrading a buyer that designs jointly fits best, one that
 *   specifies only "what" fits fairly, one that specifies "what and how" fits poorly, and
 *   exclusivity costs a further 30 points (it also blocks `chain` moves to other buyers and
 *   sectors). `process` and `product` goals fit best with a buyer offering support (training,
 *   technical help), next with one specifying how (its specifications carry know-how). A firm
 *   that states no goal gets a neutral half, so stating goals neither helps nor hurts on average.
 */
const MATCH_CREDIT = {
  adjacentLink: 50,
  adjacentTier: 50,
  otherCountry: 40,
  upgrading: {
    noGoals: 50,
    functional: { jointDesign: 100, specifiesWhat: 70, specifiesWhatAndHow: 20 },
    processOrProduct: { supportOffered: 100, specifiesWhatAndHow: 70, specifiesWhat: 40 },
    chain: 60,
    /** Taken off the functional and chain fits when the buyer demands exclusivity (000:338). */
    exclusivityPenalty: 30,
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Scores

interface PartScore {
  part: MatchPart;
  points: number;
  max: number;
  /** The headline reason of the part. */
  reason: Reason;
  /** Item-by-item notes (each certification, each missing function, each upgrading goal). */
  details: Reason[];
}

export interface MatchScore {
  firmId: string;
  /** 0..100, the sum of the parts' points; null when excluded. */
  score: number | null;
  excluded: boolean;
  /** Why it is excluded: one reason per missing or expired must-have certification. */
  excludedBy: Reason[];
  /** Capacity is known and below the volume: only a consortium can supply it (section 5). */
  needsConsortium: boolean;
  /** In MATCH_PARTS order; computed even when excluded, so an SME sees what it would score. */
  parts: PartScore[];
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** weight x num / den rounded half up; exact for integer inputs below 2^53 / 100. */
function fraction(weight: number, num: number, den: number): number {
  return Math.round((weight * num) / den);
}

function percentOf(weight: number, percent: number): number {
  return fraction(weight, percent, 100);
}

function part(name: MatchPart, points: number, reason: Reason, details: Reason[] = []): PartScore {
  return { part: name, points, max: MATCH_WEIGHTS[name], reason, details };
}

function normaliseCode(code: string): string {
  return code.trim().replace(/\s+/g, " ").toUpperCase();
}

function unique<T>(items: ReadonlyArray<T>): T[] {
  return [...new Set(items)];
}

function scoreLink(need: NeedCriteria, sme: SmeProfile): PartScore {
  const distance = linkDistance(sme.link, need.link);
  const max = MATCH_WEIGHTS.link;
  if (distance === 0) return part("link", max, r("match.link.same", { link: need.link }));
  const params = { smeLink: sme.link, needLink: need.link, distance };
  if (distance === 1) return part("link", percentOf(max, MATCH_CREDIT.adjacentLink), r("match.link.adjacent", params));
  return part("link", 0, r("match.link.distant", params));
}

function scoreTier(need: NeedCriteria, sme: SmeProfile): PartScore {
  const distance = Math.abs(sme.tier - need.tier);
  const max = MATCH_WEIGHTS.tier;
  if (distance === 0) return part("tier", max, r("match.tier.same", { tier: need.tier }));
  const params = { smeTier: sme.tier, needTier: need.tier };
  if (distance === 1) return part("tier", percentOf(max, MATCH_CREDIT.adjacentTier), r("match.tier.adjacent", params));
  return part("tier", 0, r("match.tier.distant", params));
}

function scoreFunctions(need: NeedCriteria, sme: SmeProfile): PartScore {
  const required = unique(need.functions);
  const max = MATCH_WEIGHTS.functions;
  if (required.length === 0) return part("functions", max, r("match.functions.none_required"));
  const performed = new Set(sme.functions);
  const missing = required.filter((f) => !performed.has(f));
  const covered = required.length - missing.length;
  return part(
    "functions",
    fraction(max, covered, required.length),
    r("match.functions.covered", { covered, required: required.length, missing: missing.join(", ") }),
    missing.map((f) => r("match.functions.missing", { function: f })),
  );
}

function scoreCertifications(need: NeedCriteria, sme: SmeProfile, today: string): { part: PartScore; excludedBy: Reason[] } {
  const max = MATCH_WEIGHTS.certifications;
  // One requirement per code; must-have wins if a code is listed twice.
  const requirements = new Map<string, { code: string; mustHave: boolean }>();
  for (const { code, mustHave } of need.certifications) {
    const key = normaliseCode(code);
    const prior = requirements.get(key);
    requirements.set(key, { code: prior?.code ?? code.trim(), mustHave: mustHave || (prior?.mustHave ?? false) });
  }
  if (requirements.size === 0) {
    return { part: part("certifications", max, r("match.certifications.none_required")), excludedBy: [] };
  }
  // The latest expiry of each code the SME holds (a renewal supersedes the old certificate).
  const held = new Map<string, string | null>();
  for (const { code, expiresOn } of sme.certifications) {
    const key = normaliseCode(code);
    const prior = held.get(key);
    if (prior === undefined) held.set(key, expiresOn);
    else if (prior !== null && (expiresOn === null || expiresOn > prior)) held.set(key, expiresOn);
  }

  const details: Reason[] = [];
  const excludedBy: Reason[] = [];
  let valid = 0;
  for (const [key, { code, mustHave }] of requirements) {
    const kind = mustHave ? "must_have" : "preferred";
    const expiresOn = held.get(key);
    if (expiresOn === undefined) {
      details.push(r("match.certifications.missing", { code, kind }));
      if (mustHave) excludedBy.push(r("match.excluded.missing_must_have", { code }));
      continue;
    }
    const status = certificationStatus(expiresOn, today);
    if (status === "expired") {
      details.push(r("match.certifications.expired", { code, kind, expiredOn: expiresOn as string }));
      if (mustHave) excludedBy.push(r("match.excluded.expired_must_have", { code, expiredOn: expiresOn as string }));
      continue;
    }
    valid += 1;
    details.push(
      status === "expiring"
        ? r("match.certifications.expiring", { code, kind, expiresOn: expiresOn as string })
        : r("match.certifications.valid", { code, kind }),
    );
  }
  const points = fraction(max, valid, requirements.size);
  return {
    part: part("certifications", points, r("match.certifications.held", { held: valid, listed: requirements.size }), details),
    excludedBy,
  };
}

function scoreCapacity(need: NeedCriteria, sme: SmeProfile): { part: PartScore; needsConsortium: boolean } {
  const max = MATCH_WEIGHTS.capacity;
  const volume = need.volumePerMonth;
  const capacity = sme.capacityPerMonth;
  if (capacity === null) {
    return { part: part("capacity", 0, r("match.capacity.unknown", { volume })), needsConsortium: false };
  }
  if (capacity >= volume) {
    return { part: part("capacity", max, r("match.capacity.covers", { capacity, volume })), needsConsortium: false };
  }
  return {
    // Rounded down, so full points (and "100%") mean the volume is really covered.
    part: part(
      "capacity",
      Math.floor((max * capacity) / volume),
      r("match.capacity.partial", { capacity, volume, percent: Math.floor((100 * capacity) / volume) }),
    ),
    needsConsortium: true,
  };
}

function scoreLocation(need: NeedCriteria, sme: SmeProfile): PartScore {
  const max = MATCH_WEIGHTS.location;
  const needCountry = need.country.toUpperCase();
  const smeCountry = sme.country.toUpperCase();
  if (needCountry === smeCountry) return part("location", max, r("match.location.same_country", { country: needCountry }));
  return part("location", percentOf(max, MATCH_CREDIT.otherCountry), r("match.location.other_country", { smeCountry, needCountry }));
}

/** How well the buyer serves one upgrading goal, in percent, with the reasons. */
function goalFit(goal: UpgradingGoal, g: BuyerGovernance): { percent: number; details: Reason[] } {
  const credit = MATCH_CREDIT.upgrading;
  const details: Reason[] = [];
  let percent: number;
  if (goal === "functional") {
    if (g.jointDesign) {
      percent = credit.functional.jointDesign;
      details.push(r("match.upgrading.functional.joint_design", { goal, percent }));
    } else if (g.specifies === "what") {
      percent = credit.functional.specifiesWhat;
      details.push(r("match.upgrading.functional.what_only", { goal, percent }));
    } else {
      percent = credit.functional.specifiesWhatAndHow;
      details.push(r("match.upgrading.functional.what_and_how", { goal, percent }));
    }
  } else if (goal === "chain") {
    percent = credit.chain;
    details.push(r("match.upgrading.chain", { goal, percent }));
  } else {
    const support = g.supportOffered.filter((s) => s.trim() !== "");
    if (support.length > 0) {
      percent = credit.processOrProduct.supportOffered;
      details.push(r("match.upgrading.support_offered", { goal, percent, support: support.join(", ") }));
    } else if (g.specifies === "what_and_how") {
      percent = credit.processOrProduct.specifiesWhatAndHow;
      details.push(r("match.upgrading.buyer_specifies_how", { goal, percent }));
    } else {
      percent = credit.processOrProduct.specifiesWhat;
      details.push(r("match.upgrading.no_support", { goal, percent }));
    }
  }
  if (g.exclusivity && (goal === "functional" || goal === "chain")) {
    const penalty = Math.min(percent, credit.exclusivityPenalty);
    percent -= penalty;
    details.push(r("match.upgrading.exclusivity", { goal, penalty }));
  }
  return { percent, details };
}

function scoreUpgrading(need: NeedCriteria, sme: SmeProfile): PartScore {
  const max = MATCH_WEIGHTS.upgrading;
  const goals = unique(sme.upgradingGoals);
  if (goals.length === 0) {
    return part("upgrading", percentOf(max, MATCH_CREDIT.upgrading.noGoals), r("match.upgrading.no_goals"));
  }
  const fits = goals.map((goal) => goalFit(goal, need.governance));
  const sum = fits.reduce((s, f) => s + f.percent, 0);
  // The mean fit over the SME's goals.
  return part(
    "upgrading",
    fraction(max, sum, 100 * goals.length),
    r("match.upgrading.fit", { goals: goals.join(", "), percent: fraction(1, sum, goals.length) }),
    fits.flatMap((f) => f.details),
  );
}

function assertCriteria(need: NeedCriteria, sme: SmeProfile): void {
  if (!Number.isFinite(need.volumePerMonth) || need.volumePerMonth <= 0) {
    throw new RangeError(`volumePerMonth must be a positive number, got ${need.volumePerMonth}`);
  }
  const capacity = sme.capacityPerMonth;
  if (capacity !== null && (!Number.isFinite(capacity) || capacity < 0)) {
    throw new RangeError(`capacityPerMonth of ${sme.firmId} must be a non-negative number or null, got ${capacity}`);
  }
}

/**
 * Score `sme` against `need` on `today` (ISO date; certificates expiring before it do not count).
 * A missing or expired must-have certification excludes the SME: `excluded` is true, `score` is
 * null and `excludedBy` names each one; the parts are still computed for the SME's own view.
 */
export function scoreMatch(need: NeedCriteria, sme: SmeProfile, today: string): MatchScore {
  assertCriteria(need, sme);
  const certifications = scoreCertifications(need, sme, today);
  const capacity = scoreCapacity(need, sme);
  const parts = [
    scoreLink(need, sme),
    scoreTier(need, sme),
    scoreFunctions(need, sme),
    certifications.part,
    capacity.part,
    scoreLocation(need, sme),
    scoreUpgrading(need, sme),
  ];
  const excluded = certifications.excludedBy.length > 0;
  return {
    firmId: sme.firmId,
    score: excluded ? null : parts.reduce((sum, p) => sum + p.points, 0),
    excluded,
    excludedBy: certifications.excludedBy,
    needsConsortium: capacity.needsConsortium,
    parts,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type RankedMatch = MatchScore & { score: number; excluded: false };

/**
 * The SMEs that are not excluded, by score descending, then firmId; the first `limit` of them
 * when a limit is given. O(n log n) in the number of SMEs.
 */
export function rankMatches(need: NeedCriteria, smes: ReadonlyArray<SmeProfile>, today: string, limit?: number): RankedMatch[] {
  const ranked = smes
    .map((sme) => scoreMatch(need, sme, today))
    .filter((m): m is RankedMatch => !m.excluded)
    .sort((a, b) => b.score - a.score || compareIds(a.firmId, b.firmId));
  return limit === undefined ? ranked : ranked.slice(0, limit);
}
