import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { FirmFunction, Link } from "../../server/domain/chain-position";
import { user } from "./auth";
import { id } from "./columns";
import { firm } from "./firms";
import { initiative } from "./initiatives";
import type { NeedStatus, ResponseStatus } from "../../server/domain/need";

/**
 * A buyer's sourcing need (DOMAIN.md "Sourcing need"): what, how much, to which standards, and
 * how the buyer works with suppliers (what it specifies, support offered, exclusivity).
 */
export const sourcingNeed = pgTable(
  "sourcing_need",
  {
    id: id(),
    buyerFirmId: text("buyer_firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    product: text("product").notNull(),
    description: text("description").notNull().default(""),
    sector: text("sector").notNull(),
    link: text("link").$type<Link>().notNull(),
    functions: text("functions")
      .array()
      .$type<FirmFunction[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    tier: integer("tier").notNull(),
    volume: integer("volume").notNull(),
    volumePeriod: text("volume_period").$type<"month" | "quarter" | "year">().notNull(),
    unit: text("unit").notNull(),
    targetUnitPriceMinor: bigint("target_unit_price_minor", { mode: "number" }),
    currency: text("currency").notNull(),
    /** [{ code, mustHave }] */
    certifications: jsonb("certifications").$type<Array<{ code: string; mustHave: boolean }>>().notNull().default([]),
    deliveryPlace: text("delivery_place").notNull().default(""),
    deliveryCountry: text("delivery_country").notNull(),
    windowStart: date("window_start", { mode: "string" }),
    windowEnd: date("window_end", { mode: "string" }),
    closingDate: date("closing_date", { mode: "string" }).notNull(),
    /** Only "what", or "what and how" (001:141). */
    specifies: text("specifies").$type<"what" | "what_and_how">().notNull(),
    designsJointly: boolean("designs_jointly").notNull().default(false),
    supportOffered: text("support_offered")
      .array()
      .$type<string[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    exclusivity: boolean("exclusivity").notNull().default(false),
    visibility: text("visibility").$type<"all" | "networks">().notNull().default("all"),
    networkIds: text("network_ids")
      .array()
      .$type<string[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text("status").$type<NeedStatus>().notNull().default("draft"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sourcing_need_status_idx").on(t.status),
    index("sourcing_need_buyer_idx").on(t.buyerFirmId),
    check("sourcing_need_volume_positive", sql`${t.volume} > 0`),
    check("sourcing_need_tier_range", sql`${t.tier} between 1 and 4`),
  ],
);

/** An SME's (or a consortium's) interest in a need, with a short offer; the buyer decides. */
export const needResponse = pgTable(
  "need_response",
  {
    id: id(),
    needId: text("need_id")
      .notNull()
      .references(() => sourcingNeed.id, { onDelete: "cascade" }),
    /** The responding SME, or null for a consortium answering through its initiative. */
    firmId: text("firm_id").references(() => firm.id, { onDelete: "cascade" }),
    initiativeId: text("initiative_id").references(() => initiative.id, { onDelete: "cascade" }),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    quantity: integer("quantity").notNull(),
    leadTimeDays: integer("lead_time_days").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").$type<ResponseStatus>().notNull().default("submitted"),
    respondedBy: text("responded_by").references(() => user.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("need_response_firm_uq").on(t.needId, t.firmId),
    uniqueIndex("need_response_initiative_uq").on(t.needId, t.initiativeId),
    check("need_response_who", sql`(${t.firmId} is null) <> (${t.initiativeId} is null)`),
  ],
);

/** A consortium initiative formed to answer a need (the broker's one-step proposal). */
export const needConsortium = pgTable(
  "need_consortium",
  {
    initiativeId: text("initiative_id")
      .primaryKey()
      .references(() => initiative.id, { onDelete: "cascade" }),
    needId: text("need_id")
      .notNull()
      .references(() => sourcingNeed.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("need_consortium_need_idx").on(t.needId)],
);
