import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";

/**
 * What the logs may hold. Every logger of the process redacts credentials wherever they appear
 * (headers, bodies, better-auth's arguments), and a request is logged lean: id, method, a URL
 * without its secrets, status, time and the signed-in user's id; never its headers.
 */
const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
];
const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`, `*.*.*["${key}"]`]),
  'req.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

/** Query parameters whose values are credentials (invitation and lead tokens, reset codes). */
const SECRET_QUERY = /token|password|secret|lead|code|key|signature|session/i;
/** Path segments that are credentials: calendar feeds, invitations, password resets. */
const SECRET_PATHS: RegExp[] = [
  /^(\/calendar\/)[^/]+(\.ics)$/,
  /^((?:\/api\/v1)?\/invitations\/)[^/]+/,
  /^(\/api\/auth\/reset-password\/)[^/]+/,
];

/** The URL as logged: secret path segments and secret query values replaced. */
export function loggableUrl(url: string): string {
  const [rawPath, query] = url.split("?", 2);
  let pathname = rawPath;
  for (const pattern of SECRET_PATHS)
    pathname = pathname.replace(pattern, (_m, head: string, tail: unknown) => `${head}[redacted]${typeof tail === "string" ? tail : ""}`);
  if (query === undefined) return pathname;
  const params = query
    .split("&")
    .map((pair) => {
      const [key] = pair.split("=", 1);
      return SECRET_QUERY.test(safeDecode(key)) ? `${key}=[redacted]` : pair;
    })
    .join("&");
  return `${pathname}?${params}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A proxy's id is kept only when the proxy is trusted and the id is plain. */
const PLAIN_ID = /^[\w.-]{8,128}$/;

export function requestLogger(logger: Logger, options: { trustProxy: boolean }) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers["x-request-id"];
      const id = options.trustProxy && typeof incoming === "string" && PLAIN_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { id?: string; originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.originalUrl ?? req.url ?? ""),
      }),
      // The signed-in user, when a page or the API looked the session up (res.locals.userId).
      res: (res: ServerResponse & { locals?: { userId?: unknown } }) => ({
        statusCode: res.statusCode,
        ...(typeof res.locals?.userId === "string" ? { userId: res.locals.userId } : {}),
      }),
      err: pino.stdSerializers.err,
    },
  });
}

/** The id `genReqId` gave this request: always a string here, though pino-http types it wider. */
export function requestIdOf(req: { id?: unknown }): string {
  return typeof req.id === "string" ? req.id : "";
}
