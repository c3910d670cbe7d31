import type { CertificationCode } from "../../reference/certifications";
import type { FirmFunction, Link, RoleLadder, Tier, UpgradingGoal } from "../../../server/domain/chain-position";

/**
 * The second demo network: auto-component makers of the Eastern Cape, South Africa, and their
 * benchmarking club, after the South African club of box 5.4 (seeds/003 around line 1156): the
 * members started with low inventory performance and "a long tail", were benchmarked against
 * domestic and international competitors, met at each other's plants in best-in-class
 * workshops, and over three years the median improved and the tail shortened. The government
 * paid two thirds of the club's costs (003:1112). Firms and people are invented.
 *
 * The club reports quarterly: the twelve quarters up to the last one that has ended, by the
 * seed's clock; the last is open with two members' figures in (one short of the threshold, so
 * the next submission makes its figures appear). Values come from a seeded generator: each
 * member starts somewhere in the tail and closes a share of its gap to the target every
 * quarter, laggards faster, with a little noise; so the same clock always gives the same data.
 *
 * Deterministic and re-runnable like the main demo: ids from stable names, inserts that ignore
 * conflicts, users created only when their email is new.
 */

export const DEMO_LEARNING_NETWORK = {
  key: "eastern-cape-auto-components",
  name: "Eastern Cape Automotive Components Network",
  sector: "2930",
  region: "Nelson Mandela Bay and Buffalo City, Eastern Cape",
  currency: "ZAR",
  description:
    "Component makers supplying the vehicle assembly plants of Kariega and East London, brokered by the Algoa Automotive Suppliers Forum: benchmarking, best-in-class workshops at members' plants and shared training.",
};

export const DEMO_CLUB = {
  key: "eastern-cape-benchmarking-club",
  title: "Eastern Cape Auto Components Benchmarking Club",
  description:
    "Every quarter the members report five operating KPIs; each sees where it stands against the others (never another member's figures) and against European and international competitors. Members meet at the best-in-class plant of the quarter to learn how it is done. The provincial development agency pays two thirds of the club's costs.",
  kpis: ["inventory_turns", "on_time_delivery", "scrap_rate", "setup_time", "defects_ppm"] as const,
};

export const CLUB_BROKER_EMAIL = "autobroker@jointly.example";

interface LearningSme {
  key: string;
  name: string;
  town: "Gqeberha" | "Kariega" | "Despatch" | "Coega" | "East London";
  description: string;
  employees: number;
  /** Turnover in millions of rand. */
  turnoverMillions: number;
  link: Link;
  tier: Tier;
  functions: FirmFunction[];
  roleLadder: RoleLadder;
  upgradingGoals: UpgradingGoal[];
  certifications: CertificationCode[];
  capacity: { product: string; unitsPerMonth: number; unit: string; leadTimeDays: number };
  /** Where the firm starts in the club, 0 = best in class, 1 = the end of the tail. */
  standing: number;
  /** The contact named in the log when the firm has no demo login. */
  contact: string;
  /** A network member that stays out of the club. */
  outsideClub?: boolean;
}

export const REGION: Record<LearningSme["town"], string> = {
  Gqeberha: "Gqeberha, Nelson Mandela Bay, Eastern Cape",
  Kariega: "Kariega, Nelson Mandela Bay, Eastern Cape",
  Despatch: "Despatch, Nelson Mandela Bay, Eastern Cape",
  Coega: "Coega SEZ, Nelson Mandela Bay, Eastern Cape",
  "East London": "East London, Buffalo City, Eastern Cape",
};

