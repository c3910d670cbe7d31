import { z } from "zod";
import {
  addLeadSchema,
  addTaskSchema,
  createStandSchema,
  decideSpaceSchema,
  fairInputSchema,
  inviteLeadSchema,
  requestSpaceSchema,
  standIdSchema,
  updateStandSchema,
  updateTaskSchema,
} from "../schemas/stands";
import type { Operation } from "./operations";
import {
  createdStandResponse,
  fairListResponse,
  fairResponse,
  icsResponse,
  leadInvitationResponse,
  spaceDecisionResponse,
  spaceReleaseResponse,
  spaceRequestResponse,
  standCostsResponse,
  standLeadResponse,
  standResponse,
  standTaskResponse,
  updatedStandResponse,
} from "./responses-stands";

/** The service's input: the body (or query) with the path parameters on top. */
function withParams(fields: unknown, params: Record<string, string>): Record<string, unknown> {
  const own = fields !== null && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  return { ...own, ...params };
}

const standPath = standIdSchema;
const spacePath = decideSpaceSchema.pick({ initiativeId: true, spaceId: true });
const taskPath = updateTaskSchema.pick({ initiativeId: true, taskId: true });
const leadPath = inviteLeadSchema.pick({ initiativeId: true, leadId: true });
/** For the document only: the service parses the query itself. */
const fairsQuery = z.object({ includePast: z.enum(["true", "false"]).optional().describe("Also fairs that already ended (false by default)") });

