import { calendarFeed } from "../../../db/schema/calendar";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import { inTransaction, type Deps } from "../deps";
import type { CalendarFeed } from "./get-calendar-feed";
import { calendarFeedPath, newFeedToken } from "./feed-token";

/**
 * Replaces the actor's feed token: the old address stops working at once (for a leaked link,
 * or a calendar app that should no longer read these dates).
 */
export async function resetCalendarFeed(deps: Deps, actor: Actor): Promise<CalendarFeed> {
  if (!can(actor, "calendar", "subscribe", { userId: actor.userId })) throw new AppError("forbidden", "No calendar for this account");
  return inTransaction(deps, async (tx) => {
    const token = newFeedToken();
    const now = deps.now();
    await tx
      .insert(calendarFeed)
      .values({ userId: actor.userId, token, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeed.userId, set: { token, createdAt: now } });
    return { token, path: calendarFeedPath(token) };
  });
}
