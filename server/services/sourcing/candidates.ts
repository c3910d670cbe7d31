import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm, firmCapacity, firmCertification } from "../../../db/schema/firms";
import { networkMember } from "../../../db/schema/networks";
import { rankMatches, type RankedMatch } from "../../domain/matching";
import type { NeedCriteria, SmeProfile } from "../../domain/match-vocabulary";
import type { NeedRow } from "./need-access";
import { preScoreSql, type CandidateScope, type Evaluate } from "./pre-score-sql";

export interface Candidate extends SmeProfile {
  name: string;
  networkIds: string[];
}

const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The SMEs a need may be matched with (all SMEs, or the chosen networks' members), as matching
 * profiles. Capacity counts the SME's capacities in the need's unit; none in that unit is "not
 * said" (null), which matching scores as unknown rather than as zero.
 */
export async function loadCandidates(db: Db | Tx, need: NeedRow, options: CandidateScope = {}): Promise<Candidate[]> {
  const scopeNetworks = options.networkIds ?? (need.visibility === "networks" ? need.networkIds : null);
  if (options.firmIds && options.firmIds.length === 0) return [];
  const membershipsOf = (firmIds?: string[]) =>
    db
      .select({ firmId: networkMember.firmId, networkId: networkMember.networkId })
      .from(networkMember)
      .where(
        and(
          eq(networkMember.status, "active"),
          scopeNetworks ? inArray(networkMember.networkId, scopeNetworks.length ? scopeNetworks : ["none"]) : undefined,
          // Only the asked firms' memberships are ever read below.
          firmIds ? inArray(networkMember.firmId, firmIds) : undefined,
        ),
      );
  const firmsOf = (firmIds?: string[]) =>
    db
      .select({
        id: firm.id,
        name: firm.name,
        link: firm.link,
        tier: firm.tier,
        functions: firm.functions,
        country: firm.country,
        region: firm.region,
        upgradingGoals: firm.upgradingGoals,
      })
      .from(firm)
      .where(firmIds ? and(eq(firm.kind, "sme"), inArray(firm.id, firmIds)) : eq(firm.kind, "sme"));
  const certsOf = (firmIds: string[]) =>
    db
      .select({ firmId: firmCertification.firmId, code: firmCertification.code, expiresOn: firmCertification.expiresOn })
      .from(firmCertification)
      .where(inArray(firmCertification.firmId, firmIds));
  const capsOf = (firmIds: string[]) =>
    db
      .select({ firmId: firmCapacity.firmId, unitsPerMonth: firmCapacity.unitsPerMonth, unit: firmCapacity.unit })
      .from(firmCapacity)
      .where(inArray(firmCapacity.firmId, firmIds));

  let memberships: Array<{ firmId: string; networkId: string }>;
  let rows: Awaited<ReturnType<typeof firmsOf>>;
  let certs: Awaited<ReturnType<typeof certsOf>>;
  let caps: Awaited<ReturnType<typeof capsOf>>;
  if (options.firmIds) {
    // The firms are known: the four reads at once (rows of firms that turn out unusable are ignored).
    const firmIds = options.firmIds;
    [memberships, rows, certs, caps] = await Promise.all([
      inChunks(firmIds, membershipsOf),
      inChunks(firmIds, firmsOf),
      inChunks(firmIds, certsOf),
      inChunks(firmIds, capsOf),
    ]);
  } else {
    memberships = await membershipsOf();
    const inScope = scopeNetworks ? [...new Set(memberships.map((m) => m.firmId))] : null;
    if (inScope && inScope.length === 0) return [];
    rows = inScope ? await inChunks(inScope, firmsOf) : await firmsOf();
    const usableIds = rows.filter((r) => r.link !== null && r.tier !== null).map((r) => r.id);
    if (usableIds.length === 0) return [];
    certs = await inChunks(usableIds, certsOf);
    caps = await inChunks(usableIds, capsOf);
  }
  return toCandidates(need, { memberships, rows, certs, caps });
}

/** What loadCandidates read, per firm. */
interface CandidateRows {
  memberships: ReadonlyArray<{ firmId: string; networkId: string }>;
  rows: ReadonlyArray<
    Pick<typeof firm.$inferSelect, "id" | "name" | "link" | "tier" | "functions" | "country" | "region" | "upgradingGoals">
  >;
  certs: Array<{ firmId: string; code: string; expiresOn: string | null }>;
  caps: Array<{ firmId: string; unitsPerMonth: number; unit: string }>;
}

/** The usable SMEs (with a link and a tier) as matching profiles. */
function toCandidates(need: NeedRow, { memberships, rows, certs, caps }: CandidateRows): Candidate[] {
  const networksOf = new Map<string, string[]>();
  for (const m of memberships) {
    const own = networksOf.get(m.firmId);
    if (own) own.push(m.networkId);
    else networksOf.set(m.firmId, [m.networkId]);
  }
  const usable = rows.filter((r) => r.link !== null && r.tier !== null);
  // Grouped once (rows keep their order within a firm), not filtered per firm: O(n), not O(n^2).
  const certsByFirm = groupBy(certs, (c) => c.firmId);
  const capsByFirm = groupBy(caps, (c) => c.firmId);
  return usable.map((r) => {
    const own = (capsByFirm.get(r.id) ?? []).filter((c) => sameUnit(c.unit, need.unit));
    return {
      firmId: r.id,
      name: r.name,
      link: r.link!,
      tier: r.tier as SmeProfile["tier"],
      functions: r.functions,
      certifications: (certsByFirm.get(r.id) ?? []).map((c) => ({ code: c.code, expiresOn: c.expiresOn })),
      capacityPerMonth: own.length ? own.reduce((sum, c) => sum + c.unitsPerMonth, 0) : null,
      country: r.country,
      region: r.region,
      upgradingGoals: r.upgradingGoals,
      networkIds: networksOf.get(r.id) ?? [],
    };
  });
}

/**
 * Runs `query` on slices of the distinct `ids`, at most `size` each, and concatenates the rows
 * (a statement takes at most 65,535 parameters).
 */
export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>, size = 10_000): Promise<T[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length <= size) return query(distinct);
  const rows: T[] = [];
  for (let start = 0; start < distinct.length; start += size)
    for (const row of await query(distinct.slice(start, start + size))) rows.push(row);
  return rows;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function criteriaOf(need: NeedRow, volumePerMonth: number) {
  return {
    link: need.link,
    tier: need.tier as SmeProfile["tier"],
    functions: need.functions,
    certifications: need.certifications,
    volumePerMonth,
    country: need.deliveryCountry,
    governance: {
      specifies: need.specifies,
      supportOffered: need.supportOffered,
      exclusivity: need.exclusivity,
      jointDesign: need.designsJointly,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The top matches without scoring every SME in JavaScript

/** SMEs pre-scored in full in the first round, per match asked for (and at least the floor). */
const FIRST_ROUND_PER_MATCH = 40;
const FIRST_ROUND_FLOOR = 500;
/** How much a round grows what it looks at when the previous one could not decide. */
const GROWTH = 8;
/** Beyond this many SMEs loaded for exact scoring, scoring every candidate in JavaScript is as cheap. */
const MAX_PRESELECTED = 20_000;
const MAX_ROUNDS = 6;

/**
 * The first `limit` of `rankMatches(criteria, <all candidates>, today)`, with their profiles:
 * exactly the same matches, scores and parts, without loading every SME.
 *
 * The database computes an upper bound of each candidate's score (`preScoreSql`) in two steps:
 * the FIRM part (link, tier, functions, country, goals: columns of `firm` only, cheap for every
 * SME) and the RELATED part (certifications and capacity, from other tables). A round:
 *
 * 1. evaluates the candidates with the best firm parts (the first `top` of them, or all those
 *    with a firm part >= `floor`): their pre-score = firm part + related part, dropping those
 *    that cannot hold a must-have certification;
 * 2. returns the best `k` of those by pre-score, plus every one tied with the k-th (T = the k-th
 *    pre-score, the CUT); they are loaded and scored exactly by `rankMatches`.
 *
 * Let S be the `limit`-th exact score among those returned. The round's top `limit` is the true
 * one when every candidate not returned scores strictly less than S (then it cannot enter, not
 * even on the firmId tie-break):
 * - an evaluated candidate not returned has pre-score < T, so it is enough that S >= T;
 * - a candidate not evaluated has a firm part <= the lowest evaluated firm part L, so a score
 *   <= L + the related part's maximum: it is enough that this is < S.
 * Otherwise the next round looks further: more returned (k grows) if the cut was the problem;
 * if the unevaluated were, every candidate whose firm part + the related maximum reaches S (S is
 * a lower bound of the true `limit`-th score, so no other can be in the top). Should the
 * pre-score ever fall below an exact score, or the rounds not decide, every candidate is scored
 * in JavaScript as before. On clean data the pre-score IS the exact score.
 */
export async function rankTopMatches(
  db: Db | Tx,
  need: NeedRow,
  options: CandidateScope,
  criteria: NeedCriteria,
  today: string,
  limit: number,
  /** How many SMEs the first round pre-scores in full (tests make it small to force more rounds). */
  firstRound = Math.max(FIRST_ROUND_FLOOR, limit * FIRST_ROUND_PER_MATCH),
): Promise<{ ranked: RankedMatch[]; candidates: Candidate[]; rounds: number; scoredAll: boolean }> {
  const pre = preScoreSql(need, options, criteria, today);
  if (!pre) return { ranked: [], candidates: [], rounds: 0, scoredAll: false };
  let evaluate: Evaluate = { top: Math.max(1, firstRound), floor: null };
  let k = Math.max(1, limit);
  let round = 0;
  while (round < MAX_ROUNDS && k <= MAX_PRESELECTED) {
    round++;
    const result = await db.execute(sql`
      ${pre.scored(evaluate)},
      cut as (select (select pre from scored order by pre desc limit 1 offset ${sql.raw(String(k - 1))}) as pre)
      select s.id, s.pre, cut.pre as cut, meta.evaluated, meta.lowest
      from meta cross join cut left join scored s on cut.pre is null or s.pre >= cut.pre`);
    const rows = rowsOf<{ id: string | null; pre: number | null; cut: number | null; evaluated: number; lowest: number | null }>(result);
    const { cut, evaluated, lowest } = rows[0];
    const returned = rows.filter((r) => r.id !== null) as Array<{ id: string; pre: number }>;
    const candidates = await loadCandidates(db, need, { ...options, firmIds: returned.map((r) => r.id) });
    const ranked = rankMatches(criteria, candidates, today);
    const preOf = new Map(returned.map((r) => [r.id, Number(r.pre)]));
    // The guarantee rests on pre-score >= exact score; should that ever fail, score everyone.
    if (ranked.some((m) => m.score > preOf.get(m.firmId)!)) break;
    const s = ranked.length >= limit ? ranked[limit - 1].score : null;
    const cutDecided = cut === null || (s !== null && s >= Number(cut));
    const allEvaluated = evaluate.top === null || Number(evaluated) < evaluate.top;
    const restDecided = allEvaluated || (s !== null && lowest !== null && Number(lowest) + pre.relatedMax < s);
    if (cutDecided && restDecided) return { ranked: ranked.slice(0, limit), candidates, rounds: round, scoredAll: false };
    if (!cutDecided) k *= GROWTH;
    if (!restDecided)
      evaluate = s !== null ? { top: null, floor: s - pre.relatedMax } : { top: evaluate.top! * GROWTH, floor: evaluate.floor };
  }
  const candidates = await loadCandidates(db, need, options);
  return { ranked: rankMatches(criteria, candidates, today, limit), candidates, rounds: round, scoredAll: true };
}

/** Every candidate's pre-score (for tests: it must never be below the exact score). */
export async function preScores(
  db: Db | Tx,
  need: NeedRow,
  options: CandidateScope,
  criteria: NeedCriteria,
  today: string,
): Promise<Map<string, number>> {
  const pre = preScoreSql(need, options, criteria, today);
  if (!pre) return new Map();
  const rows = rowsOf<{ id: string; pre: number }>(
    await db.execute(sql`${pre.scored({ top: null, floor: null })} select id, pre from scored`),
  );
  return new Map(rows.map((r) => [r.id, Number(r.pre)]));
}

function rowsOf<T>(result: unknown): T[] {
  // node-postgres gives { rows }, PGlite too; be lenient about an array.
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
