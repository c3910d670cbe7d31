import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm, firmCapacity, firmCertification } from "../../../db/schema/firms";
import { networkMember } from "../../../db/schema/networks";
import { LINKS, TIERS, UPGRADING_GOALS, type Link, type UpgradingGoal } from "../../domain/chain-position";
import { MATCH_PARTS, rankMatches, scoreMatch, type MatchPart, type NeedCriteria, type RankedMatch, type SmeProfile } from "../../domain/matching";
import type { NeedRow } from "./need-access";

export interface Candidate extends SmeProfile {
  name: string;
  networkIds: string[];
}

const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

interface CandidateScope {
  firmIds?: string[];
  networkIds?: string[];
}

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
  for (let start = 0; start < distinct.length; start += size) for (const row of await query(distinct.slice(start, start + size))) rows.push(row);
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
    if (!restDecided) evaluate = s !== null ? { top: null, floor: s - pre.relatedMax } : { top: evaluate.top! * GROWTH, floor: evaluate.floor };
  }
  const candidates = await loadCandidates(db, need, options);
  return { ranked: rankMatches(criteria, candidates, today, limit), candidates, rounds: round, scoredAll: true };
}

/** Which candidates a round pre-scores in full: the first `top` by firm part, or all with a firm part >= `floor`. */
interface Evaluate {
  top: number | null;
  floor: number | null;
}

/** Every candidate's pre-score (for tests: it must never be below the exact score). */
export async function preScores(db: Db | Tx, need: NeedRow, options: CandidateScope, criteria: NeedCriteria, today: string): Promise<Map<string, number>> {
  const pre = preScoreSql(need, options, criteria, today);
  if (!pre) return new Map();
  const rows = rowsOf<{ id: string; pre: number }>(await db.execute(sql`${pre.scored({ top: null, floor: null })} select id, pre from scored`));
  return new Map(rows.map((r) => [r.id, Number(r.pre)]));
}

