import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { notification } from "../../../db/schema/notifications";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { userRoom } from "../../realtime/events";
import { inTransaction, type Deps } from "../deps";

const markNotificationReadSchema = z.union([
  z.object({ notificationId: z.uuid("Not a notification id") }),
  z.object({ all: z.literal(true) }),
]);

/** Marks one of the actor's notifications (or all of them) as read. */
export async function markNotificationRead(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(markNotificationReadSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const now = deps.now();
    if ("all" in input) {
      const rows = await tx
        .update(notification)
        .set({ readAt: now })
        .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)))
        .returning({ id: notification.id });
      after.publish(userRoom(actor.userId), "notification:read", { ids: rows.map((r) => r.id) });
      return { ids: rows.map((r) => r.id) };
    }
    const [found] = await tx
      .select({ userId: notification.userId, readAt: notification.readAt })
      .from(notification)
      .where(eq(notification.id, input.notificationId));
    // Another user's notification is reported as missing, not as forbidden: its existence is not ours to see.
    if (!found || !can(actor, "notification", "markRead", { userId: found.userId })) {
      throw new AppError("not_found", "Notification not found");
    }
    if (!found.readAt) {
      await tx.update(notification).set({ readAt: now }).where(eq(notification.id, input.notificationId));
      after.publish(userRoom(actor.userId), "notification:read", { ids: [input.notificationId] });
    }
    return { ids: [input.notificationId] };
  });
}
