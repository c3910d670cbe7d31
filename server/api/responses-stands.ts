import { z } from "zod";
import { LEAD_BUYER_TYPES } from "../domain/stand-lead";
import { SPACE_STATUSES } from "../domain/stand-space";
import { STAND_SPLIT_RULES } from "../domain/stand-costs";
import { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../domain/stand-tasks";
import { INITIATIVE_STATUSES } from "../domain/initiative";

/**
 * What the stand operations return (issue 5), for the OpenAPI document and the tests'
 * `expectDocumented`. Areas are whole dm² (1 m² = 100 dm²), money minor units of the stand's
 * currency, dates YYYY-MM-DD, instants ISO 8601 UTC.
 */

const isoDate = z.string().describe("YYYY-MM-DD");
const dm2 = z.number().int().describe("Square decimetres (1 m² = 100 dm²)");
const minor = z.number().int().describe("Minor units of the stand's currency");
const holdingStatus = z.enum(["requested", "confirmed"]);

export const fairResponse = z.object({
  id: z.string(),
  name: z.string(),
  venue: z.string(),
  city: z.string(),
  country: z.string().describe("ISO 3166-1 alpha-2"),
  startsOn: isoDate,
  endsOn: isoDate,
  organiser: z.string(),
  website: z.string().nullable(),
});

export const fairListResponse = z.object({ items: z.array(fairResponse) });

export const createdStandResponse = z.object({ id: z.string(), status: z.literal("draft") });
export const updatedStandResponse = z.object({
  id: z.string(),
  /** Firms served from the waiting list because the area grew. */
  served: z.number().int(),
});

/** The initiative page's summary of a stand (null for a joint_selling initiative without one). */
export const standSummaryView = z.object({
  fair: z.object({ id: z.string(), name: z.string(), city: z.string(), country: z.string(), startsOn: isoDate, endsOn: isoDate }),
  areaDm2: dm2,
  allocatedDm2: dm2,
  freeDm2: dm2,
  exhibitorCount: z.number().int(),
  waitingCount: z.number().int(),
  mySpace: z
    .object({
      status: z.enum(["requested", "confirmed", "waiting"]),
      requestedDm2: dm2,
      grantedDm2: dm2,
      position: z.number().int().nullable(),
    })
    .nullable(),
  href: z.string(),
});

const costLine = z.object({
  firmId: z.string(),
  firmName: z.string(),
  areaDm2: dm2,
  grossMinor: minor,
  subsidyMinor: minor,
  netMinor: minor,
  subsidies: z.array(z.object({ subsidyId: z.string(), sponsor: z.string(), amountMinor: minor })),
  eligibleSubsidyIds: z.array(z.string()),
});

const standCostView = z.object({
  currency: z.string(),
  totalCostMinor: minor,
  splitRule: z.enum(STAND_SPLIT_RULES),
  fixedFeeMinor: minor.nullable(),
  /** Firms holding space (requested or confirmed), over whom the total is split. */
  exhibitorCount: z.number().int(),
  /**
   * The stand's totals. For a reader who sees only its own line (seesAll false) they pass the
   * network's disclosure rule: at least `totalsFromExhibitors` firms hold space and no firm makes
   * up more than 85% of a total or of what is left of it after the reader's own line; else null.
   */
  totals: z.object({ grossMinor: minor, subsidyMinor: minor, netMinor: minor }).nullable(),
  /** Why `totals` is null: too few exhibitors, or one firm's share too large; null when shown. */
  totalsWithheld: z.enum(["too_few", "dominated"]).nullable(),
  /** What each subsidy pays and for how many firms: null unless the reader sees every line (it tells who qualified). */
  bySubsidy: z
    .array(
      z.object({ subsidyId: z.string(), sponsor: z.string(), amountMinor: minor, unusedMinor: minor, eligibleCount: z.number().int() }),
    )
    .nullable(),
  /** Firms that must hold space before a reader who sees only its own line gets the totals. */
  totalsFromExhibitors: z.number().int(),
  /** For fee_plus_area: the fees charged, the rest split by area, or the equal split when n × fee exceeds the total. */
  feeCoverage: z
    .object({ feeMinor: minor, feesTotalMinor: minor, restByAreaMinor: minor, fallback: z.literal("equal").nullable() })
    .nullable(),
  /** The whole total while nobody holds space; otherwise 0. */
  uncoveredMinor: minor,
  /** Every exhibitor's line is shown (brokers; exhibitors when the stand shares costs). */
  seesAll: z.boolean(),
  /** The reader's own line, when its firm holds space. */
  own: costLine.nullable(),
  lines: z.array(costLine),
});

export const standCostsResponse = standCostView.extend({ initiativeId: z.string(), status: z.enum(INITIATIVE_STATUSES) });

const planRect = z.object({
  id: z.string().nullable().describe("The space's id; null for the free area"),
  label: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  areaDm2: dm2,
});

export const standResponse = z.object({
  initiative: z.object({
    id: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(INITIATIVE_STATUSES),
    /** The booking deadline: end of that day, UTC. */
    deadline: z.string(),
    deadlineDate: isoDate,
    /** Open and before the booking deadline: members may request, change and release space. */
    bookingOpen: z.boolean(),
  }),
  fair: fairResponse,
  stand: z.object({
    areaDm2: dm2,
    frontageDm: z.number().int().nullable().describe("Decimetres"),
    minAreaDm2: dm2,
    allocatedDm2: dm2,
    freeDm2: dm2,
    totalCostMinor: minor,
    currency: z.string(),
    splitRule: z.enum(STAND_SPLIT_RULES),
    fixedFeeMinor: minor.nullable(),
    shareCosts: z.boolean(),
    shareLeads: z.boolean(),
  }),
  subsidies: z.array(
    z.object({
      id: z.string(),
      sponsor: z.string(),
      kind: z.enum(["percent", "fixed"]),
      percentBasisPoints: z.number().int().nullable(),
      amountMinor: minor.nullable(),
      capPerFirmMinor: minor.nullable(),
      maxEmployees: z.number().int().nullable(),
    }),
  ),
  /** Shared with everyone who may read the stand: the exhibitors' names and areas. */
  plan: z.object({
    areaDm2: dm2,
    frontageDm: z.number().int().nullable(),
    freeDm2: dm2,
    spaces: z.array(
      z.object({ spaceId: z.string(), firmId: z.string(), label: z.string(), areaDm2: dm2, status: holdingStatus, own: z.boolean() }),
    ),
    layout: z.object({ widthDm: z.number(), depthDm: z.number(), rects: z.array(planRect) }),
  }),
  mySpace: z
    .object({
      spaceId: z.string(),
      status: z.enum(["requested", "confirmed", "waiting"]),
      requestedDm2: dm2,
      grantedDm2: dm2,
      /** Place on the waiting list (1 = next), null when holding space. */
      position: z.number().int().nullable(),
    })
    .nullable(),
  /** Brokers see the whole list; a member only its own entry. */
  waitingList: z.array(
    z.object({
      spaceId: z.string(),
      firmId: z.string(),
      firmName: z.string(),
      requestedDm2: dm2,
      position: z.number().int(),
      queuedAt: z.string(),
    }),
  ),
  waitingCount: z.number().int(),
  costs: standCostView,
  /** The network's brokers and the participants; null for others. */
  tasks: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        category: z.enum(STAND_TASK_CATEGORIES),
        ownerUserId: z.string().nullable(),
        ownerName: z.string().nullable(),
        dueOn: isoDate,
        status: z.enum(STAND_TASK_STATUSES),
        overdue: z.boolean(),
      }),
    )
    .nullable(),
  /** Who may own a task (for the task form); empty when the reader cannot add tasks. */
  taskOwners: z.array(z.object({ userId: z.string(), name: z.string(), firmName: z.string().nullable() })),
  /** Brokers all; an exhibitor its own, and all when the stand shares leads; null for others. */
  leads: z
    .array(
      z.object({
        id: z.string(),
        firmId: z.string(),
        firmName: z.string(),
        own: z.boolean(),
        buyerName: z.string(),
        country: z.string(),
        buyerType: z.enum(LEAD_BUYER_TYPES),
        products: z.string(),
        nextStep: z.string(),
        followUpOn: isoDate.nullable(),
        /** Only for the exhibitor that logged the lead and the brokers. */
        contactEmail: z.string().nullable(),
        invitedAt: z.string().nullable(),
        /** The sign-up link of the invitation, for the exhibitor that logged the lead and the brokers. */
        invitationPath: z.string().nullable(),
        joined: z.boolean(),
        canInvite: z.boolean(),
        createdAt: z.string(),
      }),
    )
    .nullable(),
  viewer: z.object({
    firmId: z.string().nullable(),
    isBroker: z.boolean(),
    isMember: z.boolean(),
    isParticipant: z.boolean(),
    isExhibitor: z.boolean(),
    seesAllCosts: z.boolean(),
    seesAllLeads: z.boolean(),
    seesTasks: z.boolean(),
  }),
  permissions: z.object({
    canRequest: z.boolean(),
    canRelease: z.boolean(),
    canDecide: z.boolean(),
    canManage: z.boolean(),
    canAddTask: z.boolean(),
    canUpdateTasks: z.boolean(),
    canAddLead: z.boolean(),
    canSeeAllCosts: z.boolean(),
    canSeeAllLeads: z.boolean(),
    canExportCalendar: z.boolean(),
  }),
});

