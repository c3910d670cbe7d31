import { z } from "zod";
import { NEED_STATUSES, RESPONSE_STATUSES } from "../domain/need";
import { FUNCTIONS, LINKS } from "../domain/chain-position";
import { LEVELS } from "../domain/dependence";
import { MATCH_PARTS, type MatchPart } from "../domain/matching";
import { MATCH_REASON_KEYS } from "../domain/match-vocabulary";

/**
 * Shapes of what the sourcing endpoints return, for the OpenAPI document; each mirrors its
 * service (server/services/sourcing/*.ts) exactly, so a test can hold a body against it.
 */

const needStatus = z.enum(NEED_STATUSES);
const volumePeriod = z.enum(["month", "quarter", "year"]);
const isoDate = z.string().describe("YYYY-MM-DD");

/* Needs */

export const createdNeedResponse = z.object({ id: z.string(), status: z.literal("draft") });
export const updatedNeedResponse = z.object({ id: z.string() });
export const needTransitionResponse = z.object({ id: z.string(), status: z.enum(["open", "closed", "awarded", "withdrawn"]) });

/** A buyer's own needs (every status); the open needs that reach an SME or a broker's networks. */
export const needListResponse = z.array(
  z.object({
    id: z.string(),
    product: z.string(),
    buyerName: z.string(),
    link: z.enum(LINKS),
    tier: z.number().int(),
    volume: z.number().int(),
    volumePeriod,
    unit: z.string(),
    deliveryCountry: z.string(),
    closingDate: isoDate,
    status: needStatus,
  }),
);

const needResponseView = z.object({
  id: z.string(),
  /** The responding SME, or null for a consortium answering through its initiative. */
  firmId: z.string().nullable(),
  firmName: z.string().nullable(),
  initiativeId: z.string().nullable(),
  unitPriceMinor: z.number().int(),
  currency: z.string(),
  quantity: z.number().int(),
  leadTimeDays: z.number().int(),
  note: z.string(),
  status: z.enum(RESPONSE_STATUSES),
  createdAt: z.string(),
});

