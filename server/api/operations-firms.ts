import { z } from "zod";
import { decideMemberSchema, firmIdSchema, firmProfileSchema, firmSearchSchema } from "../schemas/firm";
import type { Operation } from "./operation";
import { firmPageResponse, firmResponse, myFirmResponse, privateFirmResponse } from "./responses-firms";

/** Firms: one's own firm and its people, and the directory (public fields only). */
export const firmOperations = [
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
] as const satisfies readonly Operation[];
