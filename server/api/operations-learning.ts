import { z } from "zod";
import {
  addMeetingActionSchema,
  clubIdSchema,
  createBenchmarkClubSchema,
  kpiBodySchema,
  importKpiCsvSchema,
  meetingIdSchema,
  networkKpisSchema,
  openPeriodSchema,
  periodIdSchema,
  reportSchema,
  respondToMeetingSchema,
  scheduleMeetingSchema,
  setReferenceSchema,
  submitValuesSchema,
  updateMeetingActionSchema,
  updateMeetingSchema,
} from "../schemas/learning";
import { REPUBLISH_MIN_NEW } from "../domain/disclosure";
import type { Operation } from "./operations";
import {
  attendanceResponse,
  benchmarkClubResponse,
  benchmarkCsvResponse,
  benchmarkReportResponse,
  closedPeriodResponse,
  createdClubResponse,
  createdKpiResponse,
  icsResponse,
  importedKpiResponse,
  kpiListResponse,
  meetingActionResponse,
  periodResponse,
  publicationResponse,
  referenceResponse,
  scheduledMeetingResponse,
  submittedValuesResponse,
  updatedMeetingResponse,
} from "./responses-learning";

/**
 * The service's input: the JSON body (or query) with the path parameters on top, so a body
 * cannot name another club, period or meeting than the path. Services parse it themselves.
 */
function withParams(fields: unknown, params: Record<string, string>): Record<string, unknown> {
  const own = fields !== null && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  return { ...own, ...params };
}

const networkPath = networkKpisSchema;
const clubPath = clubIdSchema;
const periodPath = periodIdSchema;
const meetingPath = meetingIdSchema;
const actionPath = z.object({ initiativeId: z.uuid("Not an initiative id"), actionId: z.uuid("Not an action id") });

/** Private downloads: never cached by a shared cache. */
function download(contentType: string, key: "csv" | "ics") {
  return (res: import("express").Response, result: unknown) => {
    const body = result as { filename: string } & Record<"csv" | "ics", string>;
    res.attachment(body.filename);
    res.set("Cache-Control", "private, no-store");
    res.type(contentType).send(body[key]);
  };
}

/**
 * Learning networks: KPIs, benchmarking clubs, reporting periods, confidential submissions, the
 * benchmark report and the club's meetings (see server/services/learning). A member never
 * receives another member's value or firm, nor any statistic but the period's frozen
 * publication under the disclosure rule (ADR 013).
 */
