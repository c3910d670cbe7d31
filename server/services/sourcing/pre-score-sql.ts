import { sql, type SQL } from "drizzle-orm";
import { LINKS, TIERS, UPGRADING_GOALS, type Link } from "../../domain/chain-position";
import { scoreMatch, type MatchPart } from "../../domain/matching";
import type { NeedCriteria, SmeProfile } from "../../domain/match-vocabulary";
import type { NeedRow } from "./need-access";

/** Which SMEs are candidates: given firms, and/or the members of given networks. */
export interface CandidateScope {
  firmIds?: string[];
  networkIds?: string[];
}

/** Which candidates a round pre-scores in full: the first `top` by firm part, or all with a firm part >= `floor`. */
export interface Evaluate {
  top: number | null;
  floor: number | null;
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

function int(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return sql.raw(String(n));
}

const runningMax = (values: number[]) => values.map((_, i) => Math.max(...values.slice(0, i + 1)));
const cases = (subject: SQL, values: number[]) =>
  sql`(case ${subject} ${sql.join(
    values.map((p, i) => sql`when ${int(i)} then ${int(p)}`),
    sql` `,
  )} end)`;

/** A part's points and maximum as `scoreMatch` itself gives them, for a probe SME. */
interface Probe {
  points: (part: MatchPart, over: Partial<SmeProfile>) => number;
  maxOf: (part: MatchPart) => number;
}

function probeOf(criteria: NeedCriteria, today: string): Probe {
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
  return {
    points: (part, over) => probe(over).parts.find((p) => p.part === part)!.points,
    maxOf: (part) => probe({}).parts.find((p) => p.part === part)!.max,
  };
}

/** The firms in scope; null when the scope is empty. */
function scopeFilter(need: NeedRow, options: CandidateScope): SQL[] | null {
  const scopeNetworks = options.networkIds ?? (need.visibility === "networks" ? need.networkIds : null);
  if ((scopeNetworks && scopeNetworks.length === 0) || (options.firmIds && options.firmIds.length === 0)) return null;
  const where = [sql`f.kind = 'sme'`, sql`f.link is not null`, sql`f.tier is not null`];
  if (options.firmIds)
    where.push(
      sql`f.id in (${sql.join(
        options.firmIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  if (scopeNetworks) {
    const networks = sql.join(
      scopeNetworks.map((id) => sql`${id}`),
      sql`, `,
    );
    where.push(
      sql`exists (select 1 from network_member m where m.firm_id = f.id and m.status = 'active' and m.network_id in (${networks}))`,
    );
  }
  return where;
}

/** The firm part: link, tier, functions, location and upgrading, from columns of `firm` only. */
function firmPartSql(criteria: NeedCriteria, { points, maxOf }: Probe): SQL {
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
  const byCovered = runningMax(
    Array.from({ length: required.length + 1 }, (_, covered) => points("functions", { functions: required.slice(0, covered) })),
  );
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
    points("upgrading", { upgradingGoals: UPGRADING_GOALS.filter((_, bit) => (mask & (1 << bit)) !== 0) }),
  );
  const mask = sql.join(
    UPGRADING_GOALS.map((goal, bit) => sql`coalesce(${goal} = any(f.upgrading_goals), false)::int * ${int(1 << bit)}`),
    sql` + `,
  );
  const known = sql.raw(`array[${UPGRADING_GOALS.map((g) => `'${g}'`).join(",")}]::text[]`);
  firmParts.push(sql`(case when not (f.upgrading_goals <@ ${known}) then ${int(maxOf("upgrading"))} else ${cases(mask, masks)} end)`);
  // Never NULL (a NULL would sort first): anything the SQL could not score gets the maximum.
  const firmMax = (["link", "tier", "functions", "location", "upgrading"] as const).reduce((sum, part) => sum + maxOf(part), 0);
  return sql`coalesce(${sql.join(firmParts, sql` + `)}, ${int(firmMax)})`;
}

/** One part of the related score: its SQL, the joins it reads, the filters it imposes, its maximum. */
interface RelatedPart {
  part: SQL;
  join: SQL | null;
  filters: SQL[];
  max: number;
}

/** Certifications: per listed code, whether the SME may hold it unexpired today. */
function certificationsSql(criteria: NeedCriteria, today: string, { points }: Probe): RelatedPart {
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
  const max = Math.max(...byHeld);
  if (listed.length === 0) return { part: sql`${int(byHeld[0])}`, join: null, filters: [], max };
  const heldFlags = listed.map(([key], i) => sql`bool_or(valid and (odd or normalised = ${key})) as k${int(i)}`);
  // A date compares as text in JavaScript ("YYYY-MM-DD"); for years 1..9999 that is the date order.
  // Per evaluated SME through the (firm_id, code) index: the same plan with or without statistics.
  const join = sql`left join lateral (
      select ${sql.join(heldFlags, sql`, `)}
      from (
        select code ~ ${NOT_PRINTABLE_ASCII} as odd,
          upper((case when position(' ' in code) > 0 then regexp_replace(btrim(code), ' +', ' ', 'g') else code end) collate "C") as normalised,
          (expires_on is null or case when expires_on between '0001-01-01' and '9999-12-31' then expires_on >= ${today}::date
                                      else expires_on::text collate "C" >= ${today} end) as valid
        from firm_certification
        where firm_id = e.id
      ) held
    ) c on true`;
  const held = sql.join(
    listed.map((_, i) => sql`coalesce(c.k${int(i)}, false)::int`),
    sql` + `,
  );
  const filters = listed.flatMap(([, r], i) => (r.mustHave ? [sql`coalesce(c.k${int(i)}, false)`] : []));
  return { part: cases(held, byHeld), join, filters, max };
}

/** Capacity: the sum of the capacities that may be in the need's unit, against thresholds. */
function capacitySql(need: NeedRow, criteria: NeedCriteria, { points, maxOf }: Probe): RelatedPart {
  const unit = need.unit.trim().toLowerCase();
  const join = sql`left join lateral (
    select sum(units_per_month) as units
    from firm_capacity
    where firm_id = e.id and (unit ~ ${NOT_PRINTABLE_ASCII} or lower(btrim(unit) collate "C") = ${unit})
  ) k on true`;
  const unknown = points("capacity", { capacityPerMonth: null });
  const steps = capacitySteps((capacity) => points("capacity", { capacityPerMonth: capacity }), criteria.volumePerMonth);
  const capacityCases = steps
    .slice()
    .reverse()
    .map((step) => sql`when k.units >= ${int(step.from)} then ${int(Math.max(step.points, unknown))}`);
  const max = Math.max(unknown, maxOf("capacity"));
  // At or above the volume, the part's maximum (the volume is covered).
  const part = sql`(case when k.units is null then ${int(unknown)} when k.units >= ${int(criteria.volumePerMonth)} then ${int(max)} ${sql.join(capacityCases, sql` `)} else ${int(max)} end)`;
  return { part, join, filters: [], max };
}

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
export function preScoreSql(need: NeedRow, options: CandidateScope, criteria: NeedCriteria, today: string) {
  const where = scopeFilter(need, options);
  if (!where) return null;
  const probe = probeOf(criteria, today);
  const firmPart = firmPartSql(criteria, probe);
  // The related part: certifications and capacity of the evaluated candidates.
  const related = [certificationsSql(criteria, today, probe), capacitySql(need, criteria, probe)];
  const relatedMax = related.reduce((sum, r) => sum + r.max, 0);
  const joins = related.flatMap((r) => (r.join ? [r.join] : []));
  const filters = related.flatMap((r) => r.filters);
  const relatedPart = sql`coalesce(${sql.join(
    related.map((r) => r.part),
    sql` + `,
  )}, ${int(relatedMax)})`;

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
