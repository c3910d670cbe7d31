import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareByRisk,
  crossedUpward,
  DEFAULT_THRESHOLDS,
  hhiLevel,
  LEVELS,
  levelOf,
  measure,
  project,
  type SaleEntry,
  shareLevel,
  systemicBuyers,
  thresholdProblems,
  type Thresholds,
} from "./dependence";
import { trend } from "./dependence-trend";
import { DOMINANCE_LIMIT_BP, disclosureRule } from "./disclosure";

const sale = (customerKey: string, amountMinor: number, extra: Partial<SaleEntry> = {}): SaleEntry => ({
  customerKey,
  customerName: customerKey.toUpperCase(),
  amountMinor,
  ...extra,
});

/** Ledgers over a small key space so that keys repeat and agents collect several customers. */
const saleArb: fc.Arbitrary<SaleEntry> = fc
  .record({
    customerKey: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
    amountMinor: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000_000_000_000 })),
    agent: fc.option(fc.constantFrom("agent-1", "agent-2"), { nil: undefined, freq: 4 }),
  })
  .map(({ customerKey, amountMinor, agent }) => sale(customerKey, amountMinor, agent ? { viaAgent: true, agentKey: agent } : {}));
const ledgerArb = fc.array(saleArb, { maxLength: 25 });
const positiveLedgerArb = fc
  .tuple(ledgerArb, fc.integer({ min: 1, max: 1_000_000_000 }))
  .map(([ledger, amount]) => [...ledger, sale("a", amount)]);

