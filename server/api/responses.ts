import { z } from "zod";
import { MEMBERSHIP_STATUSES } from "../domain/membership";
import { FIRM_KINDS, GOVERNANCE, LINKS } from "../domain/chain-position";
import { HHI_LEVELS, LEVELS } from "../domain/dependence";
import { SPLIT_RULES } from "../domain/cost-split";
import { INITIATIVE_STATUSES, OBJECTIVES } from "../domain/initiative";
import { standSummaryView } from "./responses-stands";

/** Shapes of what the API returns, for the OpenAPI document (inputs reuse the form schemas). */
const certification = z.object({
  code: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(["valid", "expiring", "expired"]),
});

export const publicFirmResponse = z.object({
  id: z.string(),
  kind: z.enum(["sme", "buyer", "agency"]),
  name: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  country: z.string(),
  region: z.string(),
  sector: z.string(),
  employees: z.number().int().nullable(),
  link: z.string().nullable(),
  tier: z.number().int().nullable(),
  functions: z.array(z.string()),
  roleLadder: z.string().nullable(),
  buyerType: z.string().nullable(),
  usualGovernance: z.string().nullable(),
  certifications: z.array(certification),
});

export const privateFirmResponse = publicFirmResponse.extend({
  turnover: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
  upgradingGoals: z.array(z.string()),
  capacities: z.array(
    z.object({ product: z.string(), unitsPerMonth: z.number().int(), unit: z.string(), leadTimeDays: z.number().int() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const myFirmResponse = z.object({
  firm: privateFirmResponse,
  members: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      status: z.enum(["active", "pending"]),
      isOwner: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  permissions: z.object({ update: z.boolean(), decideMember: z.boolean() }),
});

export const firmResponse = z.union([
  z.object({ visibility: z.literal("public"), firm: publicFirmResponse }),
  z.object({ visibility: z.literal("private"), firm: privateFirmResponse }),
]);

export const firmPageResponse = z.object({
  items: z.array(publicFirmResponse),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const notificationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      href: z.string().nullable(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  unread: z.number().int(),
});

export const idsResponse = z.object({ ids: z.array(z.string()) });

export const userResponse = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() });
export const userListResponse = z.array(userResponse.extend({ createdAt: z.string() }));

/* Networks and memberships */

const membershipStatus = z.enum(MEMBERSHIP_STATUSES);
const logEntry = z.record(z.string(), z.unknown()).nullable();

const networkSummary = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  region: z.string(),
  description: z.string(),
  currency: z.string(),
  /** Active member firms. */
  members: z.number().int(),
});

export const networkListResponse = z.object({
  brokered: z.array(networkSummary),
  memberships: z.array(networkSummary.extend({ status: membershipStatus })),
  others: z.array(networkSummary),
});

export const createdNetworkResponse = z.object({ id: z.string(), name: z.string() });
export const idResponse = z.object({ id: z.string() });

const networkFirm = z.object({
  firmId: z.string(),
  name: z.string(),
  kind: z.enum(FIRM_KINDS),
  link: z.enum(LINKS).nullable(),
  tier: z.number().int().nullable(),
  region: z.string(),
  country: z.string(),
  status: membershipStatus,
  since: z.string(),
  /** Codes of the firm's certifications that have not expired. */
  certifications: z.array(z.string()),
});

export const networkResponse = z.object({
  network: z.object({
    id: z.string(),
    name: z.string(),
    sector: z.string(),
    region: z.string(),
    description: z.string(),
    currency: z.string(),
    notableShareBp: z.number().int(),
    warningShareBp: z.number().int(),
    criticalShareBp: z.number().int(),
    hhiModerate: z.number().int(),
    hhiHigh: z.number().int(),
    systemicShareBp: z.number().int(),
    /** Firms needed before an aggregate of members' confidential figures is shown (at least 5). */
    disclosureMinContributors: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  brokers: z.array(z.object({ userId: z.string(), name: z.string() })),
  members: z.array(networkFirm),
  /** Brokers only; empty for members. */
  invited: z.array(networkFirm),
  /** Brokers only; empty for members. */
  applications: z.array(networkFirm),
  /** Brokers only: pending invitations by email, with their link token. */
  emailInvitations: z.array(z.object({ id: z.string(), email: z.string(), token: z.string(), expiresAt: z.string() })),
  initiatives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      objective: z.enum(OBJECTIVES),
      status: z.enum(INITIATIVE_STATUSES),
      deadline: z.string(),
      participants: z.number().int(),
    }),
  ),
  activity: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actorName: z.string(),
      initiativeId: z.string().nullable(),
      after: logEntry,
      createdAt: z.string(),
    }),
  ),
  /** The viewer's firm's membership of this network, if any. */
  ownStatus: membershipStatus.nullable(),
  permissions: z.object({
    update: z.boolean(),
    invite: z.boolean(),
    createInitiative: z.boolean(),
    leave: z.boolean(),
    addBroker: z.boolean(),
  }),
});

