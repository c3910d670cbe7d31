import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../client";
import type { CertificationCode } from "../reference/certifications";
import { minorDigits } from "../reference/currencies";
import { user } from "../schema/auth";
import type { Role } from "../../server/domain/roles";
import { firm, firmCapacity, firmCertification, firmMember } from "../schema/firms";
import { dependenceState, exchangeRate, salesEntry } from "../schema/ledger";
import { notification } from "../schema/notifications";
import {
  activity,
  fundingSource,
  initiative,
  initiativeBudget,
  initiativeMessage,
  initiativeParticipant,
  jointBuy,
  jointBuyCommitment,
} from "../schema/initiatives";
import { network, networkBroker, networkMember } from "../schema/networks";
import { sourcingNeed } from "../schema/sourcing";
import type { NeedStatus } from "../../server/domain/need";
import {
  addDays,
  type BuyerType,
  type FirmFunction,
  type Governance,
  type Link,
  type RoleLadder,
  type Tier,
  type UpgradingGoal,
} from "../../server/domain/chain-position";
import type { SplitRule } from "../../server/domain/cost-split";
import type { InitiativeStatus, Objective } from "../../server/domain/initiative";
import { crossedBreak, validateBreaks, type PriceBreak } from "../../server/domain/price-breaks";
import { insertAccount } from "../../server/services/accounts/insert-account";
import { dependenceFigures } from "../../server/services/ledger/dependence-figures";
import { needValues } from "../../server/services/sourcing/save-need";
import { needInputSchema } from "../../server/schemas/sourcing";
import { inTransaction, type Deps } from "../../server/services/deps";
import { DEMO_LEARNING_LOGINS, seedLearningDemo } from "./demo-learning";
import { seedDemoStand } from "./demo-stand";

/**
 * The demo installation: the Sinos Valley footwear cluster of Rio Grande do Sul, Brazil, the
 * papers' main case (DOMAIN.md "Worked facts usable as demo data"). Firms and people are
 * invented; the mix of firms echoes the 1990s cluster (480 manufacturers, 223 component makers,
 * 135 tanneries, 45 machinery makers, 70 export agents: 003:871-884) at about 1/15 scale, and
 * the buyers are the kinds the papers name (003:817-827).
 *
 * Deterministic and re-runnable: every id is derived from a stable key, every insert ignores
 * conflicts, and users are created only when their email is not registered yet.
 */

export const DEMO_PASSWORD = "jointly-demo-2026";

type Town =
  | "Novo Hamburgo"
  | "Campo Bom"
  | "Sapiranga"
  | "Estância Velha"
  | "Dois Irmãos"
  | "Parobé"
  | "Igrejinha"
  | "Três Coroas"
  | "São Leopoldo";

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

