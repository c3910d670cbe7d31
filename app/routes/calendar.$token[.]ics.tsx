import type { LoaderFunctionArgs } from "@remix-run/node";
import { isAppError } from "../lib/errors.server";

/**
 * A user's calendar subscription, /calendar/<token>.ics (resource route). Calendar apps send no
 * session cookie: the secret token in the address is the credential, so no sign-in is asked
 * and an unknown token is a plain 404 that says nothing about why.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  try {
    const ics = await context.services.calendar.userCalendar({ token: params.token });
    return new Response(ics, {
      status: 200,
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="jointly.ics"',
        "Cache-Control": "no-store",
        // The address is a secret: keep it out of search engines and other sites' logs.
        "X-Robots-Tag": "noindex",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      return new Response("Not found", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    throw error;
  }
}
