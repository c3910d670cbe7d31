import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { refuse } from "./refusal";

/**
 * The one home of the cross-site request forgery rule (ADR 012): a state-changing request
 * (anything but GET, HEAD, OPTIONS) is served only when it comes from PUBLIC_URL's origin.
 * Browsers say where a request comes from; in order of trust:
 *  1. `Origin` (every current browser sends it on cross-origin and on same-origin POSTs);
 *  2. `Sec-Fetch-Site` (`same-origin` or `none`, a user typing or bookmarking, are ours);
 *  3. `Referer` (its origin).
 * A request with none of the three is not a browser's cross-site request (curl, scripts, server
 * to server): it is served, and still needs a session like any other.
 *
 * It covers the pages and their `?_data=` / `.data` requests, /api/v1 and better-auth's
 * /api/auth (which checks Origin itself too); the socket.io handshake asks `isSameOrigin`.
 * No request is authenticated by an API token today, so nothing is exempt.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

/** Decides from a request's headers whether it comes from `publicOrigin`. */
export function originVerdict(headers: Record<string, string | string[] | undefined>, publicOrigin: string): OriginVerdict {
  const origin = first(headers.origin);
  if (origin !== undefined) {
    return origin === publicOrigin ? { allowed: true } : { allowed: false, reason: `Origin ${origin}` };
  }
  const site = first(headers["sec-fetch-site"]);
  if (site !== undefined) {
    return site === "same-origin" || site === "none" ? { allowed: true } : { allowed: false, reason: `Sec-Fetch-Site ${site}` };
  }
  const referer = first(headers.referer);
  if (referer !== undefined) {
    return originOf(referer) === publicOrigin ? { allowed: true } : { allowed: false, reason: "Referer from another site" };
  }
  return { allowed: true };
}

export function sameOriginGuard(options: { publicUrl: string; logger: Logger }) {
  const publicOrigin = new URL(options.publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const verdict = originVerdict(req.headers, publicOrigin);
    if (verdict.allowed) return next();
    (req.log ?? options.logger).warn({ reason: verdict.reason }, "cross-site request refused");
    refuse(req, res, {
      status: 403,
      code: "forbidden",
      message: `Cross-site request refused: state-changing requests must come from ${publicOrigin}`,
      pageKey: "crossSite",
    });
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
