import { signedIn, type RouteArgs } from "../../lib/route.server";

/**
 * The reader of "my firm" pages: someone who may update a firm. An administrator may update any
 * firm but has none of their own, so these pages are not theirs (403, as the authorisation matrix says).
 */
export async function myFirmReader(args: Pick<RouteArgs, "request" | "context">) {
  const reader = await signedIn(args, ["firm", "update"]);
  if (reader.actor.role === "admin") throw new Response("Forbidden", { status: 403 });
  return reader;
}
