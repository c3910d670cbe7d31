import { minorDigits } from "../../reference/currencies";
import type { firm } from "../../schema/firms";
import type { BuyerSeed, SmeSeed, Town } from "./firm-types";
import { COMPONENT_MAKERS, TANNERIES } from "./smes-suppliers";
import { MANUFACTURERS } from "./smes-manufacturers";
import { DESIGN_STUDIOS, EXPORT_AGENTS, MACHINERY_MAKERS } from "./smes-services";
import { firmId } from "./ids";

/**
 * The firms of the Sinos Valley demo: its SMEs (smes-*.ts), the platform buyers and the
 * cluster's business association, which brokers the network.
 */

export const DEMO_SMES: readonly SmeSeed[] = [
  ...TANNERIES,
  ...COMPONENT_MAKERS,
  ...MANUFACTURERS,
  ...DESIGN_STUDIOS,
  ...MACHINERY_MAKERS,
  ...EXPORT_AGENTS,
];

// The four kinds of buyer the demo needs, each with the governance it usually imposes
// (Humphrey & Schmitz, 001:215-221).
export const DEMO_BUYERS: readonly BuyerSeed[] = [
  {
    key: "stridewell",
    name: "Stridewell Stores Inc.",
    country: "US",
    region: "Columbus, Ohio",
    sector: "4771",
    description:
      "US chain of 900 family shoe stores. Specifies product and process and audits its suppliers; the valley's largest single customer.",
    employees: 14_000,
    turnover: 3_900_000_000,
    currency: "USD",
    buyerType: "global_retailer",
    usualGovernance: "quasi_hierarchy",
  },
  {
    key: "schuhring",
    name: "Schuhring Einkaufsverbund eG",
    country: "DE",
    region: "Nordrhein-Westfalen",
    sector: "4641",
    description: "Buying group of 340 independent shoe retailers; develops ranges together with its suppliers.",
    employees: 210,
    turnover: 640_000_000,
    currency: "EUR",
    buyerType: "buying_group",
    usualGovernance: "network",
  },
  {
    key: "casa-vellacorte",
    name: "Casa Vellacorte S.p.A.",
    country: "IT",
    region: "Milano, Lombardia",
    sector: "4771",
    description: "Milanese fashion house that designs its collections and has them made by specified suppliers.",
    employees: 1_800,
    turnover: 520_000_000,
    currency: "EUR",
    buyerType: "branded_marketer",
    usualGovernance: "quasi_hierarchy",
  },
  {
    key: "harbour-hide",
    name: "Harbour & Hide Imports Ltd",
    country: "GB",
    region: "Northampton",
    sector: "4641",
    description: "Small importer buying standard leather shoes and sandals from catalogues for UK independent stores.",
    employees: 22,
    turnover: 9_500_000,
    currency: "GBP",
    buyerType: "trader_export_agent",
    usualGovernance: "market",
  },
];

export const AGENCY = {
  key: "polo-calcadista",
  name: "Associação do Polo Calçadista do Vale dos Sinos",
  town: "Novo Hamburgo" as Town,
  // ISIC Rev.4 9411: activities of business and employers membership organizations.
  sector: "9411",
  description:
    "Business association of the Sinos Valley footwear cluster. Runs the network, joint trade-fair stands, shared audits and benchmarking clubs.",
  employees: 14,
};

export const toMinor = (amount: number, currency: string) => amount * 10 ** minorDigits(currency);
const valleyRegion = (town: Town) => `${town}, Vale dos Sinos, RS`;

/** Every firm's row, SMEs first, then the buyers and the agency. */
export function firmRows(now: Date): Array<typeof firm.$inferInsert> {
  const stamps = { createdAt: now, updatedAt: now };
  const smes = DEMO_SMES.map((s) => ({
    id: firmId(s.key),
    kind: "sme" as const,
    name: s.name,
    description: s.description,
    country: "BR",
    region: valleyRegion(s.town),
    sector: s.sector,
    employees: s.employees,
    turnoverMinor: toMinor(s.turnoverBrl, "BRL"),
    turnoverCurrency: "BRL",
    link: s.link,
    tier: s.tier,
    functions: s.functions,
    roleLadder: s.roleLadder ?? null,
    upgradingGoals: s.upgradingGoals,
    ...stamps,
  }));
  const buyers = DEMO_BUYERS.map((b) => ({
    id: firmId(b.key),
    kind: "buyer" as const,
    name: b.name,
    description: b.description,
    country: b.country,
    region: b.region,
    sector: b.sector,
    employees: b.employees,
    turnoverMinor: toMinor(b.turnover, b.currency),
    turnoverCurrency: b.currency,
    buyerType: b.buyerType,
    usualGovernance: b.usualGovernance,
    ...stamps,
  }));
  const agency = {
    id: firmId(AGENCY.key),
    kind: "agency" as const,
    name: AGENCY.name,
    description: AGENCY.description,
    country: "BR",
    region: valleyRegion(AGENCY.town),
    sector: AGENCY.sector,
    employees: AGENCY.employees,
    ...stamps,
  };
  return [...smes, ...buyers, agency];
}
