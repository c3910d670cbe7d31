import type { NextFunction, Request, Response } from "express";
import { refuse } from "./refusal";

/**
 * Headers helmet does not set. Browser features the platform never uses are switched off for
 * every response, so an injected script or a framed page cannot ask for them.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  next();
}

/**
 * Everything after the static files (pages, their data, /api/v1, better-auth, calendar feeds)
 * carries private data: no cache may keep it. Set just before the headers leave, so neither
 * Remix (which appends a route's own headers) nor a handler can weaken it.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  const writeHead = res.writeHead.bind(res);
  res.writeHead = ((...args: Parameters<Response["writeHead"]>) => {
    res.setHeader("Cache-Control", "no-store");
    return writeHead(...args);
  }) as Response["writeHead"];
  next();
}

/** Pages accept uploads of up to 2 MB (ledger CSVs, club imports); far larger bodies stop here. */
const PAGE_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export function pageBodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.headers["content-length"] ?? 0);
  if (Number.isFinite(length) && length > PAGE_BODY_LIMIT_BYTES) {
    // The body is not read: close the connection after answering instead of draining it.
    res.setHeader("Connection", "close");
    return refuse(req, res, {
      status: 413,
      code: "payload_too_large",
      message: `Body too large: at most ${PAGE_BODY_LIMIT_BYTES} bytes`,
      pageKey: "tooLarge",
    });
  }
  next();
}
