import { eq } from "drizzle-orm";
import { calendarFeed } from "../../../db/schema/calendar";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import { inTransaction, type Deps } from "../deps";
import { calendarFeedPath, newFeedToken } from "./feed-token";

export interface CalendarFeed {
  token: string;
  /** `/calendar/<token>.ics`; the page prefixes the site's public URL. */
  path: string;
}

/**
 * The actor's private calendar subscription, created on first use. The token is the only
 * credential of the feed (calendar apps send no session), so it is long, random and secret.
 */
export async function getCalendarFeed(deps: Deps, actor: Actor): Promise<CalendarFeed> {
  if (!can(actor, "calendar", "subscribe", { userId: actor.userId })) throw new AppError("forbidden", "No calendar for this account");
  return inTransaction(deps, async (tx) => {
    // Two first visits at once insert once; both read the same token.
    await tx
      .insert(calendarFeed)
      .values({ userId: actor.userId, token: newFeedToken(), createdAt: deps.now() })
      .onConflictDoNothing({ target: calendarFeed.userId });
    const [row] = await tx.select({ token: calendarFeed.token }).from(calendarFeed).where(eq(calendarFeed.userId, actor.userId));
    return { token: row.token, path: calendarFeedPath(row.token) };
  });
}
