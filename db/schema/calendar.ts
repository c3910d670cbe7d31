import { pgTable, text } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt } from "./columns";

/**
 * A user's private calendar subscription: `/calendar/<token>.ics` lists the fairs, stand tasks
 * and club meetings that user may see. Secret token, replaced when the user resets it.
 */
export const calendarFeed = pgTable("calendar_feed", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: createdAt(),
});
