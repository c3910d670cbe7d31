import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUNCTIONS, LINKS, TIERS, UPGRADING_GOALS } from "./chain-position";
import { MATCH_PARTS, MATCH_WEIGHTS, type MatchScore, rankMatches, scoreMatch } from "./matching";
import { type BuyerGovernance, MATCH_REASON_KEYS, type NeedCriteria, type SmeProfile } from "./match-vocabulary";

const today = "2026-11-23";

/** A German buying group's need for assembled shoes, 1,000 pairs a month. */
const need: NeedCriteria = {
  link: "assembly",
  tier: 1,
  functions: ["production", "quality_control"],
  certifications: [
    { code: "ISO 9001", mustHave: true },
    { code: "SA8000", mustHave: false },
  ],
  volumePerMonth: 1000,
  country: "DE",
  governance: { specifies: "what", supportOffered: ["training"], exclusivity: false, jointDesign: true },
};

const sme: SmeProfile = {
  firmId: "sme-1",
  link: "assembly",
  tier: 1,
  functions: ["production", "quality_control", "logistics"],
  certifications: [
    { code: "ISO 9001", expiresOn: null },
    { code: "SA8000", expiresOn: "2027-06-30" },
  ],
  capacityPerMonth: 1200,
  country: "DE",
  region: "Bavaria",
  upgradingGoals: ["functional", "process"],
};

const score = (n: Partial<NeedCriteria>, s: Partial<SmeProfile>) => scoreMatch({ ...need, ...n }, { ...sme, ...s }, today);
const partOf = (m: MatchScore, name: string) => m.parts.find((p) => p.part === name)!;
const points = (m: MatchScore, name: string) => partOf(m, name).points;
const governance = (g: Partial<BuyerGovernance>): Partial<NeedCriteria> => ({
  governance: { specifies: "what", supportOffered: [], exclusivity: false, ...g },
});

describe("MATCH_WEIGHTS", () => {
  it("adds up to 100 over the seven parts, in one object", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(MATCH_PARTS).toEqual(["link", "tier", "functions", "certifications", "capacity", "location", "upgrading"]);
  });
});

