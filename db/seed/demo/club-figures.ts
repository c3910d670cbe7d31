import { catalogueKpi, periodFor, type Period } from "../../../server/domain/benchmark";
import type { DEMO_CLUB } from "./club-people";

/** The club's figures: made by a seeded generator, so the same clock always gives the same data. */

/**
 * How each KPI's figures move: every member starts between `best` and `worst` by its standing
 * and closes a share of its gap to `target` each quarter (keeping `retain` of it, laggards a
 * little less), with noise of `noise` times the starting gap. The ranges echo box 5.7
 * (on-time delivery 87% -> 100%, scrap 1.5% -> 0.15%, set-up over 15% -> under 10%, stock-turns
 * 8.5 -> 10.7) and box 5.4 (inventory performance far below European competitors, long tail).
 */
const STORIES: Record<(typeof DEMO_CLUB.kpis)[number], { best: number; worst: number; target: number; retain: number; noise: number }> = {
  inventory_turns: { best: 14, worst: 4, target: 20, retain: 0.9, noise: 0.08 },
  on_time_delivery: { best: 93, worst: 66, target: 99, retain: 0.86, noise: 0.1 },
  scrap_rate: { best: 0.9, worst: 4.8, target: 0.2, retain: 0.86, noise: 0.1 },
  setup_time: { best: 9, worst: 24, target: 5, retain: 0.88, noise: 0.1 },
  defects_ppm: { best: 250, worst: 4200, target: 40, retain: 0.82, noise: 0.12 },
};

/** External references: European and international competitors (box 5.4), per KPI. */
export const REFERENCES: Partial<Record<(typeof DEMO_CLUB.kpis)[number], { source: string; values: number[] }>> = {
  inventory_turns: { source: "European competitors", values: [19.5, 20.2, 20.8] },
  on_time_delivery: { source: "International benchmark", values: [97.5, 98, 98.4] },
  scrap_rate: { source: "International benchmark", values: [0.35, 0.3, 0.28] },
};

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a text, to seed one generator per firm and KPI. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The demo value of one member's KPI in the quarter `t` (0 = the first of the twelve). */
export function demoKpiValue(firmKey: string, standing: number, kpiKey: (typeof DEMO_CLUB.kpis)[number], t: number): number {
  const story = STORIES[kpiKey];
  const kpi = catalogueKpi(kpiKey)!;
  const random = generator(hashOf(`${firmKey}:${kpiKey}`));
  // The firm's own standing on this KPI: its overall standing, give or take a tenth.
  const own = Math.min(1, Math.max(0, standing + (random() - 0.5) * 0.2));
  const start = story.best + own * (story.worst - story.best);
  // Laggards close their gap faster (they have the most to learn from the workshops).
  const retain = story.retain - 0.05 * own + (random() - 0.5) * 0.02;
  const gap = start - story.target;
  // The noise of quarter t: the t-th draw of the same stream, shrinking with the gap.
  let draw = 0;
  for (let i = 0; i <= t; i++) draw = random();
  const value = story.target + gap * retain ** t + (draw - 0.5) * 2 * story.noise * Math.abs(gap) * retain ** t;
  return rounded(Math.min(kpi.maxValue, Math.max(kpi.minValue, value)), kpi.decimals);
}

/** Whether a member missed reporting a KPI in a closed quarter (now and then one does). */
export function demoMissed(firmKey: string, kpiKey: string, t: number): boolean {
  const random = generator(hashOf(`missed:${firmKey}:${kpiKey}:${t}`));
  return t > 0 && random() < 0.04;
}

/** The twelve quarters up to the last that has ended by `now`, oldest first. */
export function demoQuarters(now: Date): Period[] {
  const current = periodFor("quarter", now);
  const quarters: Period[] = [];
  let day = current.startsOn;
  for (let i = 0; i < 12; i++) {
    const before = new Date(`${day}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    const quarter = periodFor("quarter", before);
    quarters.unshift(quarter);
    day = quarter.startsOn;
  }
  return quarters;
}

/**
 * Members with figures in the open quarter already: the report shows their count and no
 * statistic (fewer than five firms, and the quarter is not published before its due date).
 */
export const DEMO_OPEN_QUARTER_REPORTED = ["swartkops-castings", "coega-wire-harness"] as const;
