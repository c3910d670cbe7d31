import { z } from "zod";
import { LINKS } from "../domain/chain-position";
import { SPLIT_RULES } from "../domain/cost-split";
import { INITIATIVE_STATUSES, OBJECTIVES } from "../domain/initiative";
import { logEntry } from "./responses-common";
import { standSummaryView } from "./responses-stands";

/** Shapes of what the initiative, joint-buy and budget endpoints return, for the OpenAPI document. */

const priceBreak = z.object({ minQuantity: z.number().int(), unitPriceMinor: z.number().int() });

const poolLine = z.object({
  quantity: z.number().int(),
  /** What the firm pays at the pooled price. */
  costMinor: z.number().int(),
  aloneUnitPriceMinor: z.number().int(),
  aloneCostMinor: z.number().int(),
  savingMinor: z.number().int(),
});

const jointBuyView = z.object({
  quote: z.object({
    inputName: z.string(),
    specification: z.string(),
    unit: z.string(),
    supplierName: z.string(),
    currency: z.string(),
    minimumQuantity: z.number().int(),
    priceBreaks: z.array(priceBreak),
  }),
  total: z.number().int(),
  participantCount: z.number().int(),
  reached: priceBreak.nullable(),
  next: priceBreak.nullable(),
  neededForNext: z.number().int().nullable(),
  meetsMinimum: z.boolean(),
  neededForMinimum: z.number().int(),
  totalCostMinor: z.number().int(),
  totalSavingMinor: z.number().int(),
  /** Every committed firm's line for brokers (and co-participants when shared); else one's own. */
  lines: z.array(poolLine.extend({ id: z.string(), firmId: z.string(), firmName: z.string() })),
  own: poolLine.extend({ id: z.string() }).nullable(),
  seesAll: z.boolean(),
});

const costSharesView = z.object({
  budgetMinor: z.number().int(),
  currency: z.string(),
  splitRule: z.enum(SPLIT_RULES),
  funding: z.array(
    z.object({
      sponsor: z.string(),
      kind: z.enum(["percent", "fixed"]),
      percentBasisPoints: z.number().int().nullable(),
      /** What the source actually covers, capped by the budget. */
      amountMinor: z.number().int(),
    }),
  ),
  fundedTotal: z.number().int(),
  toSplit: z.number().int(),
  /** Every participant's share for brokers (and co-participants when shared); else one's own. */
  shares: z.array(z.object({ firmId: z.string(), firmName: z.string(), amountMinor: z.number().int() })),
  /** Participants lacking the figure the split rule needs; shares are empty until they give it. */
  missingFigures: z.array(z.object({ firmId: z.string(), firmName: z.string() })),
});

export const messageResponse = z.object({
  id: z.string(),
  authorName: z.string(),
  firmName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

/** A benchmarking club's headline, for the initiative page to link to the club (no submissions). */
const clubSummaryView = z.object({
  periodKind: z.enum(["quarter", "half", "year"]),
  kpiCount: z.number().int(),
  openPeriod: z.object({ id: z.string(), label: z.string(), submissionDue: z.string() }).nullable(),
  nextMeeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), place: z.string() }).nullable(),
});

export const initiativeResponse = z.object({
  initiative: z.object({
    id: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    objective: z.enum(OBJECTIVES),
    title: z.string(),
    description: z.string(),
    /** End of the deadline day, UTC. */
    deadline: z.string(),
    deadlineDate: z.string(),
    status: z.enum(INITIATIVE_STATUSES),
    shareQuantities: z.boolean(),
    tool: z.enum(["joint_buy", "stand", "benchmark_club", "generic"]),
  }),
  form: z.object({
    orientation: z.enum(["horizontal", "vertical"]).nullable(),
    size: z.enum(["bilateral", "multilateral"]).nullable(),
    count: z.number().int(),
    links: z.array(z.enum(LINKS)),
  }),
  participants: z.array(
    z.object({
      firmId: z.string(),
      name: z.string(),
      link: z.enum(LINKS).nullable(),
      tier: z.number().int().nullable(),
      joinedAt: z.string(),
    }),
  ),
  jointBuy: jointBuyView.nullable(),
  budget: costSharesView.nullable(),
  club: clubSummaryView.nullable(),
  /** For a trade-fair stand: its fair, area and the reader's space (the stand page has the rest). */
  stand: standSummaryView.nullable(),
  messages: z.array(messageResponse),
  activity: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actorName: z.string(),
      before: logEntry,
      after: logEntry,
      createdAt: z.string(),
    }),
  ),
  viewer: z.object({ isParticipant: z.boolean(), firmId: z.string().nullable(), seesAll: z.boolean() }),
  permissions: z.object({
    update: z.boolean(),
    transitions: z.array(z.enum(INITIATIVE_STATUSES)),
    join: z.boolean(),
    leave: z.boolean(),
    commit: z.boolean(),
    message: z.boolean(),
    purchaseSummary: z.boolean(),
  }),
});

export const createdInitiativeResponse = z.object({ id: z.string(), status: z.literal("draft") });
export const transitionResponse = z.object({ id: z.string(), status: z.enum(INITIATIVE_STATUSES) });
export const participationResponse = z.object({ initiativeId: z.string(), firmId: z.string() });
export const initiativeIdResponse = z.object({ initiativeId: z.string() });

export const commitmentResponse = z.object({
  initiativeId: z.string(),
  firmId: z.string(),
  quantity: z.number().int(),
  /** The pooled total after this change. */
  total: z.number().int(),
  /** The price break this change newly reached, if any. */
  breakReached: priceBreak.nullable(),
});

export const jointBuyResponse = jointBuyView.extend({ initiativeId: z.string(), status: z.enum(INITIATIVE_STATUSES) });
export const costSharesResponse = costSharesView.extend({ initiativeId: z.string() });

/** The purchase summary as CSV: header lines, one line per visible participant, then TOTAL. */
export const csvResponse = z.string();
