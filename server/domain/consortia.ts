/**
 * Consortium proposals for a sourcing need (DOMAIN.md "Match"; issue 4 section 5). Export orders
 * are often "much bigger than the production capabilities of individual SMEs" (003:1106), so when
 * no single member can supply the volume, the service proposes sets of 2 to 5 SMEs of the same
 * network whose combined capacity covers it. The broker can turn one into a `joint_selling`
 * initiative.
 *
 * Definitions (the property test checks them against an exhaustive search):
 * - Candidates are already eligible (they meet every must-have requirement of the need); the
 *   caller passes each with its match score and its projected top-buyer share if the order is won.
 * - Pool of a network: its candidates with 0 < capacity < volume (a firm that covers the volume
 *   alone, or brings nothing, can never be a non-redundant member), the best
 *   `maxCandidatesPerNetwork` (default 40) of them by score desc, capacity desc, firmId asc.
 * - Proposal: a set of `minSize`..`maxSize` pool members of one network whose combined capacity
 *   covers the volume and in which no member is redundant (removing any member drops the capacity
 *   below the volume), so every firm in a proposal is needed.
 * - Ranking: fewest members; then best combined score (the mean of the members' scores: between
 *   sets of the same size, the higher sum); then least projected dependence (the highest projected
 *   top-buyer share among the members, lower first); then networkId and the sorted firmIds, so the
 *   order is total and never depends on input order.
 * - `combinedScore` is that mean rounded half up to an integer (for display; ranking uses the
 *   exact sum).
 *
 * Complexity: a depth-first search per size and network (networks in id order) over the pool
 * sorted by score desc, then projected share asc, pruned by (a) capacity: the remaining slots
 * cannot reach the volume even with the largest capacities left (precomputed suffix top-r sums,
 * O(K x maxSize)); (b) minimality: a partial set that already covers the volume cannot be
 * extended; (c) rank: once `limit` proposals of this size are held, a branch whose best possible
 * score sum is below the worst held, or equal to it with a higher share (or, on a full tie, from a
 * later network), is cut. Sizes are searched in increasing order and the search stops once `limit`
 * proposals are found. The worst case (every score and share equal, nothing found below size 5)
 * enumerates C(K, maxSize) sets of one network, with K = 40: C(40, 5) = 658,008, about 0.2 s;
 * other networks are then cut at their first level. Realistic inputs visit far fewer.
 */

export interface ConsortiumCandidate {
  firmId: string;
  networkId: string;
  /** Units per month of the need's product (integer). */
  capacityPerMonth: number;
  /** The candidate's match score (integer, 0..100 from matching.ts). */
  score: number;
  /** The candidate's top-buyer share if it wins its part of the order, in bp. */
  projectedTopShareBp: number;
}

export interface ConsortiumProposal {
  networkId: string;
  /** Sorted. */
  firmIds: string[];
  combinedCapacity: number;
  /** Mean of the members' scores, rounded half up. */
  combinedScore: number;
  maxProjectedTopShareBp: number;
}

export interface ConsortiumOptions {
  minSize?: number;
  maxSize?: number;
  limit?: number;
  maxCandidatesPerNetwork?: number;
}

