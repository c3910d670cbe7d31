/**
 * What matching reads and says: the need's criteria and the SME's profile it scores, and the
 * reason keys (with their parameters) it explains each part with, for the UI to translate.
 */
import type { FirmFunction, Link, Tier, UpgradingGoal } from "./chain-position";

type CertificationRequirement = { code: string; mustHave: boolean };

export interface BuyerGovernance {
  /** What the buyer specifies: only "what" (the product), or "what and how" (001:141). */
  specifies: "what" | "what_and_how";
  /** Support offered, e.g. "training", "technical_help"; any entry counts as support. */
  supportOffered: ReadonlyArray<string>;
  exclusivity: boolean;
  /** The buyer designs the product jointly with the supplier (network governance, 001:215). */
  jointDesign?: boolean;
}

export interface NeedCriteria {
  link: Link;
  tier: Tier;
  functions: ReadonlyArray<FirmFunction>;
  certifications: ReadonlyArray<CertificationRequirement>;
  /** Units per month of the need's product. */
  volumePerMonth: number;
  /** ISO 3166-1 alpha-2 of the delivery place. */
  country: string;
  governance: BuyerGovernance;
}

export interface SmeProfile {
  firmId: string;
  link: Link;
  tier: Tier;
  functions: ReadonlyArray<FirmFunction>;
  certifications: ReadonlyArray<{ code: string; expiresOn: string | null }>;
  /** Units per month of the need's product; null when the SME has not said. */
  capacityPerMonth: number | null;
  country: string;
  region: string | null;
  upgradingGoals: ReadonlyArray<UpgradingGoal>;
}

/** Every reason key the UI must translate, with the parameters documented at each use. */
export const MATCH_REASON_KEYS = [
  "match.link.same",
  "match.link.adjacent",
  "match.link.distant",
  "match.tier.same",
  "match.tier.adjacent",
  "match.tier.distant",
  "match.functions.none_required",
  "match.functions.covered",
  "match.functions.missing",
  "match.certifications.none_required",
  "match.certifications.held",
  "match.certifications.valid",
  "match.certifications.expiring",
  "match.certifications.expired",
  "match.certifications.missing",
  "match.excluded.missing_must_have",
  "match.excluded.expired_must_have",
  "match.capacity.covers",
  "match.capacity.partial",
  "match.capacity.unknown",
  "match.location.same_country",
  "match.location.other_country",
  "match.upgrading.no_goals",
  "match.upgrading.fit",
  "match.upgrading.functional.joint_design",
  "match.upgrading.functional.what_only",
  "match.upgrading.functional.what_and_how",
  "match.upgrading.support_offered",
  "match.upgrading.buyer_specifies_how",
  "match.upgrading.no_support",
  "match.upgrading.chain",
  "match.upgrading.exclusivity",
] as const;
export type MatchReasonKey = (typeof MATCH_REASON_KEYS)[number];

export interface Reason {
  key: MatchReasonKey;
  params: Record<string, string | number>;
}

/** A reason with its parameters. */
export const r = (key: MatchReasonKey, params: Record<string, string | number> = {}): Reason => ({ key, params });
