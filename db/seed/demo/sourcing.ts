import type { Tx } from "../../client";
import { minorDigits } from "../../reference/currencies";
import type { NeedStatus } from "../../../server/domain/need";
import { sourcingNeed } from "../../schema/sourcing";
import { addDays } from "../../../server/domain/chain-position";
import { parseDecimalToMinor } from "../../../server/domain/money";
import { USERS } from "./accounts";
import { HOUR, dayAt, startOfDayUtc } from "./clock";
import { demoId, firmId } from "./ids";

// Sourcing needs (DOMAIN.md "Sourcing need", "Match"; issue 4 section 8): open needs of the
// German buying group and the Italian fashion house give the manufacturers that depend on
// Stridewell ways out; one programme is too large for any single member and yields consortium
// proposals. Each need is written as the need form would submit it (demo.test.ts parses it
// with the form's schema; the price is read by the same helper); its dates follow the clock, so an open need always closes
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

type NeedRow = typeof sourcingNeed.$inferInsert;
type NeedColumn =
  | "product"
  | "description"
  | "sector"
  | "link"
  | "functions"
  | "tier"
  | "volume"
  | "volumePeriod"
  | "unit"
  | "currency"
  | "certifications"
  | "deliveryPlace"
  | "deliveryCountry"
  | "specifies"
  | "designsJointly"
  | "supportOffered"
  | "exclusivity"
  | "visibility";

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
  input: Required<Pick<NeedRow, NeedColumn>> & { targetUnitPrice: string };
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

/** The needs as the form would save them: the price in minor units, dates from the clock. */
export async function seedNeeds(tx: Tx, now: Date, userIds: Map<string, string>): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const rows = DEMO_NEEDS.map((seed): NeedRow => {
    const { targetUnitPrice, ...columns } = seed.input;
    const targetUnitPriceMinor = parseDecimalToMinor(targetUnitPrice, minorDigits(columns.currency));
    if (!targetUnitPriceMinor) throw new Error(`demo seed: no price for the need ${seed.key}`);
    const login = USERS.find((u) => u.firmKey === seed.buyerKey);
    const posted = dayAt(startOfDayUtc(now), -seed.postedDaysAgo, 9);
    return {
      id: demoId(`need:${seed.key}`),
      buyerFirmId: firmId(seed.buyerKey),
      ...columns,
      targetUnitPriceMinor,
      windowStart: addDays(today, seed.windowStartInDays),
      windowEnd: addDays(today, seed.windowEndInDays),
      closingDate: addDays(today, seed.closesInDays),
      networkIds: [],
      status: seed.status,
      createdBy: login ? (userIds.get(login.email) ?? null) : null,
      createdAt: posted,
      updatedAt: seed.status === "open" ? new Date(posted.getTime() + 2 * HOUR) : posted,
    };
  });
  await tx.insert(sourcingNeed).values(rows).onConflictDoNothing();
}