describe("scoreMatch", () => {
  it("gives a perfect fit 100, every part at its maximum, with reasons", () => {
    const m = scoreMatch(need, sme, today);
    expect(m).toMatchObject({ firmId: "sme-1", score: 100, excluded: false, excludedBy: [], needsConsortium: false });
    expect(m.parts.map((p) => [p.part, p.points, p.max])).toEqual(MATCH_PARTS.map((p) => [p, MATCH_WEIGHTS[p], MATCH_WEIGHTS[p]]));
    expect(m.parts.map((p) => p.reason)).toEqual([
      { key: "match.link.same", params: { link: "assembly" } },
      { key: "match.tier.same", params: { tier: 1 } },
      { key: "match.functions.covered", params: { covered: 2, required: 2, missing: "" } },
      { key: "match.certifications.held", params: { held: 2, listed: 2 } },
      { key: "match.capacity.covers", params: { capacity: 1200, volume: 1000 } },
      { key: "match.location.same_country", params: { country: "DE" } },
      { key: "match.upgrading.fit", params: { goals: "functional, process", percent: 100 } },
    ]);
  });

  describe("link", () => {
    it("the same link scores 25, an adjacent one half (12.5 -> 13), further none", () => {
      expect(points(score({}, { link: "design" }), "link")).toBe(13);
      expect(points(score({}, { link: "processing" }), "link")).toBe(13);
      const far = score({}, { link: "inputs" });
      expect(points(far, "link")).toBe(0);
      expect(partOf(far, "link").reason).toEqual({
        key: "match.link.distant",
        params: { smeLink: "inputs", needLink: "assembly", distance: 3 },
      });
      expect(score({}, { link: "design" }).score).toBe(88);
      expect(partOf(score({}, { link: "marketing" }), "link").reason.key).toBe("match.link.distant");
    });
  });

  describe("tier", () => {
    it("the same tier scores 10, one tier off 5, further none", () => {
      expect(points(score({}, { tier: 2 }), "tier")).toBe(5);
      expect(partOf(score({}, { tier: 2 }), "tier").reason).toEqual({
        key: "match.tier.adjacent",
        params: { smeTier: 2, needTier: 1 },
      });
      expect(points(score({ tier: 3 }, { tier: 2 }), "tier")).toBe(5);
      expect(points(score({}, { tier: 3 }), "tier")).toBe(0);
      expect(partOf(score({}, { tier: 4 }), "tier").reason.key).toBe("match.tier.distant");
    });
  });

  describe("functions", () => {
    it("scores the share of required functions covered, naming the missing ones", () => {
      const half = score({}, { functions: ["production"] });
      expect(points(half, "functions")).toBe(8); // 15 x 1/2 = 7.5 -> 8
      expect(partOf(half, "functions").reason.params).toEqual({ covered: 1, required: 2, missing: "quality_control" });
      expect(partOf(half, "functions").details).toEqual([{ key: "match.functions.missing", params: { function: "quality_control" } }]);
      expect(points(score({}, { functions: [] }), "functions")).toBe(0);
      expect(points(score({ functions: ["design", "production", "logistics"] }, {}), "functions")).toBe(10);
      expect(points(score({ functions: ["design", "production", "branding"] }, {}), "functions")).toBe(5);
    });

    it("gives full points when the need requires no function, and counts duplicates once", () => {
      const none = score({ functions: [] }, { functions: [] });
      expect(points(none, "functions")).toBe(15);
      expect(partOf(none, "functions").reason.key).toBe("match.functions.none_required");
      expect(points(score({ functions: ["production", "production", "design"] }, {}), "functions")).toBe(8);
    });
  });

  describe("certifications", () => {
    it("scores the share of listed certifications held: a missing preferred one costs half here", () => {
      const m = score({}, { certifications: [{ code: "ISO 9001", expiresOn: null }] });
      expect(m.excluded).toBe(false);
      expect(points(m, "certifications")).toBe(8); // 15 x 1/2 = 7.5 -> 8
      expect(m.score).toBe(93);
      expect(partOf(m, "certifications").details).toEqual([
        { key: "match.certifications.valid", params: { code: "ISO 9001", kind: "must_have" } },
        { key: "match.certifications.missing", params: { code: "SA8000", kind: "preferred" } },
      ]);
    });

    it("does not count an expired certification, and says when it expired", () => {
      const m = score(
        {},
        {
          certifications: [
            { code: "ISO 9001", expiresOn: null },
            { code: "SA8000", expiresOn: "2026-11-22" },
          ],
        },
      );
      expect(points(m, "certifications")).toBe(8);
      expect(partOf(m, "certifications").details[1]).toEqual({
        key: "match.certifications.expired",
        params: { code: "SA8000", kind: "preferred", expiredOn: "2026-11-22" },
      });
    });

    it("counts one expiring within 90 days, with a note", () => {
      const m = score(
        {},
        {
          certifications: [
            { code: "ISO 9001", expiresOn: null },
            { code: "SA8000", expiresOn: "2026-11-23" },
          ],
        },
      );
      expect(points(m, "certifications")).toBe(15);
      expect(partOf(m, "certifications").details[1]).toEqual({
        key: "match.certifications.expiring",
        params: { code: "SA8000", kind: "preferred", expiresOn: "2026-11-23" },
      });
    });

    it("excludes an SME missing a must-have certification, naming it", () => {
      const m = score({}, { certifications: [{ code: "SA8000", expiresOn: null }] });
      expect(m.excluded).toBe(true);
      expect(m.score).toBeNull();
      expect(m.excludedBy).toEqual([{ key: "match.excluded.missing_must_have", params: { code: "ISO 9001" } }]);
      // The parts are still there for the SME's own view of what it would take.
      expect(points(m, "certifications")).toBe(8);
    });

    it("excludes an SME whose must-have certification has expired", () => {
      const m = score({}, { certifications: [{ code: "ISO 9001", expiresOn: "2026-01-31" }] });
      expect(m.excluded).toBe(true);
      expect(m.excludedBy).toEqual([{ key: "match.excluded.expired_must_have", params: { code: "ISO 9001", expiredOn: "2026-01-31" } }]);
    });

    it("lists every missing must-have, not just the first", () => {
      const m = score(
        {
          certifications: [
            { code: "ISO 9001", mustHave: true },
            { code: "HACCP", mustHave: true },
          ],
        },
        { certifications: [] },
      );
      expect(m.excludedBy.map((r) => r.params.code)).toEqual(["ISO 9001", "HACCP"]);
    });

    it("matches codes regardless of case and spacing, and takes the latest of renewed certificates", () => {
      const m = score(
        {},
        {
          certifications: [
            { code: "iso  9001", expiresOn: "2025-12-31" },
            { code: "ISO 9001 ", expiresOn: "2028-12-31" },
            { code: "sa8000", expiresOn: null },
          ],
        },
      );
      expect(m.excluded).toBe(false);
      expect(points(m, "certifications")).toBe(15);
    });

    it("treats a code listed twice as one requirement, must-have if either says so", () => {
      const m = score(
        {
          certifications: [
            { code: "HACCP", mustHave: false },
            { code: "haccp", mustHave: true },
          ],
        },
        { certifications: [] },
      );
      expect(m.excludedBy).toEqual([{ key: "match.excluded.missing_must_have", params: { code: "HACCP" } }]);
      expect(partOf(m, "certifications").reason.params).toEqual({ held: 0, listed: 1 });
    });

    it("scores one of three listed as 5 and none listed as full", () => {
      const m = score(
        {
          certifications: [
            { code: "ISO 9001", mustHave: true },
            { code: "ISO 14001", mustHave: false },
            { code: "FSC", mustHave: false },
          ],
        },
        {},
      );
      expect(points(m, "certifications")).toBe(5);
      const none = score({ certifications: [] }, { certifications: [] });
      expect(points(none, "certifications")).toBe(15);
      expect(partOf(none, "certifications").reason.key).toBe("match.certifications.none_required");
    });
  });

  describe("capacity", () => {
    it("is full when capacity covers the volume, exactly included", () => {
      const m = score({}, { capacityPerMonth: 1000 });
      expect([points(m, "capacity"), m.needsConsortium]).toEqual([20, false]);
    });

    it("is proportional below the volume, rounded down, and flags a consortium", () => {
      const half = score({}, { capacityPerMonth: 500 });
      expect([points(half, "capacity"), half.needsConsortium]).toEqual([10, true]);
      expect(partOf(half, "capacity").reason).toEqual({
        key: "match.capacity.partial",
        params: { capacity: 500, volume: 1000, percent: 50 },
      });
      expect(points(score({}, { capacityPerMonth: 333 }), "capacity")).toBe(6); // 6.66
      const almost = score({}, { capacityPerMonth: 999 });
      expect([points(almost, "capacity"), partOf(almost, "capacity").reason.params.percent]).toEqual([19, 99]);
      expect(points(score({}, { capacityPerMonth: 0 }), "capacity")).toBe(0);
    });

    it("scores an unknown capacity 0 without claiming a consortium is needed", () => {
      const m = score({}, { capacityPerMonth: null });
      expect([points(m, "capacity"), m.needsConsortium, partOf(m, "capacity").reason.key]).toEqual([0, false, "match.capacity.unknown"]);
    });
  });

  describe("location", () => {
    it("gives the same country 5 (any case) and another country 2", () => {
      expect(points(score({ country: "de" }, {}), "location")).toBe(5);
      const abroad = score({}, { country: "BR" });
      expect(points(abroad, "location")).toBe(2);
      expect(partOf(abroad, "location").reason).toEqual({
        key: "match.location.other_country",
        params: { smeCountry: "BR", needCountry: "DE" },
      });
    });
  });

  describe("upgrading goals", () => {
    const upgrading = (goals: SmeProfile["upgradingGoals"], g: Partial<BuyerGovernance>) =>
      points(score(governance(g), { upgradingGoals: goals }), "upgrading");

    it("functional upgrading: a buyer designing jointly 10, specifying only what 7, what and how 2", () => {
      expect(upgrading(["functional"], { jointDesign: true })).toBe(10);
      expect(upgrading(["functional"], { specifies: "what" })).toBe(7);
      expect(upgrading(["functional"], { specifies: "what_and_how" })).toBe(2);
    });

    it("functional upgrading: exclusivity costs 3 more, down to 0 under a quasi-hierarchy (001:11)", () => {
      expect(upgrading(["functional"], { specifies: "what", exclusivity: true })).toBe(4);
      expect(upgrading(["functional"], { jointDesign: true, exclusivity: true })).toBe(7);
      const quasi = score(governance({ specifies: "what_and_how", exclusivity: true }), { upgradingGoals: ["functional"] });
      expect(points(quasi, "upgrading")).toBe(0);
      expect(partOf(quasi, "upgrading").details).toEqual([
        { key: "match.upgrading.functional.what_and_how", params: { goal: "functional", percent: 20 } },
        { key: "match.upgrading.exclusivity", params: { goal: "functional", penalty: 20 } },
      ]);
    });

    it("process and product upgrading: support 10, a buyer specifying how 7, neither 4", () => {
      expect(upgrading(["process"], { supportOffered: ["training"] })).toBe(10);
      expect(upgrading(["product"], { supportOffered: ["technical_help"], specifies: "what_and_how" })).toBe(10);
      expect(upgrading(["process"], { specifies: "what_and_how" })).toBe(7);
      expect(upgrading(["product"], { specifies: "what" })).toBe(4);
      expect(upgrading(["process"], { supportOffered: ["  "] })).toBe(4);
      expect(upgrading(["process"], { specifies: "what_and_how", exclusivity: true })).toBe(7);
    });

    it("the same quasi-hierarchical buyer serves process upgrading well and functional upgrading badly", () => {
      const quasi = { specifies: "what_and_how", supportOffered: ["training"], exclusivity: true } as const;
      expect(upgrading(["process"], quasi)).toBe(10);
      expect(upgrading(["functional"], quasi)).toBe(0);
      // Both goals: the mean of 100% and 0%.
      const both = score(governance(quasi), { upgradingGoals: ["functional", "process"] });
      expect(points(both, "upgrading")).toBe(5);
      expect(partOf(both, "upgrading").reason).toEqual({
        key: "match.upgrading.fit",
        params: { goals: "functional, process", percent: 50 },
      });
      expect(partOf(both, "upgrading").details.map((d) => d.key)).toEqual([
        "match.upgrading.functional.what_and_how",
        "match.upgrading.exclusivity",
        "match.upgrading.support_offered",
      ]);
    });

    it("chain upgrading: 6, or 3 with exclusivity", () => {
      expect(upgrading(["chain"], {})).toBe(6);
      expect(upgrading(["chain"], { exclusivity: true })).toBe(3);
      // (70 + 30) / 2 = 50%.
      expect(upgrading(["functional", "chain"], { jointDesign: true, exclusivity: true })).toBe(5);
    });

    it("gives a firm without goals a neutral 5, and counts a repeated goal once", () => {
      const none = score({}, { upgradingGoals: [] });
      expect([points(none, "upgrading"), partOf(none, "upgrading").reason.key]).toEqual([5, "match.upgrading.no_goals"]);
      expect(upgrading(["process", "process"], { specifies: "what_and_how" })).toBe(7);
    });
  });

  it("adds the parts up: a Brazilian tier-2 component maker for this need", () => {
    const m = score(governance({ specifies: "what_and_how", exclusivity: true }), {
      link: "components", // two links from assembly (components -> processing -> assembly)
      tier: 2,
      functions: ["production"],
      certifications: [{ code: "ISO 9001", expiresOn: "2027-12-31" }],
      capacityPerMonth: 400,
      country: "BR",
      upgradingGoals: ["functional"],
    });
    // link 0 + tier 5 + functions 8 + certifications 8 + capacity 8 + location 2 + upgrading 0.
    expect(m.parts.map((p) => p.points)).toEqual([0, 5, 8, 8, 8, 2, 0]);
    expect(m.score).toBe(31);
    expect(m.needsConsortium).toBe(true);
  });

  it("refuses a non-positive volume and a negative capacity", () => {
    expect(() => score({ volumePerMonth: 0 }, {})).toThrow(RangeError);
    expect(() => score({ volumePerMonth: Number.NaN }, {})).toThrow(RangeError);
    expect(() => score({}, { capacityPerMonth: -1 })).toThrow(RangeError);
  });
});

