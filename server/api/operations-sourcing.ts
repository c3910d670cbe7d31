import { z } from "zod";
import {
  consortiumSchema,
  decideResponseSchema,
  needIdSchema,
  needInputSchema,
  needTransitionSchema,
  respondSchema,
} from "../schemas/sourcing";
import type { Operation } from "./operations";
import {
  consortiumProposalsResponse,
  createdConsortiumResponse,
  createdNeedResponse,
  createdNeedResponseResponse,
  myMatchingNeedsResponse,
  needListResponse,
  needMatchesResponse,
  needResponse,
  needTransitionResponse,
  responseDecisionResponse,
  updatedNeedResponse,
} from "./responses-sourcing";

/**
 * The service's input: the JSON body (or query) with the path parameters on top, so a body
 * cannot name another need or response than the path. Services parse it with their own schemas.
 */
function withParams(fields: unknown, params: Record<string, string>): Record<string, unknown> {
  const own = fields !== null && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  return { ...own, ...params };
}

const needPath = needIdSchema;
const responsePath = z.object({ responseId: z.uuid("Not a response id") });
/** For the document only: the service parses the query itself (and defaults the limit to 50). */
const matchesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional().describe("At most this many SMEs, 1..200 (50 by default)") });

/** Sourcing needs, matching, consortia and responses (see ARCHITECTURE.md). */
export const sourcingOperations: Operation[] = [
  {
    operationId: "listSourcingNeeds",
    method: "get",
    path: "/needs",
    summary: "Sourcing needs: a buyer's own (every status); the open needs that reach an SME or a broker's networks",
    tag: "sourcing",
    response: needListResponse,
    run: ({ services, actor }) => services.sourcing.list(actor),
  },
  {
    operationId: "createSourcingNeed",
    method: "post",
    path: "/needs",
    summary: "Post a sourcing need as a draft (buyers with a firm); open it with a transition",
    tag: "sourcing",
    body: needInputSchema,
    response: createdNeedResponse,
    status: 201,
    run: ({ services, actor, body }) => services.sourcing.create(actor, body),
  },
  {
    operationId: "getSourcingNeed",
    method: "get",
    path: "/needs/{needId}",
    summary: "A sourcing need with the responses the reader may see (the buyer all; an SME its own; a broker its consortia's)",
    tag: "sourcing",
    params: needPath,
    response: needResponse,
    run: ({ services, actor, params }) => services.sourcing.get(actor, params),
  },
  {
    operationId: "updateSourcingNeed",
    method: "put",
    path: "/needs/{needId}",
    summary: "Replace a draft or open need (its buyer); matches follow",
    tag: "sourcing",
    params: needPath,
    body: needInputSchema,
    conflict: "Only draft and open needs can be edited",
    response: updatedNeedResponse,
    run: ({ services, actor, params, body }) => services.sourcing.update(actor, withParams(body, params)),
  },
  {
    operationId: "transitionSourcingNeed",
    method: "post",
    path: "/needs/{needId}/transitions",
    summary: "Move a need along draft -> open -> closed -> awarded, or withdraw it (its buyer); opening tells well-fitting SMEs",
    tag: "sourcing",
    params: needPath,
    body: needTransitionSchema.omit({ needId: true }),
    conflict: "The lifecycle does not allow this move from the current status",
    response: needTransitionResponse,
    run: ({ services, actor, params, body }) => services.sourcing.transition(actor, withParams(body, params)),
  },
  {
    operationId: "listNeedMatches",
    method: "get",
    path: "/needs/{needId}/matches",
    summary:
      "The ranked SMEs for a need with the reason for every part of the score; brokers see their networks' members with their projected dependence, the buyer never does",
    tag: "sourcing",
    params: needPath,
    query: matchesQuery,
    response: needMatchesResponse,
    run: ({ services, actor, params, query }) => services.sourcing.matches(actor, withParams(query, params)),
  },
  {
    operationId: "listMyMatchingNeeds",
    method: "get",
    path: "/me/matching-needs",
    summary: "Open needs that fit your firm, best first, with the explanation, your projected dependence and diversification options (SMEs)",
    tag: "sourcing",
    response: myMatchingNeedsResponse,
    run: ({ services, actor }) => services.sourcing.myMatchingNeeds(actor),
  },
  {
    operationId: "listConsortiumProposals",
    method: "get",
    path: "/needs/{needId}/consortium-proposals",
    summary: "Sets of 2 to 5 members of one of your networks whose capacities together cover the need (brokers)",
    tag: "sourcing",
    params: needPath,
    response: consortiumProposalsResponse,
    run: ({ services, actor, params }) => services.sourcing.consortiumProposals(actor, params),
  },
  {
    operationId: "createConsortiumInitiative",
    method: "post",
    path: "/needs/{needId}/consortia",
    summary: "Turn a consortium proposal into an open joint_selling initiative of the network, linked to the need (its brokers)",
    tag: "sourcing",
    params: needPath,
    body: consortiumSchema.omit({ needId: true }),
    conflict: "The need is not open",
    response: createdConsortiumResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.sourcing.createConsortium(actor, withParams(body, params)),
  },
  {
    operationId: "respondToNeed",
    method: "post",
    path: "/needs/{needId}/responses",
    summary: "Answer an open need with a short offer: an SME for its firm, or a broker for a consortium (initiativeId)",
    tag: "sourcing",
    params: needPath,
    body: respondSchema.omit({ needId: true }),
    conflict: "The need is not open, or you already responded",
    response: createdNeedResponseResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.sourcing.respond(actor, withParams(body, params)),
  },
  {
    operationId: "decideResponse",
    method: "post",
    path: "/responses/{responseId}/decision",
    summary: "Shortlist, decline or award a response to your need; an award may be recorded as expected sales in the supplier's ledger",
    tag: "sourcing",
    params: responsePath,
    body: decideResponseSchema.omit({ responseId: true }),
    conflict: "The response was already awarded or declined",
    response: responseDecisionResponse,
    run: ({ services, actor, params, body }) => services.sourcing.decideResponse(actor, withParams(body, params)),
  },
];
