import { randomBytes } from "node:crypto";

/** A new secret feed token: 32 random bytes, URL-safe base64 (43 characters). */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What a feed token looks like; anything else is not a token (and gets the same 404). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The path of a user's calendar feed. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}