export const invitationResponse = z.union([
  z.object({ kind: z.literal("firm"), firmId: z.string() }),
  z.object({
    kind: z.literal("email"),
    /** Pass the link on to the invitee: it works once they have signed up with a firm. */
    token: z.string(),
    path: z.string(),
    expiresAt: z.string(),
  }),
]);

/** The firm's membership after accepting, declining, applying or leaving. */
const membership = <S extends z.ZodType>(status: S) => z.object({ networkId: z.string(), status });
export const joinedNetworkResponse = membership(z.literal("active"));
export const declinedInvitationResponse = membership(z.literal("declined"));
/** Active at once when the firm had been invited; otherwise applied, awaiting the brokers. */
export const applicationResponse = membership(z.enum(["active", "applied"]));
export const leftNetworkResponse = membership(z.literal("left"));

export const applicationDecisionResponse = z.object({
  networkId: z.string(),
  firmId: z.string(),
  status: z.enum(["active", "declined"]),
});

export const networkBrokerResponse = z.object({ networkId: z.string(), userId: z.string() });

/* Initiatives */

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

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

/* Sales ledger, dependence and exchange rates (confidential: the firm, its brokers, admins) */

const governance = z.enum(GOVERNANCE);
const period = z.string().describe("A year (2026) or a quarter (2026-Q3)");

const salesEntryView = z.object({
  id: z.string(),
  period,
  /** A buyer firm on Jointly, or null for a named outside customer. */
  customerFirmId: z.string().nullable(),
  customerName: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  market: z.enum(["export", "domestic"]),
  channel: z.enum(["direct", "agent"]),
  agentName: z.string().nullable(),
  governance: governance.nullable(),
  exclusivity: z.boolean(),
  /** Expected sales recorded from an award. */
  expected: z.boolean(),
  createdAt: z.string(),
});

export const salesEntriesResponse = z.object({
  firm: z.object({ id: z.string(), name: z.string() }),
  entries: z.array(salesEntryView),
});

export const addedSalesEntriesResponse = z.object({ firmId: z.string(), added: z.number().int(), ids: z.array(z.string()) });
export const importedSalesResponse = z.object({ firmId: z.string(), imported: z.number().int() });

const dependenceLevel = z.enum(LEVELS);
const hhiLevelEnum = z.enum(HHI_LEVELS);
const direction = z.enum(["rising", "falling", "stable"]);

const thresholdsView = z.object({
  notableShareBp: z.number().int(),
  warningShareBp: z.number().int(),
  criticalShareBp: z.number().int(),
  hhiModerate: z.number().int(),
  hhiHigh: z.number().int(),
  systemicShareBp: z.number().int(),
});

const topBuyer = z.object({
  key: z.string(),
  name: z.string(),
  shareBp: z.number().int(),
  amountMinor: z.number().int(),
  viaAgent: z.boolean(),
});