export const DEMO_LEARNING_SMES: readonly LearningSme[] = [
  {
    key: "algoa-pistons",
    name: "Algoa Pistons & Rings (Pty) Ltd",
    town: "Gqeberha",
    description: "Cast and machined aluminium pistons and piston rings for engine plants and the replacement market.",
    employees: 180,
    turnoverMillions: 310,
    link: "components",
    tier: 1,
    functions: ["production", "quality_control", "r_and_d"],
    roleLadder: "oem",
    upgradingGoals: ["process", "product"],
    certifications: ["iatf_16949", "iso_14001"],
    capacity: { product: "Aluminium pistons, 70-95 mm", unitsPerMonth: 110_000, unit: "pieces", leadTimeDays: 21 },
    standing: 0.35,
    contact: "Sipho Ndlovu",
  },
  {
    key: "swartkops-castings",
    name: "Swartkops Castings (Pty) Ltd",
    town: "Gqeberha",
    description: "Grey and ductile iron castings (brake drums, hubs, brackets) for tier-one suppliers.",
    employees: 210,
    turnoverMillions: 260,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control", "logistics"],
    roleLadder: "oem",
    upgradingGoals: ["process"],
    certifications: ["iatf_16949"],
    capacity: { product: "Iron castings, 2-40 kg", unitsPerMonth: 900, unit: "tonnes", leadTimeDays: 28 },
    standing: 0.05,
    contact: "Annelie Botha",
  },
  {
    key: "kariega-seat-trim",
    name: "Kariega Seat Trim CC",
    town: "Kariega",
    description: "Cut-and-sew seat covers and door trims in fabric and leather, delivered in sequence to the assembly plant.",
    employees: 140,
    turnoverMillions: 120,
    link: "components",
    tier: 1,
    functions: ["production", "logistics"],
    roleLadder: "oea",
    upgradingGoals: ["process", "functional"],
    certifications: ["iatf_16949"],
    capacity: { product: "Seat cover sets", unitsPerMonth: 14_000, unit: "sets", leadTimeDays: 5 },
    standing: 0.55,
    contact: "Nomvula Jacobs",
  },
  {
    key: "coega-wire-harness",
    name: "Coega Wire Harness (Pty) Ltd",
    town: "Coega",
    description: "Wiring harnesses for doors, engines and dashboards, built to the tier-one supplier's drawings.",
    employees: 160,
    turnoverMillions: 150,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: ["iatf_16949", "iso_45001"],
    capacity: { product: "Wiring harnesses", unitsPerMonth: 45_000, unit: "pieces", leadTimeDays: 14 },
    standing: 0.45,
    contact: "Lindiwe Mahlangu",
  },
  {
    key: "buffalo-city-pressings",
    name: "Buffalo City Pressings (Pty) Ltd",
    town: "East London",
    description: "Pressed and welded steel parts (brackets, reinforcements, small assemblies) for the East London plant's suppliers.",
    employees: 95,
    turnoverMillions: 85,
    link: "components",
    tier: 2,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Pressed steel parts", unitsPerMonth: 260_000, unit: "pieces", leadTimeDays: 10 },
    standing: 0.8,
    contact: "Pieter Nel",
  },
  {
    key: "markman-rubber",
    name: "Markman Rubber Mouldings (Pty) Ltd",
    town: "Gqeberha",
    description: "Moulded rubber seals, grommets and bushes.",
    employees: 60,
    turnoverMillions: 48,
    link: "components",
    tier: 3,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Rubber mouldings", unitsPerMonth: 400_000, unit: "pieces", leadTimeDays: 12 },
    standing: 0.95,
    contact: "Faizel Adams",
  },
  {
    key: "uitenhage-precision",
    name: "Uitenhage Precision Machining CC",
    town: "Kariega",
    description: "CNC-machined shafts, bushings and housings in small and medium batches.",
    employees: 45,
    turnoverMillions: 38,
    link: "components",
    tier: 3,
    functions: ["production", "quality_control"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: ["iso_9001"],
    capacity: { product: "Machined shafts and housings", unitsPerMonth: 30_000, unit: "pieces", leadTimeDays: 18 },
    standing: 0.7,
    contact: "Ruan Steyn",
  },
  {
    key: "nahoon-filters",
    name: "Nahoon Filters (Pty) Ltd",
    town: "East London",
    description: "Oil, air and cabin filters for original equipment and the aftermarket.",
    employees: 70,
    turnoverMillions: 66,
    link: "components",
    tier: 2,
    functions: ["production", "marketing"],
    roleLadder: "odm",
    upgradingGoals: ["product", "functional"],
    certifications: ["iatf_16949"],
    capacity: { product: "Oil and air filters", unitsPerMonth: 180_000, unit: "pieces", leadTimeDays: 15 },
    standing: 0.25,
    contact: "Zanele Khumalo",
  },
  {
    key: "despatch-coatings",
    name: "Despatch Paint & Coatings (Pty) Ltd",
    town: "Despatch",
    description: "E-coating and powder coating of steel parts for component makers.",
    employees: 30,
    turnoverMillions: 22,
    link: "processing",
    tier: 3,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Coated steel parts", unitsPerMonth: 150_000, unit: "pieces", leadTimeDays: 7 },
    standing: 0.6,
    contact: "Thabo Mokoena",
    outsideClub: true,
  },
];

export const CLUB_AGENCY = {
  key: "algoa-automotive-forum",
  name: "Algoa Automotive Suppliers Forum",
  description: "Association of the Eastern Cape's automotive component makers. Runs the components network and its benchmarking club.",
};

interface LearningLogin {
  email: string;
  name: string;
  role: "broker" | "sme";
  firmKey: string;
  note: string;
}

export const CLUB_LOGINS: readonly LearningLogin[] = [
  {
    email: CLUB_BROKER_EMAIL,
    name: "Thandiwe Mokoena",
    role: "broker",
    firmKey: CLUB_AGENCY.key,
    note: "broker of the Eastern Cape auto-components network and its benchmarking club",
  },
  {
    email: "pistons@jointly.example",
    name: "Sipho Ndlovu",
    role: "sme",
    firmKey: "algoa-pistons",
    note: "owner of Algoa Pistons & Rings, a member of the benchmarking club (figures of the open quarter still to submit)",
  },
  {
    email: "castings@jointly.example",
    name: "Annelie Botha",
    role: "sme",
    firmKey: "swartkops-castings",
    note: "owner of Swartkops Castings, best in class on inventory turns (figures of the open quarter submitted)",
  },
];

/** The demo's logins of this network, printed with the others (DEMO_LOGINS in accounts.ts). */
export const DEMO_LEARNING_LOGINS = CLUB_LOGINS.map(({ role, email, note }) => ({ role, email, note }));
