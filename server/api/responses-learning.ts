import { z } from "zod";
import { PERIOD_KINDS } from "../domain/benchmark";
import { REPUBLISH_MIN_NEW } from "../domain/disclosure";
import { INITIATIVE_STATUSES } from "../domain/initiative";

/**
 * Shapes of what the benchmarking-club endpoints return, for the OpenAPI document; each mirrors
 * its service (server/services/learning/*.ts) exactly, so a test can hold a body against it.
 * A member's view never holds another member's value or firm; `raw` is for brokers only.
 */

const isoDate = z.string().describe("YYYY-MM-DD");
const instant = z.string().describe("ISO 8601 date-time, UTC");
const direction = z.enum(["higher", "lower"]);
const periodStatus = z.enum(["open", "closed"]);
const meetingStatus = z.enum(["scheduled", "held", "cancelled"]);

const kpiView = z.object({
  id: z.string(),
  /** Shipped KPIs: the key of their translated texts (kpi.<key>.*); null for a network's own. */
  key: z.string().nullable(),
  shipped: z.boolean(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  direction,
  minValue: z.number(),
  maxValue: z.number(),
  computation: z.string(),
});

export const kpiListResponse = z.object({
  networkId: z.string(),
  kpis: z.array(kpiView),
  permissions: z.object({ create: z.boolean() }),
});

export const createdKpiResponse = z.object({ id: z.string() });
export const createdClubResponse = z.object({ id: z.string(), status: z.literal("draft") });

export const benchmarkClubResponse = z.object({
  club: z.object({
    initiativeId: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(INITIATIVE_STATUSES),
    deadline: instant.describe("End of the day to join by, UTC"),
    deadlineDate: isoDate,
    periodKind: z.enum(PERIOD_KINDS),
    minContributors: z
      .number()
      .int()
      .describe("Other members see statistics only from this many contributing firms (the network's rule, at least 5)"),
    percentileMethod: z.string(),
  }),
  kpis: z.array(kpiView),
  /** Latest first. */
  periods: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      startsOn: isoDate,
      endsOn: isoDate,
      submissionDue: isoDate,
      status: periodStatus,
      openedAt: instant,
      closedAt: instant.nullable(),
      /** The viewer's own firm (club members only): its values by KPI id. */
      mine: z.object({ values: z.record(z.string(), z.number()), submitted: z.number().int(), complete: z.boolean() }).nullable(),
      /** Brokers only: how many member firms reported some or all KPIs. */
      progress: z.object({ firmsReported: z.number().int(), firmsComplete: z.number().int(), members: z.number().int() }).nullable(),
    }),
  ),
  /** The period a broker would open next by default. */
  nextPeriod: z.object({ label: z.string(), startsOn: isoDate, endsOn: isoDate }).nullable(),
  members: z.array(z.object({ firmId: z.string(), name: z.string() })),
  meetings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      hostFirmId: z.string().nullable(),
      hostName: z.string().nullable(),
      startsAt: instant,
      endsAt: instant,
      place: z.string(),
      agenda: z.string(),
      status: meetingStatus,
      /** Minutes, attendance and actions: the club's members, its brokers and administrators (else null). */
      minutes: z.string().nullable(),
      attendance: z.array(z.object({ name: z.string(), firmName: z.string().nullable(), response: z.enum(["yes", "no"]) })).nullable(),
      myResponse: z.enum(["yes", "no"]).nullable(),
      actions: z
        .array(
          z.object({
            id: z.string(),
            description: z.string(),
            ownerFirmId: z.string().nullable(),
            ownerName: z.string().nullable(),
            dueOn: isoDate.nullable(),
            status: z.enum(["open", "done"]),
          }),
        )
        .nullable(),
    }),
  ),
  viewer: z.object({ firmId: z.string().nullable(), isMember: z.boolean() }),
  permissions: z.object({
    manage: z.boolean(),
    submit: z.boolean(),
    readReport: z.boolean(),
    readRaw: z.boolean(),
    attend: z.boolean(),
    join: z.boolean(),
    exportCsv: z.boolean(),
    calendar: z.boolean(),
  }),
});

export const periodResponse = z.object({
  id: z.string(),
  initiativeId: z.string(),
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  submissionDue: isoDate,
  status: periodStatus,
});

export const closedPeriodResponse = z.object({
  id: z.string(),
  initiativeId: z.string(),
  label: z.string(),
  status: z.literal("closed"),
  /** Whether a KPI's publication shows statistics (the members were told the report is ready). */
  reportReady: z.boolean(),
  publication: z
    .lazy(() => publicationResponse.omit({ initiativeId: true, periodId: true, label: true, publishedAt: true }))
    .describe("What closing published"),
});

export const submittedValuesResponse = z.object({
  initiativeId: z.string(),
  periodId: z.string(),
  firmId: z.string(),
  saved: z.number().int(),
  values: z.record(z.string(), z.number()),
});

export const importedKpiResponse = z.object({
  initiativeId: z.string(),
  periodId: z.string(),
  imported: z.number().int(),
  firms: z.number().int(),
});

export const referenceResponse = z.object({
  id: z.string(),
  initiativeId: z.string(),
  periodId: z.string(),
  kpiId: z.string(),
  value: z.number(),
  source: z.string(),
});

const quartiles = z.object({ p25: z.number(), median: z.number(), p75: z.number() });
const tails = z.object({ p10: z.number(), p90: z.number(), spread: z.number().describe("p90 - p10: the length of the tail") });