/** Joint trade-fair stands: fairs, the stand, its space, costs, tasks, leads and calendar (issue 5). */
export const standOperations: Operation[] = [
  {
    operationId: "listFairs",
    method: "get",
    path: "/fairs",
    summary: "Trade fairs that have not ended yet, soonest first (brokers and SMEs)",
    tag: "stands",
    query: fairsQuery,
    response: fairListResponse,
    run: ({ services, actor, query }) => services.stands.listFairs(actor, query),
  },
  {
    operationId: "createFair",
    method: "post",
    path: "/fairs",
    summary: "Record a trade fair that stands of any network may book (brokers)",
    tag: "stands",
    body: fairInputSchema,
    response: fairResponse,
    status: 201,
    run: ({ services, actor, body }) => services.stands.createFair(actor, body),
  },
  {
    operationId: "createStand",
    method: "post",
    path: "/stands",
    summary:
      "Start a joint trade-fair stand: a joint_selling initiative (draft) with its fair, area, cost, split rule and subsidies (the network's brokers); open it with a transition",
    tag: "stands",
    body: createStandSchema,
    response: createdStandResponse,
    status: 201,
    run: ({ services, actor, body }) => services.stands.createStand(actor, body),
  },
  {
    operationId: "getStand",
    method: "get",
    path: "/initiatives/{initiativeId}/stand",
    summary:
      "A stand: fair, settings, subsidies, the plan, your space, the waiting list, costs, tasks and leads as far as you may see them, and what you may do",
    tag: "stands",
    params: standPath,
    response: standResponse,
    run: ({ services, actor, params }) => services.stands.getStand(actor, params),
  },
  {
    operationId: "updateStand",
    method: "put",
    path: "/initiatives/{initiativeId}/stand",
    summary: "Change a draft or open stand: title, booking deadline, fair, area (not below what is held), cost, subsidies, sharing (the network's brokers)",
    tag: "stands",
    params: standPath,
    body: updateStandSchema.omit({ initiativeId: true }),
    conflict: "The stand is locked or finished",
    response: updatedStandResponse,
    run: ({ services, actor, params, body }) => services.stands.updateStand(actor, withParams(body, params)),
  },
  {
    operationId: "requestStandSpace",
    method: "put",
    path: "/initiatives/{initiativeId}/stand/space",
    summary:
      "Request area for your firm, or change its request (member SMEs, while booking is open); held at once if it fits with nobody waiting, else queued on the waiting list",
    tag: "stands",
    params: standPath,
    body: requestSpaceSchema.omit({ initiativeId: true }),
    conflict: "Booking is closed, or a larger area does not fit",
    response: spaceRequestResponse,
    run: ({ services, actor, params, body }) => services.stands.requestStandSpace(actor, withParams(body, params)),
  },
  {
    operationId: "releaseStandSpace",
    method: "delete",
    path: "/initiatives/{initiativeId}/stand/space",
    summary: "Release your firm's space or leave the waiting list (while booking is open); the waiting list is served in order",
    tag: "stands",
    params: standPath,
    conflict: "Booking is closed",
    response: spaceReleaseResponse,
    run: ({ services, actor, params }) => services.stands.releaseStandSpace(actor, params),
  },
  {
    operationId: "decideStandSpace",
    method: "post",
    path: "/initiatives/{initiativeId}/stand/spaces/{spaceId}/decision",
    summary: "Confirm, trim or decline a request for space (the network's brokers); freed area serves the waiting list in order",
    tag: "stands",
    params: spacePath,
    body: decideSpaceSchema.omit({ initiativeId: true, spaceId: true }),
    conflict: "The request is not in a state this decision applies to, or the stand is finished",
    response: spaceDecisionResponse,
    run: ({ services, actor, params, body }) => services.stands.decideStandSpace(actor, withParams(body, params)),
  },
  {
    operationId: "getStandCosts",
    method: "get",
    path: "/initiatives/{initiativeId}/stand/costs",
    summary:
      "Each exhibitor's gross share, subsidies and net amount: the brokers see every line (the exhibitors too when the stand shares costs); otherwise a reader gets its own line and the totals only through the network's disclosure rule (at least 5 exhibitors or the network's raised threshold, no firm over 85% of a total or of what is left after the reader's own line; else null with the reason), never the amounts per subsidy",
    tag: "stands",
    params: standPath,
    response: standCostsResponse,
    run: ({ services, actor, params }) => services.stands.getStandCosts(actor, params),
  },
  {
    operationId: "addStandTask",
    method: "post",
    path: "/initiatives/{initiativeId}/stand/tasks",
    summary: "Add a task to the stand's shared list (the network's brokers and the participants)",
    tag: "stands",
    params: standPath,
    body: addTaskSchema.omit({ initiativeId: true }),
    conflict: "The stand is finished",
    response: standTaskResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.stands.addStandTask(actor, withParams(body, params)),
  },
  {
    operationId: "updateStandTask",
    method: "put",
    path: "/initiatives/{initiativeId}/stand/tasks/{taskId}",
    summary: "Change a task's title, category, owner, due date or status; only the fields given change",
    tag: "stands",
    params: taskPath,
    body: updateTaskSchema.omit({ initiativeId: true, taskId: true }),
    conflict: "The stand is finished",
    response: standTaskResponse,
    run: ({ services, actor, params, body }) => services.stands.updateStandTask(actor, withParams(body, params)),
  },
  {
    operationId: "addStandLead",
    method: "post",
    path: "/initiatives/{initiativeId}/stand/leads",
    summary: "Log a buyer your firm met at the fair (exhibitors holding space)",
    tag: "stands",
    params: standPath,
    body: addLeadSchema.omit({ initiativeId: true }),
    conflict: "The stand is a draft or cancelled",
    response: standLeadResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.stands.addStandLead(actor, withParams(body, params)),
  },
  {
    operationId: "inviteLeadBuyer",
    method: "post",
    path: "/initiatives/{initiativeId}/stand/leads/{leadId}/invitation",
    summary: "Turn a lead into an invitation of that buyer to the platform: a sign-up link prefilled with the buyer (the exhibitor that logged it, or the brokers)",
    tag: "stands",
    params: leadPath,
    conflict: "The buyer already joined",
    response: leadInvitationResponse,
    run: ({ services, actor, params }) => services.stands.inviteLeadBuyer(actor, params),
  },
  {
    operationId: "exportStandCalendar",
    method: "get",
    path: "/initiatives/{initiativeId}/stand/calendar.ics",
    summary: "The fair's days, the booking deadline and the open tasks' due dates as an iCalendar download (the network's brokers and members)",
    tag: "stands",
    params: standPath,
    response: icsResponse,
    mediaType: "text/calendar",
    responseHeaders: { "Content-Disposition": "attachment; filename=<title>.ics" },
    respond: (res, result) => {
      const { filename, ics } = result as { filename: string; ics: string };
      res.attachment(filename);
      res.set("Cache-Control", "private, no-store");
      res.type("text/calendar; charset=utf-8").send(ics);
    },
    run: ({ services, actor, params }) => services.stands.exportStandCalendar(actor, params),
  },
];
