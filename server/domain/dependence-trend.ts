/**
 * How a firm's dependence on one buyer moved over reporting periods: the change of
 * the top buyer's share and of the HHI, period by period and over the window.
 */
import type { Measure } from "./dependence";

/** A change of less than this (bp of share, or HHI points) between periods is "stable". */
const STABLE_BAND = 100;

type Direction = "rising" | "falling" | "stable";

interface TrendStep {
  from: string;
  to: string;
  topShareChangeBp: number;
  hhiChange: number;
  direction: Direction;
}

export interface Trend {
  /** One per consecutive pair of periods in the window. */
  steps: TrendStep[];
  /** First to last period of the window. */
  topShareChangeBp: number;
  hhiChange: number;
  /** From the top-share change; null with fewer than two periods (no trend to speak of). */
  direction: Direction | null;
  hhiDirection: Direction | null;
}

function directionOf(change: number): Direction {
  if (Math.abs(change) < STABLE_BAND) return "stable";
  return change > 0 ? "rising" : "falling";
}

/**
 * The trend over the last `window` periods (all by default), which the caller passes in
 * chronological order. "A share at one moment may not capture the full story" (003:639). The top
 * buyer may differ between periods: the trend is that of the concentration, not of one buyer.
 */
export function trend(
  periods: ReadonlyArray<{ period: string; measure: Pick<Measure, "topShareBp" | "hhi"> }>,
  window: number = periods.length,
): Trend {
  if (!Number.isInteger(window) || window < 0) throw new RangeError(`window must be a non-negative integer, got ${window}`);
  const last = window === 0 ? [] : periods.slice(-window);
  const steps: TrendStep[] = [];
  for (let i = 1; i < last.length; i++) {
    const from = last[i - 1];
    const to = last[i];
    const topShareChangeBp = to.measure.topShareBp - from.measure.topShareBp;
    steps.push({
      from: from.period,
      to: to.period,
      topShareChangeBp,
      hhiChange: to.measure.hhi - from.measure.hhi,
      direction: directionOf(topShareChangeBp),
    });
  }
  if (last.length < 2) return { steps, topShareChangeBp: 0, hhiChange: 0, direction: null, hhiDirection: null };
  const first = last[0].measure;
  const end = last[last.length - 1].measure;
  const topShareChangeBp = end.topShareBp - first.topShareBp;
  const hhiChange = end.hhi - first.hhi;
  return { steps, topShareChangeBp, hhiChange, direction: directionOf(topShareChangeBp), hhiDirection: directionOf(hhiChange) };
}