export const spaceRequestResponse = z.object({
  initiativeId: z.string(),
  spaceId: z.string(),
  firmId: z.string(),
  status: z.enum(SPACE_STATUSES),
  requestedDm2: dm2,
  grantedDm2: dm2,
  /** Place on the waiting list (1 = next), or null when the area is held. */
  position: z.number().int().nullable(),
  holds: z.boolean(),
  /** Firms served from the waiting list by area this change freed. */
  served: z.number().int(),
});

export const spaceDecisionResponse = z.object({
  initiativeId: z.string(),
  spaceId: z.string(),
  firmId: z.string(),
  status: z.enum(["confirmed", "declined"]),
  grantedDm2: dm2,
  served: z.array(z.object({ spaceId: z.string(), firmId: z.string(), grantedDm2: dm2 })),
});

export const spaceReleaseResponse = z.object({
  initiativeId: z.string(),
  spaceId: z.string(),
  firmId: z.string(),
  status: z.literal("released"),
  served: z.number().int(),
});

export const standTaskResponse = z.object({ initiativeId: z.string(), taskId: z.string(), status: z.enum(STAND_TASK_STATUSES) });
export const standLeadResponse = z.object({ initiativeId: z.string(), leadId: z.string() });
export const leadInvitationResponse = z.object({
  initiativeId: z.string(),
  leadId: z.string(),
  token: z.string(),
  /** Send the buyer this page of the platform: it prefills a buyer account. */
  signUpPath: z.string(),
  invitedAt: z.string(),
});

/** RFC 5545 text. */
export const icsResponse = z.string();
