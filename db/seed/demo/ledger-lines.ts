import type { Governance } from "../../../server/domain/chain-position";
import { DEMO_SMES } from "./firms";

// Sales ledgers (DOMAIN.md "Dependence on a single buyer"; issue 4 section 8). The story of the
// papers: the valley's leading exporters sold "over 80 per cent of their output" to one buyer,
// which took "close to 40 per cent of the cluster's output" (001:297, 001:307), and "trends
// matter" (003:639). In the demo:
// - the US chain Stridewell takes a rising share of three leading manufacturers, Ferraresi (the
//   oem@ login: 62% -> 74% -> 83%), Bella Sinos and Igrejinha Botas: critical in 2026, two of
//   them under exclusive supply agreements; its orders grow while their other customers shrink;
// - Schmitt, Parobé Kids and Stridewell's buying agent Sinos Export depend on it at the warning
//   level, as do the subcontractors and suppliers of one dominant customer (Sapiranga Modas and
//   Rosa dos Ventos work for the leaders, Kessler's sole leather goes to Schmitt);
// - the firms that design (Passo Firme with its own brand, Ateliê Três Coroas, Estrela do Vale)
//   and most component makers are diversified;
// - Stridewell takes close to 40% of the members' combined 2026 sales (about 27% in 2024): a
//   systemic buyer.
// Amounts are the year's invoiced sales (2026: deliveries to date and confirmed orders); exports
// are invoiced in dollars (Harbour & Hide too) or euros, converted with the rates below. Sales to
// fellow members and other firms off the platform are named outside customers. The larger
// tanneries and the machinery makers have not entered their ledgers yet (the tannery@ login
// starts from an empty one): the ledgers of the 21 members that have make Stridewell's share.

export const DEMO_LEDGER_YEARS = ["2024", "2025", "2026"] as const;
export type LedgerYear = (typeof DEMO_LEDGER_YEARS)[number];
export type LedgerCurrency = "BRL" | "USD" | "EUR";

/**
 * Yearly book rates to the network's currency, valid from 1 January: near each year's market
 * level for 2024 and 2025, assumed for 2026.
 */
export const DEMO_EXCHANGE_RATES: ReadonlyArray<{ currency: Exclude<LedgerCurrency, "BRL">; validFrom: string; rate: string }> = [
  { currency: "USD", validFrom: "2024-01-01", rate: "5.39" },
  { currency: "USD", validFrom: "2025-01-01", rate: "5.58" },
  { currency: "USD", validFrom: "2026-01-01", rate: "5.40" },
  { currency: "EUR", validFrom: "2024-01-01", rate: "5.83" },
  { currency: "EUR", validFrom: "2025-01-01", rate: "6.30" },
  { currency: "EUR", validFrom: "2026-01-01", rate: "6.32" },
];

/** Sales in thousands of the line's currency in 2024, 2025 and 2026; 0 = none that year. */
export type Thousands = readonly [number, number, number];

export interface SaleLine {
  /** A demo buyer on the platform (key in DEMO_BUYERS); else `customer` names an outside customer. */
  buyerKey?: string;
  customer?: string;
  currency: LedgerCurrency;
  market: "export" | "domestic";
  /** Sold through this demo export agent (key in EXPORT_AGENTS); direct otherwise. */
  agentKey?: string;
  governance: Governance;
  /** Under an exclusive supply agreement from this year on. */
  exclusiveFrom?: LedgerYear;
  thousands: Thousands;
}

export interface LedgerSeed {
  firmKey: string;
  lines: SaleLine[];
}

