import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { BuyerType, FirmFunction, FirmKind, Governance, Link, RoleLadder, UpgradingGoal } from "../../server/domain/chain-position";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import type { FirmMemberStatus } from "../../server/domain/membership";

/** A firm (organisation): an SME, a buyer or a support agency (DOMAIN.md "Firm"). */
export const firm = pgTable(
  "firm",
  {
    id: id(),
    kind: text("kind").$type<FirmKind>().notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    website: text("website"),
    /** ISO 3166-1 alpha-2 */
    country: text("country").notNull(),
    region: text("region").notNull().default(""),
    /** ISIC Rev.4 class, four digits */
    sector: text("sector").notNull(),
    employees: integer("employees"),
    /** Annual turnover in integer minor units of `turnoverCurrency` (ISO 4217). */
    turnoverMinor: bigint("turnover_minor", { mode: "number" }),
    turnoverCurrency: text("turnover_currency"),
    // Chain position (SMEs)
    link: text("link").$type<Link>(),
    tier: integer("tier"),
    functions: text("functions")
      .array()
      .$type<FirmFunction[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    roleLadder: text("role_ladder").$type<RoleLadder>(),
    upgradingGoals: text("upgrading_goals")
      .array()
      .$type<UpgradingGoal[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Buyers
    buyerType: text("buyer_type").$type<BuyerType>(),
    usualGovernance: text("usual_governance").$type<Governance>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("firm_kind_idx").on(t.kind),
    index("firm_country_idx").on(t.country),
    index("firm_sector_idx").on(t.sector),
    check("firm_tier_range", sql`${t.tier} is null or ${t.tier} between 1 and 4`),
    check("firm_turnover_currency", sql`(${t.turnoverMinor} is null) = (${t.turnoverCurrency} is null)`),
  ],
);

/** A user's membership of a firm. A user belongs to at most one firm. */
export const firmMember = pgTable(
  "firm_member",
  {
    id: id(),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    status: text("status").$type<FirmMemberStatus>().notNull(),
    /** The firm's first member approves those who ask to join. */
    isOwner: boolean("is_owner").notNull().default(false),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("firm_member_user_uq").on(t.userId), index("firm_member_firm_idx").on(t.firmId)],
);

export const firmCertification = pgTable(
  "firm_certification",
  {
    id: id(),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    /** Code from the certification catalogue (db/reference/certifications.ts). */
    code: text("code").notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
  },
  (t) => [uniqueIndex("firm_certification_uq").on(t.firmId, t.code)],
);

export const firmCapacity = pgTable(
  "firm_capacity",
  {
    id: id(),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    product: text("product").notNull(),
    unitsPerMonth: integer("units_per_month").notNull(),
    unit: text("unit").notNull(),
    leadTimeDays: integer("lead_time_days").notNull(),
  },
  (t) => [
    index("firm_capacity_firm_idx").on(t.firmId),
    check("firm_capacity_positive", sql`${t.unitsPerMonth} > 0 and ${t.leadTimeDays} >= 0`),
  ],
);
