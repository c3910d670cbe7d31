import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { firm } from "./firms";
import type { MembershipStatus } from "../../server/domain/membership";

/**
 * A broker-run group of firms (DOMAIN.md "Network"). The dependence thresholds are settings per
 * network, in basis points of a share (2500 = 25%) and HHI points (0..10,000).
 */
export const network = pgTable(
  "network",
  {
    id: id(),
    name: text("name").notNull(),
    /** ISIC Rev.4 class */
    sector: text("sector").notNull(),
    region: text("region").notNull().default(""),
    description: text("description").notNull().default(""),
    /** ISO 4217: the currency the network's joint actions are priced in by default. */
    currency: text("currency").notNull(),
    notableShareBp: integer("notable_share_bp").notNull().default(1000),
    warningShareBp: integer("warning_share_bp").notNull().default(2500),
    criticalShareBp: integer("critical_share_bp").notNull().default(5000),
    hhiModerate: integer("hhi_moderate").notNull().default(1500),
    hhiHigh: integer("hhi_high").notNull().default(2500),
    systemicShareBp: integer("systemic_share_bp").notNull().default(2000),
    /**
     * Contributors needed before an aggregate of members' confidential figures is shown
     * (server/domain/disclosure.ts): five at least; a network may raise it, never lower it.
     */
    disclosureMinContributors: integer("disclosure_min_contributors").notNull().default(5),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "network_thresholds_ordered",
      sql`0 < ${t.notableShareBp} and ${t.notableShareBp} <= ${t.warningShareBp} and ${t.warningShareBp} <= ${t.criticalShareBp} and ${t.criticalShareBp} <= 10000 and 0 < ${t.hhiModerate} and ${t.hhiModerate} <= ${t.hhiHigh} and ${t.hhiHigh} <= 10000 and 0 < ${t.systemicShareBp} and ${t.systemicShareBp} <= 10000`,
    ),
    check("network_disclosure_floor", sql`${t.disclosureMinContributors} between 5 and 50`),
  ],
);

/** The brokers of a network: its creator and any co-brokers an admin adds. */
export const networkBroker = pgTable(
  "network_broker",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => network.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("network_broker_uq").on(t.networkId, t.userId), index("network_broker_user_idx").on(t.userId)],
);

/**
 * A firm's membership of a network, from invitation or application to leaving. `consentedAt`
 * records when the firm accepted that the network's brokers see its confidential data.
 */
export const networkMember = pgTable(
  "network_member",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => network.id, { onDelete: "cascade" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    status: text("status").$type<MembershipStatus>().notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    consentedBy: text("consented_by").references(() => user.id, { onDelete: "set null" }),
    requestedBy: text("requested_by").references(() => user.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("network_member_uq").on(t.networkId, t.firmId),
    index("network_member_firm_idx").on(t.firmId),
    check("network_member_active_consented", sql`${t.status} <> 'active' or ${t.consentedAt} is not null`),
  ],
);

/** An invitation by email, for a firm not on the platform yet; the link works after sign-up. */
export const networkInvitation = pgTable(
  "network_invitation",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => network.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    token: text("token").notNull().unique(),
    invitedBy: text("invited_by").references(() => user.id, { onDelete: "set null" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByFirm: text("accepted_by_firm").references(() => firm.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("network_invitation_email_idx").on(t.email)],
);