// Platform buyers, each invoiced in its usual currency under the governance it usually imposes.
export const toStridewell = (thousands: Thousands, exclusiveFrom?: LedgerYear): SaleLine => ({
  buyerKey: "stridewell",
  currency: "USD",
  market: "export",
  governance: "quasi_hierarchy",
  exclusiveFrom,
  thousands,
});
export const toSchuhring = (thousands: Thousands, agentKey?: string): SaleLine => ({
  buyerKey: "schuhring",
  currency: "EUR",
  market: "export",
  governance: "network",
  agentKey,
  thousands,
});
export const toVellacorte = (thousands: Thousands): SaleLine => ({
  buyerKey: "casa-vellacorte",
  currency: "EUR",
  market: "export",
  governance: "quasi_hierarchy",
  thousands,
});
export const toHarbourHide = (thousands: Thousands, agentKey?: string): SaleLine => ({
  buyerKey: "harbour-hide",
  currency: "USD",
  market: "export",
  governance: "market",
  agentKey,
  thousands,
});
// Outside customers: Brazilian firms in reais, importers abroad in their invoicing currency.
export const domestic = (customer: string, thousands: Thousands, governance: Governance = "market"): SaleLine => ({
  customer,
  currency: "BRL",
  market: "domestic",
  governance,
  thousands,
});
export const abroad = (customer: string, currency: Exclude<LedgerCurrency, "BRL">, thousands: Thousands, agentKey?: string): SaleLine => ({
  customer,
  currency,
  market: "export",
  governance: "market",
  agentKey,
  thousands,
});
/** A fellow member, by name: SMEs are not platform buyers. */
export const toMember = (firmKey: string, thousands: Thousands, governance: Governance = "market"): SaleLine => {
  const member = DEMO_SMES.find((s) => s.key === firmKey);
  if (!member) throw new Error(`demo seed: no SME ${firmKey}`);
  return domestic(member.name, thousands, governance);
};

// Invented outside customers.
export const SOLA_VIVA = "Rede Sola Viva Calçados Ltda."; // São Paulo chain
export const BEM_CALCAR = "Lojas Bem Calçar S.A."; // Minas Gerais chain
export const ROTA_NORDESTE = "Rota Nordeste Calçados e Acessórios Ltda."; // Recife chain
export const CASA_MINEIRA = "Casa Mineira de Calçados Ltda.";
export const VITRINE_CARIOCA = "Lojas Vitrine Carioca Ltda."; // Rio de Janeiro chain
export const INVERNO_GAUCHO = "Rede Inverno Gaúcho de Calçados Ltda."; // boots, Rio Grande do Sul
export const PEQUENO_PASSO = "Lojas Pequeno Passo Infantil Ltda."; // children's shoes chain
export const TRILHA_SUL = "Magazine Trilha Sul Ltda.";
export const PLANALTO = "Calçados Planalto Central Ltda."; // Brasília chain
export const AMAZONIA = "Rede Amazônia Calçados Ltda."; // Manaus chain
export const AURORA = "Sapataria Aurora Ltda."; // one shop in Porto Alegre
export const MORRO_REUTER = "Calçados Morro Reuter Ltda."; // manufacturers outside the network
export const SERRA_GAUCHA = "Indústria de Calçados Serra Gaúcha Ltda.";
export const NOVA_HARTZ = "Calçados Vila Nova Hartz Ltda.";
export const FRANCA = "Calçados Franca Paulista Ltda."; // men's shoes, Franca cluster (SP)
export const BIRIGUI = "Birigui Kids Calçados Ltda."; // children's shoes, Birigui cluster (SP)
export const SELARIA = "Selaria Crioula Ltda."; // saddlery
export const BOLSAS = "Bolsas Porto Belo Ltda."; // handbags
export const ESTOFADOS = "Estofados Bento Ltda."; // upholstered furniture, Bento Gonçalves
export const ANDES = "Andes Calzado S.A."; // importer, Santiago de Chile
export const RIOPLATENSE = "Rioplatense Zapatos S.R.L."; // importer, Buenos Aires
export const PACIFICO = "Calzados del Pacífico S.A.C."; // importer, Lima
export const ADRIATICA = "Scarpe Adriatica S.r.l."; // importer, Pescara
