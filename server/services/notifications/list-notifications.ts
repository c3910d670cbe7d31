import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { notification } from "../../../db/schema/notifications";
import type { Actor } from "../../authz/actor";
import { parseInput } from "../../errors";
import type { Deps } from "../deps";

export const listNotificationsSchema = z.object({
  unreadOnly: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The actor's own notifications, newest first, with the unread count for the header. */
export async function listNotifications(deps: Deps, actor: Actor, rawInput: unknown = {}) {
  const input = parseInput(listNotificationsSchema, rawInput);
  const mine = eq(notification.userId, actor.userId);
  const items = await deps.db
    .select({
      id: notification.id,
      type: notification.type,
      params: notification.params,
      href: notification.href,
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    })
    .from(notification)
    .where(input.unreadOnly ? and(mine, isNull(notification.readAt)) : mine)
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(input.limit);
  const unread = await countUnread(deps, actor.userId);
  return { items, unread };
}

export async function countUnread(deps: Deps, userId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}
