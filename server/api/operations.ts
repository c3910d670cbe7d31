import { z } from "zod";
import type { Actor } from "../authz/actor";
import { createUserSchema, localeSchema } from "../schemas/accounts";
import { decideMemberSchema, firmIdSchema, firmProfileSchema, firmSearchSchema } from "../schemas/firm";
import type { Services } from "../services";
import { listNotificationsSchema } from "../services/notifications/list-notifications";
import {
  firmPageResponse,
  firmResponse,
  idsResponse,
  myFirmResponse,
  notificationListResponse,
  privateFirmResponse,
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
  run(input: OperationInput): Promise<unknown>;
}

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
];
