import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import type { CertificationCode } from "../reference/certifications";
import { minorDigits } from "../reference/currencies";
import { user, type Role } from "../schema/auth";
import { firm, firmCapacity, firmCertification, firmMember } from "../schema/firms";
import { notification } from "../schema/notifications";
import type {
  BuyerType,
  FirmFunction,
  Governance,
  Link,
  RoleLadder,
  Tier,
  UpgradingGoal,
} from "../../server/domain/chain-position";
import { insertAccount } from "../../server/services/accounts/insert-account";
import { inTransaction, type Deps } from "../../server/services/deps";

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
  users: USERS.map(({ role, email, note }) => ({ role, email, note })),
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

    for (const seed of USERS) {
      const userId = await ensureUser(tx, seed);
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
  });
}