describe("measure", () => {
  it("80/10/10 gives an HHI of 6,600 and the critical level (issue 4)", () => {
    const m = measure([sale("us-chain", 800_000), sale("de-group", 100_000), sale("it-house", 100_000)]);
    expect(m).toMatchObject({
      totalMinor: 1_000_000,
      buyers: 3,
      topShareBp: 8000,
      top3ShareBp: 10_000,
      hhi: 6600,
      topBuyer: { key: "us-chain", name: "US-CHAIN", shareBp: 8000, amountMinor: 800_000, viaAgent: false },
    });
    expect(m.shares.map((s) => [s.key, s.shareBp])).toEqual([
      ["us-chain", 8000],
      ["de-group", 1000],
      ["it-house", 1000],
    ]);
    expect(levelOf(m)).toBe("critical");
    expect(hhiLevel(m.hhi)).toBe("high");
  });

  it("four equal buyers: HHI 2,500, top-3 7,500, top 2,500 (warning)", () => {
    const m = measure([sale("a", 250), sale("b", 250), sale("c", 250), sale("d", 250)]);
    expect([m.buyers, m.topShareBp, m.top3ShareBp, m.hhi]).toEqual([4, 2500, 7500, 2500]);
    expect(levelOf(m)).toBe("warning");
  });

  it("a single buyer takes 10,000 of everything", () => {
    const m = measure([sale("only", 123), sale("only", 877)]);
    expect([m.totalMinor, m.buyers, m.topShareBp, m.top3ShareBp, m.hhi]).toEqual([1000, 1, 10_000, 10_000, 10_000]);
  });

  it("ten equal buyers: HHI 1,000 (unconcentrated), each share notable", () => {
    const m = measure("abcdefghij".split("").map((k) => sale(k, 7)));
    expect([m.topShareBp, m.top3ShareBp, m.hhi]).toEqual([1000, 3000, 1000]);
    expect(hhiLevel(m.hhi)).toBe("unconcentrated");
    expect(levelOf(m)).toBe("notable");
  });

  it("rounds shares and HHI half up from the exact fractions", () => {
    // Thirds: 3,333.33 bp each; HHI 3 x (1/3)^2 x 10,000 = 3,333.33.
    const thirds = measure([sale("a", 1), sale("b", 1), sale("c", 1)]);
    expect(thirds.shares.map((s) => s.shareBp)).toEqual([3333, 3333, 3333]);
    expect([thirds.top3ShareBp, thirds.hhi]).toEqual([10_000, 3333]);
    // 2/3 and 1/3: 6,666.67 -> 6,667 and 3,333; HHI 5/9 x 10,000 = 5,555.56 -> 5,556.
    const twoThirds = measure([sale("a", 2), sale("b", 1)]);
    expect(twoThirds.shares.map((s) => s.shareBp)).toEqual([6667, 3333]);
    expect(twoThirds.hhi).toBe(5556);
    // Exact halves of a basis point round up: 9,999.5 -> 10,000 and 0.5 -> 1 (sum 10,001);
    // HHI (19,999^2 + 1) x 10,000 / 20,000^2 = 9,999.00005 -> 9,999.
    const halves = measure([sale("a", 19_999), sale("b", 1)]);
    expect(halves.shares.map((s) => s.shareBp)).toEqual([10_000, 1]);
    expect(halves.hhi).toBe(9999);
  });

  it("gives zeros and no top buyer for an empty or all-zero ledger", () => {
    const empty = { totalMinor: 0, buyers: 0, topBuyer: null, topShareBp: 0, top3ShareBp: 0, hhi: 0, shares: [] };
    expect(measure([])).toEqual(empty);
    expect(measure([sale("a", 0), sale("b", 0)])).toEqual(empty);
    expect(levelOf(measure([]))).toBe("none");
  });

  it("leaves buyers with a zero total out of the count", () => {
    const m = measure([sale("a", 100), sale("b", 0)]);
    expect([m.buyers, m.shares.length, m.topShareBp]).toEqual([1, 1, 10_000]);
  });

  it("sorts shares by amount descending, then key", () => {
    const m = measure([sale("c", 5), sale("b", 5), sale("a", 1), sale("d", 9)]);
    expect(m.shares.map((s) => s.key)).toEqual(["d", "b", "c", "a"]);
  });

  it("counts sales through an agent against the agent, and flags them", () => {
    const m = measure([
      sale("us-chain", 500, { viaAgent: true, agentKey: "agent-x", agentName: "Export Agent X" }),
      sale("de-group", 300),
      sale("it-house", 200, { viaAgent: true, agentKey: "agent-x", agentName: "Export Agent X" }),
    ]);
    expect(m.shares).toEqual([
      {
        key: "agent-x",
        name: "Export Agent X",
        amountMinor: 700,
        shareBp: 7000,
        viaAgent: true,
        endCustomers: ["IT-HOUSE", "US-CHAIN"],
      },
      { key: "de-group", name: "DE-GROUP", amountMinor: 300, shareBp: 3000, viaAgent: false, endCustomers: [] },
    ]);
    expect(m.topBuyer).toMatchObject({ key: "agent-x", viaAgent: true });
    expect(m.hhi).toBe(5800);
  });

  it("names an agent by its key when no name is given, and needs the key", () => {
    expect(measure([sale("x", 1, { viaAgent: true, agentKey: "ag" })]).shares[0].name).toBe("ag");
    expect(() => measure([sale("x", 1, { viaAgent: true })])).toThrow(RangeError);
  });

  it("refuses negative, fractional and unsafe amounts", () => {
    expect(() => measure([sale("a", -1)])).toThrow(RangeError);
    expect(() => measure([sale("a", 1.5)])).toThrow(RangeError);
    expect(() => measure([sale("a", Number.MAX_SAFE_INTEGER), sale("b", 1)])).toThrow(/safe integer/);
  });

  it("properties: HHI in 0..10,000 and at least 10,000/n; top <= top-3; shares sum to 10,000 within rounding", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const m = measure(ledger);
        expect(m.hhi).toBeGreaterThanOrEqual(0);
        expect(m.hhi).toBeLessThanOrEqual(10_000);
        expect(m.topShareBp).toBeLessThanOrEqual(m.top3ShareBp);
        expect(m.top3ShareBp).toBeLessThanOrEqual(10_000);
        expect(m.buyers).toBe(m.shares.length);
        if (m.buyers === 0) return;
        // Cauchy-Schwarz: sum of squares >= T^2 / n, and rounding is monotone.
        expect(m.hhi).toBeGreaterThanOrEqual(Math.floor(10_000 / m.buyers));
        const sum = m.shares.reduce((s, x) => s + x.shareBp, 0);
        expect(Math.abs(sum - 10_000)).toBeLessThanOrEqual(m.buyers / 2);
        expect(m.shares.reduce((s, x) => s + x.amountMinor, 0)).toBe(m.totalMinor);
        expect(m.topShareBp).toBe(m.shares[0].shareBp);
      }),
    );
  });

  it("property: agrees with a float computation to within one point", () => {
    fc.assert(
      fc.property(positiveLedgerArb, (ledger) => {
        const m = measure(ledger);
        const hhi = m.shares.reduce((s, x) => s + ((100 * x.amountMinor) / m.totalMinor) ** 2, 0);
        expect(Math.abs(m.hhi - hhi)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("property: does not depend on the order of the ledger", () => {
    fc.assert(
      fc.property(ledgerArb, fc.func(fc.integer()), (ledger, f) => {
        const shuffled = ledger
          .map((s, i) => ({ s, k: f(i) }))
          .sort((a, b) => a.k - b.k)
          .map(({ s }) => s);
        const a = measure(ledger);
        const b = measure(shuffled);
        // Names of a key could differ by order only for agents without a name, which we give none.
        expect(b).toEqual(a);
      }),
    );
  });
});

describe("project", () => {
  const ledger = [sale("a", 800), sale("b", 100), sale("c", 100)];

  it("adds the order to the customer's sales and to the total", () => {
    // New customer D 1,000: total 2,000; D 50%, A 40%; HHI (800²+100²+100²+1000²)/2000² = 4,150.
    const toNew = project(ledger, sale("d", 1000));
    expect([toNew.totalMinor, toNew.buyers, toNew.topBuyer?.key, toNew.topShareBp, toNew.hhi]).toEqual([2000, 4, "d", 5000, 4150]);
    // Existing customer B +400: A 800/1,400 = 5,714.29 -> 5,714; HHI 900,000/1,960,000 -> 4,592.
    const toB = project(ledger, sale("b", 400));
    expect([toB.totalMinor, toB.buyers, toB.topShareBp, toB.hhi]).toEqual([1400, 3, 5714, 4592]);
    expect(toB.shares.find((s) => s.key === "b")?.amountMinor).toBe(500);
  });

  it("a diversifying order lowers an 80% dependence from critical to warning", () => {
    const before = measure(ledger);
    const after = project(ledger, sale("de-group", 800));
    expect([levelOf(before), levelOf(after)]).toEqual(["critical", "warning"]);
    expect(after.topShareBp).toBe(4444);
  });

  it("property: a positive order to the top buyer never lowers its share, and it stays on top", () => {
    fc.assert(
      fc.property(positiveLedgerArb, fc.integer({ min: 1, max: 1_000_000_000 }), (sales, amount) => {
        const before = measure(sales);
        const top = before.topBuyer!;
        const order: SaleEntry = top.viaAgent ? sale("end", amount, { viaAgent: true, agentKey: top.key }) : sale(top.key, amount);
        const after = project(sales, order);
        expect(after.topBuyer?.key).toBe(top.key);
        expect(after.topShareBp).toBeGreaterThanOrEqual(before.topShareBp);
        expect(after.hhi).toBeGreaterThanOrEqual(before.hhi);
      }),
    );
  });
});

describe("levels", () => {
  it("maps the top-buyer share to the default thresholds, boundaries included", () => {
    expect([0, 999, 1000, 2499, 2500, 4999, 5000, 10_000].map((bp) => shareLevel(bp))).toEqual([
      "none",
      "none",
      "notable",
      "notable",
      "warning",
      "warning",
      "critical",
      "critical",
    ]);
  });

  it("maps the HHI to the 2010 Merger Guidelines bands", () => {
    expect([0, 1499, 1500, 2499, 2500, 10_000].map((h) => hhiLevel(h))).toEqual([
      "unconcentrated",
      "unconcentrated",
      "moderate",
      "moderate",
      "high",
      "high",
    ]);
  });

  it("lets the HHI raise the level (moderate -> notable, high -> warning) but never lower it", () => {
    const lenient: Thresholds = { ...DEFAULT_THRESHOLDS, notableShareBp: 2000, warningShareBp: 4000, criticalShareBp: 6000 };
    expect(levelOf({ topShareBp: 1500, hhi: 1000 }, lenient)).toBe("none");
    expect(levelOf({ topShareBp: 1500, hhi: 1600 }, lenient)).toBe("notable");
    expect(levelOf({ topShareBp: 1500, hhi: 2600 }, lenient)).toBe("warning");
    expect(levelOf({ topShareBp: 3000, hhi: 2600 }, lenient)).toBe("warning");
    expect(levelOf({ topShareBp: 7000, hhi: 1000 }, lenient)).toBe("critical");
  });

  it("property: with the defaults the HHI never changes the share level (HHI <= 10,000 x top share)", () => {
    fc.assert(
      fc.property(positiveLedgerArb, (sales) => {
        const m = measure(sales);
        expect(levelOf(m)).toBe(shareLevel(m.topShareBp));
      }),
    );
  });

  it("property: the level is monotone in the top share and in the HHI", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (s, h, ds, dh) => {
          const rank = (l: string) => LEVELS.indexOf(l as never);
          const low = levelOf({ topShareBp: s, hhi: h });
          const high = levelOf({ topShareBp: Math.min(10_000, s + ds), hhi: Math.min(10_000, h + dh) });
          expect(rank(high)).toBeGreaterThanOrEqual(rank(low));
        },
      ),
    );
  });

  it("crossedUpward names the new level once, only going up", () => {
    expect(crossedUpward("none", "warning")).toBe("warning");
    expect(crossedUpward("notable", "critical")).toBe("critical");
    expect(crossedUpward("none", "notable")).toBe("notable");
    expect(crossedUpward("warning", "warning")).toBeNull();
    expect(crossedUpward("warning", "notable")).toBeNull();
    expect(crossedUpward("critical", "none")).toBeNull();
  });

  it("compareByRisk puts the worst level first, then the higher share, then the higher HHI", () => {
    const members = [
      { id: "low", topShareBp: 900, hhi: 800 },
      { id: "crit", topShareBp: 8000, hhi: 6600 },
      { id: "warnA", topShareBp: 3000, hhi: 3000 },
      { id: "warnB", topShareBp: 3000, hhi: 3500 },
    ];
    expect([...members].sort((a, b) => compareByRisk(a, b)).map((m) => m.id)).toEqual(["crit", "warnB", "warnA", "low"]);
  });

  it("checks a network's threshold settings", () => {
    expect(thresholdProblems(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(thresholdProblems({ ...DEFAULT_THRESHOLDS, warningShareBp: 6000 })).toEqual([
      "share thresholds must rise: notable <= warning <= critical",
    ]);
    expect(thresholdProblems({ ...DEFAULT_THRESHOLDS, hhiModerate: 3000 })).toEqual(["HHI thresholds must rise: moderate <= high"]);
    expect(thresholdProblems({ ...DEFAULT_THRESHOLDS, systemicShareBp: 10_001 })).toEqual([
      "systemicShareBp must be an integer in 0..10000",
    ]);
  });
});

describe("trend", () => {
  const periods = [
    { period: "2022", measure: { topShareBp: 4000, hhi: 2000 } },
    { period: "2023", measure: { topShareBp: 5500, hhi: 3500 } },
    { period: "2024", measure: { topShareBp: 8200, hhi: 6800 } },
  ];

  it("gives the change per consecutive pair and over the whole window", () => {
    expect(trend(periods)).toEqual({
      steps: [
        { from: "2022", to: "2023", topShareChangeBp: 1500, hhiChange: 1500, direction: "rising" },
        { from: "2023", to: "2024", topShareChangeBp: 2700, hhiChange: 3300, direction: "rising" },
      ],
      topShareChangeBp: 4200,
      hhiChange: 4800,
      direction: "rising",
      hhiDirection: "rising",
    });
  });

  it("looks at the last `window` periods only", () => {
    const t = trend(periods, 2);
    expect(t.steps.map((s) => s.from)).toEqual(["2023"]);
    expect(t.topShareChangeBp).toBe(2700);
  });

  it("calls a change of less than 100 bp stable", () => {
    const two = (a: number, b: number) =>
      trend([
        { period: "Q1", measure: { topShareBp: a, hhi: a } },
        { period: "Q2", measure: { topShareBp: b, hhi: b } },
      ]);
    expect(two(5000, 5099).direction).toBe("stable");
    expect(two(5000, 4901).direction).toBe("stable");
    expect(two(5000, 5100).direction).toBe("rising");
    expect(two(5000, 4900).direction).toBe("falling");
    expect(two(5000, 4900).hhiDirection).toBe("falling");
  });

  it("has no direction with fewer than two periods", () => {
    expect(trend([])).toEqual({ steps: [], topShareChangeBp: 0, hhiChange: 0, direction: null, hhiDirection: null });
    expect(trend(periods.slice(0, 1)).direction).toBeNull();
    expect(trend(periods, 1).direction).toBeNull();
    expect(trend(periods, 0).steps).toEqual([]);
    expect(() => trend(periods, -1)).toThrow(RangeError);
  });

  it("property: the window change is the sum of the steps", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 10 }), (shares) => {
        const t = trend(shares.map((s, i) => ({ period: String(i), measure: { topShareBp: s, hhi: s } })));
        expect(t.steps.length).toBe(Math.max(0, shares.length - 1));
        expect(t.steps.reduce((sum, s) => sum + s.topShareChangeBp, 0)).toBe(t.topShareChangeBp);
      }),
    );
  });
});

