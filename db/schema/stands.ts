import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { firm } from "./firms";
import { initiative } from "./initiatives";
import type { StandSplitRule } from "../../server/domain/stand-costs";
import type { LeadBuyerType } from "../../server/domain/stand-lead";
import type { SpaceStatus } from "../../server/domain/stand-space";
import type { StandTaskCategory, StandTaskStatus } from "../../server/domain/stand-tasks";

/**
 * Joint trade-fair stands (DOMAIN.md "Joint trade-fair stand"): the tool of `joint_selling`
 * initiatives. Areas are whole square decimetres (1 m2 = 100 dm2) so sums and shares are exact;
 * money is in minor units of the stand's currency.
 */

/** A trade fair; several networks' stands may point at the same fair. */
export const fair = pgTable(
  "fair",
  {
    id: id(),
    name: text("name").notNull(),
    venue: text("venue").notNull().default(""),
    city: text("city").notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    organiser: text("organiser").notNull().default(""),
    website: text("website"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("fair_starts_idx").on(t.startsOn), check("fair_dates", sql`${t.endsOn} >= ${t.startsOn}`)],
);

/**
 * The stand of one initiative. `allocatedDm2` is the area held by requested and confirmed
 * space; the check constraint makes overbooking impossible even if two transactions raced.
 */
export const stand = pgTable(
  "stand",
  {
    initiativeId: text("initiative_id")
      .primaryKey()
      .references(() => initiative.id, { onDelete: "cascade" }),
    fairId: text("fair_id")
      .notNull()
      .references(() => fair.id, { onDelete: "restrict" }),
    areaDm2: integer("area_dm2").notNull(),
    /** Width of the stand's open front, for drawing the plan to scale (null: drawn square). */
    frontageDm: integer("frontage_dm"),
    allocatedDm2: integer("allocated_dm2").notNull().default(0),
    minAreaDm2: integer("min_area_dm2").notNull().default(100),
    totalCostMinor: bigint("total_cost_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    splitRule: text("split_rule").$type<StandSplitRule>().notNull().default("by_area"),
    /** For `fee_plus_area`: what each exhibitor pays before the rest is split by area. */
    fixedFeeMinor: bigint("fixed_fee_minor", { mode: "number" }),
    /** Stand settings the exhibitors agreed: co-exhibitors see each other's costs / leads. */
    shareCosts: boolean("share_costs").notNull().default(false),
    shareLeads: boolean("share_leads").notNull().default(false),
    /** Set once the "fair in 7 days" notice went out. */
    fairNoticeAt: timestamp("fair_notice_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("stand_fair_idx").on(t.fairId),
    check("stand_area_positive", sql`${t.areaDm2} > 0`),
    check("stand_not_overbooked", sql`${t.allocatedDm2} >= 0 and ${t.allocatedDm2} <= ${t.areaDm2}`),
    check("stand_min_area", sql`${t.minAreaDm2} > 0 and ${t.minAreaDm2} <= ${t.areaDm2}`),
    check("stand_cost", sql`${t.totalCostMinor} >= 0`),
  ],
);

/** A sponsor's subsidy: a percent of each eligible share or a fixed amount, optionally capped per firm. */
export const standSubsidy = pgTable(
  "stand_subsidy",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => stand.initiativeId, { onDelete: "cascade" }),
    sponsor: text("sponsor").notNull(),
    kind: text("kind").$type<"percent" | "fixed">().notNull(),
    percentBasisPoints: integer("percent_bp"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    capPerFirmMinor: bigint("cap_per_firm_minor", { mode: "number" }),
    /** Eligibility: firms with at most this many employees (null: every exhibitor). */
    maxEmployees: integer("max_employees"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("stand_subsidy_initiative_idx").on(t.initiativeId),
    check(
      "stand_subsidy_kind",
      sql`(${t.kind} = 'percent' and ${t.percentBasisPoints} between 1 and 10000) or (${t.kind} = 'fixed' and ${t.amountMinor} > 0)`,
    ),
  ],
);

/**
 * One exhibitor's space on a stand. Requested and confirmed space holds `grantedDm2` of the
 * stand's area; waiting requests hold nothing and are served in `queuedAt` order.
 */
export const standSpace = pgTable(
  "stand_space",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => stand.initiativeId, { onDelete: "cascade" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    requestedDm2: integer("requested_dm2").notNull(),
    grantedDm2: integer("granted_dm2").notNull().default(0),
    status: text("status").$type<SpaceStatus>().notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    requestedBy: text("requested_by").references(() => user.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live request per firm and stand; declined and released rows stay as history.
    uniqueIndex("stand_space_active_uq")
      .on(t.initiativeId, t.firmId)
      .where(sql`${t.status} in ('requested', 'confirmed', 'waiting')`),
    index("stand_space_queue_idx").on(t.initiativeId, t.status, t.queuedAt),
    check("stand_space_requested_positive", sql`${t.requestedDm2} > 0`),
    check(
      "stand_space_granted",
      sql`(${t.status} in ('requested', 'confirmed') and ${t.grantedDm2} > 0) or (${t.status} not in ('requested', 'confirmed') and ${t.grantedDm2} = 0)`,
    ),
  ],
);

export const standTask = pgTable(
  "stand_task",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => stand.initiativeId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    category: text("category").$type<StandTaskCategory>().notNull().default("other"),
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").$type<StandTaskStatus>().notNull().default("todo"),
    /** Set once the owner was told the task is due soon. */
    dueNoticeAt: timestamp("due_notice_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("stand_task_initiative_idx").on(t.initiativeId, t.dueOn), index("stand_task_due_idx").on(t.status, t.dueOn)],
);

/** A buyer an exhibitor met at the fair. */
export const standLead = pgTable(
  "stand_lead",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => stand.initiativeId, { onDelete: "cascade" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    buyerName: text("buyer_name").notNull(),
    country: text("country").notNull(),
    buyerType: text("buyer_type").$type<LeadBuyerType>().notNull(),
    products: text("products").notNull().default(""),
    nextStep: text("next_step").notNull().default(""),
    followUpOn: date("follow_up_on", { mode: "string" }),
    contactEmail: text("contact_email"),
    /** Set when the lead was turned into an invitation to the platform. */
    invitationToken: text("invitation_token"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    /** The buyer firm that signed up through the invitation. */
    joinedFirmId: text("joined_firm_id").references(() => firm.id, { onDelete: "set null" }),
    loggedBy: text("logged_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("stand_lead_initiative_idx").on(t.initiativeId, t.firmId), uniqueIndex("stand_lead_invitation_uq").on(t.invitationToken)],
);
