import type { Response } from "express";
import { z } from "zod";
import type { Actor } from "../authz/actor";
import { createUserSchema, emailSchema, localeSchema } from "../schemas/accounts";
import { decideMemberSchema, firmIdSchema, firmProfileSchema, firmSearchSchema } from "../schemas/firm";
import {
  commitmentSchema,
  createInitiativeSchema,
  initiativeIdSchema,
  messageSchema,
  setBudgetSchema,
  transitionSchema,
  updateInitiativeSchema,
} from "../schemas/initiative";
import {
  acceptTokenSchema,
  addBrokerSchema,
  applySchema,
  consentSchema,
  decideApplicationSchema,
  networkIdSchema,
  networkInputSchema,
} from "../schemas/network";
import { addSalesEntriesSchema, exchangeRateSchema, listSalesSchema, periodSchema, salesEntryIdSchema } from "../schemas/ledger";
import type { Services } from "../services";
import { listNotificationsSchema } from "../services/notifications/list-notifications";
import {
  addedSalesEntriesResponse,
  applicationDecisionResponse,
  applicationResponse,
  commitmentResponse,
  costSharesResponse,
  createdInitiativeResponse,
  createdNetworkResponse,
  csvResponse,
  declinedInvitationResponse,
  exchangeRateListResponse,
  exchangeRateResponse,
  firmDependenceResponse,
  firmPageResponse,
  firmResponse,
  idResponse,
  idsResponse,
  importedSalesResponse,
  initiativeIdResponse,
  initiativeResponse,
  invitationResponse,
  joinedNetworkResponse,
  jointBuyResponse,
  leftNetworkResponse,
  messageResponse,
  myFirmResponse,
  networkBrokerResponse,
  networkDependenceResponse,
  networkListResponse,
  networkResponse,
  notificationListResponse,
  participationResponse,
  privateFirmResponse,
  salesEntriesResponse,
  transitionResponse,
  userListResponse,
  userResponse,
} from "./responses";