function rowsOf<T>(result: unknown): T[] {
  // node-postgres gives { rows }, PGlite too; be lenient about an array.
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** JavaScript's own `trim().replace(/\s+/g, " ").toUpperCase()` of matching.ts, for requirement keys. */
const normaliseCode = (code: string) => code.trim().replace(/\s+/g, " ").toUpperCase();
/**
 * Text made only of printable ASCII (0x20..0x7e). On such text, JavaScript's trim / \s /
 * toUpperCase / toLowerCase and PostgreSQL's btrim(' ') / ' +' / upper / lower under the "C"
 * collation agree exactly; any other text is treated by the pre-score as matching everything,
 * which keeps it an upper bound (the exact scoring decides).
 */
const NOT_PRINTABLE_ASCII = "[^\\x20-\\x7e]";

/**
 * An SQL upper bound of `scoreMatch(criteria, sme, today).score` for every candidate in scope,
 * and filters that only drop SMEs `scoreMatch` excludes. No weight or credit is repeated here:
 * each part's points are read off `scoreMatch` itself for every value the SQL can tell apart
 * (link, tier, number of required functions performed, number of listed certifications held,
 * capacity thresholds, country, set of upgrading goals), and any value it cannot tell apart gets
 * the part's maximum. A part's points must not fall when the SME has more (functions,
 * certifications, capacity), which the tables enforce by a running maximum.
 *
 * `scored(evaluate)` is a `with` list ending in `meta(evaluated, lowest)` (how many candidates
 * were pre-scored in full, and their lowest firm part) and `scored(id, pre)`. Null when the
 * scope is empty.
 */
function preScoreSql(need: NeedRow, options: CandidateScope, criteria: NeedCriteria, today: string) {
  const scopeNetworks = options.networkIds ?? (need.visibility === "networks" ? need.networkIds : null);
  if ((scopeNetworks && scopeNetworks.length === 0) || (options.firmIds && options.firmIds.length === 0)) return null;
  const where = [sql`f.kind = 'sme'`, sql`f.link is not null`, sql`f.tier is not null`];
  if (options.firmIds) where.push(sql`f.id in (${sql.join(options.firmIds.map((id) => sql`${id}`), sql`, `)})`);
  if (scopeNetworks) {
    const networks = sql.join(
      scopeNetworks.map((id) => sql`${id}`),
      sql`, `,
    );
    where.push(sql`exists (select 1 from network_member m where m.firm_id = f.id and m.status = 'active' and m.network_id in (${networks}))`);
  }

  const probe = (over: Partial<SmeProfile>) =>
    scoreMatch(
      criteria,
      {
        firmId: "probe",
        link: criteria.link,
        tier: criteria.tier,
        functions: [],
        certifications: [],
        capacityPerMonth: null,
        country: criteria.country,
        region: null,
        upgradingGoals: [],
        ...over,
      },
      today,
    );
  const points = (part: MatchPart, over: Partial<SmeProfile>) => probe(over).parts.find((p) => p.part === part)!.points;
  const maxOf = (part: MatchPart) => probe({}).parts.find((p) => p.part === part)!.max;
  const int = (n: number) => {
    if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
    return sql.raw(String(n));
  };
  const runningMax = (values: number[]) => values.map((_, i) => Math.max(...values.slice(0, i + 1)));
  const cases = (subject: SQL, values: number[]) => sql`(case ${subject} ${sql.join(values.map((p, i) => sql`when ${int(i)} then ${int(p)}`), sql` `)} end)`;

  // -- The firm part: columns of `firm` only.
  const firmParts: SQL[] = [];
  // Link and tier: exact, from the stored value.
  const link = sql.join(
    LINKS.map((l) => sql`when ${l} then ${int(points("link", { link: l }))}`),
    sql` `,
  );
  firmParts.push(sql`(case f.link ${link} else ${int(points("link", { link: "\u0000unknown" as Link }))} end)`);
  const tier = sql.join(
    TIERS.map((t) => sql`when ${int(t)} then ${int(points("tier", { tier: t }))}`),
    sql` `,
  );
  firmParts.push(sql`(case f.tier ${tier} else ${int(maxOf("tier"))} end)`);

  // Functions: how many of the required ones the SME performs.
  const required = [...new Set(criteria.functions)];
  const byCovered = runningMax(Array.from({ length: required.length + 1 }, (_, covered) => points("functions", { functions: required.slice(0, covered) })));
  if (required.length === 0) firmParts.push(sql`${int(byCovered[0])}`);
  else {
    const covered = sql.join(
      required.map((fn) => sql`coalesce(${fn} = any(f.functions), false)::int`),
      sql` + `,
    );
    firmParts.push(cases(covered, byCovered));
  }

  // Location: the same country or not.
  const country = criteria.country.toUpperCase();
  const same = points("location", { country: criteria.country });
  const other = points("location", { country: `${criteria.country}\u0000other` });
  firmParts.push(
    sql`(case when upper(f.country collate "C") = ${country} then ${int(same)} when f.country ~ ${NOT_PRINTABLE_ASCII} then ${int(Math.max(same, other))} else ${int(other)} end)`,
  );

  // Upgrading: the set of known goals (16 of them); any unknown goal gets the maximum.
  const masks = Array.from({ length: 1 << UPGRADING_GOALS.length }, (_, mask) =>
    points("upgrading", { upgradingGoals: UPGRADING_GOALS.filter((_, bit) => mask & (1 << bit)) as UpgradingGoal[] }),
  );
  const mask = sql.join(
    UPGRADING_GOALS.map((goal, bit) => sql`coalesce(${goal} = any(f.upgrading_goals), false)::int * ${int(1 << bit)}`),
    sql` + `,
  );
  const known = sql.raw(`array[${UPGRADING_GOALS.map((g) => `'${g}'`).join(",")}]::text[]`);
  firmParts.push(sql`(case when not (f.upgrading_goals <@ ${known}) then ${int(maxOf("upgrading"))} else ${cases(mask, masks)} end)`);
  // Never NULL (a NULL would sort first): anything the SQL could not score gets the maximum.
  const firmMax = (["link", "tier", "functions", "location", "upgrading"] as const).reduce((sum, part) => sum + maxOf(part), 0);
  const firmPart = sql`coalesce(${sql.join(firmParts, sql` + `)}, ${int(firmMax)})`;

  // -- The related part: certifications and capacity of the evaluated candidates.
  const joins: SQL[] = [];
  const relatedParts: SQL[] = [];
  const filters: SQL[] = [];
  let relatedMax = 0;

  // Certifications: per listed code, whether the SME may hold it unexpired today.
  const requirements = new Map<string, { code: string; mustHave: boolean }>();
  for (const { code, mustHave } of criteria.certifications) {
    const key = normaliseCode(code);
    const prior = requirements.get(key);
    requirements.set(key, { code: prior?.code ?? code, mustHave: mustHave || (prior?.mustHave ?? false) });
  }
  const listed = [...requirements.entries()];
  const byHeld = runningMax(
    Array.from({ length: listed.length + 1 }, (_, held) =>
      points("certifications", { certifications: listed.slice(0, held).map(([, r]) => ({ code: r.code, expiresOn: null })) }),
    ),
  );
  relatedMax += Math.max(...byHeld);
  if (listed.length === 0) relatedParts.push(sql`${int(byHeld[0])}`);
  else {
    const heldFlags = listed.map(([key], i) => sql`bool_or(valid and (odd or normalised = ${key})) as k${int(i)}`);
    // A date compares as text in JavaScript ("YYYY-MM-DD"); for years 1..9999 that is the date order.
    // Per evaluated SME through the (firm_id, code) index: the same plan with or without statistics.
    joins.push(sql`left join lateral (
      select ${sql.join(heldFlags, sql`, `)}
      from (
        select code ~ ${NOT_PRINTABLE_ASCII} as odd,
          upper((case when position(' ' in code) > 0 then regexp_replace(btrim(code), ' +', ' ', 'g') else code end) collate "C") as normalised,
          (expires_on is null or case when expires_on between '0001-01-01' and '9999-12-31' then expires_on >= ${today}::date
                                      else expires_on::text collate "C" >= ${today} end) as valid
        from firm_certification
        where firm_id = e.id
      ) held
    ) c on true`);
    const held = sql.join(
      listed.map((_, i) => sql`coalesce(c.k${int(i)}, false)::int`),
      sql` + `,
    );
    relatedParts.push(cases(held, byHeld));
    listed.forEach(([, r], i) => {
      if (r.mustHave) filters.push(sql`coalesce(c.k${int(i)}, false)`);
    });
  }

  // Capacity: the sum of the capacities that may be in the need's unit, against thresholds.
  const unit = need.unit.trim().toLowerCase();
  joins.push(sql`left join lateral (
    select sum(units_per_month) as units
    from firm_capacity
    where firm_id = e.id and (unit ~ ${NOT_PRINTABLE_ASCII} or lower(btrim(unit) collate "C") = ${unit})
  ) k on true`);
  const unknown = points("capacity", { capacityPerMonth: null });
  const steps = capacitySteps((capacity) => points("capacity", { capacityPerMonth: capacity }), criteria.volumePerMonth);
  const capacityCases = steps
    .slice()
    .reverse()
    .map((step) => sql`when k.units >= ${int(step.from)} then ${int(Math.max(step.points, unknown))}`);
  const capacityMax = Math.max(unknown, maxOf("capacity"));
  relatedMax += capacityMax;
  // At or above the volume, the part's maximum (the volume is covered).
  relatedParts.push(
    sql`(case when k.units is null then ${int(unknown)} when k.units >= ${int(criteria.volumePerMonth)} then ${int(capacityMax)} ${sql.join(capacityCases, sql` `)} else ${int(capacityMax)} end)`,
  );
  const relatedPart = sql`coalesce(${sql.join(relatedParts, sql` + `)}, ${int(relatedMax)})`;

  const scored = (evaluate: Evaluate) => sql`
    with base as (
      select f.id, (${firmPart})::int as fpart
      from firm f
      where ${sql.join(where, sql` and `)}
    ),
    evaluated as materialized (
      select id, fpart from base
      ${evaluate.floor !== null ? sql`where fpart >= ${int(evaluate.floor)}` : sql``}
      ${evaluate.top !== null ? sql`order by fpart desc limit ${int(evaluate.top)}` : sql``}
    ),
    meta as (select count(*)::int as evaluated, min(fpart)::int as lowest from evaluated),
    scored as (
      select e.id, (e.fpart + ${relatedPart})::int as pre
      from evaluated e ${sql.join(joins, sql` `)}
      ${filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    )`;
  return { scored, relatedMax };
}

/**
 * Capacity points as steps: each points value reached between 0 and the volume, from the least
 * capacity reaching it (binary search on the scoring function, which never falls as capacity
 * grows). At most one step per point of the part's weight.
 */
function capacitySteps(pointsAt: (capacity: number) => number, volume: number): Array<{ from: number; points: number }> {
  const steps = [{ from: 0, points: pointsAt(0) }];
  const top = pointsAt(volume);
  while (steps.at(-1)!.points < top) {
    const last = steps.at(-1)!;
    let lo = last.from + 1;
    let hi = volume;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (pointsAt(mid) > last.points) hi = mid;
      else lo = mid + 1;
    }
    steps.push({ from: lo, points: pointsAt(lo) });
  }
  return steps;
}
