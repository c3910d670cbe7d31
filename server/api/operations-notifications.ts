import { z } from "zod";
import { listNotificationsSchema } from "../services/notifications/list-notifications";
import type { Operation } from "./operation";
import { idsResponse, notificationListResponse } from "./responses-notifications";

/** One's own notifications. */
export const notificationOperations = [
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
] as const satisfies readonly Operation[];
