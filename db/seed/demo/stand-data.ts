import type { LEAD_BUYER_TYPES } from "../../../server/domain/stand-lead";
import type { SpaceStatus } from "../../../server/domain/stand-space";
import type { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../../../server/domain/stand-tasks";

/**
 * The demo network's joint stand at a Düsseldorf shoe fair (issue 5 section 6; DOMAIN.md "Joint
 * trade-fair stand"): "only 7 of 1,612 exhibitors" at the 1997 fair were Brazilian, and SEBRAE
 * paid half of small firms' costs (003:1099). A 40 m² stand split by area, SEBRAE's 50% for
 * firms up to 99 employees; opened ten days ago and nearly full (36 of 40 m² held by five
 * members, Passo Firme's space confirmed, the others awaiting the broker), two larger requests
 * on the waiting list, the preparations under way (one task done, one overdue) and the first
 * buyers booked for meetings at the stand through the fair's matchmaking: European and Latin
 * American importers and retailers, none of them the US chain the valley depends on.
 *
 * Dates follow the seed's clock so the fair is always ahead: booking closes in three weeks, the
 * fair opens in eleven. Ids derive from stable keys and every insert ignores conflicts, so a
 * second run changes nothing.
 */

export const DEMO_FAIR = {
  key: "dusseldorf-shoe-fair",
  name: "GDS Düsseldorf shoe fair",
  venue: "Messe Düsseldorf, Hall 8b",
  city: "Düsseldorf",
  country: "DE",
  organiser: "Messe Düsseldorf GmbH",
  website: "https://www.messe-duesseldorf.de",
  /** Days after the seed's clock the fair opens; it runs three days. */
  startsInDays: 78,
  days: 3,
};

/** A space on the stand, in the order the requests came in. */
interface SpaceSeed {
  firmKey: string;
  areaDm2: number;
  status: Extract<SpaceStatus, "requested" | "confirmed" | "waiting">;
  /** Days before the seed's clock the request came in. */
  daysAgo: number;
}

export const DEMO_STAND = {
  key: "dusseldorf-stand",
  title: "Joint stand at the Düsseldorf shoe fair",
  description:
    "A 40 m² shared stand for the valley's manufacturers at the GDS shoe fair in Düsseldorf: space, stand building, sample freight, an interpreter and the collective 'Sinos Valley – Brazilian footwear' label. At the 1997 fair only 7 of 1,612 exhibitors were Brazilian. SEBRAE pays half for firms of up to 99 employees; the cost is split by area. A way to meet buyers beyond the one US chain most of us sell to.",
  areaDm2: 4_000,
  frontageDm: 80,
  minAreaDm2: 300,
  /** R$ 160,000.00: 40 m² of space, the stand build, freight, interpreter and label. */
  totalCostMinor: 16_000_000,
  currency: "BRL",
  /** Booking closes at the end of this day after the seed's clock. */
  deadlineInDays: 21,
  openedDaysAgo: 10,
  spaces: [
    { firmKey: "passo-firme", areaDm2: 1_200, status: "confirmed", daysAgo: 9 },
    { firmKey: "calcados-ferraresi", areaDm2: 900, status: "requested", daysAgo: 8 },
    { firmKey: "calcados-estrela-do-vale", areaDm2: 600, status: "requested", daysAgo: 7 },
    { firmKey: "atelier-tres-coroas", areaDm2: 500, status: "requested", daysAgo: 5 },
    { firmKey: "calcados-sapiranga-modas", areaDm2: 400, status: "requested", daysAgo: 4 },
    { firmKey: "calcados-bella-sinos", areaDm2: 800, status: "waiting", daysAgo: 3 },
    { firmKey: "calcados-parobe-kids", areaDm2: 600, status: "waiting", daysAgo: 1 },
  ] satisfies SpaceSeed[],
};

type Category = (typeof STAND_TASK_CATEGORIES)[number];
type TaskStatus = (typeof STAND_TASK_STATUSES)[number];
/** Owner: the broker, or a firm's demo login / contact person (by firm key). */
export const DEMO_STAND_TASKS: ReadonlyArray<{
  key: string;
  title: string;
  category: Category;
  /** "broker", or the email of the exhibitor's member who owns the task. */
  owner: string;
  dueInDays: number;
  status: TaskStatus;
}> = [
  {
    key: "label",
    title: "Collective label 'Sinos Valley – Brazilian footwear' for the stand fascia",
    category: "collective_label",
    owner: "broker",
    dueInDays: -6,
    status: "done",
  },
  {
    key: "catalogue",
    title: "Joint catalogue in English, German and Spanish with each exhibitor's range",
    category: "catalogue",
    owner: "broker",
    dueInDays: -2,
    status: "in_progress",
  },
  {
    key: "design",
    title: "Stand design brief to the stand builder (layout by area, shelving, meeting table)",
    category: "stand_design",
    owner: "atelier-tres-coroas",
    dueInDays: 12,
    status: "in_progress",
  },
  {
    key: "visas",
    title: "Schengen visas and flights for the exhibitors' teams",
    category: "travel",
    owner: "calcados-ferraresi",
    dueInDays: 30,
    status: "todo",
  },
  {
    key: "samples",
    title: "Samples to the freight forwarder for sea freight to Düsseldorf",
    category: "samples",
    owner: "passo-firme",
    dueInDays: 40,
    status: "todo",
  },
];

type BuyerType = (typeof LEAD_BUYER_TYPES)[number];
/** Buyers booked for meetings at the stand through the fair's matchmaking; none is the US chain. */
export const DEMO_STAND_LEADS: ReadonlyArray<{
  key: string;
  firmKey: string;
  buyerName: string;
  country: string;
  buyerType: BuyerType;
  products: string;
  nextStep: string;
  followUpInDays: number | null;
  contactEmail: string | null;
  invited?: boolean;
  daysAgo: number;
}> = [
  {
    key: "lindner",
    firmKey: "calcados-ferraresi",
    buyerName: "Schuhhaus Lindner GmbH",
    country: "DE",
    buyerType: "retailer",
    products: "Women's ankle boots in calf leather, 2,000 to 3,000 pairs a season",
    nextStep: "Meeting at the stand on day 1; bring the AW27 boot samples and a price list in euros",
    followUpInDays: 78,
    contactEmail: "einkauf@schuhhaus-lindner.example",
    daysAgo: 6,
  },
  {
    key: "andina",
    firmKey: "calcados-ferraresi",
    buyerName: "Importadora Andina S.A.",
    country: "CL",
    buyerType: "importer",
    products: "Men's casual leather shoes for department stores in Chile and Peru",
    nextStep: "Send the FOB price list in dollars before the fair",
    followUpInDays: 14,
    contactEmail: null,
    daysAgo: 4,
  },
  {
    key: "del-plata",
    firmKey: "passo-firme",
    buyerName: "Calzados del Plata S.R.L.",
    country: "AR",
    buyerType: "distributor",
    products: "Passo Firme branded sandals for 120 shoe shops in Argentina and Uruguay",
    nextStep: "Draft distribution agreement; invited to Jointly to follow the range",
    followUpInDays: 20,
    contactEmail: "compras@delplata.example",
    invited: true,
    daysAgo: 5,
  },
  {
    key: "nordsko",
    firmKey: "passo-firme",
    buyerName: "Nordsko AB",
    country: "SE",
    buyerType: "retailer",
    products: "Women's leather sandals and mules, spring–summer",
    nextStep: "Meeting at the stand on day 2",
    followUpInDays: 79,
    contactEmail: null,
    daysAgo: 2,
  },
  {
    key: "duclos",
    firmKey: "atelier-tres-coroas",
    buyerName: "Maison Duclos",
    country: "FR",
    buyerType: "brand",
    products: "Hand-stitched loafers for its own label, small runs of 300 to 500 pairs",
    nextStep: "Share the stitching samples' photos; meeting on day 1",
    followUpInDays: 78,
    contactEmail: null,
    daysAgo: 3,
  },
];
