/**
 * The vocabulary of an SME's position in a value chain (DOMAIN.md "Chain position").
 * Pure data and helpers: the database schema, the zod schemas and the UI all read from here,
 * so a new link or certification is added in exactly one place.
 */

/** Stages of the value chain, in chain order (furniture chain, seeds 003:631-637; 004:86). */
export const LINKS = [
  "inputs",
  "components",
  "processing",
  "assembly",
  "design",
  "marketing",
  "distribution",
  "retail",
  "recycling",
] as const;
export type Link = (typeof LINKS)[number];

/** 1 = supplies the buyer directly; 2 supplies a tier-1 supplier, and so on (002:903-904). */
export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

export const FUNCTIONS = [
  "design",
  "sourcing",
  "production",
  "quality_control",
  "logistics",
  "marketing",
  "branding",
  "r_and_d",
  "after_sales",
] as const;
export type FirmFunction = (typeof FUNCTIONS)[number];

/** The role ladder OEA -> OEM -> ODM -> OBM (003:764, 001:361), lowest rung first. */
export const ROLE_LADDER = ["oea", "oem", "odm", "obm"] as const;
export type RoleLadder = (typeof ROLE_LADDER)[number];

export const UPGRADING_GOALS = ["process", "product", "functional", "chain"] as const;
export type UpgradingGoal = (typeof UPGRADING_GOALS)[number];

/** Governance of a buyer relationship (Humphrey & Schmitz, 001:215-221). */
export const GOVERNANCE = ["market", "network", "quasi_hierarchy", "hierarchy"] as const;
export type Governance = (typeof GOVERNANCE)[number];

/** Kinds of buyer named by the papers (003:817-827, 000:326). */
export const BUYER_TYPES = [
  "global_retailer",
  "branded_marketer",
  "branded_manufacturer",
  "buying_group",
  "trader_export_agent",
  "local_lead_firm",
] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export const FIRM_KINDS = ["sme", "buyer", "agency"] as const;
export type FirmKind = (typeof FIRM_KINDS)[number];

/** Days before expiry from which a certification is shown as "expiring soon". */
const CERTIFICATION_EXPIRY_WARNING_DAYS = 90;

export type CertificationStatus = "valid" | "expiring" | "expired";

/**
 * A certification without an expiry date is valid indefinitely (buyer codes of conduct often
 * carry none). `today` is an ISO date (YYYY-MM-DD) so the rule is testable without a clock.
 */
export function certificationStatus(expiresOn: string | null, today: string): CertificationStatus {
  if (!expiresOn) return "valid";
  if (expiresOn < today) return "expired";
  const warnFrom = addDays(today, CERTIFICATION_EXPIRY_WARNING_DAYS);
  return expiresOn <= warnFrom ? "expiring" : "valid";
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Distance between two links along the chain: 0 = same link, 1 = adjacent, ... */
export function linkDistance(a: Link, b: Link): number {
  return Math.abs(LINKS.indexOf(a) - LINKS.indexOf(b));
}
