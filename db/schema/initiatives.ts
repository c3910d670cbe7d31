import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { InitiativeStatus, Objective } from "../../server/domain/initiative";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { firm } from "./firms";
import { network } from "./networks";
import type { SplitRule } from "../../server/domain/cost-split";

/**
 * A joint action inside a network (DOMAIN.md "Initiative"), one model for the seven objectives.
 * Kind-specific tools hang off it in their own tables (joint_buy, and the generic budget).
 */
export const initiative = pgTable(
  "initiative",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => network.id, { onDelete: "cascade" }),
    objective: text("objective").$type<Objective>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    status: text("status").$type<InitiativeStatus>().notNull().default("draft"),
    /** Whether co-participants see each other's quantities, or only the totals. */
    shareQuantities: boolean("share_quantities").notNull().default(false),
    /** Set once the "deadline within 48 hours" notice went out, so it goes out once. */
    deadlineNoticeAt: timestamp("deadline_notice_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("initiative_network_idx").on(t.networkId), index("initiative_status_deadline_idx").on(t.status, t.deadline)],
);

export const initiativeParticipant = pgTable(
  "initiative_participant",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiative.id, { onDelete: "cascade" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    /** Weight for the "custom" split rule of the generic tool. */
    customWeight: integer("custom_weight"),
    joinedBy: text("joined_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("initiative_participant_uq").on(t.initiativeId, t.firmId), index("initiative_participant_firm_idx").on(t.firmId)],
);

/**
 * Append-only log of every change in a network and its initiatives: who, what, when, before and
 * after. A trigger in the migrations refuses UPDATE and DELETE.
 */
export const activity = pgTable(
  "activity",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => network.id, { onDelete: "cascade" }),
    initiativeId: text("initiative_id").references(() => initiative.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => user.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    firmId: text("firm_id").references(() => firm.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [index("activity_network_idx").on(t.networkId, t.createdAt), index("activity_initiative_idx").on(t.initiativeId, t.createdAt)],
);

export const initiativeMessage = pgTable(
  "initiative_message",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiative.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => user.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    firmName: text("firm_name"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("initiative_message_idx").on(t.initiativeId, t.createdAt)],
);

/** The generic tool of objectives without a dedicated one: budget, funding and split rule. */
export const initiativeBudget = pgTable("initiative_budget", {
  initiativeId: text("initiative_id")
    .primaryKey()
    .references(() => initiative.id, { onDelete: "cascade" }),
  budgetMinor: bigint("budget_minor", { mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  splitRule: text("split_rule").$type<SplitRule>().notNull().default("equal"),
  updatedAt: updatedAt(),
});

export const fundingSource = pgTable(
  "funding_source",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiative.id, { onDelete: "cascade" }),
    sponsor: text("sponsor").notNull(),
    kind: text("kind").$type<"percent" | "fixed">().notNull(),
    percentBasisPoints: integer("percent_bp"),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("funding_source_initiative_idx").on(t.initiativeId),
    check(
      "funding_source_kind",
      sql`(${t.kind} = 'percent' and ${t.percentBasisPoints} between 1 and 10000) or (${t.kind} = 'fixed' and ${t.amountMinor} > 0)`,
    ),
  ],
);

/** Joint buying (DOMAIN.md): one input, a supplier quote with price breaks, a minimum to proceed. */
export const jointBuy = pgTable("joint_buy", {
  initiativeId: text("initiative_id")
    .primaryKey()
    .references(() => initiative.id, { onDelete: "cascade" }),
  inputName: text("input_name").notNull(),
  specification: text("specification").notNull().default(""),
  unit: text("unit").notNull(),
  supplierName: text("supplier_name").notNull(),
  currency: text("currency").notNull(),
  /** [{ minQuantity, unitPriceMinor }] ascending by quantity. */
  priceBreaks: jsonb("price_breaks").$type<Array<{ minQuantity: number; unitPriceMinor: number }>>().notNull(),
  minimumQuantity: integer("minimum_quantity").notNull(),
  updatedAt: updatedAt(),
});

export const jointBuyCommitment = pgTable(
  "joint_buy_commitment",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => jointBuy.initiativeId, { onDelete: "cascade" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("joint_buy_commitment_uq").on(t.initiativeId, t.firmId),
    check("joint_buy_commitment_positive", sql`${t.quantity} > 0`),
  ],
);
