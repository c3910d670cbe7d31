import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { routeOf } from "./route-name";

/**
 * What the logs may hold. Every logger of the process redacts credentials wherever they appear
 * (headers, bodies, better-auth's arguments), and a request is logged lean: id, method, route,
 * status, time and the signed-in user's id; never its headers.
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

type LoggedRequest = IncomingMessage & { originalUrl?: string };
type LoggedResponse = ServerResponse & { locals?: Record<string, unknown> };

/**
 * A request's line: method, route (its pattern, not the URL: see route-name.ts; the path when no
 * route was matched), status, milliseconds and the signed-in user's id (when a page or the API
 * looked the session up); the request id is bound to every line of the request as `reqId`.
 * At debug level the line also holds the URL (secrets masked) and the user agent.
 */
function requestLine(logger: Logger, req: LoggedRequest, res: LoggedResponse, ms: number): Record<string, unknown> {
  const url = loggableUrl(req.originalUrl ?? req.url ?? "");
  const userId = res.locals?.userId;
  return {
    method: req.method,
    route: routeOf(res) ?? url.split("?", 1)[0],
    status: res.statusCode,
    ms,
    ...(typeof userId === "string" ? { userId } : {}),
    ...(logger.isLevelEnabled("debug") ? { url, userAgent: req.headers["user-agent"] } : {}),
  };
}

/** How pino-http's placeholder error for a 5xx without a cause begins. */
const BARE_STATUS = "failed with status code";

export function requestLogger(logger: Logger, options: { trustProxy: boolean }) {
  return pinoHttp<LoggedRequest, LoggedResponse>({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers["x-request-id"];
      const id = options.trustProxy && typeof incoming === "string" && PLAIN_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // Every line of the request (the loaders' and services' too) carries only its id.
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
    // A shed request (503, load-shedding.ts) is the server protecting itself, not a fault.
    customLogLevel: (_req, res, err) =>
      err || (res.statusCode >= 500 && res.locals?.shed !== true) ? "error" : res.statusCode >= 400 ? "warn" : "info",
    customSuccessObject: (req, res, val: { responseTime: number }) => requestLine(logger, req, res, val.responseTime),
    // The cause when there is one (an API failure sets res.err); pino-http's stand-in for a bare 5xx says nothing more.
    customErrorObject: (req, res, error, val: { responseTime: number }) => ({
      ...requestLine(logger, req, res, val.responseTime),
      ...(error.message.startsWith(BARE_STATUS) ? {} : { err: error }),
    }),
    wrapSerializers: false,
    serializers: {
      // pino-http still binds the raw request to a logger it then leaves unused (the lines above carry only
      // reqId); serialized to nothing, so redaction never walks the request object.
      req: () => ({}),
      err: pino.stdSerializers.err,
    },
  });
}

/** The id `genReqId` gave this request: always a string here, though pino-http types it wider. */
export function requestIdOf(req: { id?: unknown }): string {
  return typeof req.id === "string" ? req.id : "";
}
