import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { firm } from "./firms";
import { initiative } from "./initiatives";
import { network } from "./networks";
import type { PeriodKind } from "../../server/domain/benchmark";
import type { MeetingStatus } from "../../server/domain/meeting";

/**
 * Learning networks (DOMAIN.md "Learning network"): benchmarking clubs, the tool of
 * `learning_network` initiatives. Submitted values are confidential: only the member that
 * submitted and the network's brokers ever read a raw value (server/services/learning).
 */

/**
 * A KPI definition. Shipped ones have `networkId` null and a `key` that names their translated
 * texts; brokers add their own for their network, with their own texts.
 */
export const kpiDefinition = pgTable(
  "kpi_definition",
  {
    id: id(),
    networkId: text("network_id").references(() => network.id, { onDelete: "cascade" }),
    key: text("key"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    unit: text("unit").notNull(),
    direction: text("direction").$type<"higher" | "lower">().notNull(),
    minValue: doublePrecision("min_value").notNull(),
    maxValue: doublePrecision("max_value").notNull(),
    computation: text("computation").notNull().default(""),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("kpi_definition_key_uq").on(t.key),
    index("kpi_definition_network_idx").on(t.networkId),
    check("kpi_definition_range", sql`${t.minValue} < ${t.maxValue}`),
  ],
);

/** The club of one learning-network initiative: how often it reports. */
export const benchmarkClub = pgTable("benchmark_club", {
  initiativeId: text("initiative_id")
    .primaryKey()
    .references(() => initiative.id, { onDelete: "cascade" }),
  periodKind: text("period_kind").$type<PeriodKind>().notNull(),
  updatedAt: updatedAt(),
});

export const benchmarkClubKpi = pgTable(
  "benchmark_club_kpi",
  {
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => benchmarkClub.initiativeId, { onDelete: "cascade" }),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpiDefinition.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("benchmark_club_kpi_uq").on(t.initiativeId, t.kpiId)],
);

/** A reporting period (e.g. 2025-Q3): open for submissions until the broker closes it. */
export const benchmarkPeriod = pgTable(
  "benchmark_period",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => benchmarkClub.initiativeId, { onDelete: "cascade" }),
    /** "2025-Q3", "2025-H2" or "2025". */
    label: text("label").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    submissionDue: date("submission_due", { mode: "string" }).notNull(),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set once the "submission due in 7 days" notice went out. */
    dueNoticeAt: timestamp("due_notice_at", { withTimezone: true }),
    /**
     * Set when the period's statistics were published automatically after its submission due
     * date (claimed by one atomic UPDATE, so several processes publish it once).
     */
    duePublishedAt: timestamp("due_published_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("benchmark_period_uq").on(t.initiativeId, t.label), index("benchmark_period_due_idx").on(t.status, t.submissionDue)],
);

/** One member's value of one KPI in one period. Confidential. */
export const kpiSubmission = pgTable(
  "kpi_submission",
  {
    id: id(),
    periodId: text("period_id")
      .notNull()
      .references(() => benchmarkPeriod.id, { onDelete: "cascade" }),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpiDefinition.id, { onDelete: "restrict" }),
    firmId: text("firm_id")
      .notNull()
      .references(() => firm.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
    submittedBy: text("submitted_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("kpi_submission_uq").on(t.periodId, t.kpiId, t.firmId), index("kpi_submission_firm_idx").on(t.firmId)],
);

/**
 * The frozen statistics of one KPI in one period, as the club's members see them
 * (server/domain/disclosure.ts, ADR 013). Written when a broker publishes the period (or at its
 * due date, or when it is closed) and replaced only when enough new firms contributed since, so
 * the difference between two publications never isolates one firm's value. Quartiles are null
 * below the network's threshold, the tails below ten contributors. `contributorFirmIds` decides
 * the next republication and never leaves the server.
 */
export const benchmarkPublication = pgTable(
  "benchmark_publication",
  {
    id: id(),
    periodId: text("period_id")
      .notNull()
      .references(() => benchmarkPeriod.id, { onDelete: "cascade" }),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpiDefinition.id, { onDelete: "restrict" }),
    n: integer("n").notNull(),
    p25: doublePrecision("p25"),
    median: doublePrecision("median"),
    p75: doublePrecision("p75"),
    p10: doublePrecision("p10"),
    p90: doublePrecision("p90"),
    contributorFirmIds: text("contributor_firm_ids").array().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: text("published_by").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("benchmark_publication_uq").on(t.periodId, t.kpiId),
    check("benchmark_publication_n", sql`${t.n} >= 0`),
    check(
      "benchmark_publication_quartiles",
      sql`(${t.p25} is null) = (${t.median} is null) and (${t.median} is null) = (${t.p75} is null)`,
    ),
    check("benchmark_publication_tails", sql`(${t.p10} is null) = (${t.p90} is null) and (${t.p10} is null or ${t.median} is not null)`),
  ],
);

/** An external reference value (e.g. an international benchmark), shown as a labelled line. */
export const kpiReference = pgTable(
  "kpi_reference",
  {
    id: id(),
    periodId: text("period_id")
      .notNull()
      .references(() => benchmarkPeriod.id, { onDelete: "cascade" }),
    kpiId: text("kpi_id")
      .notNull()
      .references(() => kpiDefinition.id, { onDelete: "restrict" }),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("kpi_reference_period_idx").on(t.periodId, t.kpiId)],
);

/** A club meeting, usually a best-in-class workshop at a member's plant. */
export const clubMeeting = pgTable(
  "club_meeting",
  {
    id: id(),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => benchmarkClub.initiativeId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    hostFirmId: text("host_firm_id").references(() => firm.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    agenda: text("agenda").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    status: text("status").$type<MeetingStatus>().notNull().default("scheduled"),
    /** Set once the reminder went out. */
    reminderNoticeAt: timestamp("reminder_notice_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("club_meeting_initiative_idx").on(t.initiativeId, t.startsAt),
    check("club_meeting_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who comes: one answer per user. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: text("meeting_id")
      .notNull()
      .references(() => clubMeeting.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    firmId: text("firm_id").references(() => firm.id, { onDelete: "set null" }),
    response: text("response").$type<"yes" | "no">().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("meeting_attendance_uq").on(t.meetingId, t.userId)],
);

/** A follow-up action agreed at a meeting. */
export const meetingAction = pgTable(
  "meeting_action",
  {
    id: id(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => clubMeeting.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    ownerFirmId: text("owner_firm_id").references(() => firm.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status").$type<"open" | "done">().notNull().default("open"),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_action_meeting_idx").on(t.meetingId)],
);
