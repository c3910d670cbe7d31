/**
 * Frozen benchmark publications (ADR 013): what members see of one KPI in one period is the
 * statistics computed when the period was last published, not the live values. Pure, no I/O;
 * the rules themselves (threshold, tails, republication) are disclosure.ts's.
 */
import {
  discloseDistribution,
  mayRepublish,
  meetsThreshold,
  TAILS_FROM,
  type DisclosedDistribution,
  type DisclosureRule,
} from "./disclosure";

/** The stored publication of one KPI in one period, as far as the next step needs it. */
export interface PublishedCell {
  contributorFirmIds: ReadonlyArray<string>;
  /** True when it showed statistics (quartiles), not only a count. */
  hasFigures: boolean;
}

export type PublicationOutcome = "first" | "refreshed" | "kept";

export interface PublicationStep {
  outcome: PublicationOutcome;
  /** The figures to store (the new ones, or null when the stored publication is kept). */
  figures: DisclosedDistribution | null;
  contributorFirmIds: string[];
}

/**
 * What publishing a KPI's current values does to its stored publication:
 * - none yet: the first publication freezes the figures (or only the count, below the threshold);
 * - one that showed only a count: replaced (there are no figures to take a difference from);
 * - one that showed statistics: replaced only when enough firms are new to it (mayRepublish),
 *   else kept as it is, so a new or corrected value never shows as a difference.
 */
export function publicationStep(
  previous: PublishedCell | null,
  current: ReadonlyArray<{ firmId: string; value: number }>,
  rule: DisclosureRule,
): PublicationStep {
  const firmIds = current.map((c) => c.firmId);
  if (previous && previous.hasFigures && !mayRepublish(previous.contributorFirmIds, firmIds)) {
    return { outcome: "kept", figures: null, contributorFirmIds: [...previous.contributorFirmIds] };
  }
  return {
    outcome: previous ? "refreshed" : "first",
    figures: discloseDistribution(
      current.map((c) => c.value),
      rule,
    ),
    contributorFirmIds: firmIds,
  };
}

/** A stored publication's figures, as stored (null where it showed none). */
export interface StoredFigures {
  n: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p10: number | null;
  p90: number | null;
}

/**
 * What a stored publication shows under the network's rule today: its figures as frozen, but
 * none when the network has since raised its threshold above the publication's count.
 */
export function shownPublication(stored: StoredFigures, rule: DisclosureRule): DisclosedDistribution {
  const { n, p25, median, p75, p10, p90 } = stored;
  if (!meetsThreshold(n, rule) || p25 === null || median === null || p75 === null) return { n, quartiles: null, tails: null };
  const tails = p10 !== null && p90 !== null && n >= TAILS_FROM ? { p10, p90, spread: p90 - p10 } : null;
  return { n, quartiles: { p25, median, p75 }, tails };
}
