import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Governance } from "../../server/domain/chain-position";
import { user } from "./auth";
import { id } from "./columns";
import { firm } from "./firms";

/**
 * An SME's sales ledger (DOMAIN.md "Dependence on a single buyer"): sales per period (a year
 * "2026" or a quarter "2026-Q3") and customer, a platform buyer or a named outside customer.
 * Confidential: only the firm's members, its networks' brokers and admins read it.
 */
export const salesEntry = pgTable(
  "sales_entry",
  {
    id: id(),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    /** A buyer firm on the platform, or null for an outside customer named below. */
    customerFirmId: text("customer_firm_id").references(() => firm.id, { onDelete: "set null" }),
    customerName: text("customer_name").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    market: text("market").$type<"export" | "domestic">().notNull(),
    channel: text("channel").$type<"direct" | "agent">().notNull(),
    /** For sales through an agent: the agent, against whom the share counts. */
    agentName: text("agent_name"),
    governance: text("governance").$type<Governance>(),
    exclusivity: boolean("exclusivity").notNull().default(false),
    /** Expected sales recorded from an award, so dependence shows before it happens. */
    expected: boolean("expected").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sales_entry_firm_period_idx").on(t.firmId, t.period),
    index("sales_entry_customer_idx").on(t.customerFirmId),
    check("sales_entry_period_format", sql`${t.period} ~ '^[0-9]{4}(-Q[1-4])?$'`),
    check("sales_entry_amount_positive", sql`${t.amountMinor} > 0`),
    check("sales_entry_agent", sql`(${t.channel} = 'agent') = (${t.agentName} is not null)`),
  ],
);

/**
 * Exchange rates an administrator maintains: 1 unit of `currency` = `rate` units of
 * `baseCurrency`, from `validFrom` on. A figure never mixes currencies silently: without a rate
 * the measure reports what is missing.
 */
export const exchangeRate = pgTable(
  "exchange_rate",
  {
    id: id(),
    currency: text("currency").notNull(),
    baseCurrency: text("base_currency").notNull(),
    rate: numeric("rate", { precision: 24, scale: 10 }).notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    setBy: text("set_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exchange_rate_uq").on(t.currency, t.baseCurrency, t.validFrom), check("exchange_rate_positive", sql`${t.rate} > 0`)],
);

/**
 * The dependence level last seen for each SME (latest period), so crossing a threshold upward
 * notifies once per crossing, not on every edit.
 */
export const dependenceState = pgTable("dependence_state", {
  firmId: text("firm_id")
    .primaryKey()
    .references(() => firm.id, { onDelete: "cascade" }),
  level: text("level").$type<"none" | "notable" | "warning" | "critical">().notNull(),
  period: text("period"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
