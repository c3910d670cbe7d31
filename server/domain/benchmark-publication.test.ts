import { describe, expect, it } from "vitest";
import { publicationStep, shownPublication } from "./benchmark-publication";
import { disclosureRule } from "./disclosure";

const rule = disclosureRule();
const firms = (values: number[], prefix = "f") => values.map((value, i) => ({ firmId: `${prefix}${i}`, value }));

describe("publicationStep: frozen statistics, refreshed only with enough new firms", () => {
  it("the first publication freezes quartiles from five firms, the count only below", () => {
    expect(publicationStep(null, firms([78, 87, 92, 95, 100]), rule)).toEqual({
      outcome: "first",
      figures: { n: 5, quartiles: { p25: 87, median: 92, p75: 95 }, tails: null },
      contributorFirmIds: ["f0", "f1", "f2", "f3", "f4"],
    });
    expect(publicationStep(null, firms([78, 87, 92, 95]), rule).figures).toEqual({ n: 4, quartiles: null, tails: null });
  });

  it("keeps a publication with figures until three firms are new to it; corrections alone never refresh", () => {
    const first = publicationStep(null, firms([78, 87, 92, 95, 100]), rule);
    const published = { contributorFirmIds: first.contributorFirmIds, hasFigures: true };
    const twoMore = [...firms([78, 87, 92, 95, 100]), ...firms([60, 99], "new")];
    expect(publicationStep(published, twoMore, rule)).toEqual({
      outcome: "kept",
      figures: null,
      contributorFirmIds: first.contributorFirmIds,
    });
    expect(publicationStep(published, firms([10, 87, 92, 95, 100]), rule).outcome).toBe("kept");
    const threeMore = [...twoMore, { firmId: "new2", value: 70 }];
    const refreshed = publicationStep(published, threeMore, rule);
    expect(refreshed.outcome).toBe("refreshed");
    expect(refreshed.figures?.n).toBe(8);
  });

  it("a publication that showed only a count is replaced at once (no figures to take a difference from)", () => {
    const countOnly = { contributorFirmIds: ["f0", "f1", "f2", "f3"], hasFigures: false };
    const step = publicationStep(countOnly, firms([78, 87, 92, 95, 100]), rule);
    expect(step.outcome).toBe("refreshed");
    expect(step.figures?.quartiles).toEqual({ p25: 87, median: 92, p75: 95 });
  });
});

describe("shownPublication: what a stored publication shows under today's rule", () => {
  const stored = { n: 6, p25: 1, median: 2, p75: 3, p10: null, p90: null };
  it("shows the frozen quartiles, and hides them when the network raised its threshold above the count", () => {
    expect(shownPublication(stored, rule)).toEqual({ n: 6, quartiles: { p25: 1, median: 2, p75: 3 }, tails: null });
    expect(shownPublication(stored, disclosureRule(8))).toEqual({ n: 6, quartiles: null, tails: null });
  });
  it("shows the tails only from ten", () => {
    expect(shownPublication({ n: 10, p25: 1, median: 2, p75: 3, p10: 0.5, p90: 4 }, rule).tails).toEqual({ p10: 0.5, p90: 4, spread: 3.5 });
    expect(shownPublication({ n: 9, p25: 1, median: 2, p75: 3, p10: 0.5, p90: 4 }, rule).tails).toBeNull();
  });
});