export const learningOperations: Operation[] = [
  {
    operationId: "listKpis",
    method: "get",
    path: "/networks/{networkId}/kpis",
    summary: "The KPIs a club of the network may use: the shipped catalogue and the network's own (readers of the network)",
    tag: "learning",
    params: networkPath,
    response: kpiListResponse,
    run: ({ services, actor, params }) => services.learning.listKpis(actor, params),
  },
  {
    operationId: "createKpi",
    method: "post",
    path: "/networks/{networkId}/kpis",
    summary: "Add a KPI of the network's own: name, description, unit, direction, valid range (min < max) and how to compute it (the network's brokers)",
    tag: "learning",
    params: networkPath,
    body: kpiBodySchema,
    response: createdKpiResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.createKpi(actor, withParams(body, params)),
  },
  {
    operationId: "createBenchmarkClub",
    method: "post",
    path: "/networks/{networkId}/benchmark-clubs",
    summary: "Start a benchmarking club: a learning_network initiative (draft) with its reporting period kind and KPIs; members join the initiative (the network's brokers)",
    tag: "learning",
    params: networkPath,
    body: createBenchmarkClubSchema.omit({ networkId: true }),
    response: createdClubResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.createBenchmarkClub(actor, withParams(body, params)),
  },
  {
    operationId: "getBenchmarkClub",
    method: "get",
    path: "/initiatives/{initiativeId}/club",
    summary: "A club: KPIs, periods with due dates (a member's own values; brokers' progress counts), members, meetings and what you may do",
    tag: "learning",
    params: clubPath,
    response: benchmarkClubResponse,
    run: ({ services, actor, params }) => services.learning.getBenchmarkClub(actor, params),
  },
  {
    operationId: "openBenchmarkPeriod",
    method: "post",
    path: "/initiatives/{initiativeId}/club/periods",
    summary: "Open a reporting period for submissions: a label of the club's kind or the next one, with a due date (a month after it ends by default); members are told (the network's brokers)",
    tag: "learning",
    params: clubPath,
    body: openPeriodSchema.omit({ initiativeId: true }),
    conflict: "The period exists already, or the club is not running",
    response: periodResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.openBenchmarkPeriod(actor, withParams(body, params)),
  },
  {
    operationId: "closeBenchmarkPeriod",
    method: "post",
    path: "/initiatives/{initiativeId}/club/periods/{periodId}/close",
    summary:
      "Close a period: no more submissions or corrections; the period is published with it (as publishBenchmarkPeriod) and members hear the report is ready when a KPI's publication shows statistics (the network's brokers)",
    tag: "learning",
    params: periodPath,
    conflict: "The period is closed already",
    response: closedPeriodResponse,
    run: ({ services, actor, params }) => services.learning.closeBenchmarkPeriod(actor, params),
  },
  {
    operationId: "publishBenchmarkPeriod",
    method: "post",
    path: "/initiatives/{initiativeId}/club/periods/{periodId}/publish",
    summary:
      "Publish a period's statistics to the club: the first publication freezes each KPI's count, quartiles (from the network's threshold, 5 firms at least) and p10/p90 (from 10); " +
      `publishing again refreshes a KPI only when at least ${REPUBLISH_MIN_NEW} firms are new to its publication, else keeps it, and the answer lists which (the network's brokers). ` +
      "Also done after the submission due date and when the period is closed",
    tag: "learning",
    params: periodPath,
    response: publicationResponse,
    run: ({ services, actor, params }) => services.learning.publishBenchmarkPeriod(actor, params),
  },
  {
    operationId: "submitKpiValues",
    method: "put",
    path: "/initiatives/{initiativeId}/club/periods/{periodId}/values",
    summary:
      "Submit or correct your firm's values of an open period, KPI id -> value, each within the KPI's range; all or nothing, errors as values.<kpiId> (the club's member firms)",
    tag: "learning",
    params: periodPath,
    body: submitValuesSchema.omit({ initiativeId: true, periodId: true }),
    conflict: "The period is closed, or the club is not running",
    response: submittedValuesResponse,
    run: ({ services, actor, params, body }) => services.learning.submitKpiValues(actor, withParams(body, params)),
  },
  {
    operationId: "importKpiCsv",
    method: "post",
    path: "/initiatives/{initiativeId}/club/periods/{periodId}/import",
    summary:
      "Import an open period's values from CSV (columns firm or firm_id, kpi, value; optional period), all or nothing; errors per file line as rows.<line>.<column> (the network's brokers)",
    tag: "learning",
    params: periodPath,
    body: importKpiCsvSchema.omit({ initiativeId: true, periodId: true }),
    conflict: "The period is closed, or the club is not running",
    response: importedKpiResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.importKpiCsv(actor, withParams(body, params)),
  },
  {
    operationId: "setKpiReference",
    method: "put",
    path: "/initiatives/{initiativeId}/club/periods/{periodId}/references",
    summary: "Set an external reference value of a KPI in a period with its source, e.g. \"International benchmark (2024)\"; the same source again replaces it (the network's brokers)",
    tag: "learning",
    params: periodPath,
    body: setReferenceSchema.omit({ initiativeId: true, periodId: true }),
    response: referenceResponse,
    run: ({ services, actor, params, body }) => services.learning.setKpiReference(actor, withParams(body, params)),
  },
  {
    operationId: "getBenchmarkReport",
    method: "get",
    path: "/initiatives/{initiativeId}/club/report",
    summary:
      "The benchmark report of a period (the latest by default) and the trend: aggregates only from 3 submissions, a member's own values and position; raw values with firms for the network's brokers only",
    tag: "learning",
    params: clubPath,
    query: reportSchema.omit({ initiativeId: true }),
    response: benchmarkReportResponse,
    run: ({ services, actor, params, query }) => services.learning.getBenchmarkReport(actor, withParams(query, params)),
  },
  {
    operationId: "exportBenchmarkCsv",
    method: "get",
    path: "/initiatives/{initiativeId}/club/values.csv",
    summary: "Every raw value per firm, KPI and period (one period with periodId), as CSV that imports back (the network's brokers)",
    tag: "learning",
    params: clubPath,
    query: reportSchema.omit({ initiativeId: true }),
    response: benchmarkCsvResponse,
    mediaType: "text/csv",
    responseHeaders: { "Content-Disposition": "attachment; filename=<club>-values.csv" },
    respond: download("text/csv; charset=utf-8", "csv"),
    run: ({ services, actor, params, query }) => services.learning.exportBenchmarkCsv(actor, withParams(query, params)),
  },
  {
    operationId: "scheduleMeeting",
    method: "post",
    path: "/initiatives/{initiativeId}/club/meetings",
    summary:
      "Schedule a club meeting hosted by a member firm: title, start and end (with an offset, or local times in timeZone), place and agenda; members are told (the network's brokers)",
    tag: "learning",
    params: clubPath,
    body: scheduleMeetingSchema.omit({ initiativeId: true }),
    conflict: "The club is not running",
    response: scheduledMeetingResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.scheduleMeeting(actor, withParams(body, params)),
  },
  {
    operationId: "updateMeeting",
    method: "put",
    path: "/initiatives/{initiativeId}/club/meetings/{meetingId}",
    summary: "Edit a meeting (only the fields given), write its minutes, mark it held (once started) or cancelled (the network's brokers)",
    tag: "learning",
    params: meetingPath,
    body: updateMeetingSchema.omit({ initiativeId: true, meetingId: true }),
    conflict: "A held or cancelled meeting keeps its details and status",
    response: updatedMeetingResponse,
    run: ({ services, actor, params, body }) => services.learning.updateMeeting(actor, withParams(body, params)),
  },
  {
    operationId: "respondToMeeting",
    method: "put",
    path: "/initiatives/{initiativeId}/club/meetings/{meetingId}/attendance",
    summary: "Say whether you come to a scheduled meeting (the club's members and brokers); the answer can change until it starts",
    tag: "learning",
    params: meetingPath,
    body: respondToMeetingSchema.omit({ initiativeId: true, meetingId: true }),
    conflict: "The meeting has started, was held or was cancelled",
    response: attendanceResponse,
    run: ({ services, actor, params, body }) => services.learning.respondToMeeting(actor, withParams(body, params)),
  },
  {
    operationId: "addMeetingAction",
    method: "post",
    path: "/initiatives/{initiativeId}/club/meetings/{meetingId}/actions",
    summary: "Record a follow-up action of a meeting: description, owner (a member firm), due date (the network's brokers)",
    tag: "learning",
    params: meetingPath,
    body: addMeetingActionSchema.omit({ initiativeId: true, meetingId: true }),
    response: meetingActionResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.learning.addMeetingAction(actor, withParams(body, params)),
  },
  {
    operationId: "updateMeetingAction",
    method: "put",
    path: "/initiatives/{initiativeId}/club/actions/{actionId}",
    summary: "Edit a follow-up action (only the fields given) or mark it done (the network's brokers)",
    tag: "learning",
    params: actionPath,
    body: updateMeetingActionSchema.omit({ initiativeId: true, actionId: true }),
    response: meetingActionResponse,
    run: ({ services, actor, params, body }) => services.learning.updateMeetingAction(actor, withParams(body, params)),
  },
  {
    operationId: "exportClubCalendar",
    method: "get",
    path: "/initiatives/{initiativeId}/club/meetings.ics",
    summary: "The club's meetings as an iCalendar file (the club's members and brokers)",
    tag: "learning",
    params: clubPath,
    response: icsResponse,
    mediaType: "text/calendar",
    responseHeaders: { "Content-Disposition": "attachment; filename=<club>-meetings.ics" },
    respond: download("text/calendar; charset=utf-8", "ics"),
    run: ({ services, actor, params }) => services.learning.exportClubCalendar(actor, params),
  },
];