export const needResponse = z.object({
  need: z.object({
    id: z.string(),
    buyerFirmId: z.string(),
    buyerName: z.string(),
    product: z.string(),
    description: z.string(),
    sector: z.string(),
    link: z.enum(LINKS),
    functions: z.array(z.enum(FUNCTIONS)),
    tier: z.number().int(),
    volume: z.number().int(),
    volumePeriod,
    unit: z.string(),
    /** Null when the buyer gave no target price. */
    targetUnitPriceMinor: z.number().int().nullable(),
    currency: z.string(),
    certifications: z.array(z.object({ code: z.string(), mustHave: z.boolean() })),
    deliveryPlace: z.string(),
    deliveryCountry: z.string(),
    windowStart: isoDate.nullable(),
    windowEnd: isoDate.nullable(),
    closingDate: isoDate,
    specifies: z.enum(["what", "what_and_how"]),
    designsJointly: z.boolean(),
    supportOffered: z.array(z.string()),
    exclusivity: z.boolean(),
    visibility: z.enum(["all", "networks"]),
    networkIds: z.array(z.string()),
    status: needStatus,
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  /** The reader's firm posted the need (or the reader is an admin). */
  owner: z.boolean(),
  /** The statuses the owner may move the need to; empty for everyone else. */
  transitions: z.array(needStatus),
  /** All responses for the buyer; an SME's own; a broker's consortia's. */
  responses: z.array(needResponseView),
});

/* Matching */

const reason = z.object({
  /** An i18n key; the interface translates it with the parameters. */
  key: z.enum(MATCH_REASON_KEYS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const matchPart = z.object({
  part: z.enum(MATCH_PARTS as [MatchPart, ...MatchPart[]]),
  points: z.number().int(),
  max: z.number().int(),
  reason,
  details: z.array(reason),
});

const level = z.enum(LEVELS);

/** What winning the need would do to the SME's dependence (the SME and its brokers only). */
const dependenceWarning = z.object({
  /** The latest year of the ledger the projection starts from. */
  period: z.string().nullable(),
  currentTopShareBp: z.number().int().nullable(),
  currentHhi: z.number().int().nullable(),
  currentLevel: level.nullable(),
  projectedTopShareBp: z.number().int().nullable(),
  projectedHhi: z.number().int().nullable(),
  projectedLevel: level.nullable(),
  /** The need's buyer would become (or stay) the SME's top buyer. */
  buyerBecomesTop: z.boolean(),
  /** Why there is no projection (or no current figure): no target price, no ledger, a missing exchange rate. */
  unavailable: z.enum(["no_price", "no_ledger", "missing_rate"]).nullable(),
});

/** The SME's ways out: other open needs that fit it, joint-selling initiatives open in its networks, and buyers met at fairs. */
const diversificationOptions = z.object({
  needs: z.array(z.object({ needId: z.string(), product: z.string(), buyerName: z.string(), score: z.number().int() })),
  fairs: z.array(z.object({ initiativeId: z.string(), title: z.string(), deadline: z.string() })),
  /** Buyers met at trade fairs: the SME's own leads, and co-exhibitors' where its stand shares leads (most recent first, at most 5). */
  leads: z.array(
    z.object({
      leadId: z.string(),
      initiativeId: z.string(),
      fairName: z.string(),
      buyerName: z.string(),
      country: z.string(),
      buyerType: z.string(),
      products: z.string(),
      nextStep: z.string(),
      followUpOn: z.string().nullable(),
      own: z.boolean(),
    }),
  ),
});

export const needMatchesResponse = z.object({
  needId: z.string(),
  volumePerMonth: z.number().int(),
  unit: z.string(),
  /** Some ranked SME's capacity covers the volume alone. */
  anyCanSupplyAlone: z.boolean(),
  items: z.array(
    z.object({
      firmId: z.string(),
      name: z.string(),
      link: z.enum(LINKS),
      tier: z.number().int(),
      country: z.string(),
      region: z.string(),
      /** 0..100, the sum of the parts' points. */
      score: z.number().int(),
      /** Capacity is known and below the volume: only a consortium can supply it. */
      needsConsortium: z.boolean(),
      /** For the buyer, the upgrading part shows its points only (the SME's goals are private). */
      parts: z.array(matchPart),
      /** Brokers and admins only; always null for the buyer. */
      dependence: dependenceWarning.nullable(),
      /** Brokers and admins only; always null for the buyer. */
      options: diversificationOptions.nullable(),
    }),
  ),
});

export const myMatchingNeedsResponse = z.object({
  items: z.array(
    z.object({
      needId: z.string(),
      product: z.string(),
      buyerName: z.string(),
      closingDate: isoDate,
      score: z.number().int(),
      needsConsortium: z.boolean(),
      parts: z.array(matchPart),
      /** The reader's own firm's projected dependence if it wins the need. */
      dependence: dependenceWarning,
      options: diversificationOptions,
    }),
  ),
});

/* Consortia */

export const consortiumProposalsResponse = z.object({
  needId: z.string(),
  volumePerMonth: z.number().int(),
  unit: z.string(),
  /** Fewest members first, then best combined score, then least projected dependence. */
  proposals: z.array(
    z.object({
      networkId: z.string(),
      /** Sorted. */
      firmIds: z.array(z.string()),
      combinedCapacity: z.number().int(),
      /** Mean of the members' scores, rounded half up. */
      combinedScore: z.number().int(),
      /** The highest projected top-buyer share among the members if the consortium wins, bp. */
      maxProjectedTopShareBp: z.number().int(),
      members: z.array(z.object({ firmId: z.string(), name: z.string(), capacityPerMonth: z.number().int() })),
    }),
  ),
});

export const createdConsortiumResponse = z.object({
  /** The open joint_selling initiative of the network, linked to the need. */
  initiativeId: z.string(),
  needId: z.string(),
  firmIds: z.array(z.string()),
});

/* Responses and awards */

export const createdNeedResponseResponse = z.object({ id: z.string(), needId: z.string(), status: z.literal("submitted") });
export const responseDecisionResponse = z.object({ id: z.string(), status: z.enum(["shortlisted", "declined", "awarded"]) });