interface SmeSeed {
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

interface BuyerSeed {
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
const VALID = "2027-06-30";
const VALID_LONG = "2028-03-31";
const EXPIRING_SOON = "2027-01-15"; // within 90 days of the demo's late-2026 clock
const EXPIRED = "2026-03-31";

// ---------------------------------------------------------------------------------------------
// SMEs of the cluster: tanneries, component makers, manufacturers, design studios, machinery
// makers and export agents. SMEs are "usually second or third tier suppliers" (003:1181).
// ---------------------------------------------------------------------------------------------

const TANNERIES: SmeSeed[] = [
  {
    key: "curtume-arroio-verde",
    name: "Curtume Arroio Verde Ltda.",
    town: "Estância Velha",
    sector: "1511",
    description:
      "Family tannery finishing chrome-tanned cattle hides into upper leather for women's shoes. Wants to supply automotive upholstery too.",
    employees: 160,
    turnoverBrl: 78_000_000,
    link: "processing",
    tier: 2,
    functions: ["sourcing", "production", "quality_control", "r_and_d"],
    roleLadder: "oem",
    upgradingGoals: ["process", "chain"],
    certifications: [
      { code: "lwg", expiresOn: VALID },
      { code: "iso_14001", expiresOn: VALID_LONG },
      { code: "iso_9001", expiresOn: VALID },
    ],
    capacities: [
      { product: "Finished cattle upper leather", unitsPerMonth: 65_000, unit: "m²", leadTimeDays: 21 },
      { product: "Nappa lining leather", unitsPerMonth: 12_000, unit: "m²", leadTimeDays: 18 },
    ],
  },
  {
    key: "curtume-santa-barbara",
    name: "Curtume Santa Bárbara do Sinos Ltda.",
    town: "Estância Velha",
    sector: "1511",
    description:
      "Medium tannery producing full-grain and corrected-grain leather for men's and work footwear. Its LWG audit lapsed and is being renewed.",
    employees: 120,
    turnoverBrl: 54_000_000,
    link: "processing",
    tier: 2,
    functions: ["sourcing", "production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["process"],
    certifications: [
      { code: "lwg", expiresOn: EXPIRED },
      { code: "iso_9001", expiresOn: VALID_LONG },
    ],
    capacities: [{ product: "Full-grain cattle leather", unitsPerMonth: 48_000, unit: "m²", leadTimeDays: 25 }],
  },
  {
    key: "couros-linha-nova",
    name: "Couros Linha Nova S.A.",
    town: "Novo Hamburgo",
    sector: "1511",
    description: "Beamhouse and chrome tanning of raw hides to wet-blue, sold to finishing tanneries in the valley.",
    employees: 210,
    turnoverBrl: 96_000_000,
    link: "inputs",
    tier: 3,
    functions: ["sourcing", "production", "logistics"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: [{ code: "iso_14001", expiresOn: VALID }],
    capacities: [{ product: "Wet-blue cattle hides", unitsPerMonth: 38_000, unit: "hides", leadTimeDays: 14 }],
  },
  {
    key: "curtume-irmaos-kessler",
    name: "Curtume Irmãos Kessler Ltda.",
    town: "Dois Irmãos",
    sector: "1511",
    description: "Small vegetable-tanning tannery making sole leather and belly leather for insoles.",
    employees: 38,
    turnoverBrl: 11_500_000,
    link: "inputs",
    tier: 3,
    functions: ["production", "quality_control"],
    roleLadder: "oea",
    upgradingGoals: ["product"],
    certifications: [],
    capacities: [{ product: "Vegetable-tanned sole leather", unitsPerMonth: 9_000, unit: "kg", leadTimeDays: 30 }],
  },
  {
    key: "curtume-vale-alto",
    name: "Curtume Vale Alto Ltda.",
    town: "São Leopoldo",
    sector: "1511",
    description: "Finishing tannery specialised in suede, nubuck and printed leathers for fashion footwear and handbags.",
    employees: 85,
    turnoverBrl: 36_000_000,
    link: "processing",
    tier: 2,
    functions: ["design", "production", "quality_control", "r_and_d"],
    roleLadder: "odm",
    upgradingGoals: ["product", "functional"],
    certifications: [
      { code: "lwg", expiresOn: VALID_LONG },
      { code: "oeko_tex", expiresOn: VALID },
    ],
    capacities: [
      { product: "Suede and nubuck leather", unitsPerMonth: 22_000, unit: "m²", leadTimeDays: 20 },
      { product: "Printed fashion leather", unitsPerMonth: 6_000, unit: "m²", leadTimeDays: 28 },
    ],
  },
];

const COMPONENT_MAKERS: SmeSeed[] = [
  {
    key: "solados-pampa",
    name: "Solados Pampa Ltda.",
    town: "Campo Bom",
    // ISIC Rev.4 has no 2229; injected TR/PU soles are class 2220 (plastics products).
    sector: "2220",
    description: "Injected TR, PU and rubber soles for women's, men's and children's shoes, with in-house mould shop.",
    employees: 140,
    turnoverBrl: 42_000_000,
    link: "components",
    tier: 2,
    functions: ["design", "production", "quality_control", "logistics"],
    roleLadder: "odm",
    upgradingGoals: ["process", "product"],
    certifications: [{ code: "iso_9001", expiresOn: VALID }],
    capacities: [
      { product: "Injected TR and PU soles", unitsPerMonth: 240_000, unit: "pairs", leadTimeDays: 12 },
      { product: "Vulcanised rubber soles", unitsPerMonth: 60_000, unit: "pairs", leadTimeDays: 15 },
    ],
  },
  {
    key: "saltos-kunz",
    name: "Saltos Kunz Indústria de Componentes Ltda.",
    town: "Novo Hamburgo",
    sector: "2220",
    description: "ABS and wooden heels, wedges and platforms covered to order for women's fashion footwear.",
    employees: 64,
    turnoverBrl: 15_800_000,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["product"],
    certifications: [],
    capacities: [{ product: "Covered heels and wedges", unitsPerMonth: 110_000, unit: "pairs", leadTimeDays: 10 }],
  },
  {
    key: "palmilhas-confort-sul",
    name: "Palmilhas Confort-Sul Ltda.",
    town: "Sapiranga",
    sector: "2220",
    description: "Cellulose board insoles, EVA and latex comfort footbeds, counters and toe puffs.",
    employees: 45,
    turnoverBrl: 9_600_000,
    link: "components",
    tier: 3,
    functions: ["production", "logistics"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: [],
    capacities: [
      { product: "Board insoles", unitsPerMonth: 180_000, unit: "pairs", leadTimeDays: 7 },
      { product: "EVA comfort footbeds", unitsPerMonth: 50_000, unit: "pairs", leadTimeDays: 10 },
    ],
  },
  {
    key: "sinoscola-adesivos",
    name: "Sinoscola Adesivos Ltda.",
    town: "Estância Velha",
    // Adhesives: ISIC Rev.4 class 2029, other chemical products n.e.c.
    sector: "2029",
    description: "Water-based and solvent PU and polychloroprene adhesives, primers and halogenating agents for sole bonding.",
    employees: 52,
    turnoverBrl: 23_000_000,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control", "r_and_d", "after_sales"],
    roleLadder: "odm",
    upgradingGoals: ["product", "process"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID },
      { code: "iso_14001", expiresOn: VALID_LONG },
    ],
    capacities: [{ product: "Footwear adhesives and primers", unitsPerMonth: 85_000, unit: "kg", leadTimeDays: 5 }],
  },
  {
    key: "fivelas-hamburguense",
    name: "Metalúrgica Fivela Hamburguense Ltda.",
    town: "Novo Hamburgo",
    sector: "2599",
    description: "Buckles, eyelets, rivets and decorative metal trims, electroplated in nickel-free finishes.",
    employees: 58,
    turnoverBrl: 12_400_000,
    link: "components",
    tier: 3,
    functions: ["design", "production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["process"],
    certifications: [{ code: "oeko_tex", expiresOn: EXPIRING_SOON }],
    capacities: [
      { product: "Buckles and metal trims", unitsPerMonth: 420_000, unit: "units", leadTimeDays: 15 },
      { product: "Eyelets and rivets", unitsPerMonth: 2_500_000, unit: "units", leadTimeDays: 8 },
    ],
  },
  {
    key: "forros-sapiranga",
    name: "Forros Têxteis Sapiranga Ltda.",
    town: "Sapiranga",
    sector: "1399",
    description: "Laminated textile linings, microfibre and mesh for uppers and sock linings.",
    employees: 33,
    turnoverBrl: 7_900_000,
    link: "components",
    tier: 3,
    functions: ["sourcing", "production"],
    roleLadder: "oem",
    upgradingGoals: ["product"],
    certifications: [{ code: "oeko_tex", expiresOn: VALID }],
    capacities: [{ product: "Laminated textile linings", unitsPerMonth: 160_000, unit: "m", leadTimeDays: 10 }],
  },
];

// Manufacturers: mostly OEA/OEM exporters under quasi-hierarchical buyers, wanting the
// functional and product upgrading that such buyers block (001:11, 001:297-307).
const MANUFACTURERS: SmeSeed[] = [
  {
    key: "calcados-ferraresi",
    name: "Calçados Ferraresi Ltda.",
    town: "Novo Hamburgo",
    sector: "1520",
    description:
      "Women's leather shoes and sandals made to the specifications of a US retail chain that takes over 80% of its output. Wants to develop its own designs.",
    employees: 240,
    turnoverBrl: 62_000_000,
    link: "assembly",
    tier: 1,
    functions: ["sourcing", "production", "quality_control", "logistics"],
    roleLadder: "oem",
    upgradingGoals: ["functional", "product"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID },
      { code: "sa8000", expiresOn: EXPIRING_SOON },
      { code: "buyer_code", expiresOn: null },
    ],
    capacities: [
      { product: "Women's leather shoes", unitsPerMonth: 24_000, unit: "pairs", leadTimeDays: 45 },
      { product: "Women's leather sandals", unitsPerMonth: 12_000, unit: "pairs", leadTimeDays: 40 },
    ],
  },
  {
    key: "calcados-bella-sinos",
    name: "Calçados Bella Sinos Ltda.",
    town: "Campo Bom",
    sector: "1520",
    description: "Women's fashion sandals and ballerinas for export, produced to buyers' samples.",
    employees: 180,
    turnoverBrl: 41_000_000,
    link: "assembly",
    tier: 1,
    functions: ["sourcing", "production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["functional", "product", "process"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID_LONG },
      { code: "buyer_code", expiresOn: null },
    ],
    capacities: [{ product: "Women's fashion sandals", unitsPerMonth: 19_000, unit: "pairs", leadTimeDays: 40 }],
  },
  {
    key: "calcados-sapiranga-modas",
    name: "Sapiranga Modas Calçados Ltda.",
    town: "Sapiranga",
    sector: "1520",
    description: "Assembly of women's closed shoes from cut and stitched uppers supplied by its customers.",
    employees: 95,
    turnoverBrl: 14_500_000,
    link: "assembly",
    tier: 1,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: [],
    capacities: [{ product: "Women's closed shoes (assembly)", unitsPerMonth: 11_000, unit: "pairs", leadTimeDays: 30 }],
  },
  {
    key: "calcados-schmitt",
    name: "Indústria de Calçados Schmitt & Filhos Ltda.",
    town: "Dois Irmãos",
    sector: "1520",
    description: "Goodyear-welted and cemented men's leather shoes for export and the domestic market.",
    employees: 130,
    turnoverBrl: 33_000_000,
    link: "assembly",
    tier: 1,
    functions: ["sourcing", "production", "quality_control", "logistics"],
    roleLadder: "oem",
    upgradingGoals: ["functional", "process"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID },
      { code: "sa8000", expiresOn: VALID_LONG },
    ],
    capacities: [
      { product: "Men's welted leather shoes", unitsPerMonth: 6_500, unit: "pairs", leadTimeDays: 55 },
      { product: "Men's cemented leather shoes", unitsPerMonth: 8_000, unit: "pairs", leadTimeDays: 40 },
    ],
  },
  {
    key: "calcados-parobe-kids",
    name: "Calçados Parobé Kids Ltda.",
    town: "Parobé",
    sector: "1520",
    description: "Children's shoes and first-step sandals in leather and synthetic materials.",
    employees: 110,
    turnoverBrl: 19_000_000,
    link: "assembly",
    tier: 1,
    functions: ["production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["product", "functional"],
    certifications: [{ code: "oeko_tex", expiresOn: VALID }],
    capacities: [{ product: "Children's shoes", unitsPerMonth: 16_000, unit: "pairs", leadTimeDays: 35 }],
  },
  {
    key: "calcados-igrejinha-boots",
    name: "Igrejinha Botas e Calçados Ltda.",
    town: "Igrejinha",
    sector: "1520",
    description: "Women's ankle and knee-high leather boots for the northern-hemisphere autumn season.",
    employees: 150,
    turnoverBrl: 38_000_000,
    link: "assembly",
    tier: 1,
    functions: ["sourcing", "production", "quality_control"],
    roleLadder: "oem",
    upgradingGoals: ["functional"],
    certifications: [
      { code: "iso_9001", expiresOn: EXPIRED },
      { code: "buyer_code", expiresOn: null },
    ],
    capacities: [{ product: "Women's leather boots", unitsPerMonth: 9_000, unit: "pairs", leadTimeDays: 50 }],
  },
  {
    key: "atelier-tres-coroas",
    name: "Ateliê Três Coroas Calçados Ltda.",
    town: "Três Coroas",
    sector: "1520",
    description: "Develops its own collections of women's comfort shoes and sells them to importers under their labels.",
    employees: 72,
    turnoverBrl: 17_500_000,
    link: "assembly",
    tier: 1,
    functions: ["design", "sourcing", "production", "quality_control"],
    roleLadder: "odm",
    upgradingGoals: ["functional"],
    certifications: [{ code: "iso_9001", expiresOn: VALID }],
    capacities: [{ product: "Women's comfort shoes", unitsPerMonth: 7_000, unit: "pairs", leadTimeDays: 45 }],
  },
  {
    key: "calcados-estrela-do-vale",
    name: "Calçados Estrela do Vale Ltda.",
    town: "São Leopoldo",
    sector: "1520",
    description: "Designs and makes casual leather sneakers and loafers, with a small sample room and pattern CAD.",
    employees: 88,
    turnoverBrl: 21_000_000,
    link: "assembly",
    tier: 1,
    functions: ["design", "sourcing", "production", "quality_control", "r_and_d"],
    roleLadder: "odm",
    upgradingGoals: ["functional", "chain"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID_LONG },
      { code: "iso_14001", expiresOn: VALID },
    ],
    capacities: [
      { product: "Casual leather sneakers", unitsPerMonth: 8_500, unit: "pairs", leadTimeDays: 40 },
      { product: "Leather loafers", unitsPerMonth: 3_000, unit: "pairs", leadTimeDays: 45 },
    ],
  },
  {
    key: "passo-firme",
    name: "Passo Firme Calçados Ltda.",
    town: "Novo Hamburgo",
    sector: "1520",
    description:
      "Sells women's shoes under its own brand, Passo Firme, in Brazilian stores and to a few importers abroad. The cluster's rare move into branding.",
    employees: 125,
    turnoverBrl: 36_000_000,
    link: "assembly",
    tier: 1,
    functions: ["design", "sourcing", "production", "quality_control", "marketing", "branding", "after_sales"],
    roleLadder: "obm",
    upgradingGoals: ["chain", "product"],
    certifications: [
      { code: "iso_9001", expiresOn: VALID },
      { code: "iso_14001", expiresOn: VALID_LONG },
    ],
    capacities: [{ product: "Women's branded leather shoes", unitsPerMonth: 12_000, unit: "pairs", leadTimeDays: 35 }],
  },
  {
    // A tier-2 subcontractor: stitches uppers for the larger manufacturers.
    key: "atelier-rosa-dos-ventos",
    name: "Ateliê de Pesponto Rosa dos Ventos",
    town: "Sapiranga",
    sector: "1520",
    description: "Stitching workshop (ateliê) closing leather uppers for larger manufacturers in Sapiranga and Campo Bom.",
    employees: 24,
    turnoverBrl: 2_900_000,
    link: "assembly",
    tier: 2,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: [],
    capacities: [{ product: "Stitched leather uppers", unitsPerMonth: 14_000, unit: "pairs", leadTimeDays: 7 }],
  },
  {
    key: "pespontos-hoffmann",
    name: "Pespontos Hoffmann",
    town: "Parobé",
    sector: "1520",
    description: "Family stitching workshop closing uppers and hand-sewing moccasin vamps as a subcontractor.",
    employees: 12,
    turnoverBrl: 1_100_000,
    link: "assembly",
    tier: 2,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: [],
    capacities: [{ product: "Hand-sewn moccasin uppers", unitsPerMonth: 4_500, unit: "pairs", leadTimeDays: 10 }],
  },
];

// Design studios: the function the cluster's manufacturers struggled to reach (001:307).
// ISIC Rev.4 class 7410 is specialized design activities (incl. fashion design).
const DESIGN_STUDIOS: SmeSeed[] = [
  {
    key: "estudio-forma-passo",
    name: "Estúdio Forma & Passo Design",
    town: "Novo Hamburgo",
    sector: "7410",
    description: "Footwear design studio developing seasonal collections and technical sheets for manufacturers.",
    employees: 14,
    turnoverBrl: 3_200_000,
    link: "design",
    tier: 2,
    functions: ["design", "r_and_d", "marketing"],
    upgradingGoals: ["chain"],
    certifications: [],
    capacities: [{ product: "Shoe models developed", unitsPerMonth: 40, unit: "models", leadTimeDays: 30 }],
  },
  {
    key: "modelagem-sinos",
    name: "Modelagem Sinos Ateliê Técnico",
    town: "Campo Bom",
    sector: "7410",
    description: "Pattern making, grading and sample pairs for manufacturers that design in-house for the first time.",
    employees: 9,
    turnoverBrl: 1_600_000,
    link: "design",
    tier: 2,
    functions: ["design", "production"],
    upgradingGoals: ["functional"],
    certifications: [],
    capacities: [
      { product: "Graded pattern sets", unitsPerMonth: 60, unit: "models", leadTimeDays: 10 },
      { product: "Sample pairs", unitsPerMonth: 300, unit: "pairs", leadTimeDays: 14 },
    ],
  },
  {
    key: "tendencia-sul",
    name: "Tendência Sul Estúdio de Criação",
    town: "São Leopoldo",
    sector: "7410",
    description: "Trend research and ready-made collections sold directly to foreign brands and importers.",
    employees: 18,
    turnoverBrl: 4_800_000,
    link: "design",
    tier: 1,
    functions: ["design", "r_and_d", "marketing", "branding"],
    upgradingGoals: ["chain"],
    certifications: [],
    capacities: [{ product: "Ready-made shoe collections", unitsPerMonth: 3, unit: "collections", leadTimeDays: 60 }],
  },
];

const MACHINERY_MAKERS: SmeSeed[] = [
  {
    key: "maquinas-brusius",
    name: "Máquinas Brusius Ltda.",
    town: "Novo Hamburgo",
    sector: "2826",
    description: "Toe-lasting and heel-seat lasting machines, rebuilt and serviced across the valley.",
    employees: 76,
    turnoverBrl: 28_000_000,
    link: "processing",
    tier: 2,
    functions: ["production", "r_and_d", "after_sales"],
    upgradingGoals: ["product"],
    certifications: [{ code: "iso_9001", expiresOn: VALID }],
    capacities: [{ product: "Lasting machines", unitsPerMonth: 14, unit: "units", leadTimeDays: 60 }],
  },
  {
    key: "hidraprensa",
    name: "Hidraprensa Equipamentos Industriais Ltda.",
    town: "Campo Bom",
    sector: "2826",
    description: "Hydraulic swing-arm and travelling-head cutting presses for leather and synthetics.",
    employees: 54,
    turnoverBrl: 19_000_000,
    link: "processing",
    tier: 2,
    functions: ["production", "r_and_d", "after_sales"],
    upgradingGoals: ["product", "chain"],
    certifications: [{ code: "iso_9001", expiresOn: VALID_LONG }],
    capacities: [{ product: "Hydraulic cutting presses", unitsPerMonth: 25, unit: "units", leadTimeDays: 45 }],
  },
  {
    key: "tecnoinjet",
    name: "Tecnoinjet Máquinas Ltda.",
    town: "Sapiranga",
    sector: "2826",
    description: "Rotary injection machines for PVC, TR and PU soles, with moulds and on-site commissioning.",
    employees: 98,
    turnoverBrl: 47_000_000,
    link: "processing",
    tier: 2,
    functions: ["design", "production", "r_and_d", "after_sales"],
    upgradingGoals: ["product", "functional"],
    certifications: [{ code: "iso_9001", expiresOn: VALID }],
    capacities: [{ product: "Sole injection machines", unitsPerMonth: 4, unit: "units", leadTimeDays: 120 }],
  },
  {
    key: "navalhas-igrejinha",
    name: "Navalhas e Facas Igrejinha Ltda.",
    town: "Igrejinha",
    sector: "2826",
    description: "Steel-rule cutting dies for every size of a shoe model, made to the manufacturer's patterns within days.",
    employees: 26,
    turnoverBrl: 4_300_000,
    link: "processing",
    tier: 3,
    functions: ["production", "after_sales"],
    upgradingGoals: ["process"],
    certifications: [],
    capacities: [{ product: "Cutting dies", unitsPerMonth: 1_800, unit: "units", leadTimeDays: 4 }],
  },
];

// Export agents: the link through which most of the valley's output reached foreign buyers.
const EXPORT_AGENTS: SmeSeed[] = [
  {
    key: "sinos-export",
    name: "Sinos Export Trading Ltda.",
    town: "Novo Hamburgo",
    sector: "4641",
    description:
      "Export agent placing orders of US and European buyers with valley manufacturers, inspecting quality and consolidating shipments.",
    employees: 46,
    turnoverBrl: 18_000_000,
    link: "distribution",
    tier: 1,
    functions: ["sourcing", "quality_control", "logistics", "marketing"],
    upgradingGoals: ["functional"],
    certifications: [{ code: "iso_9001", expiresOn: VALID }],
    capacities: [{ product: "Consolidated export shipments", unitsPerMonth: 350_000, unit: "pairs", leadTimeDays: 30 }],
  },
  {
    key: "ponte-atlantica",
    name: "Ponte Atlântica Agenciamento de Exportação Ltda.",
    town: "Campo Bom",
    sector: "4641",
    description: "Commission agent for European buying groups and independent importers; handles sampling and trade fairs.",
    employees: 17,
    turnoverBrl: 5_600_000,
    link: "distribution",
    tier: 1,
    functions: ["sourcing", "quality_control", "logistics", "marketing"],
    upgradingGoals: ["chain"],
    certifications: [],
    capacities: [{ product: "Export order placement", unitsPerMonth: 90_000, unit: "pairs", leadTimeDays: 35 }],
  },
  {
    key: "vale-comissaria",
    name: "Vale Comissária de Exportação Ltda.",
    town: "Estância Velha",
    sector: "4641",
    description: "Small export agency for leather, components and footwear to South American and African importers.",
    employees: 8,
    turnoverBrl: 2_100_000,
    link: "distribution",
    tier: 1,
    functions: ["sourcing", "logistics"],
    upgradingGoals: ["functional"],
    certifications: [],
    capacities: [{ product: "Export shipments", unitsPerMonth: 40_000, unit: "pairs", leadTimeDays: 30 }],
  },
];

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

const AGENCY = {
  key: "polo-calcadista",
  name: "Associação do Polo Calçadista do Vale dos Sinos",
  town: "Novo Hamburgo" as Town,
  // ISIC Rev.4 9411: activities of business and employers membership organizations.
  sector: "9411",
  description:
    "Business association of the Sinos Valley footwear cluster. Runs the network, joint trade-fair stands, shared audits and benchmarking clubs.",
  employees: 14,
};

interface UserSeed {
  email: string;
  name: string;
  role: Role;
  /** The firm the user owns (key of an SME, buyer or the agency); none for the administrator. */
  firmKey: string | null;
  note: string;
  /** Receives an unread "welcome" notification. */
  welcome?: boolean;
}

const USERS: UserSeed[] = [
  { email: "admin@jointly.example", name: "Demo Administrator", role: "admin", firmKey: null, note: "administrator of the installation" },
  {
    email: "broker@jointly.example",
    name: "Mariana Vogel",
    role: "broker",
    firmKey: AGENCY.key,
    note: "broker of the Sinos Valley footwear network",
    welcome: true,
  },
  {
    email: "tannery@jointly.example",
    name: "Cláudia Arnold",
    role: "sme",
    firmKey: "curtume-arroio-verde",
    note: "owner of Curtume Arroio Verde, a finishing tannery",
    welcome: true,
  },
  { email: "soles@jointly.example", name: "Ricardo Pereira", role: "sme", firmKey: "solados-pampa", note: "owner of Solados Pampa, a sole maker" },
  {
    email: "oem@jointly.example",
    name: "Paulo Ferraresi",
    role: "sme",
    firmKey: "calcados-ferraresi",
    note: "owner of Calçados Ferraresi, an OEM exporter dependent on one US buyer",
  },
  { email: "brand@jointly.example", name: "Luciana Machado", role: "sme", firmKey: "passo-firme", note: "owner of Passo Firme, a manufacturer with its own brand" },
  { email: "exporter@jointly.example", name: "Fernando Schneider", role: "sme", firmKey: "sinos-export", note: "owner of Sinos Export Trading, an export agent" },
  { email: "retailer@jointly.example", name: "Karen Mitchell", role: "buyer", firmKey: "stridewell", note: "sourcing manager of Stridewell Stores, a US retail chain" },
  { email: "buyinggroup@jointly.example", name: "Stefan Brandt", role: "buyer", firmKey: "schuhring", note: "buyer of Schuhring, a German buying group" },
];

export const DEMO_LOGINS: {
  password: string;
  users: Array<{ role: "admin" | "broker" | "sme" | "buyer"; email: string; note: string }>;
} = {
  password: DEMO_PASSWORD,
  // The Sinos Valley's, then the Eastern Cape auto-components network's (demo-learning.ts).
  users: [...USERS.map(({ role, email, note }) => ({ role, email, note })), ...DEMO_LEARNING_LOGINS],
};

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Fixed namespace of the demo's name-based (RFC 4122 version 5) ids. */
const DEMO_NAMESPACE = "fb8c0485-8406-4aef-954d-6602b6b31882";

/** The same UUID for the same name on every run, so a second run conflicts instead of duplicating. */
export function demoId(name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(DEMO_NAMESPACE.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const firmId = (key: string) => demoId(`firm:${key}`);
const toMinor = (amount: number, currency: string) => amount * 10 ** minorDigits(currency);
const valleyRegion = (town: Town) => `${town}, Vale dos Sinos, RS`;

function firmRows(now: Date): Array<typeof firm.$inferInsert> {
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

/** The user's id: the existing account's when the email is registered, else a new account's. */
async function ensureUser(tx: Tx, seed: UserSeed): Promise<string> {
  const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, seed.email));
  if (existing) return existing.id;
  const { id } = await insertAccount(tx, { name: seed.name, email: seed.email, password: DEMO_PASSWORD, role: seed.role });
  return id;
}

// ---------------------------------------------------------------------------------------------
// The network and its initiatives: the cluster's business association brokers one network of
// the valley's SMEs, with a running and a locked joint purchase (003:1105), a shared consultant
// (process improvement) and a joint trade-fair stand (001:321, 003:1099; demo-stand.ts), and the
// activity log that tells how they got there.
//
// The network's founding and the locked purchase have fixed dates in 2026; everything still
// running is dated relative to the clock, so its deadline is always ahead when the demo starts.
// ---------------------------------------------------------------------------------------------

const BROKER_EMAIL = "broker@jointly.example";

export const DEMO_NETWORK = {
  key: "sinos-valley-footwear",
  name: "Sinos Valley Footwear Network",
  sector: "1520",
  region: "Vale dos Sinos, RS",
  currency: "BRL",
  description:
    "Manufacturers, tanneries, component makers, design studios, machinery makers and export agents of the Sinos Valley footwear cluster, brokered by the Associação do Polo Calçadista. Joint buying of leather and chemicals, shared consultants and joint trade-fair stands.",
  createdAt: new Date("2026-03-02T13:00:00Z"),
};

/** Non-members: SMEs not (yet) recruited, besides every buyer and the agency. */
const NOT_MEMBERS = new Set(["navalhas-igrejinha", "pespontos-hoffmann", "vale-comissaria"]);
const INVITED = ["curtume-santa-barbara", "tecnoinjet"];
const APPLIED = ["tendencia-sul"];

/**
 * The person acting for a firm without a demo login, named in the activity log and the
 * discussion; such a person has no user, so the rows carry no user id.
 */
const CONTACTS: Record<string, string> = {
  "calcados-bella-sinos": "Juliana Becker",
  "calcados-schmitt": "Otávio Schmitt",
  "calcados-igrejinha-boots": "Renata Klein",
  "calcados-estrela-do-vale": "Gustavo Rech",
  "calcados-parobe-kids": "Simone Dreher",
  "calcados-sapiranga-modas": "Édson Pacheco",
  "atelier-tres-coroas": "Beatriz Lenz",
  "palmilhas-confort-sul": "Marcos Fetter",
  "tendencia-sul": "Camila Rosa",
};

interface JointBuySeed {
  key: string;
  title: string;
  description: string;
  inputName: string;
  specification: string;
  unit: string;
  supplierKey: string;
  minimumQuantity: number;
  priceBreaks: PriceBreak[];
  /** In the order the firms joined and committed. */
  commitments: Array<{ firmKey: string; quantity: number }>;
}

export const DEMO_RUNNING_JOINT_BUY: JointBuySeed = {
  key: "winter-2027-leather",
  title: "Finished leather for the 2027 winter collection",
  description:
    "Pooling the members' orders of finished upper leather for the 2027 northern-hemisphere winter collection. Curtume Arroio Verde quotes three price breaks; the order goes ahead from 3,000 m². Deliveries from February, in two lots.",
  inputName: "Finished bovine leather, chrome-tanned",
  specification:
    "Full-grain cattle upper leather, thickness 1.2–1.4 mm, colours black and cognac, from an LWG-certified tannery; hides graded A/B and measured on an electronic area machine.",
  unit: "m²",
  supplierKey: "curtume-arroio-verde",
  minimumQuantity: 3_000,
  priceBreaks: [
    { minQuantity: 1, unitPriceMinor: 6_200 },
    { minQuantity: 5_000, unitPriceMinor: 5_650 },
    { minQuantity: 12_000, unitPriceMinor: 5_200 },
  ],
  commitments: [
    { firmKey: "calcados-ferraresi", quantity: 2_200 },
    { firmKey: "passo-firme", quantity: 1_600 },
    { firmKey: "calcados-bella-sinos", quantity: 1_400 },
    { firmKey: "calcados-schmitt", quantity: 1_100 },
    { firmKey: "calcados-igrejinha-boots", quantity: 900 },
    { firmKey: "calcados-estrela-do-vale", quantity: 600 },
  ],
};

export const DEMO_LOCKED_JOINT_BUY: JointBuySeed = {
  key: "summer-2026-adhesives",
  title: "Adhesives for the summer 2026 season",
  description:
    "One order of sole-bonding adhesive for the members' summer 2026 production, delivered in monthly lots from September. Locked after the deadline; the purchase summary went to Sinoscola.",
  inputName: "Solvent-based PU adhesive for sole bonding",
  specification:
    "Two-component polyurethane adhesive, 18–20% solids, with isocyanate hardener, in 18 kg drums; batch certificate with peel strength of at least 5 N/mm on TR soles.",
  unit: "kg",
  supplierKey: "sinoscola-adesivos",
  minimumQuantity: 1_500,
  priceBreaks: [
    { minQuantity: 1, unitPriceMinor: 3_890 },
    { minQuantity: 2_000, unitPriceMinor: 3_450 },
    { minQuantity: 5_000, unitPriceMinor: 3_100 },
  ],
  commitments: [
    { firmKey: "calcados-ferraresi", quantity: 900 },
    { firmKey: "calcados-parobe-kids", quantity: 750 },
    { firmKey: "passo-firme", quantity: 850 },
    { firmKey: "calcados-sapiranga-modas", quantity: 600 },
  ],
};

interface BudgetSeed {
  key: string;
  objective: Objective;
  status: Extract<InitiativeStatus, "draft" | "open">;
  title: string;
  description: string;
  budgetMinor: number;
  splitRule: SplitRule;
  /** SEBRAE's share, in basis points (SEBRAE paid half a small firm's fair cost: 003:1099). */
  sebraeBasisPoints: number;
  participantKeys: string[];
}

export const DEMO_CONSULTANT: BudgetSeed = {
  key: "lean-consultant",
  objective: "process_improvement",
  status: "open",
  title: "Shared lean-production consultant",
  description:
    "A lean-manufacturing consultant shared for six months: value-stream mapping, set-up time reduction and cell layout at each participant's plant. SEBRAE funds half; the rest is split by headcount.",
  budgetMinor: 4_800_000,
  splitRule: "by_employees",
  sebraeBasisPoints: 5_000,
  participantKeys: ["solados-pampa", "calcados-sapiranga-modas", "calcados-parobe-kids", "atelier-tres-coroas", "palmilhas-confort-sul"],
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function startOfDayUtc(date: Date): Date {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** `days` after (before, if negative) the start of `day`, at `hours` past midnight UTC. */
const dayAt = (day: Date, days: number, hours: number) => new Date(day.getTime() + days * DAY + hours * HOUR);

/** A deadline given as a date is the end of that day in UTC (server/services/initiatives/deadline). */
const endOfDay = (day: Date, days: number) => new Date(day.getTime() + (days + 1) * DAY - 1000);

/** Active members: every SME not left out, invited or applying. */
const FOUNDING_MEMBERS = DEMO_SMES.filter((s) => !NOT_MEMBERS.has(s.key) && !INVITED.includes(s.key) && !APPLIED.includes(s.key));

/** Founding members accepted the broker's invitation over the spring of 2026, two days after it. */
const foundingJoinedAt = (index: number) => dayAt(startOfDayUtc(DEMO_NETWORK.createdAt), 2 + index * 3, 9 + (index % 6));

interface Person {
  userId: string | null;
  name: string;
  firmKey: string;
}

type ActivityEntry = {
  initiativeId?: string;
  firmKey?: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

async function seedNetwork(tx: Tx, now: Date, userIds: Map<string, string>): Promise<void> {
  const networkId = demoId(`network:${DEMO_NETWORK.key}`);
  const brokerSeed = USERS.find((u) => u.email === BROKER_EMAIL)!;
  const brokerId = userIds.get(BROKER_EMAIL)!;
  const broker: Person = { userId: brokerId, name: brokerSeed.name, firmKey: AGENCY.key };
  const smeNames = new Map(DEMO_SMES.map((s) => [s.key, s.name]));

  /** The firm's demo login when it has one, else its named contact (no user). */
  const personOf = (firmKey: string): Person => {
    const login = USERS.find((u) => u.firmKey === firmKey);
    if (login) return { userId: userIds.get(login.email) ?? null, name: login.name, firmKey };
    const contact = CONTACTS[firmKey];
    if (!contact) throw new Error(`demo seed: no contact for ${firmKey}`);
    return { userId: null, name: contact, firmKey };
  };

  const log: Array<typeof activity.$inferInsert> = [];
  // Like recordActivity: the firm is the entry's, else the actor's.
  const record = (key: string, createdAt: Date, actor: Person, entry: ActivityEntry) =>
    log.push({
      id: demoId(`activity:${key}`),
      networkId,
      initiativeId: entry.initiativeId ?? null,
      actorUserId: actor.userId,
      actorName: actor.name,
      firmId: firmId(entry.firmKey ?? actor.firmKey),
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt,
    });

  // --- The network, its broker and its members ---------------------------------------------
  await tx
    .insert(network)
    .values({
      id: networkId,
      name: DEMO_NETWORK.name,
      sector: DEMO_NETWORK.sector,
      region: DEMO_NETWORK.region,
      description: DEMO_NETWORK.description,
      currency: DEMO_NETWORK.currency,
      createdBy: brokerId,
      createdAt: DEMO_NETWORK.createdAt,
      updatedAt: DEMO_NETWORK.createdAt,
    })
    .onConflictDoNothing();
  await tx
    .insert(networkBroker)
    .values({ id: demoId(`network-broker:${DEMO_NETWORK.key}:${BROKER_EMAIL}`), networkId, userId: brokerId, createdAt: DEMO_NETWORK.createdAt })
    .onConflictDoNothing();
  record("network:created", DEMO_NETWORK.createdAt, broker, { action: "network.created", after: { name: DEMO_NETWORK.name } });

  const memberRows: Array<typeof networkMember.$inferInsert> = FOUNDING_MEMBERS.map((s, i) => {
    const joinedAt = foundingJoinedAt(i);
    const person = USERS.some((u) => u.firmKey === s.key) || s.key in CONTACTS ? personOf(s.key) : null;
    // Only members with someone to name get a line in the log; the rest joined before it was shown.
    if (person) {
      record(`member:${s.key}:joined`, joinedAt, person, {
        action: "member.joined",
        before: { status: "invited" },
        after: { status: "active", consent: true, via: "invitation" },
      });
    }
    return {
      id: demoId(`network-member:${DEMO_NETWORK.key}:${s.key}`),
      networkId,
      firmId: firmId(s.key),
      status: "active",
      consentedAt: joinedAt,
      consentedBy: person?.userId ?? null,
      requestedBy: brokerId,
      createdAt: new Date(joinedAt.getTime() - 2 * DAY),
      updatedAt: joinedAt,
    };
  });

  // Pending: two invitations and one application of the last fortnight.
  const today = startOfDayUtc(now);
  INVITED.forEach((key, i) => {
    const invitedAt = dayAt(today, -9 + i * 5, 11 + i * 4);
    record(`member:${key}:invited`, invitedAt, broker, { firmKey: key, action: "member.invited", after: { firm: smeNames.get(key) } });
    memberRows.push({
      id: demoId(`network-member:${DEMO_NETWORK.key}:${key}`),
      networkId,
      firmId: firmId(key),
      status: "invited",
      requestedBy: brokerId,
      createdAt: invitedAt,
      updatedAt: invitedAt,
    });
  });
  APPLIED.forEach((key) => {
    const appliedAt = dayAt(today, -2, 10);
    const applicant = personOf(key);
    record(`member:${key}:applied`, appliedAt, applicant, { action: "member.applied", after: { consent: true } });
    memberRows.push({
      id: demoId(`network-member:${DEMO_NETWORK.key}:${key}`),
      networkId,
      firmId: firmId(key),
      status: "applied",
      consentedAt: appliedAt,
      consentedBy: applicant.userId,
      requestedBy: applicant.userId,
      createdAt: appliedAt,
      updatedAt: appliedAt,
    });
  });
  await tx.insert(networkMember).values(memberRows).onConflictDoNothing();

  // --- Initiatives -------------------------------------------------------------------------
  interface Timeline {
    created: Date;
    opened: Date | null;
    /** When each participant joined, in order; each commits 25 minutes later. */
    joined: Date[];
    deadline: Date;
    locked?: Date;
  }

  const insertInitiative = async (
    key: string,
    values: { objective: Objective; title: string; description: string; status: InitiativeStatus },
    timeline: Timeline,
  ) => {
    const id = demoId(`initiative:${key}`);
    await tx
      .insert(initiative)
      .values({
        id,
        networkId,
        ...values,
        deadline: timeline.deadline,
        shareQuantities: false,
        createdBy: brokerId,
        createdAt: timeline.created,
        updatedAt: timeline.locked ?? timeline.opened ?? timeline.created,
      })
      .onConflictDoNothing();
    record(`initiative:${key}:created`, timeline.created, broker, {
      initiativeId: id,
      action: "initiative.created",
      after: { title: values.title, objective: values.objective, status: "draft" },
    });
    return id;
  };

  const recordTransition = (key: string, initiativeId: string, at: Date, from: InitiativeStatus, to: InitiativeStatus) =>
    record(`initiative:${key}:${to}`, at, broker, {
      initiativeId,
      action: `initiative.${to}`,
      before: { status: from },
      after: { status: to },
    });

  const insertParticipants = async (key: string, initiativeId: string, firmKeys: string[], joined: Date[]) => {
    await tx
      .insert(initiativeParticipant)
      .values(
        firmKeys.map((firmKey, i) => ({
          id: demoId(`participant:${key}:${firmKey}`),
          initiativeId,
          firmId: firmId(firmKey),
          joinedBy: personOf(firmKey).userId,
          createdAt: joined[i],
        })),
      )
      .onConflictDoNothing();
    firmKeys.forEach((firmKey, i) =>
      record(`participant:${key}:${firmKey}:joined`, joined[i], personOf(firmKey), { initiativeId, action: "participant.joined" }),
    );
  };

  const seedJointBuy = async (seed: JointBuySeed, timeline: Timeline) => {
    if (validateBreaks(seed.priceBreaks).length > 0) throw new Error(`demo seed: invalid price breaks in ${seed.key}`);
    const status: InitiativeStatus = timeline.locked ? "locked" : "open";
    const id = await insertInitiative(seed.key, { objective: "joint_buying", title: seed.title, description: seed.description, status }, timeline);
    await tx
      .insert(jointBuy)
      .values({
        initiativeId: id,
        inputName: seed.inputName,
        specification: seed.specification,
        unit: seed.unit,
        supplierName: smeNames.get(seed.supplierKey)!,
        currency: DEMO_NETWORK.currency,
        priceBreaks: seed.priceBreaks,
        minimumQuantity: seed.minimumQuantity,
        updatedAt: timeline.created,
      })
      .onConflictDoNothing();
    if (timeline.opened) recordTransition(seed.key, id, timeline.opened, "draft", "open");
    const firmKeys = seed.commitments.map((c) => c.firmKey);
    await insertParticipants(seed.key, id, firmKeys, timeline.joined);

    let total = 0;
    const commitmentRows = seed.commitments.map(({ firmKey, quantity }, i) => {
      const committedAt = new Date(timeline.joined[i].getTime() + 25 * 60_000);
      const person = personOf(firmKey);
      const before = total;
      total += quantity;
      record(`commitment:${seed.key}:${firmKey}`, committedAt, person, {
        initiativeId: id,
        action: "commitment.made",
        before: { quantity: 0, total: before },
        after: { quantity, total },
      });
      // The same rule as the live service: only a break above the list price is news.
      const crossed = crossedBreak(before, total, seed.priceBreaks);
      if (crossed) {
        record(`break:${seed.key}:${crossed.minQuantity}`, new Date(committedAt.getTime() + 1000), person, {
          initiativeId: id,
          action: "jointbuy.break_reached",
          after: { minQuantity: crossed.minQuantity, unitPriceMinor: crossed.unitPriceMinor, total },
        });
      }
      return {
        id: demoId(`commitment:${seed.key}:${firmKey}`),
        initiativeId: id,
        firmId: firmId(firmKey),
        quantity,
        updatedBy: person.userId,
        updatedAt: committedAt,
      };
    });
    await tx.insert(jointBuyCommitment).values(commitmentRows).onConflictDoNothing();
    if (timeline.locked) recordTransition(seed.key, id, timeline.locked, "open", "locked");
    return id;
  };

  const seedBudgetInitiative = async (seed: BudgetSeed, timeline: Timeline) => {
    const id = await insertInitiative(seed.key, { objective: seed.objective, title: seed.title, description: seed.description, status: seed.status }, timeline);
    await tx
      .insert(initiativeBudget)
      .values({ initiativeId: id, budgetMinor: seed.budgetMinor, currency: DEMO_NETWORK.currency, splitRule: seed.splitRule, updatedAt: timeline.created })
      .onConflictDoNothing();
    await tx
      .insert(fundingSource)
      .values({ id: demoId(`funding:${seed.key}:sebrae`), initiativeId: id, sponsor: "SEBRAE", kind: "percent", percentBasisPoints: seed.sebraeBasisPoints, position: 0 })
      .onConflictDoNothing();
    record(`initiative:${seed.key}:budget`, new Date(timeline.created.getTime() + 10 * 60_000), broker, {
      initiativeId: id,
      action: "budget.set",
      after: { budgetMinor: seed.budgetMinor, currency: DEMO_NETWORK.currency, splitRule: seed.splitRule, fundingSources: 1 },
    });
    if (timeline.opened) recordTransition(seed.key, id, timeline.opened, "draft", "open");
    if (seed.participantKeys.length > 0) await insertParticipants(seed.key, id, seed.participantKeys, timeline.joined);
    return id;
  };

  // The locked purchase ran in July and August 2026.
  await seedJointBuy(DEMO_LOCKED_JOINT_BUY, {
    created: new Date("2026-07-06T14:00:00Z"),
    opened: new Date("2026-07-08T09:30:00Z"),
    joined: [
      new Date("2026-07-09T10:15:00Z"),
      new Date("2026-07-16T15:40:00Z"),
      new Date("2026-07-28T09:05:00Z"),
      new Date("2026-08-11T16:20:00Z"),
    ],
    deadline: new Date("2026-08-14T23:59:59Z"),
    locked: new Date("2026-08-17T10:00:00Z"),
  });

  // The running ones: opened in the last three weeks, closing in the weeks ahead.
  const leatherId = await seedJointBuy(DEMO_RUNNING_JOINT_BUY, {
    created: dayAt(today, -14, 10),
    opened: dayAt(today, -13, 9),
    joined: [dayAt(today, -12, 11), dayAt(today, -11, 15), dayAt(today, -9, 10), dayAt(today, -7, 14), dayAt(today, -4, 9), dayAt(today, -2, 16)],
    deadline: endOfDay(today, 10),
  });
  await seedBudgetInitiative(DEMO_CONSULTANT, {
    created: dayAt(today, -20, 10),
    opened: dayAt(today, -19, 9),
    joined: [dayAt(today, -18, 10), dayAt(today, -17, 14), dayAt(today, -15, 11), dayAt(today, -10, 16), dayAt(today, -3, 10)],
    deadline: endOfDay(today, 21),
  });
  // The joint stand at the Düsseldorf shoe fair, nearly full with a waiting list (db/seed/demo-stand.ts).
  await seedDemoStand(tx, { now, networkId, broker, firmId, demoId, personOf, record });

  // The leather purchase's discussion: the tannery needs the colour split to plan its dye lots.
  const ferraresi = personOf("calcados-ferraresi");
  const passoFirme = personOf("passo-firme");
  const messages: Array<{ key: string; at: Date; author: Person; body: string }> = [
    {
      key: "colour-split-question",
      at: dayAt(today, -6, 10),
      author: broker,
      body: "We passed the 5,000 m² break. Before I confirm with Arroio Verde: could each of you post your split between black and cognac? They plan the dye lots from it.",
    },
    {
      key: "colour-split-ferraresi",
      at: dayAt(today, -6, 14),
      author: ferraresi,
      body: "Ferraresi: 1,500 m² black and 700 m² cognac. If the 12,000 m² break comes within reach we could add about 400 m² of black.",
    },
    {
      key: "colour-split-passo-firme",
      at: dayAt(today, -5, 9),
      author: passoFirme,
      body: "Passo Firme: 900 m² cognac and 700 m² black. Can we ask for the cognac in a single lot so the shade matches across the collection?",
    },
  ];
  await tx
    .insert(initiativeMessage)
    .values(
      messages.map((m) => ({
        id: demoId(`message:${DEMO_RUNNING_JOINT_BUY.key}:${m.key}`),
        initiativeId: leatherId,
        authorUserId: m.author.userId,
        authorName: m.author.name,
        firmName: m.author.firmKey === AGENCY.key ? AGENCY.name : (smeNames.get(m.author.firmKey) ?? null),
        body: m.body,
        createdAt: m.at,
      })),
    )
    .onConflictDoNothing();

  // The log is append-only: a second run conflicts on every id and adds nothing.
  await tx.insert(activity).values(log).onConflictDoNothing();
}

// ---------------------------------------------------------------------------------------------
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
// ---------------------------------------------------------------------------------------------

export const DEMO_LEDGER_YEARS = ["2024", "2025", "2026"] as const;
type LedgerYear = (typeof DEMO_LEDGER_YEARS)[number];
type LedgerCurrency = "BRL" | "USD" | "EUR";

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
type Thousands = readonly [number, number, number];

interface SaleLine {
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

interface LedgerSeed {
  firmKey: string;
  lines: SaleLine[];
}

// Platform buyers, each invoiced in its usual currency under the governance it usually imposes.
const toStridewell = (thousands: Thousands, exclusiveFrom?: LedgerYear): SaleLine => ({
  buyerKey: "stridewell",
  currency: "USD",
  market: "export",
  governance: "quasi_hierarchy",
  exclusiveFrom,
  thousands,
});
const toSchuhring = (thousands: Thousands, agentKey?: string): SaleLine => ({
  buyerKey: "schuhring",
  currency: "EUR",
  market: "export",
  governance: "network",
  agentKey,
  thousands,
});
const toVellacorte = (thousands: Thousands): SaleLine => ({
  buyerKey: "casa-vellacorte",
  currency: "EUR",
  market: "export",
  governance: "quasi_hierarchy",
  thousands,
});
const toHarbourHide = (thousands: Thousands, agentKey?: string): SaleLine => ({
  buyerKey: "harbour-hide",
  currency: "USD",
  market: "export",
  governance: "market",
  agentKey,
  thousands,
});
// Outside customers: Brazilian firms in reais, importers abroad in their invoicing currency.
const domestic = (customer: string, thousands: Thousands, governance: Governance = "market"): SaleLine => ({
  customer,
  currency: "BRL",
  market: "domestic",
  governance,
  thousands,
});
const abroad = (customer: string, currency: Exclude<LedgerCurrency, "BRL">, thousands: Thousands, agentKey?: string): SaleLine => ({
  customer,
  currency,
  market: "export",
  governance: "market",
  agentKey,
  thousands,
});
/** A fellow member, by name: SMEs are not platform buyers. */
const toMember = (firmKey: string, thousands: Thousands, governance: Governance = "market"): SaleLine => {
  const member = DEMO_SMES.find((s) => s.key === firmKey);
  if (!member) throw new Error(`demo seed: no SME ${firmKey}`);
  return domestic(member.name, thousands, governance);
};

// Invented outside customers.
const SOLA_VIVA = "Rede Sola Viva Calçados Ltda."; // São Paulo chain
const BEM_CALCAR = "Lojas Bem Calçar S.A."; // Minas Gerais chain
const ROTA_NORDESTE = "Rota Nordeste Calçados e Acessórios Ltda."; // Recife chain
const CASA_MINEIRA = "Casa Mineira de Calçados Ltda.";
const VITRINE_CARIOCA = "Lojas Vitrine Carioca Ltda."; // Rio de Janeiro chain
const INVERNO_GAUCHO = "Rede Inverno Gaúcho de Calçados Ltda."; // boots, Rio Grande do Sul
const PEQUENO_PASSO = "Lojas Pequeno Passo Infantil Ltda."; // children's shoes chain
const TRILHA_SUL = "Magazine Trilha Sul Ltda.";
const PLANALTO = "Calçados Planalto Central Ltda."; // Brasília chain
const AMAZONIA = "Rede Amazônia Calçados Ltda."; // Manaus chain
const AURORA = "Sapataria Aurora Ltda."; // one shop in Porto Alegre
const MORRO_REUTER = "Calçados Morro Reuter Ltda."; // manufacturers outside the network
const SERRA_GAUCHA = "Indústria de Calçados Serra Gaúcha Ltda.";
const NOVA_HARTZ = "Calçados Vila Nova Hartz Ltda.";
const FRANCA = "Calçados Franca Paulista Ltda."; // men's shoes, Franca cluster (SP)
const BIRIGUI = "Birigui Kids Calçados Ltda."; // children's shoes, Birigui cluster (SP)
const SELARIA = "Selaria Crioula Ltda."; // saddlery
const BOLSAS = "Bolsas Porto Belo Ltda."; // handbags
const ESTOFADOS = "Estofados Bento Ltda."; // upholstered furniture, Bento Gonçalves
const ANDES = "Andes Calzado S.A."; // importer, Santiago de Chile
const RIOPLATENSE = "Rioplatense Zapatos S.R.L."; // importer, Buenos Aires
const PACIFICO = "Calzados del Pacífico S.A.C."; // importer, Lima
const ADRIATICA = "Scarpe Adriatica S.r.l."; // importer, Pescara

export const DEMO_LEDGERS: readonly LedgerSeed[] = [
  // --- Critical: over 80% to Stridewell in 2026, rising ----------------------------------------
  {
    firmKey: "calcados-ferraresi", // 62% -> 74% -> 83%
    lines: [
      toStridewell([6_680, 8_090, 10_150], "2025"),
      toSchuhring([1_110, 730, 450], "ponte-atlantica"),
      toHarbourHide([830, 620, 480], "sinos-export"),
      domestic(SOLA_VIVA, [6_000, 4_300, 3_200]),
      domestic(BEM_CALCAR, [5_000, 3_500, 2_400]),
    ],
  },
  {
    firmKey: "calcados-bella-sinos", // 54% -> 66% -> 81%
    lines: [
      toStridewell([4_200, 5_250, 7_600]),
      toSchuhring([1_200, 900, 520]),
      toHarbourHide([700, 520, 330], "sinos-export"),
      domestic(ROTA_NORDESTE, [5_200, 4_000, 2_500]),
      domestic(CASA_MINEIRA, [3_500, 2_800, 1_800]),
    ],
  },
  {
    firmKey: "calcados-igrejinha-boots", // 65% -> 72% -> 84%
    lines: [
      toStridewell([4_540, 5_350, 7_200], "2026"),
      toSchuhring([950, 780, 500], "ponte-atlantica"),
      abroad(ANDES, "USD", [450, 360, 240]),
      domestic(INVERNO_GAUCHO, [3_600, 3_000, 1_900]),
      domestic(TRILHA_SUL, [1_900, 1_500, 900]),
    ],
  },
  // --- Warning: 25% to 50% to one customer ------------------------------------------------------
  {
    firmKey: "calcados-schmitt", // Stridewell 29% -> 38% -> 49%
    lines: [
      toStridewell([1_850, 2_450, 3_500]),
      toSchuhring([1_400, 1_250, 1_050]),
      domestic(SOLA_VIVA, [7_500, 6_800, 6_000]),
      domestic(VITRINE_CARIOCA, [5_400, 5_000, 4_600]),
      abroad(RIOPLATENSE, "USD", [560, 520, 480]),
    ],
  },
  {
    firmKey: "calcados-parobe-kids", // a children's chain at 29% in 2024, then Stridewell's kids' line: 34% -> 41%
    lines: [
      toStridewell([900, 1_200, 1_700]),
      domestic(PEQUENO_PASSO, [5_000, 5_100, 5_300]),
      domestic(ROTA_NORDESTE, [3_800, 3_900, 4_000]),
      domestic(CASA_MINEIRA, [2_600, 2_700, 2_800]),
      abroad(ANDES, "USD", [220, 240, 260], "sinos-export"),
    ],
  },
  {
    firmKey: "calcados-sapiranga-modas", // assembles for Ferraresi: 39% -> 43% -> 49%
    lines: [
      toMember("calcados-ferraresi", [5_400, 6_200, 7_100], "network"),
      toMember("calcados-bella-sinos", [4_000, 4_200, 4_100], "network"),
      domestic(MORRO_REUTER, [3_200, 2_900, 2_500]),
      domestic(SERRA_GAUCHA, [1_200, 1_000, 900]),
    ],
  },
  {
    firmKey: "atelier-rosa-dos-ventos", // stitches uppers for Bella Sinos: 42% -> 43% -> 46%
    lines: [
      toMember("calcados-bella-sinos", [1_100, 1_200, 1_320], "network"),
      toMember("calcados-ferraresi", [800, 850, 870], "network"),
      toMember("calcados-sapiranga-modas", [700, 720, 700]),
    ],
  },
  {
    firmKey: "curtume-irmaos-kessler", // sole leather for Schmitt's welted shoes: about 30%
    lines: [
      toMember("calcados-schmitt", [2_900, 3_000, 3_200], "network"),
      domestic(FRANCA, [2_200, 2_300, 2_400]),
      domestic(SELARIA, [1_900, 2_000, 2_100]),
      domestic(SERRA_GAUCHA, [1_500, 1_600, 1_700]),
      abroad(RIOPLATENSE, "USD", [240, 250, 260]),
    ],
  },
  {
    firmKey: "sinos-export", // Stridewell's buying agent in the valley: commissions, about 47%
    lines: [
      toStridewell([1_100, 1_200, 1_300]),
      toHarbourHide([420, 430, 450]),
      toSchuhring([300, 310, 320]),
      abroad(RIOPLATENSE, "USD", [280, 300, 320]),
      abroad(ANDES, "USD", [240, 260, 280]),
    ],
  },
  {
    firmKey: "ponte-atlantica", // commissions, mostly from the German buying group: about 43%
    lines: [
      toSchuhring([340, 350, 360]),
      toHarbourHide([210, 220, 230]),
      abroad(ADRIATICA, "EUR", [150, 160, 170]),
      abroad(PACIFICO, "USD", [110, 120, 130]),
    ],
  },
  {
    firmKey: "estudio-forma-passo", // collections for Passo Firme: about 27%
    lines: [
      toMember("passo-firme", [700, 760, 800], "network"),
      toMember("calcados-estrela-do-vale", [600, 650, 700]),
      toMember("atelier-tres-coroas", [500, 560, 600]),
      toMember("calcados-bella-sinos", [300, 350, 400]),
      domestic(MORRO_REUTER, [400, 420, 450]),
    ],
  },
  // --- Diversified: no customer above 25% --------------------------------------------------------
  {
    firmKey: "passo-firme", // own brand in Brazilian stores and online; a little abroad
    lines: [
      domestic("Passo Firme online store (consumers)", [2_400, 2_800, 3_200]),
      domestic(SOLA_VIVA, [2_700, 2_900, 3_200]),
      domestic(BEM_CALCAR, [2_700, 2_900, 3_100]),
      domestic(ROTA_NORDESTE, [2_700, 2_900, 3_100]),
      domestic(VITRINE_CARIOCA, [2_500, 2_700, 2_900]),
      domestic(CASA_MINEIRA, [2_400, 2_500, 2_700]),
      domestic(PLANALTO, [2_200, 2_400, 2_600]),
      domestic(AMAZONIA, [2_000, 2_200, 2_500]),
      domestic(TRILHA_SUL, [1_900, 2_100, 2_300]),
      domestic(AURORA, [1_800, 2_000, 2_200]),
      domestic(INVERNO_GAUCHO, [1_700, 1_900, 2_100]),
      toHarbourHide([280, 300, 330], "sinos-export"),
      toSchuhring([200, 220, 240]),
    ],
  },
  {
    firmKey: "atelier-tres-coroas", // its own collections, sold to importers under their labels
    lines: [
      toHarbourHide([620, 660, 720]),
      toSchuhring([480, 520, 560], "ponte-atlantica"),
      abroad(ANDES, "USD", [380, 400, 410]),
      abroad(RIOPLATENSE, "USD", [300, 330, 350]),
      domestic(BEM_CALCAR, [3_100, 3_300, 3_500]),
      domestic(TRILHA_SUL, [2_300, 2_500, 2_700]),
      domestic(AURORA, [1_500, 1_600, 1_700]),
    ],
  },
  {
    firmKey: "calcados-estrela-do-vale", // the Italian fashion house grows, Stridewell stays small
    lines: [
      toVellacorte([640, 720, 780]),
      toStridewell([520, 600, 700]),
      toSchuhring([420, 460, 500]),
      domestic(SOLA_VIVA, [3_600, 3_700, 3_800]),
      domestic(VITRINE_CARIOCA, [2_800, 2_900, 3_000]),
      domestic(PLANALTO, [2_000, 2_100, 2_200]),
    ],
  },
  {
    firmKey: "solados-pampa",
    lines: [
      toMember("calcados-ferraresi", [6_500, 6_800, 7_200]),
      toMember("calcados-bella-sinos", [5_400, 5_700, 6_000]),
      toMember("passo-firme", [4_200, 4_400, 4_600], "network"),
      toMember("calcados-parobe-kids", [3_600, 3_800, 4_000]),
      toMember("calcados-igrejinha-boots", [3_000, 3_200, 3_400]),
      domestic(MORRO_REUTER, [4_500, 4_300, 4_100]),
      domestic(SERRA_GAUCHA, [4_000, 4_200, 4_400]),
      domestic(BIRIGUI, [3_300, 3_500, 3_700]),
      abroad(ANDES, "USD", [500, 520, 540]),
    ],
  },
  {
    firmKey: "saltos-kunz",
    lines: [
      toMember("calcados-bella-sinos", [3_000, 3_200, 3_500]),
      toMember("calcados-ferraresi", [2_500, 2_700, 2_900]),
      toMember("calcados-igrejinha-boots", [2_200, 2_300, 2_400]),
      domestic(MORRO_REUTER, [2_000, 1_900, 1_800]),
      domestic(SERRA_GAUCHA, [1_800, 1_900, 2_000]),
      domestic(NOVA_HARTZ, [1_200, 1_300, 1_400]),
      abroad(RIOPLATENSE, "USD", [260, 270, 280]),
    ],
  },
  {
    firmKey: "palmilhas-confort-sul",
    lines: [
      toMember("calcados-parobe-kids", [1_300, 1_350, 1_400]),
      toMember("calcados-ferraresi", [1_200, 1_250, 1_300]),
      toMember("passo-firme", [1_100, 1_150, 1_200]),
      toMember("calcados-bella-sinos", [1_000, 1_050, 1_100]),
      toMember("calcados-schmitt", [900, 950, 1_000]),
      domestic(MORRO_REUTER, [1_200, 1_150, 1_100]),
      domestic(BIRIGUI, [1_500, 1_550, 1_600]),
      domestic(FRANCA, [800, 850, 900]),
    ],
  },
  {
    firmKey: "sinoscola-adesivos",
    lines: [
      toMember("calcados-ferraresi", [2_500, 2_600, 2_700]),
      toMember("calcados-bella-sinos", [2_100, 2_200, 2_300]),
      toMember("calcados-schmitt", [1_900, 2_000, 2_100]),
      toMember("passo-firme", [1_800, 1_900, 2_000]),
      toMember("solados-pampa", [1_700, 1_800, 1_900]),
      domestic(ESTOFADOS, [3_500, 3_600, 3_800]),
      domestic(MORRO_REUTER, [2_600, 2_700, 2_800]),
      domestic(FRANCA, [2_200, 2_300, 2_400]),
      abroad(RIOPLATENSE, "USD", [380, 400, 420]),
    ],
  },
  {
    firmKey: "fivelas-hamburguense",
    lines: [
      toVellacorte([220, 250, 290]), // trims the fashion house specifies for its own suppliers
      toMember("calcados-bella-sinos", [1_600, 1_700, 1_800]),
      toMember("passo-firme", [1_500, 1_600, 1_700]),
      toMember("calcados-ferraresi", [1_300, 1_400, 1_500]),
      toMember("calcados-estrela-do-vale", [1_100, 1_200, 1_300]),
      domestic(BOLSAS, [2_000, 2_100, 2_200]),
      domestic(SERRA_GAUCHA, [1_400, 1_450, 1_500]),
    ],
  },
  {
    firmKey: "forros-sapiranga",
    lines: [
      toMember("passo-firme", [1_100, 1_150, 1_200]),
      toMember("calcados-parobe-kids", [1_000, 1_050, 1_100]),
      toMember("calcados-estrela-do-vale", [900, 950, 1_000]),
      toMember("atelier-tres-coroas", [800, 850, 900]),
      domestic(BOLSAS, [1_600, 1_650, 1_700]),
      domestic(BIRIGUI, [1_200, 1_250, 1_300]),
      domestic(SERRA_GAUCHA, [700, 750, 800]),
    ],
  },
  {
    firmKey: "modelagem-sinos",
    lines: [
      toMember("calcados-estrela-do-vale", [300, 320, 340]),
      toMember("atelier-tres-coroas", [280, 300, 320]),
      toMember("calcados-parobe-kids", [260, 280, 300]),
      domestic(MORRO_REUTER, [250, 260, 270]),
      domestic(NOVA_HARTZ, [220, 240, 260]),
    ],
  },
];

async function seedLedgers(tx: Tx, now: Date, userIds: Map<string, string>): Promise<void> {
  const adminId = userIds.get(USERS.find((u) => u.role === "admin")!.email)!;
  await tx
    .insert(exchangeRate)
    .values(
      DEMO_EXCHANGE_RATES.map((r) => ({
        id: demoId(`exchange-rate:${r.currency}:BRL:${r.validFrom}`),
        currency: r.currency,
        baseCurrency: DEMO_NETWORK.currency,
        rate: r.rate,
        validFrom: r.validFrom,
        setBy: adminId,
        createdAt: DEMO_NETWORK.createdAt,
      })),
    )
    .onConflictDoNothing();

  const buyerNames = new Map(DEMO_BUYERS.map((b) => [b.key, b.name]));
  const smeNames = new Map(DEMO_SMES.map((s) => [s.key, s.name]));
  const today = startOfDayUtc(now);
  const rows: Array<typeof salesEntry.$inferInsert> = [];
  for (const ledger of DEMO_LEDGERS) {
    const memberIndex = FOUNDING_MEMBERS.findIndex((s) => s.key === ledger.firmKey);
    if (memberIndex < 0) throw new Error(`demo seed: ${ledger.firmKey} keeps a ledger but is no active member`);
    const login = USERS.find((u) => u.firmKey === ledger.firmKey);
    const createdBy = login ? (userIds.get(login.email) ?? null) : null;
    // Past years entered the day after joining the network; this year's brought up to date lately.
    const enteredPast = new Date(foundingJoinedAt(memberIndex).getTime() + DAY);
    const enteredThisYear = dayAt(today, -30 + memberIndex, 10);
    ledger.lines.forEach((line, lineIndex) => {
      const customerName = line.buyerKey ? buyerNames.get(line.buyerKey) : line.customer;
      if (!customerName) throw new Error(`demo seed: no customer in a line of ${ledger.firmKey}`);
      const agentName = line.agentKey ? smeNames.get(line.agentKey) : null;
      if (line.agentKey && !agentName) throw new Error(`demo seed: no agent ${line.agentKey}`);
      DEMO_LEDGER_YEARS.forEach((year, yearIndex) => {
        const thousands = line.thousands[yearIndex];
        if (thousands === 0) return;
        rows.push({
          id: demoId(`sales:${ledger.firmKey}:${year}:${lineIndex}`),
          firmId: firmId(ledger.firmKey),
          period: year,
          customerFirmId: line.buyerKey ? firmId(line.buyerKey) : null,
          customerName,
          amountMinor: toMinor(thousands * 1_000, line.currency),
          currency: line.currency,
          market: line.market,
          channel: agentName ? "agent" : "direct",
          agentName: agentName ?? null,
          governance: line.governance,
          exclusivity: line.exclusiveFrom !== undefined && year >= line.exclusiveFrom,
          createdBy,
          createdAt: year === "2026" ? enteredThisYear : enteredPast,
        });
      });
    });
  }
  await tx.insert(salesEntry).values(rows).onConflictDoNothing();

  // The level last seen, as the ledger service records it after an edit (latest period, the
  // firm's network thresholds: the defaults), so a first edit in the demo does not re-notify.
  const states: Array<typeof dependenceState.$inferInsert> = [];
  for (const ledger of DEMO_LEDGERS) {
    const figures = await dependenceFigures(tx, firmId(ledger.firmKey));
    if (!figures.latest) throw new Error(`demo seed: no dependence figures for ${ledger.firmKey} (missing rates?)`);
    states.push({ firmId: firmId(ledger.firmKey), level: figures.latest.level ?? "none", period: figures.latest.period, updatedAt: now });
  }
  await tx.insert(dependenceState).values(states).onConflictDoNothing();
}

// ---------------------------------------------------------------------------------------------
// Sourcing needs (DOMAIN.md "Sourcing need", "Match"; issue 4 section 8): open needs of the
// German buying group and the Italian fashion house give the manufacturers that depend on
// Stridewell ways out; one programme is too large for any single member and yields consortium
// proposals. Each need is written as the need form would submit it (validated by the same
// schema, priced by the same helper); its dates follow the clock, so an open need always closes
// ahead.
//
// The numbers, against the members' capacities in pairs (all capacities of a firm in the need's
// unit add up, as matching counts them):
// - boots: 27,000 pairs a quarter = 9,000 a month, which nine members of the assembly link cover
//   alone (Ferraresi 36,000, Bella Sinos 19,000, Parobé Kids 16,000, Schmitt 14,500, Rosa dos
//   Ventos 14,000, Passo Firme 12,000, Estrela do Vale 11,500, Sapiranga Modas 11,000 and the boot
//   maker Igrejinha 9,000). Only three manufacturers hold a buyer code of conduct, so the code is
//   preferred, not a must-have.
// - sneakers: 40,000 pairs a month, more than any member. Its must-have is an audited buyer code
//   of conduct, held by Ferraresi (36,000), Bella Sinos (19,000) and Igrejinha (9,000) only, so
//   the export agent and the component makers, whose pairs of shipments, soles and insoles would
//   "cover" the volume on paper, are excluded. ISO 9001 is preferred: Igrejinha's has lapsed,
//   and requiring it would leave Ferraresi and Bella Sinos alone. Proposals: Ferraresi + Bella
//   Sinos (55,000) and Ferraresi + Igrejinha (45,000); Bella Sinos + Igrejinha (28,000) falls
//   short and all three would make one redundant.
// ---------------------------------------------------------------------------------------------

interface NeedSeed {
  key: string;
  buyerKey: string;
  status: Extract<NeedStatus, "draft" | "open">;
  /** Days before the seed's clock the need was posted (and, if open, published). */
  postedDaysAgo: number;
  /** Days after the seed's clock the need closes; the delivery window follows. */
  closesInDays: number;
  windowStartInDays: number;
  windowEndInDays: number;
  /** As the need form submits it (server/schemas/sourcing.ts), less the dates above. */
  input: Omit<z.input<typeof needInputSchema>, "closingDate" | "windowStart" | "windowEnd">;
}

export const DEMO_NEEDS: readonly NeedSeed[] = [
  {
    key: "schuhring-ankle-boots-aw27",
    buyerKey: "schuhring",
    status: "open",
    postedDaysAgo: 6,
    closesInDays: 45,
    windowStartInDays: 160,
    windowEndInDays: 250,
    input: {
      product: "Women's leather ankle boots, autumn/winter 2027",
      description:
        "Schuhring's member stores want a range of women's ankle boots in smooth leather and suede for autumn/winter 2027: 27,000 pairs a quarter over the season. We buy our suppliers' designs and finish the range together at two sampling rounds in Dortmund; our design team helps with lasts, colours and fit for the German market. No exclusivity: our suppliers sell to whom they like.",
      sector: "1520",
      link: "assembly",
      functions: ["design", "production", "quality_control"],
      tier: 1,
      volume: 27_000,
      volumePeriod: "quarter",
      unit: "pairs",
      targetUnitPrice: "42.50",
      currency: "EUR",
      certifications: [
        { code: "iso_9001", mustHave: false },
        { code: "buyer_code", mustHave: false },
      ],
      deliveryPlace: "Schuhring central warehouse, Dortmund",
      deliveryCountry: "DE",
      specifies: "what",
      designsJointly: true,
      supportOffered: ["design_support"],
      exclusivity: false,
      visibility: "all",
    },
  },
  {
    key: "vellacorte-loafers",
    buyerKey: "casa-vellacorte",
    status: "open",
    postedDaysAgo: 3,
    closesInDays: 30,
    windowStartInDays: 120,
    windowEndInDays: 300,
    input: {
      product: "Hand-finished leather loafers",
      description:
        "Men's and women's unlined loafers in calf leather, hand-stitched vamps and hand-burnished finish, made to Casa Vellacorte's designs, technical sheets and process standards. Our technicians train the supplier's team at its plant and audit each lot. The supplier works exclusively for Casa Vellacorte in this category.",
      sector: "1520",
      link: "assembly",
      functions: ["production", "quality_control"],
      tier: 1,
      volume: 2_500,
      volumePeriod: "month",
      unit: "pairs",
      targetUnitPrice: "118.00",
      currency: "EUR",
      certifications: [{ code: "iso_9001", mustHave: true }],
      deliveryPlace: "Casa Vellacorte logistics centre, Milano",
      deliveryCountry: "IT",
      specifies: "what_and_how",
      designsJointly: false,
      supportOffered: ["training", "technical_help"],
      exclusivity: true,
      visibility: "all",
    },
  },
  {
    key: "schuhring-sneakers-2027",
    buyerKey: "schuhring",
    status: "open",
    postedDaysAgo: 1,
    closesInDays: 60,
    windowStartInDays: 100,
    windowEndInDays: 400,
    input: {
      product: "Women's casual leather sneakers, 2027 programme",
      description:
        "Year-round programme of women's casual leather sneakers for all 340 member stores: 40,000 pairs a month from spring 2027, cup soles, leather linings. More than one factory makes it, so every factory must be audited against a buyer code of conduct; ISO 9001 is preferred. Groups of manufacturers answering together are welcome.",
      sector: "1520",
      link: "assembly",
      functions: ["production", "quality_control"],
      tier: 1,
      volume: 40_000,
      volumePeriod: "month",
      unit: "pairs",
      targetUnitPrice: "27.00",
      currency: "EUR",
      certifications: [
        { code: "buyer_code", mustHave: true },
        { code: "iso_9001", mustHave: false },
      ],
      deliveryPlace: "Schuhring central warehouse, Dortmund",
      deliveryCountry: "DE",
      specifies: "what",
      designsJointly: false,
      supportOffered: [],
      exclusivity: false,
      visibility: "all",
    },
  },
  {
    key: "stridewell-sandals-ss28",
    buyerKey: "stridewell",
    status: "draft",
    postedDaysAgo: 0,
    closesInDays: 75,
    windowStartInDays: 200,
    windowEndInDays: 320,
    input: {
      product: "Women's leather sandals, spring/summer 2028",
      description:
        "Stridewell's own-label women's sandals, made to our specifications and production standards, audited by our quality team. Exclusive supply for the programme.",
      sector: "1520",
      link: "assembly",
      functions: ["production", "quality_control", "logistics"],
      tier: 1,
      volume: 180_000,
      volumePeriod: "year",
      unit: "pairs",
      targetUnitPrice: "19.50",
      currency: "USD",
      certifications: [
        { code: "buyer_code", mustHave: true },
        { code: "iso_9001", mustHave: true },
      ],
      deliveryPlace: "Stridewell distribution centre, Columbus, Ohio",
      deliveryCountry: "US",
      specifies: "what_and_how",
      designsJointly: false,
      supportOffered: ["technical_help"],
      exclusivity: true,
      visibility: "all",
    },
  },
];

async function seedNeeds(tx: Tx, now: Date, userIds: Map<string, string>): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const rows: Array<typeof sourcingNeed.$inferInsert> = [];
  for (const seed of DEMO_NEEDS) {
    const input = needInputSchema.parse({
      ...seed.input,
      closingDate: addDays(today, seed.closesInDays),
      windowStart: addDays(today, seed.windowStartInDays),
      windowEnd: addDays(today, seed.windowEndInDays),
    });
    const login = USERS.find((u) => u.firmKey === seed.buyerKey);
    const posted = dayAt(startOfDayUtc(now), -seed.postedDaysAgo, 9);
    rows.push({
      id: demoId(`need:${seed.key}`),
      buyerFirmId: firmId(seed.buyerKey),
      ...(await needValues(tx, input)),
      status: seed.status,
      createdBy: login ? (userIds.get(login.email) ?? null) : null,
      createdAt: posted,
      updatedAt: seed.status === "open" ? new Date(posted.getTime() + 2 * HOUR) : posted,
    });
  }
  await tx.insert(sourcingNeed).values(rows).onConflictDoNothing();
}

/** Seeds the Sinos Valley demo in one transaction; a second run changes nothing. */
export async function seedDemo(deps: Deps): Promise<void> {
  const now = deps.now();
  await inTransaction(deps, async (tx) => {
    await tx.insert(firm).values(firmRows(now)).onConflictDoNothing();
    await tx
      .insert(firmCertification)
      .values(
        DEMO_SMES.flatMap((s) =>
          s.certifications.map((c) => ({ id: demoId(`certification:${s.key}:${c.code}`), firmId: firmId(s.key), ...c })),
        ),
      )
      .onConflictDoNothing();
    await tx
      .insert(firmCapacity)
      .values(
        DEMO_SMES.flatMap((s) =>
          s.capacities.map((c, i) => ({ id: demoId(`capacity:${s.key}:${i}`), firmId: firmId(s.key), ...c })),
        ),
      )
      .onConflictDoNothing();

    const userIds = new Map<string, string>();
    for (const seed of USERS) {
      const userId = await ensureUser(tx, seed);
      userIds.set(seed.email, userId);
      if (seed.firmKey) {
        // A user belongs to at most one firm: an existing membership wins (unique on user_id).
        await tx
          .insert(firmMember)
          .values({
            id: demoId(`member:${seed.email}`),
            firmId: firmId(seed.firmKey),
            userId,
            status: "active",
            isOwner: true,
            createdAt: now,
            decidedAt: now,
          })
          .onConflictDoNothing();
      }
      if (seed.welcome) {
        await tx
          .insert(notification)
          .values({
            id: demoId(`notification:${seed.email}:welcome`),
            userId,
            type: "welcome",
            params: {},
            href: "/home",
            createdAt: now,
          })
          .onConflictDoNothing();
      }
    }

    await seedNetwork(tx, now, userIds);
    await seedLedgers(tx, now, userIds);
    await seedNeeds(tx, now, userIds);
    await seedLearningDemo(tx, now, { demoId, password: DEMO_PASSWORD });
  });
}