describe("rankMatches", () => {
  it("leaves excluded SMEs out and sorts by score, then firmId, up to a limit", () => {
    const smes: SmeProfile[] = [
      { ...sme, firmId: "c", capacityPerMonth: 500 }, // 90
      { ...sme, firmId: "b" }, // 100
      { ...sme, firmId: "x", certifications: [] }, // excluded
      { ...sme, firmId: "a", capacityPerMonth: 500 }, // 90
      { ...sme, firmId: "d", country: "IT" }, // 97
    ];
    const ranked = rankMatches(need, smes, today);
    expect(ranked.map((m) => [m.firmId, m.score])).toEqual([
      ["b", 100],
      ["d", 97],
      ["a", 90],
      ["c", 90],
    ]);
    expect(rankMatches(need, smes, today, 2).map((m) => m.firmId)).toEqual(["b", "d"]);
    expect(rankMatches(need, [], today)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const CODES = ["ISO 9001", "ISO 14001", "SA8000", "HACCP", "FSC"] as const;
const COUNTRIES = ["DE", "BR", "IT"] as const;
const dateArb = fc.constantFrom(null, "2025-06-30", "2026-11-22", "2026-11-23", "2027-01-15", "2029-01-01");

const governanceArb: fc.Arbitrary<BuyerGovernance> = fc.record({
  specifies: fc.constantFrom("what" as const, "what_and_how" as const),
  supportOffered: fc.subarray(["training", "technical_help"]),
  exclusivity: fc.boolean(),
  jointDesign: fc.option(fc.boolean(), { nil: undefined }),
});

const needArb: fc.Arbitrary<NeedCriteria> = fc.record({
  link: fc.constantFrom(...LINKS),
  tier: fc.constantFrom(...TIERS),
  functions: fc.subarray([...FUNCTIONS]),
  certifications: fc.uniqueArray(fc.record({ code: fc.constantFrom(...CODES), mustHave: fc.boolean() }), {
    selector: (c) => c.code,
  }),
  volumePerMonth: fc.integer({ min: 1, max: 100_000 }),
  country: fc.constantFrom(...COUNTRIES),
  governance: governanceArb,
});

const smeArb: fc.Arbitrary<SmeProfile> = fc.record({
  firmId: fc.string({ minLength: 1, maxLength: 4 }),
  link: fc.constantFrom(...LINKS),
  tier: fc.constantFrom(...TIERS),
  functions: fc.subarray([...FUNCTIONS]),
  certifications: fc.array(fc.record({ code: fc.constantFrom(...CODES), expiresOn: dateArb }), { maxLength: 6 }),
  capacityPerMonth: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
  country: fc.constantFrom(...COUNTRIES),
  region: fc.constant(null),
  upgradingGoals: fc.subarray([...UPGRADING_GOALS]),
});

/** Excluded ranks below every score. */
const rank = (m: MatchScore) => m.score ?? -1;

describe("matching properties", () => {
  it("the score is an integer in 0..100 and the sum of its parts, each within its maximum", () => {
    const keys = new Set<string>(MATCH_REASON_KEYS);
    fc.assert(
      fc.property(needArb, smeArb, (n, s) => {
        const m = scoreMatch(n, s, today);
        const sum = m.parts.reduce((a, p) => a + p.points, 0);
        expect(Number.isInteger(sum)).toBe(true);
        expect(sum).toBeGreaterThanOrEqual(0);
        expect(sum).toBeLessThanOrEqual(100);
        expect(m.score).toBe(m.excluded ? null : sum);
        expect(m.excluded).toBe(m.excludedBy.length > 0);
        for (const p of m.parts) {
          expect(p.max).toBe(MATCH_WEIGHTS[p.part]);
          expect(p.points).toBeGreaterThanOrEqual(0);
          expect(p.points).toBeLessThanOrEqual(p.max);
          for (const reason of [p.reason, ...p.details]) expect(keys.has(reason.key)).toBe(true);
        }
        expect(m.needsConsortium).toBe(s.capacityPerMonth !== null && s.capacityPerMonth < n.volumePerMonth);
      }),
    );
  });

  it("is monotone in capacity", () => {
    fc.assert(
      fc.property(needArb, smeArb, fc.integer({ min: 0, max: 200_000 }), (n, s, extra) => {
        const less = scoreMatch(n, s, today);
        const more = scoreMatch(n, { ...s, capacityPerMonth: (s.capacityPerMonth ?? 0) + extra }, today);
        expect(rank(more)).toBeGreaterThanOrEqual(rank(less));
        expect(points(more, "capacity")).toBeGreaterThanOrEqual(points(less, "capacity"));
      }),
    );
  });

  it("adding a missing must-have certification never lowers the score", () => {
    fc.assert(
      fc.property(needArb, smeArb, (n, s) => {
        const before = scoreMatch(n, s, today);
        const missing = n.certifications.filter((c) => c.mustHave).map((c) => c.code);
        for (const code of missing) {
          const after = scoreMatch(n, { ...s, certifications: [...s.certifications, { code, expiresOn: null }] }, today);
          expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        }
        const all = scoreMatch(
          n,
          { ...s, certifications: [...s.certifications, ...missing.map((code) => ({ code, expiresOn: null }))] },
          today,
        );
        expect(all.excluded).toBe(false);
      }),
    );
  });

  it("adding any valid certification or any function never lowers the score", () => {
    fc.assert(
      fc.property(needArb, smeArb, fc.constantFrom(...CODES), fc.constantFrom(...FUNCTIONS), (n, s, code, f) => {
        const before = rank(scoreMatch(n, s, today));
        const withCert = scoreMatch(n, { ...s, certifications: [...s.certifications, { code, expiresOn: "2030-01-01" }] }, today);
        const withFunction = scoreMatch(n, { ...s, functions: [...s.functions, f] }, today);
        expect(rank(withCert)).toBeGreaterThanOrEqual(before);
        expect(rank(withFunction)).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("moving to the need's link, tier or country never lowers the score", () => {
    fc.assert(
      fc.property(needArb, smeArb, (n, s) => {
        const before = rank(scoreMatch(n, s, today));
        expect(rank(scoreMatch(n, { ...s, link: n.link }, today))).toBeGreaterThanOrEqual(before);
        expect(rank(scoreMatch(n, { ...s, tier: n.tier }, today))).toBeGreaterThanOrEqual(before);
        expect(rank(scoreMatch(n, { ...s, country: n.country }, today))).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("rankMatches returns exactly the non-excluded SMEs, in order", () => {
    fc.assert(
      fc.property(needArb, fc.array(smeArb, { maxLength: 12 }), (n, smes) => {
        const ranked = rankMatches(n, smes, today);
        expect(ranked.length).toBe(smes.filter((s) => !scoreMatch(n, s, today).excluded).length);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          expect(a.score > b.score || (a.score === b.score && a.firmId <= b.firmId)).toBe(true);
        }
      }),
    );
  });
});
