import type { CertificationCode } from "../../reference/certifications";
import type { BuyerType, FirmFunction, Governance, Link, RoleLadder, Tier, UpgradingGoal } from "../../../server/domain/chain-position";

/** The shapes of the Sinos Valley demo's firms (the data sits in smes-*.ts and firms.ts). */

export type Town =
  "Novo Hamburgo" | "Campo Bom" | "Sapiranga" | "Estância Velha" | "Dois Irmãos" | "Parobé" | "Igrejinha" | "Três Coroas" | "São Leopoldo";

interface CertificationSeed {
  code: CertificationCode;
  /** ISO date; null = no expiry (buyer codes of conduct often carry none). */
  expiresOn: string | null;
}

interface CapacitySeed {
  product: string;
  unitsPerMonth: number;
  unit: string;
  leadTimeDays: number;
}

export interface SmeSeed {
  key: string;
  name: string;
  town: Town;
  /** ISIC Rev.4 class */
  sector: string;
  description: string;
  employees: number;
  /** Annual turnover in whole reais. */
  turnoverBrl: number;
  link: Link;
  tier: Tier;
  functions: FirmFunction[];
  roleLadder?: RoleLadder;
  upgradingGoals: UpgradingGoal[];
  certifications: CertificationSeed[];
  capacities: CapacitySeed[];
}

export interface BuyerSeed {
  key: string;
  name: string;
  country: string;
  region: string;
  sector: string;
  description: string;
  employees: number;
  /** Annual turnover in whole units of `currency`. */
  turnover: number;
  currency: string;
  buyerType: BuyerType;
  usualGovernance: Governance;
}

// Certification expiry dates, fixed so the demo always shows the three states.
export const VALID = "2027-06-30";
export const VALID_LONG = "2028-03-31";
export const EXPIRING_SOON = "2027-01-15"; // within 90 days of the demo's late-2026 clock
export const EXPIRED = "2026-03-31";