const CONSORTIUM_DEFAULTS = Object.freeze({ minSize: 2, maxSize: 5, limit: 10, maxCandidatesPerNetwork: 40 });

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdLists(a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIds(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function assertInteger(value: number, what: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be a safe integer >= ${min}, got ${value}`);
  }
}

/** Pool order: score desc, capacity desc, firmId asc. */
function comparePool(a: ConsortiumCandidate, b: ConsortiumCandidate): number {
  return b.score - a.score || b.capacityPerMonth - a.capacityPerMonth || compareIds(a.firmId, b.firmId);
}

/** The pool of each network (see the module comment), networks in id order. */
export function consortiumPools(
  candidates: ReadonlyArray<ConsortiumCandidate>,
  volumePerMonth: number,
  maxCandidatesPerNetwork: number = CONSORTIUM_DEFAULTS.maxCandidatesPerNetwork,
): Map<string, ConsortiumCandidate[]> {
  const byNetwork = new Map<string, ConsortiumCandidate[]>();
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = JSON.stringify([c.networkId, c.firmId]);
    if (seen.has(key)) throw new RangeError(`firm ${c.firmId} listed twice in network ${c.networkId}`);
    seen.add(key);
    assertInteger(c.capacityPerMonth, `capacity of ${c.firmId}`);
    assertInteger(c.score, `score of ${c.firmId}`, Number.MIN_SAFE_INTEGER);
    assertInteger(c.projectedTopShareBp, `projected share of ${c.firmId}`);
    if (c.capacityPerMonth <= 0 || c.capacityPerMonth >= volumePerMonth) continue;
    const list = byNetwork.get(c.networkId) ?? [];
    list.push(c);
    byNetwork.set(c.networkId, list);
  }
  return new Map(
    [...byNetwork.keys()]
      .sort(compareIds)
      .map((id) => [id, byNetwork.get(id)!.sort(comparePool).slice(0, maxCandidatesPerNetwork)] as const),
  );
}

interface Held {
  networkId: string;
  firmIds: string[];
  capacity: number;
  scoreSum: number;
  maxShare: number;
}

/** The ranking within one size: score sum desc, dependence asc, networkId, firmIds. */
function compareHeld(a: Held, b: Held): number {
  return b.scoreSum - a.scoreSum || a.maxShare - b.maxShare || compareIds(a.networkId, b.networkId) || compareIdLists(a.firmIds, b.firmIds);
}

/** The best `capacity` entries seen, kept sorted (capacity is small: the proposal limit). */
class Best {
  readonly items: Held[] = [];
  constructor(readonly capacity: number) {}
  get full(): boolean {
    return this.items.length >= this.capacity;
  }
  get worst(): Held {
    return this.items[this.items.length - 1];
  }
  offer(item: Held): void {
    if (this.capacity === 0) return;
    if (this.full && compareHeld(item, this.items[this.items.length - 1]) >= 0) return;
    let i = this.items.length;
    while (i > 0 && compareHeld(item, this.items[i - 1]) < 0) i--;
    this.items.splice(i, 0, item);
    if (this.items.length > this.capacity) this.items.pop();
  }
}

/** topCap[j][r] = sum of the r largest capacities among pool[j..]; -1 when fewer than r remain. */
function suffixTopCapacities(pool: ReadonlyArray<ConsortiumCandidate>, maxSize: number): number[][] {
  const n = pool.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => []);
  let top: number[] = []; // the largest capacities of the suffix, descending, at most maxSize
  table[n] = [0, ...Array.from({ length: maxSize }, () => -1)];
  for (let j = n - 1; j >= 0; j--) {
    top = [...top, pool[j].capacityPerMonth].sort((a, b) => b - a).slice(0, maxSize);
    const row = [0];
    for (let r = 1; r <= maxSize; r++) row.push(r <= top.length ? row[r - 1] + top[r - 1] : -1);
    table[j] = row;
  }
  return table;
}

/** Search order: score desc (the score bound relies on it), then projected share asc, then pool order. */
function compareSearch(a: ConsortiumCandidate, b: ConsortiumCandidate): number {
  return b.score - a.score || a.projectedTopShareBp - b.projectedTopShareBp || comparePool(a, b);
}

function searchNetwork(networkId: string, pool: ReadonlyArray<ConsortiumCandidate>, size: number, volume: number, best: Best): void {
  const order = [...pool].sort(compareSearch);
  const n = order.length;
  const topCap = suffixTopCapacities(order, size);
  // Scores are sorted descending, so the best r scores from index i are order[i..i+r-1].
  const scorePrefix = [0];
  for (const c of order) scorePrefix.push(scorePrefix[scorePrefix.length - 1] + c.score);
  const chosen: number[] = [];

  /**
   * Whether a set of this network with at most this score sum and at least this share could still
   * enter the held list. Networks are searched in id order, so on a full tie of score and share
   * a set of a later network than the worst held one cannot.
   */
  const mayEnter = (scoreSum: number, maxShare: number): boolean => {
    if (!best.full) return true;
    const worst = best.worst;
    if (scoreSum !== worst.scoreSum) return scoreSum > worst.scoreSum;
    if (maxShare !== worst.maxShare) return maxShare < worst.maxShare;
    return compareIds(networkId, worst.networkId) <= 0;
  };

  const visit = (start: number, capSum: number, scoreSum: number, minCap: number, maxShare: number): void => {
    const remaining = size - chosen.length;
    for (let i = start; i <= n - remaining; i++) {
      if (capSum + topCap[i][remaining] < volume) break; // later suffixes have no more capacity
      const bound = scoreSum + scorePrefix[i + remaining] - scorePrefix[i];
      if (best.full && bound < best.worst.scoreSum) break; // later members score no higher
      const c = order[i];
      const share = Math.max(maxShare, c.projectedTopShareBp);
      if (!mayEnter(bound, share)) continue;
      const cap = capSum + c.capacityPerMonth;
      if (remaining > 1) {
        if (cap >= volume) continue; // covered early: a later member would be redundant
        chosen.push(i);
        visit(i + 1, cap, scoreSum + c.score, Math.min(minCap, c.capacityPerMonth), share);
        chosen.pop();
        continue;
      }
      // The last member: the set must cover, and without its smallest member must not.
      if (cap < volume || cap - Math.min(minCap, c.capacityPerMonth) >= volume) continue;
      chosen.push(i);
      best.offer({
        networkId,
        firmIds: chosen.map((j) => order[j].firmId).sort(compareIds),
        capacity: cap,
        scoreSum: scoreSum + c.score,
        maxShare: share,
      });
      chosen.pop();
    }
  };
  visit(0, 0, 0, Number.POSITIVE_INFINITY, 0);
}

/**
 * The best consortium proposals for a need of `volumePerMonth` units, at most `limit` of them,
 * ranked as described in the module comment.
 */
export function proposeConsortia(
  candidates: ReadonlyArray<ConsortiumCandidate>,
  volumePerMonth: number,
  options: ConsortiumOptions = {},
): ConsortiumProposal[] {
  const { minSize, maxSize, limit, maxCandidatesPerNetwork } = { ...CONSORTIUM_DEFAULTS, ...options };
  assertInteger(volumePerMonth, "volumePerMonth", 1);
  assertInteger(minSize, "minSize", 2);
  assertInteger(maxSize, "maxSize", minSize);
  assertInteger(limit, "limit");
  assertInteger(maxCandidatesPerNetwork, "maxCandidatesPerNetwork");

  const pools = consortiumPools(candidates, volumePerMonth, maxCandidatesPerNetwork);
  const found: Held[] = [];
  for (let size = minSize; size <= maxSize && found.length < limit; size++) {
    const best = new Best(limit - found.length);
    for (const [networkId, pool] of pools) {
      if (pool.length >= size) searchNetwork(networkId, pool, size, volumePerMonth, best);
    }
    found.push(...best.items);
  }
  return found.map((h) => ({
    networkId: h.networkId,
    firmIds: h.firmIds,
    combinedCapacity: h.capacity,
    combinedScore: Math.round(h.scoreSum / h.firmIds.length),
    maxProjectedTopShareBp: h.maxShare,
  }));
}
