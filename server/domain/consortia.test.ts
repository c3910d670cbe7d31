import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsortiumCandidate, type ConsortiumProposal, consortiumPools, proposeConsortia } from "./consortia";

const c = (networkId: string, firmId: string, capacityPerMonth: number, score: number, projectedTopShareBp = 0): ConsortiumCandidate => ({
  networkId,
  firmId,
  capacityPerMonth,
  score,
  projectedTopShareBp,
});

/**
 * A need of 1,000 pairs a month. In Sinos: A+B and A+C cover it as pairs, B+C+D as a triple
 * (A+B+C and the other triples have a redundant member); E covers it alone and F has no capacity,
 * so neither is ever in a consortium. In Sialkot, G+H cover it exactly.
 */
const candidates = [
  c("sinos", "A", 600, 80, 3000),
  c("sinos", "B", 500, 70, 8000),
  c("sinos", "C", 450, 90, 2000),
  c("sinos", "D", 300, 60, 1000),
  c("sinos", "E", 1200, 95, 500),
  c("sinos", "F", 0, 100, 0),
  c("sialkot", "G", 500, 85, 4000),
  c("sialkot", "H", 500, 85, 2000),
];

describe("proposeConsortia", () => {
  it("ranks by fewest members, then best mean score, then least projected dependence", () => {
    expect(proposeConsortia(candidates, 1000)).toEqual([
      // Mean 85 each: Sinos A+C (max share 30%) before Sialkot G+H (40%).
      { networkId: "sinos", firmIds: ["A", "C"], combinedCapacity: 1050, combinedScore: 85, maxProjectedTopShareBp: 3000 },
      { networkId: "sialkot", firmIds: ["G", "H"], combinedCapacity: 1000, combinedScore: 85, maxProjectedTopShareBp: 4000 },
      { networkId: "sinos", firmIds: ["A", "B"], combinedCapacity: 1100, combinedScore: 75, maxProjectedTopShareBp: 8000 },
      // 220 / 3 = 73.33.
      { networkId: "sinos", firmIds: ["B", "C", "D"], combinedCapacity: 1250, combinedScore: 73, maxProjectedTopShareBp: 8000 },
    ]);
  });

  it("stops at the limit and at the largest size", () => {
    expect(proposeConsortia(candidates, 1000, { limit: 2 }).map((p) => p.firmIds)).toEqual([
      ["A", "C"],
      ["G", "H"],
    ]);
    expect(proposeConsortia(candidates, 1000, { maxSize: 2 })).toHaveLength(3);
    expect(proposeConsortia(candidates, 1000, { minSize: 3 }).map((p) => p.firmIds)).toEqual([["B", "C", "D"]]);
    expect(proposeConsortia(candidates, 1000, { limit: 0 })).toEqual([]);
  });

  it("never mixes networks, and lets a firm of two networks appear in each", () => {
    const twoNetworks = [c("n1", "X", 600, 50), c("n2", "Y", 600, 50), c("n1", "Z", 500, 40), c("n2", "Z", 500, 40)];
    expect(proposeConsortia(twoNetworks, 1000).map((p) => [p.networkId, p.firmIds])).toEqual([
      ["n1", ["X", "Z"]],
      ["n2", ["Y", "Z"]],
    ]);
  });

  it("proposes nothing when no set of up to five covers the volume", () => {
    expect(proposeConsortia(candidates, 5000)).toEqual([]);
    expect(proposeConsortia([], 1000)).toEqual([]);
    // Six members of 200 could, five cannot.
    const small = ["a", "b", "c", "d", "e", "f"].map((id) => c("n", id, 200, 50));
    expect(proposeConsortia(small, 1100)).toEqual([]);
    expect(proposeConsortia(small, 1000)).toHaveLength(6);
  });

  it("rounds the mean score half up", () => {
    const [p] = proposeConsortia([c("n", "a", 600, 80), c("n", "b", 600, 85)], 1000);
    expect(p.combinedScore).toBe(83); // 82.5
  });

  it("breaks full ties by network id, then by the sorted firm ids", () => {
    const tied = [c("n2", "a", 500, 50), c("n2", "b", 500, 50), c("n1", "y", 500, 50), c("n1", "x", 500, 50), c("n1", "z", 500, 50)];
    expect(proposeConsortia(tied, 1000).map((p) => `${p.networkId}:${p.firmIds.join("+")}`)).toEqual([
      "n1:x+y",
      "n1:x+z",
      "n1:y+z",
      "n2:a+b",
    ]);
  });

  it("draws from the best candidates by score, capacity, then id, per network", () => {
    const pools = consortiumPools(candidates, 1000, 2);
    expect([...pools].map(([id, pool]) => [id, pool.map((p) => p.firmId)])).toEqual([
      ["sialkot", ["G", "H"]],
      ["sinos", ["C", "A"]],
    ]);
    expect(proposeConsortia(candidates, 1000, { maxCandidatesPerNetwork: 2 }).map((p) => p.firmIds)).toEqual([
      ["A", "C"],
      ["G", "H"],
    ]);
  });

  it("refuses bad input", () => {
    expect(() => proposeConsortia(candidates, 0)).toThrow(RangeError);
    expect(() => proposeConsortia(candidates, 1000, { minSize: 1 })).toThrow(RangeError);
    expect(() => proposeConsortia(candidates, 1000, { minSize: 3, maxSize: 2 })).toThrow(RangeError);
    expect(() => proposeConsortia([c("n", "a", 1.5, 1)], 1000)).toThrow(RangeError);
    expect(() => proposeConsortia([c("n", "a", 100, 1), c("n", "a", 200, 2)], 1000)).toThrow(/twice/);
  });

  it("stays fast on 5 networks of 200 candidates that need five members, all scores and shares equal", () => {
    // Capacities 150..240: four can never reach 1,000, many fives can; equal scores and shares
    // defeat the rank bound within a network, so this is the worst case (C(40, 5) sets).
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const many: ConsortiumCandidate[] = [];
    for (let n = 0; n < 5; n++) {
      for (let i = 0; i < 200; i++) many.push(c(`net-${n}`, `f-${i}`, 150 + Math.floor(random() * 91), 70, 5000));
    }
    const started = performance.now();
    const proposals = proposeConsortia(many, 1000);
    const elapsed = performance.now() - started;
    expect(proposals).toHaveLength(10);
    expect(proposals.every((p) => p.firmIds.length === 5 && p.combinedCapacity >= 1000)).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------
// The same definition, by brute force over every subset.

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function exhaustive(
  all: ConsortiumCandidate[],
  volume: number,
  minSize: number,
  maxSize: number,
  limit: number,
  cap: number,
): ConsortiumProposal[] {
  const networks = [...new Set(all.map((x) => x.networkId))];
  const found: Array<ConsortiumProposal & { scoreSum: number }> = [];
  for (const networkId of networks) {
    const pool = all
      .filter((x) => x.networkId === networkId && x.capacityPerMonth > 0 && x.capacityPerMonth < volume)
      .sort((a, b) => b.score - a.score || b.capacityPerMonth - a.capacityPerMonth || compareIds(a.firmId, b.firmId))
      .slice(0, cap);
    for (let mask = 1; mask < 1 << pool.length; mask++) {
      const members = pool.filter((_, i) => mask & (1 << i));
      if (members.length < minSize || members.length > maxSize) continue;
      const capacity = members.reduce((s, m) => s + m.capacityPerMonth, 0);
      if (capacity < volume) continue;
      if (members.some((m) => capacity - m.capacityPerMonth >= volume)) continue; // a redundant member
      const scoreSum = members.reduce((s, m) => s + m.score, 0);
      found.push({
        networkId,
        firmIds: members.map((m) => m.firmId).sort(compareIds),
        combinedCapacity: capacity,
        combinedScore: Math.round(scoreSum / members.length),
        maxProjectedTopShareBp: Math.max(...members.map((m) => m.projectedTopShareBp)),
        scoreSum,
      });
    }
  }
  found.sort(
    (a, b) =>
      a.firmIds.length - b.firmIds.length ||
      b.scoreSum / b.firmIds.length - a.scoreSum / a.firmIds.length ||
      a.maxProjectedTopShareBp - b.maxProjectedTopShareBp ||
      compareIds(a.networkId, b.networkId) ||
      compareIds(a.firmIds.join("\u0000"), b.firmIds.join("\u0000")),
  );
  return found.slice(0, limit).map(({ scoreSum: _, ...p }) => p);
}

/** Up to 9 candidates in 1 or 2 networks, with small value ranges so that ties are common. */
const caseArb = fc
  .uniqueArray(
    fc.record({
      networkId: fc.constantFrom("n1", "n2"),
      firmId: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i"),
      capacityPerMonth: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
      score: fc.integer({ min: 0, max: 3 }),
      projectedTopShareBp: fc.constantFrom(0, 5000, 10_000),
    }),
    { selector: (x) => `${x.networkId}/${x.firmId}`, maxLength: 9 },
  )
  .map((xs) => xs.slice(0, 9));

describe("proposeConsortia against an exhaustive search", () => {
  it("gives identical proposals on small random cases", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1200 })),
        fc.integer({ min: 2, max: 5 }),
        // Small limits fill the held list early, which is where the rank bound prunes.
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })),
        (all, volume, maxSize, limit) => {
          expect(proposeConsortia(all, volume, { maxSize, limit })).toEqual(exhaustive(all, volume, 2, maxSize, limit, 40));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives identical proposals with a capped pool and a larger minimum size", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (all, volume, minSize, maxSize, limit, cap) => {
          expect(proposeConsortia(all, volume, { minSize, maxSize, limit, maxCandidatesPerNetwork: cap })).toEqual(
            exhaustive(all, volume, minSize, maxSize, limit, cap),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 30 }), (all, volume) => {
        expect(proposeConsortia([...all].reverse(), volume)).toEqual(proposeConsortia(all, volume));
      }),
    );
  });
});