const published = z
  .object({
    n: z.number().int().describe("Firms that had submitted when the period was published"),
    quartiles: quartiles.nullable().describe("Null below the network's threshold (5 firms at least): only the count is shown"),
    tails: tails.nullable().describe("p10 and p90, only from 10 firms"),
    publishedAt: instant,
  })
  .nullable()
  .describe(
    "The period's frozen publication, the only statistics anyone but the network's brokers sees; null before the first publication. Never a minimum, maximum, best value or mean",
  );

export const publicationResponse = z.object({
  initiativeId: z.string(),
  periodId: z.string(),
  label: z.string(),
  publishedAt: instant,
  first: z.array(z.string()).describe("KPI ids published for the first time"),
  refreshed: z.array(z.string()).describe("KPI ids whose statistics were replaced by the current ones"),
  kept: z.array(z.string()).describe(`KPI ids whose publication stays: fewer than ${REPUBLISH_MIN_NEW} firms are new to it`),
  withFigures: z.array(z.string()).describe("KPI ids whose publication now shows statistics, not only a count"),
});

const reference = z.object({ value: z.number(), source: z.string() });

const seriesTrend = z.object({
  slope: z.number().nullable().describe("Least-squares slope per period"),
  first: z.object({ label: z.string(), value: z.number() }).nullable(),
  last: z.object({ label: z.string(), value: z.number() }).nullable(),
  change: z.number().nullable(),
  points: z.number().int(),
});

export const benchmarkReportResponse = z.object({
  club: z.object({
    initiativeId: z.string(),
    title: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    status: z.enum(INITIATIVE_STATUSES),
    periodKind: z.enum(PERIOD_KINDS),
    minContributors: z.number().int().describe("Statistics are shown from this many firms (the network's rule, at least 5)"),
    tailsFrom: z.number().int().describe("p10 and p90 are shown from this many firms"),
    republishMinNew: z.number().int().describe("A published KPI is refreshed only when this many firms are new to it"),
    percentileMethod: z.object({ key: z.string(), name: z.string(), description: z.string() }),
  }),
  period: z
    .object({
      id: z.string(),
      label: z.string(),
      startsOn: isoDate,
      endsOn: isoDate,
      submissionDue: isoDate,
      status: periodStatus,
      publishedAt: instant.nullable().describe("The period's latest publication; null before the first"),
    })
    .nullable()
    .describe("The period reported on: the one asked for, else the latest; null before the first period"),
  periods: z.array(z.object({ id: z.string(), label: z.string(), status: periodStatus, published: z.boolean() })),
  viewer: z.object({
    access: z
      .enum(["member", "broker", "aggregates"])
      .describe(
        "broker: raw values and the publication state too; member: own values and the published statistics; aggregates: administrators",
      ),
    firmId: z.string().nullable(),
    firmName: z.string().nullable(),
  }),
  kpis: z.array(
    z.object({
      id: z.string(),
      key: z.string().nullable(),
      name: z.string(),
      description: z.string(),
      unit: z.string(),
      direction,
      minValue: z.number(),
      maxValue: z.number(),
      computation: z.string(),
      decimals: z.number().int(),
      submissions: z.number().int().describe("Submissions received so far in the period (live)"),
      published,
      own: z
        .object({
          value: z.number(),
          band: z.number().int().min(1).max(4).nullable().describe("Quartile band against the published quartiles, 1 = best quarter"),
        })
        .nullable()
        .describe("The viewer's own value (members only)"),
      references: z.array(reference),
      raw: z
        .array(z.object({ firmId: z.string(), firmName: z.string(), value: z.number() }))
        .nullable()
        .describe("Every member's value with its firm: the network's brokers only"),
      pending: z
        .object({
          newContributors: z.number().int().describe("Firms that submitted and are not in the publication"),
          outcome: z.enum(["first", "refreshed", "kept"]).describe("What publishing the period now would do to this KPI"),
        })
        .nullable()
        .describe("The network's brokers only"),
      trend: z.object({
        points: z.array(
          z.object({
            periodId: z.string(),
            label: z.string(),
            median: z.number().nullable(),
            p10: z.number().nullable(),
            p90: z.number().nullable(),
            spread: z.number().nullable(),
            own: z.number().nullable(),
            references: z.array(reference),
          }),
        ),
        median: seriesTrend,
        own: seriesTrend,
        spread: seriesTrend,
        medianImproving: z.boolean().nullable(),
        ownImproving: z.boolean().nullable(),
        tailShortening: z.boolean().nullable(),
      }),
    }),
  ),
  permissions: z.object({ submit: z.boolean(), readRaw: z.boolean(), exportCsv: z.boolean(), publish: z.boolean() }),
});

export const scheduledMeetingResponse = z.object({
  id: z.string(),
  initiativeId: z.string(),
  startsAt: instant,
  endsAt: instant,
  status: z.literal("scheduled"),
});
export const updatedMeetingResponse = z.object({ id: z.string(), initiativeId: z.string(), status: meetingStatus });
export const attendanceResponse = z.object({ meetingId: z.string(), initiativeId: z.string(), response: z.enum(["yes", "no"]) });
export const meetingActionResponse = z.object({
  id: z.string(),
  meetingId: z.string(),
  initiativeId: z.string(),
  status: z.enum(["open", "done"]),
});

export const icsResponse = z.string().describe("iCalendar (RFC 5545)");
export const benchmarkCsvResponse = z.string().describe("CSV: period, firm_id, firm, kpi, kpi_name, unit, value, updated_at");