export interface OperationInput {
  services: Services;
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * One entry per endpoint of /api/v1: the router serves it and the OpenAPI document describes
 * it from the same zod schemas the forms and services use.
 */
export interface Operation {
  operationId: string;
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI-style path under /api/v1, e.g. /firms/{firmId} */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  /** When the operation answers 409, for the OpenAPI document. */
  conflict?: string;
  /** Media type of the success response when it is not JSON (then `respond` writes it). */
  mediaType?: string;
  /** Response headers worth documenting, name -> description. */
  responseHeaders?: Record<string, string>;
  /** Writes a non-JSON success response (e.g. a CSV download) instead of the router's res.json. */
  respond?: (res: Response, result: unknown) => void;
  run(input: OperationInput): Promise<unknown>;
}

/**
 * The service's input: the JSON body with the path parameters on top (a body cannot name
 * another resource than the path). Services parse it with their own schemas.
 */
function withParams(body: unknown, params: Record<string, string>): Record<string, unknown> {
  const fields = body !== null && typeof body === "object" && !Array.isArray(body) ? body : {};
  return { ...fields, ...params };
}

/** The body of an invitation, without the network of the path (inviteSchema has it). */
const inviteBodySchema = z.union([
  z.object({ firmId: z.uuid("Choose a firm") }),
  z.object({ email: emailSchema }),
]);

const networkPath = networkIdSchema;
const initiativePath = initiativeIdSchema;
const applicationPath = decideApplicationSchema.pick({ networkId: true, firmId: true });
const tokenPath = acceptTokenSchema.pick({ token: true });
const firmPath = z.object({ firmId: z.uuid("Not a firm id") });
/** The CSV file's text, as in the downloadable template (the page offers the template). */
const importCsvBodySchema = z.object({ csv: z.string().min(1, "The file is empty").max(2_000_000, "At most 2 MB") });

export const operations: Operation[] = [
  {
    operationId: "getMyFirm",
    method: "get",
    path: "/firms/me",
    summary: "Your own firm, with its private fields and people",
    tag: "firms",
    response: myFirmResponse,
    run: ({ services, actor }) => services.firms.getMyFirm(actor),
  },
  {
    operationId: "updateMyFirm",
    method: "put",
    path: "/firms/me",
    summary: "Replace your firm's profile and chain position",
    tag: "firms",
    body: firmProfileSchema,
    response: privateFirmResponse,
    run: ({ services, actor, body }) => services.firms.updateMyFirm(actor, body),
  },
  {
    operationId: "decideFirmMember",
    method: "post",
    path: "/firms/me/members/{memberId}/decision",
    summary: "Approve or decline a request to join your firm (owner only)",
    tag: "firms",
    params: z.object({ memberId: z.string() }),
    body: decideMemberSchema.omit({ memberId: true }),
    conflict: "The request was already decided",
    response: z.object({ memberId: z.string(), decision: z.enum(["approve", "decline"]) }),
    run: ({ services, actor, params, body }) =>
      services.firms.decideMemberRequest(actor, { ...(body as object), memberId: params.memberId }),
  },
  {
    operationId: "searchFirms",
    method: "get",
    path: "/firms",
    summary: "Search the firm directory (public fields only)",
    tag: "firms",
    query: firmSearchSchema,
    response: firmPageResponse,
    run: ({ services, actor, query }) => services.firms.searchFirms(actor, query),
  },
  {
    operationId: "getFirm",
    method: "get",
    path: "/firms/{firmId}",
    summary: "One firm: private view for its own members, public view for others",
    tag: "firms",
    params: firmIdSchema,
    response: firmResponse,
    run: ({ services, actor, params }) => services.firms.getFirm(actor, params),
  },
  {
    operationId: "listNotifications",
    method: "get",
    path: "/notifications",
    summary: "Your notifications, newest first, with the unread count",
    tag: "notifications",
    query: listNotificationsSchema,
    response: notificationListResponse,
    run: ({ services, actor, query }) => services.notifications.list(actor, query),
  },
  {
    operationId: "markNotificationRead",
    method: "post",
    path: "/notifications/{notificationId}/read",
    summary: "Mark one of your notifications as read",
    tag: "notifications",
    params: z.object({ notificationId: z.string() }),
    response: idsResponse,
    run: ({ services, actor, params }) => services.notifications.markRead(actor, { notificationId: params.notificationId }),
  },
  {
    operationId: "markAllNotificationsRead",
    method: "post",
    path: "/notifications/read-all",
    summary: "Mark all your notifications as read",
    tag: "notifications",
    response: idsResponse,
    run: ({ services, actor }) => services.notifications.markRead(actor, { all: true }),
  },
  {
    operationId: "createUser",
    method: "post",
    path: "/users",
    summary: "Create an account of any role, e.g. a broker (administrators only)",
    tag: "users",
    body: createUserSchema,
    conflict: "The email is already taken",
    response: userResponse,
    status: 201,
    run: ({ services, actor, body }) => services.accounts.createUser(actor, body),
  },
  {
    operationId: "listUsers",
    method: "get",
    path: "/users",
    summary: "All accounts (administrators only)",
    tag: "users",
    response: userListResponse,
    run: ({ services, actor }) => services.accounts.listUsers(actor),
  },
  {
    operationId: "setMyLocale",
    method: "put",
    path: "/me/locale",
    summary: "Choose the language of the interface",
    tag: "users",
    body: localeSchema,
    response: localeSchema,
    run: ({ services, actor, body }) => services.accounts.setLocale(actor, body),
  },

  // Networks and memberships
  {
    operationId: "listNetworks",
    method: "get",
    path: "/networks",
    summary: "Your networks: a broker's own; an SME's memberships, invitations and applications, and the others it may apply to",
    tag: "networks",
    response: networkListResponse,
    run: ({ services, actor }) => services.networks.list(actor),
  },
  {
    operationId: "createNetwork",
    method: "post",
    path: "/networks",
    summary: "Create a network and become its first broker (brokers only)",
    tag: "networks",
    body: networkInputSchema,
    response: createdNetworkResponse,
    status: 201,
    run: ({ services, actor, body }) => services.networks.create(actor, body),
  },
  {
    operationId: "getNetwork",
    method: "get",
    path: "/networks/{networkId}",
    summary: "A network: details, members, initiatives and recent activity; brokers also see invitations and applications",
    tag: "networks",
    params: networkPath,
    response: networkResponse,
    run: ({ services, actor, params }) => services.networks.get(actor, params),
  },
  {
    operationId: "updateNetwork",
    method: "put",
    path: "/networks/{networkId}",
    summary: "Replace a network's details and dependence thresholds (its brokers, or an admin)",
    tag: "networks",
    params: networkPath,
    body: networkInputSchema,
    response: idResponse,
    run: ({ services, actor, params, body }) => services.networks.update(actor, withParams(body, params)),
  },
  {
    operationId: "inviteToNetwork",
    method: "post",
    path: "/networks/{networkId}/invitations",
    summary: "Invite an SME on Jointly by firmId, or anyone by email (the answer holds the link to pass on)",
    tag: "networks",
    params: networkPath,
    body: inviteBodySchema,
    conflict: "The firm is already a member, invited, or has applied",
    response: invitationResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.invite(actor, withParams(body, params)),
  },
  {
    operationId: "acceptInvitation",
    method: "post",
    path: "/networks/{networkId}/invitation/accept",
    summary: "Accept your firm's invitation, consenting that the network's brokers see its confidential data",
    tag: "networks",
    params: networkPath,
    body: z.object({ consent: consentSchema }),
    response: joinedNetworkResponse,
    run: ({ services, actor, params, body }) =>
      services.networks.respondToInvitation(actor, { ...withParams(body, params), decision: "accept" }),
  },
  {
    operationId: "declineInvitation",
    method: "post",
    path: "/networks/{networkId}/invitation/decline",
    summary: "Decline your firm's invitation to a network",
    tag: "networks",
    params: networkPath,
    response: declinedInvitationResponse,
    run: ({ services, actor, params }) =>
      services.networks.respondToInvitation(actor, { networkId: params.networkId, decision: "decline" }),
  },
  {
    operationId: "applyToNetwork",
    method: "post",
    path: "/networks/{networkId}/applications",
    summary: "Apply for your firm to join a network, consenting in advance (an invited firm joins at once)",
    tag: "networks",
    params: networkPath,
    body: applySchema.omit({ networkId: true }),
    conflict: "Your firm is already a member or has applied",
    response: applicationResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.apply(actor, withParams(body, params)),
  },
  {
    operationId: "decideApplication",
    method: "post",
    path: "/networks/{networkId}/applications/{firmId}/decision",
    summary: "Approve or decline a firm's application (the network's brokers)",
    tag: "networks",
    params: applicationPath,
    body: decideApplicationSchema.omit({ networkId: true, firmId: true }),
    response: applicationDecisionResponse,
    run: ({ services, actor, params, body }) => services.networks.decideApplication(actor, withParams(body, params)),
  },
  {
    operationId: "leaveNetwork",
    method: "post",
    path: "/networks/{networkId}/leave",
    summary: "Your firm leaves a network, and its open initiatives there (commitments withdrawn)",
    tag: "networks",
    params: networkPath,
    response: leftNetworkResponse,
    run: ({ services, actor, params }) => services.networks.leave(actor, params),
  },
  {
    operationId: "addNetworkBroker",
    method: "post",
    path: "/networks/{networkId}/brokers",
    summary: "Add an existing broker account as a co-broker of a network (administrators only)",
    tag: "networks",
    params: networkPath,
    body: addBrokerSchema.omit({ networkId: true }),
    conflict: "The account is already a broker of this network",
    response: networkBrokerResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.addBroker(actor, withParams(body, params)),
  },
  {
    operationId: "acceptInvitationLink",
    method: "post",
    path: "/invitations/{token}/accept",
    summary: "Accept an invitation by email through its link, with consent (SMEs with a firm)",
    tag: "networks",
    params: tokenPath,
    body: acceptTokenSchema.omit({ token: true }),
    response: joinedNetworkResponse,
    run: ({ services, actor, params, body }) => services.networks.acceptInvitationLink(actor, withParams(body, params)),
  },

  // Initiatives
  {
    operationId: "createInitiative",
    method: "post",
    path: "/initiatives",
    summary: "Start an initiative as a draft, with its tool: the supplier's quote for joint buying, else an optional budget",
    tag: "initiatives",
    body: createInitiativeSchema,
    response: createdInitiativeResponse,
    status: 201,
    run: ({ services, actor, body }) => services.initiatives.create(actor, body),
  },
  {
    operationId: "getInitiative",
    method: "get",
    path: "/initiatives/{initiativeId}",
    summary: "An initiative: details, form, participants, its tool, discussion and activity (drafts: brokers only)",
    tag: "initiatives",
    params: initiativePath,
    response: initiativeResponse,
    run: ({ services, actor, params }) => services.initiatives.get(actor, params),
  },
  {
    operationId: "updateInitiative",
    method: "put",
    path: "/initiatives/{initiativeId}",
    summary: "Edit a draft or open initiative, and the joint purchase's quote (the network's brokers)",
    tag: "initiatives",
    params: initiativePath,
    body: updateInitiativeSchema.omit({ initiativeId: true }),
    conflict: "The initiative is locked or finished",
    response: idResponse,
    run: ({ services, actor, params, body }) => services.initiatives.update(actor, withParams(body, params)),
  },
  {
    operationId: "transitionInitiative",
    method: "post",
    path: "/initiatives/{initiativeId}/transitions",
    summary: "Move an initiative along draft -> open -> locked -> completed, or cancel it; other moves are 409",
    tag: "initiatives",
    params: initiativePath,
    body: transitionSchema.omit({ initiativeId: true }),
    conflict: "The lifecycle does not allow this move from the current status",
    response: transitionResponse,
    run: ({ services, actor, params, body }) => services.initiatives.transition(actor, withParams(body, params)),
  },
  {
    operationId: "joinInitiative",
    method: "post",
    path: "/initiatives/{initiativeId}/participants",
    summary: "Your firm joins an open initiative of a network it belongs to",
    tag: "initiatives",
    params: initiativePath,
    conflict: "The initiative is not open, or your firm already takes part",
    response: participationResponse,
    status: 201,
    run: ({ services, actor, params }) => services.initiatives.join(actor, params),
  },
  {
    operationId: "leaveInitiative",
    method: "delete",
    path: "/initiatives/{initiativeId}/participants/me",
    summary: "Your firm leaves an open initiative; its commitment is withdrawn",
    tag: "initiatives",
    params: initiativePath,
    conflict: "The initiative is no longer open",
    response: participationResponse,
    run: ({ services, actor, params }) => services.initiatives.leave(actor, { initiativeId: params.initiativeId }),
  },
  {
    operationId: "setJointBuyCommitment",
    method: "put",
    path: "/initiatives/{initiativeId}/joint-buy/commitment",
    summary: "Commit, change or (with 0) withdraw your firm's quantity in an open joint purchase",
    tag: "initiatives",
    params: initiativePath,
    body: commitmentSchema.omit({ initiativeId: true }),
    conflict: "The joint purchase is not open",
    response: commitmentResponse,
    run: ({ services, actor, params, body }) => services.initiatives.setCommitment(actor, withParams(body, params)),
  },
  {
    operationId: "getJointBuy",
    method: "get",
    path: "/initiatives/{initiativeId}/joint-buy",
    summary: "A joint purchase: quote, pooled total, price break reached, and the lines you may see",
    tag: "initiatives",
    params: initiativePath,
    response: jointBuyResponse,
    run: ({ services, actor, params }) => services.initiatives.getJointBuy(actor, params),
  },
  {
    operationId: "getPurchaseSummary",
    method: "get",
    path: "/initiatives/{initiativeId}/purchase-summary.csv",
    summary: "The purchase summary of a locked or completed joint purchase, as a CSV download",
    tag: "initiatives",
    params: initiativePath,
    conflict: "The joint purchase is not locked or completed yet",
    response: csvResponse,
    mediaType: "text/csv",
    responseHeaders: { "Content-Disposition": "attachment; filename=<title>-purchase-summary.csv" },
    respond: (res, result) => {
      const { filename, csv } = result as { filename: string; csv: string };
      res.attachment(filename);
      res.set("Cache-Control", "private, no-store");
      res.type("text/csv; charset=utf-8").send(csv);
    },
    run: ({ services, actor, params }) => services.initiatives.purchaseSummaryCsv(actor, params),
  },
  {
    operationId: "postInitiativeMessage",
    method: "post",
    path: "/initiatives/{initiativeId}/messages",
    summary: "Post to an initiative's discussion",
    tag: "initiatives",
    params: initiativePath,
    body: messageSchema.omit({ initiativeId: true }),
    response: messageResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.initiatives.postMessage(actor, withParams(body, params)),
  },
  {
    operationId: "setInitiativeBudget",
    method: "put",
    path: "/initiatives/{initiativeId}/budget",
    summary: "Set a generic initiative's budget, funding sources, split rule and custom weights (the network's brokers)",
    tag: "initiatives",
    params: initiativePath,
    body: setBudgetSchema.omit({ initiativeId: true }),
    conflict: "The initiative uses another tool, or its budget is frozen",
    response: initiativeIdResponse,
    run: ({ services, actor, params, body }) => services.initiatives.setBudget(actor, withParams(body, params)),
  },
  {
    operationId: "getCostShares",
    method: "get",
    path: "/initiatives/{initiativeId}/cost-shares",
    summary: "A generic initiative's budget, funding and each participant's share (as far as you may see)",
    tag: "initiatives",
    params: initiativePath,
    response: costSharesResponse,
    run: ({ services, actor, params }) => services.initiatives.getCostShares(actor, params),
  },

  // Sales ledger, dependence and exchange rates: a firm's ledger and figures are seen by its own
  // members, its networks' brokers and admins; everyone else is told there is no such ledger (404).
  {
    operationId: "addSalesEntries",
    method: "post",
    path: "/firms/{firmId}/sales",
    summary: "Add lines to an SME's sales ledger, all or nothing (errors per line as entries.<n>.<field>)",
    tag: "ledger",
    params: firmPath,
    body: addSalesEntriesSchema.omit({ firmId: true }),
    response: addedSalesEntriesResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.ledger.addEntries(actor, withParams(body, params)),
  },
  {
    operationId: "listSalesEntries",
    method: "get",
    path: "/firms/{firmId}/sales",
    summary: "An SME's sales ledger, newest period first, optionally one period",
    tag: "ledger",
    params: firmPath,
    query: listSalesSchema.omit({ firmId: true }),
    response: salesEntriesResponse,
    run: ({ services, actor, params, query }) => services.ledger.list(actor, { ...query, firmId: params.firmId }),
  },
  {
    operationId: "deleteSalesEntry",
    method: "delete",
    path: "/firms/{firmId}/sales/{entryId}",
    summary: "Remove one line of an SME's sales ledger",
    tag: "ledger",
    params: salesEntryIdSchema,
    response: idResponse,
    run: ({ services, actor, params }) => services.ledger.deleteEntry(actor, { firmId: params.firmId, entryId: params.entryId }),
  },
  {
    operationId: "importSalesCsv",
    method: "post",
    path: "/firms/{firmId}/sales/import",
    summary: "Import a CSV file (the template's columns) into an SME's sales ledger, all or nothing; errors per file line as rows.<line>.<field>",
    tag: "ledger",
    params: firmPath,
    body: importCsvBodySchema,
    response: importedSalesResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.ledger.importCsv(actor, withParams(body, params)),
  },
  {
    operationId: "getFirmDependence",
    method: "get",
    path: "/firms/{firmId}/dependence",
    summary: "An SME's dependence on its buyers per period: shares, HHI, level against its networks' thresholds, trend",
    tag: "ledger",
    params: firmPath,
    response: firmDependenceResponse,
    run: ({ services, actor, params }) => services.ledger.firmDependence(actor, { firmId: params.firmId }),
  },
  {
    operationId: "getNetworkDependence",
    method: "get",
    path: "/networks/{networkId}/dependence",
    summary: "A network's members sorted by dependence risk and its systemic buyers, for one period (the latest by default; the network's brokers)",
    tag: "ledger",
    params: networkPath,
    query: z.object({ period: periodSchema.optional() }),
    response: networkDependenceResponse,
    run: ({ services, actor, params, query }) => services.ledger.networkDependence(actor, { ...query, networkId: params.networkId }),
  },
  {
    operationId: "setExchangeRate",
    method: "put",
    path: "/exchange-rates",
    summary: "Record an exchange rate, 1 currency = rate baseCurrency from validFrom on (administrators only)",
    tag: "ledger",
    body: exchangeRateSchema,
    response: exchangeRateResponse,
    run: ({ services, actor, body }) => services.ledger.setExchangeRate(actor, body),
  },
  {
    operationId: "listExchangeRates",
    method: "get",
    path: "/exchange-rates",
    summary: "The exchange rates figures are converted with (administrators, brokers and SMEs)",
    tag: "ledger",
    response: exchangeRateListResponse,
    run: ({ services, actor }) => services.ledger.listExchangeRates(actor),
  },
];