const measureView = z.object({
  /** In the figures' currency, minor units. */
  totalMinor: z.number().int(),
  buyers: z.number().int(),
  topBuyer: topBuyer.nullable(),
  /** Basis points: 10,000 = 100%. */
  topShareBp: z.number().int(),
  top3ShareBp: z.number().int(),
  /** Sum of squared percentage shares, 0..10,000. */
  hhi: z.number().int(),
  shares: z.array(
    z.object({
      /** The customer's firm id or "name:<customer>", or "agent:<agent>" for sales through an agent. */
      key: z.string(),
      name: z.string(),
      amountMinor: z.number().int(),
      shareBp: z.number().int(),
      viaAgent: z.boolean(),
      /** End customers reached through the agent. */
      endCustomers: z.array(z.string()),
    }),
  ),
});

const periodFigures = z.object({
  period,
  /** Null when a rate is missing: the period then has no figures. */
  measure: measureView.nullable(),
  level: dependenceLevel.nullable(),
  hhiLevel: hhiLevelEnum.nullable(),
  /** Currencies of the period without a rate into the figures' currency. */
  missingRates: z.array(z.string()),
  expectedIncluded: z.boolean(),
});

export const firmDependenceResponse = z.object({
  firm: z.object({ id: z.string(), name: z.string() }),
  /** The currency of the figures: the firm's turnover currency, else its ledger's most used; null with no ledger. */
  currency: z.string().nullable(),
  /** The strictest thresholds of the firm's networks, or the defaults. */
  thresholds: thresholdsView,
  /** Oldest first. */
  periods: z.array(periodFigures),
  latest: periodFigures.extend({ measure: measureView }).nullable(),
  trend: z.object({
    steps: z.array(
      z.object({ from: period, to: period, topShareChangeBp: z.number().int(), hhiChange: z.number().int(), direction }),
    ),
    topShareChangeBp: z.number().int(),
    hhiChange: z.number().int(),
    direction: direction.nullable(),
    hhiDirection: direction.nullable(),
  }),
});

export const networkDependenceResponse = z.object({
  networkId: z.string(),
  /** The network's currency; members' sales are converted into it. */
  currency: z.string(),
  period: period.nullable(),
  periods: z.array(period),
  thresholds: thresholdsView,
  /** The network's disclosure rule: member firms needed before a buyer's combined figures are shown. */
  disclosure: z.object({ minContributors: z.number().int() }),
  /** Members with figures in the period, most at risk first. */
  members: z.array(
    z.object({
      firmId: z.string(),
      name: z.string(),
      topShareBp: z.number().int(),
      top3ShareBp: z.number().int(),
      hhi: z.number().int(),
      buyers: z.number().int(),
      topBuyer: topBuyer.nullable(),
      totalMinor: z.number().int(),
      level: dependenceLevel,
    }),
  ),
  /**
   * Buyers at or over the systemic share of the members' combined sales. The combined amount and
   * share are sums of several firms' figures: null (with `withheld` saying why) when fewer than
   * `disclosure.minContributors` members sell to the buyer or one of them makes up over 85%.
   */
  systemicBuyers: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Members selling to this buyer. */
      contributors: z.number().int(),
      amountMinor: z.number().int().nullable(),
      shareBp: z.number().int().nullable(),
      withheld: z.enum(["too_few", "dominated"]).nullable(),
      viaAgent: z.boolean(),
      /** Each member selling to it, with the buyer's share of that member's sales. */
      members: z.array(z.object({ firmId: z.string(), name: z.string(), amountMinor: z.number().int(), shareBp: z.number().int() })),
    }),
  ),
  /** Members left out because a rate into the network's currency is missing. */
  missingRates: z.array(z.object({ firmId: z.string(), name: z.string(), currencies: z.array(z.string()) })),
});

export const exchangeRateResponse = z.object({
  currency: z.string(),
  baseCurrency: z.string(),
  /** 1 currency = rate baseCurrency, as a decimal string. */
  rate: z.string(),
  validFrom: z.string(),
  setBy: z.string(),
});

export const exchangeRateListResponse = z.object({
  rates: z.array(
    z.object({
      id: z.string(),
      currency: z.string(),
      baseCurrency: z.string(),
      rate: z.string(),
      validFrom: z.string(),
      setByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
