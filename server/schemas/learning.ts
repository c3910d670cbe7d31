import { z } from "zod";
import { PERIOD_KINDS } from "../domain/benchmark";
import { MEETING_STATUSES } from "../domain/meeting";
import { initiativeFieldsSchema } from "./initiative";
import { calendarDateSchema, dateTimeSchema } from "./dates";

/**
 * Inputs of benchmarking clubs (learning networks), shared by the forms, the services and the
 * API. Numbers may arrive as JSON numbers or as form text ("12,5" or "12.5").
 */

const uuid = (message: string) => z.uuid(message);
const isoDate = calendarDateSchema;

/** A finite number, from a JSON number or form text with a decimal point or comma. */
export const decimalNumber = z.preprocess(
  (value, ctx) => {
    if (typeof value !== "string") return value;
    const text = value.trim().replace(/\s/g, "");
    if (text === "") return undefined;
    if (/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return Number(text.replace(",", "."));
    // Text that is no number, keyed so the forms say so in the reader's language.
    ctx.addIssue({ code: "custom", message: "Must be a number", params: { key: "number" } });
    return z.NEVER;
  },
  z.number({ error: (issue) => (issue.input === undefined ? "Required" : "Must be a number") }),
);

/** A value of a KPI in a form: empty means "not given". */
const optionalDecimal = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  decimalNumber.optional(),
);

const kpiDirectionSchema = z.enum(["higher", "lower"]);

export const networkKpisSchema = z.object({ networkId: uuid("Not a network id") });

/** A network's own KPI, as the form and the API body give it (without the network of the path). */
const kpiFields = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(80),
  description: z.string().trim().max(1000).default(""),
  unit: z.string().trim().min(1, "Required").max(30),
  direction: kpiDirectionSchema,
  minValue: decimalNumber,
  maxValue: decimalNumber,
  computation: z.string().trim().max(1000).default(""),
});

function rangeOrdered(kpi: { minValue: number; maxValue: number }, ctx: z.RefinementCtx) {
  if (kpi.minValue >= kpi.maxValue) {
    ctx.addIssue({
      code: "custom",
      path: ["maxValue"],
      message: "The maximum must be above the minimum",
      params: { key: "kpi_range_order" },
    });
  }
}

export const kpiBodySchema = kpiFields.superRefine(rangeOrdered);
export const createKpiSchema = kpiFields.extend({ networkId: uuid("Not a network id") }).superRefine(rangeOrdered);

export const createBenchmarkClubSchema = initiativeFieldsSchema.omit({ shareQuantities: true }).extend({
  networkId: uuid("Not a network id"),
  periodKind: z.enum(PERIOD_KINDS),
  /** Shipped KPIs or the network's own; a form sends one field per ticked box. */
  kpiIds: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(uuid("Choose a KPI")).min(1, "Choose at least one KPI").max(20, "At most 20 KPIs"),
  ),
});

export const clubIdSchema = z.object({ initiativeId: uuid("Not an initiative id") });
export const periodIdSchema = z.object({ initiativeId: uuid("Not an initiative id"), periodId: uuid("Not a period id") });

export const openPeriodSchema = z.object({
  initiativeId: uuid("Not an initiative id"),
  /** "2026-Q3", "2026-H2" or "2026"; by default the period after the club's latest one. */
  label: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().toUpperCase().max(10).optional(),
  ),
  /** By default a month after the period ends (server/domain/benchmark submissionDue). */
  submissionDue: z.preprocess((value) => (value === "" ? undefined : value), isoDate.optional()),
});

/** A member's values, KPI id -> value; empty fields are left as they are. */
export const submitValuesSchema = periodIdSchema.extend({
  values: z.record(z.string(), optionalDecimal),
});

export const importKpiCsvSchema = periodIdSchema.extend({
  csv: z.string().min(1, "The file is empty").max(2_000_000, "At most 2 MB"),
});

export const setReferenceSchema = periodIdSchema.extend({
  kpiId: uuid("Choose a KPI"),
  value: decimalNumber,
  /** Where the value comes from, shown beside its line: "International benchmark (2024)". */
  source: z.string().trim().min(2, "At least 2 characters").max(160),
});

export const reportSchema = z.object({
  initiativeId: uuid("Not an initiative id"),
  /** By default the club's latest period. */
  periodId: z.preprocess((value) => (value === "" ? undefined : value), uuid("Not a period id").optional()),
});

/**
 * A date and time: ISO 8601 with an offset ("2027-03-04T09:00:00+02:00") or, as a form's
 * datetime-local field sends it, a local time ("2027-03-04T09:00") read in `timeZone`.
 */
const dateTime = dateTimeSchema;
const timeZone = z
  .string()
  .trim()
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "Unknown time zone", params: { key: "time_zone" } },
  );

const meetingFields = {
  title: z.string().trim().min(3, "At least 3 characters").max(160),
  /** The member firm whose plant hosts the meeting. */
  hostFirmId: z.preprocess((value) => (value === "" ? null : value), uuid("Choose a member firm").nullable()),
  startsAt: dateTime,
  endsAt: dateTime,
  place: z.string().trim().min(2, "At least 2 characters").max(300),
  agenda: z.string().trim().max(8000),
  /** How to read local times without an offset (IANA name); UTC by default. */
  timeZone: timeZone.default("UTC"),
};

export const scheduleMeetingSchema = z.object({
  initiativeId: uuid("Not an initiative id"),
  ...meetingFields,
  hostFirmId: meetingFields.hostFirmId.default(null),
  agenda: meetingFields.agenda.default(""),
});

/** Only the fields given change. */
export const updateMeetingSchema = z.object({
  initiativeId: uuid("Not an initiative id"),
  meetingId: uuid("Not a meeting id"),
  title: meetingFields.title.optional(),
  hostFirmId: meetingFields.hostFirmId.optional(),
  startsAt: dateTime.optional(),
  endsAt: dateTime.optional(),
  place: meetingFields.place.optional(),
  agenda: meetingFields.agenda.optional(),
  minutes: z.string().trim().max(20_000).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  timeZone: timeZone.default("UTC"),
});

export const meetingIdSchema = z.object({ initiativeId: uuid("Not an initiative id"), meetingId: uuid("Not a meeting id") });

export const respondToMeetingSchema = meetingIdSchema.extend({ response: z.enum(["yes", "no"]) });

const optionalFirm = z.preprocess((value) => (value === "" ? null : value), uuid("Choose a member firm").nullable());
const optionalDate = z.preprocess((value) => (value === "" ? null : value), isoDate.nullable());

export const addMeetingActionSchema = meetingIdSchema.extend({
  description: z.string().trim().min(3, "At least 3 characters").max(1000),
  ownerFirmId: optionalFirm.default(null),
  dueOn: optionalDate.default(null),
});

export const updateMeetingActionSchema = z.object({
  initiativeId: uuid("Not an initiative id"),
  actionId: uuid("Not an action id"),
  description: z.string().trim().min(3, "At least 3 characters").max(1000).optional(),
  ownerFirmId: optionalFirm.optional(),
  dueOn: optionalDate.optional(),
  status: z.enum(["open", "done"]).optional(),
});