describe("systemicBuyers", () => {
  // Combined 3,000: US 1,300 (43.33%), local 1,000 (33.33%), IT 500 (16.67%), DE 200 (6.67%).
  const network = [
    { firmId: "m1", sales: [sale("us", 800), sale("de", 200)] },
    { firmId: "m2", sales: [sale("us", 500), sale("it", 500)] },
    { firmId: "m3", sales: [sale("local", 1000)] },
  ];

  it("lists buyers over 20% of the members' combined sales, each with the members depending on it; combined figures withheld below 5 members", () => {
    expect(systemicBuyers(network)).toEqual([
      {
        key: "us",
        name: "US",
        contributors: 2,
        amountMinor: null,
        shareBp: null,
        withheld: "too_few",
        viaAgent: false,
        members: [
          { firmId: "m1", amountMinor: 800, shareBp: 8000 },
          { firmId: "m2", amountMinor: 500, shareBp: 5000 },
        ],
      },
      {
        key: "local",
        name: "LOCAL",
        contributors: 1,
        amountMinor: null,
        shareBp: null,
        withheld: "too_few",
        viaAgent: false,
        members: [{ firmId: "m3", amountMinor: 1000, shareBp: 10_000 }],
      },
    ]);
  });

  it("publishes a buyer's combined sales and share from 5 member firms (or the raised threshold), none above 85% of it", () => {
    // Five members sell 100..500 to US (1,500 of 5,500 combined): shown.
    const five = [1, 2, 3, 4, 5].map((i) => ({ firmId: `m${i}`, sales: [sale("us", i * 100), sale(`own${i}`, 800)] }));
    expect(systemicBuyers(five)[0]).toMatchObject({ key: "us", contributors: 5, amountMinor: 1500, shareBp: 2727, withheld: null });
    expect(systemicBuyers(five, DEFAULT_THRESHOLDS, disclosureRule(6))[0]).toMatchObject({
      key: "us",
      contributors: 5,
      amountMinor: null,
      shareBp: null,
      withheld: "too_few",
    });
    // One member sells 9,000 of the 9,040 the buyer takes: the combined figure is that member's.
    const dominated = [
      { firmId: "big", sales: [sale("us", 9000), sale("other", 1000)] },
      ...[1, 2, 3, 4].map((i) => ({ firmId: `s${i}`, sales: [sale("us", 10), sale(`own${i}`, 500)] })),
    ];
    expect(systemicBuyers(dominated)[0]).toMatchObject({
      key: "us",
      contributors: 5,
      amountMinor: null,
      shareBp: null,
      withheld: "dominated",
    });
    // Still systemic, still naming the members depending on it.
    expect(systemicBuyers(dominated)[0].members.map((m) => m.firmId)).toEqual(["big", "s1", "s2", "s3", "s4"]);
  });

  it("uses the network's threshold, boundary included", () => {
    expect(systemicBuyers(network, { ...DEFAULT_THRESHOLDS, systemicShareBp: 1667 }).map((b) => b.key)).toEqual(["us", "local", "it"]);
    expect(systemicBuyers(network, { ...DEFAULT_THRESHOLDS, systemicShareBp: 5000 })).toEqual([]);
  });

  it("counts an agent as the buyer and flags it", () => {
    const viaAgent = [
      { firmId: "m1", sales: [sale("us", 600, { viaAgent: true, agentKey: "agent" }), sale("de", 400)] },
      { firmId: "m2", sales: [sale("it", 1000)] },
    ];
    const [first] = systemicBuyers(viaAgent);
    expect(first).toMatchObject({ key: "it", contributors: 1, shareBp: null });
    expect(systemicBuyers(viaAgent).find((b) => b.key === "agent")).toMatchObject({ contributors: 1, withheld: "too_few", viaAgent: true });
  });

  it("property: a combined figure is shown only from 5 member firms, none above 85% of it, and is then their exact sum", () => {
    const members = fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 2 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(members, fc.integer({ min: 5, max: 8 }), (amounts, threshold) => {
        const network = amounts.map(([toUs, other], i) => ({
          firmId: `m${String(i).padStart(2, "0")}`,
          sales: [sale("us", toUs), sale(`own${i}`, other)],
        }));
        for (const buyer of systemicBuyers(network, { ...DEFAULT_THRESHOLDS, systemicShareBp: 0 }, disclosureRule(threshold))) {
          const parts = buyer.members.map((m) => m.amountMinor);
          expect(buyer.contributors).toBe(parts.length);
          if (buyer.amountMinor === null) continue;
          expect(parts.length).toBeGreaterThanOrEqual(threshold);
          expect(Math.max(...parts) * 10_000).toBeLessThanOrEqual(buyer.amountMinor * DOMINANCE_LIMIT_BP);
          expect(buyer.amountMinor).toBe(parts.reduce((a, b) => a + b, 0));
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("is empty for a network without sales and refuses a member given twice", () => {
    expect(systemicBuyers([])).toEqual([]);
    expect(systemicBuyers([{ firmId: "m1", sales: [] }])).toEqual([]);
    expect(() => systemicBuyers([network[0], network[0]])).toThrow(RangeError);
  });

  it("property: shares agree with the per-member measures and respect the threshold", () => {
    const networkArb = fc.uniqueArray(fc.record({ firmId: fc.constantFrom("m1", "m2", "m3", "m4"), sales: ledgerArb }), {
      selector: (m) => m.firmId,
      maxLength: 4,
    });
    fc.assert(
      fc.property(networkArb, fc.integer({ min: 0, max: 10_000 }), (members, systemic) => {
        const result = systemicBuyers(members, { ...DEFAULT_THRESHOLDS, systemicShareBp: systemic });
        const combined = measure(members.flatMap((m) => m.sales));
        for (const buyer of result) {
          // Four members at most: never 5 contributors, so never a combined figure.
          expect(buyer).toMatchObject({ amountMinor: null, shareBp: null, withheld: "too_few", contributors: buyer.members.length });
          expect(combined.shares.find((s) => s.key === buyer.key)!.shareBp).toBeGreaterThanOrEqual(systemic);
          for (const member of buyer.members) {
            const own = measure(members.find((m) => m.firmId === member.firmId)!.sales);
            expect(own.shares.find((s) => s.key === buyer.key)?.shareBp).toBe(member.shareBp);
          }
        }
        expect(result.length).toBe(combined.shares.filter((s) => s.shareBp >= systemic).length);
      }),
    );
  });
});
