import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Role } from "../../server/domain/roles";
import type { Actor } from "../../server/authz/actor";

/**
 * Our own helpers around better-auth (STYLE habit 7): pages never talk to the library directly.
 */
export function getActor(context: AppLoadContext): Promise<Actor | null> {
  return context.currentActor();
}

export async function requireActor(request: Request, context: AppLoadContext, options: { role?: Role | Role[] } = {}): Promise<Actor> {
  const actor = await getActor(context);
  if (!actor) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  if (options.role) {
    const roles = Array.isArray(options.role) ? options.role : [options.role];
    if (!roles.includes(actor.role)) throw new Response("Forbidden", { status: 403 });
  }
  return actor;
}

/** Only same-site paths, so a crafted link cannot send a user elsewhere after signing in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** Copies the Set-Cookie headers of a better-auth response onto ours. */
export function forwardCookies(from: Response, headers = new Headers()): Headers {
  for (const cookie of from.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return headers;
}

/**
 * Signs in through better-auth's HTTP handler (not its in-process API), so its rate limits
 * apply and see the client's real address.
 */
export async function signInWithPassword(context: AppLoadContext, credentials: { email: string; password: string }): Promise<Response> {
  const base = context.env.PUBLIC_URL;
  return context.auth.handler(
    new Request(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: base,
        "x-jointly-client-ip": context.clientIp,
      },
      body: JSON.stringify({ email: credentials.email, password: credentials.password, rememberMe: true }),
    }),
  );
}
