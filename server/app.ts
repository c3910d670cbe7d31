import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { fromNodeHeaders, toNodeHandler } from "better-auth/node";
import compression from "compression";
import express from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import helmet from "helmet";
import type { Logger } from "pino";
import { openDatabase, type Database } from "../db/client";
import { PROJECT_ROOT } from "../db/project-root";
import { createApiRouter } from "./api/router";
import type { Actor } from "./authz/actor";
import { CLIENT_IP_HEADER, createAuth, type Auth } from "./auth";
import { reachDatabase, reachRedis } from "./boot-checks";
import type { Env } from "./env";
import { handleAsync } from "./http/async-handler";
import { sameOriginGuard } from "./http/csrf";
import { databaseCheck, healthRoutes } from "./http/health";
import { serverProtection, type Protection } from "./http/protection";
import { requestIdOf, requestLogger } from "./http/request-log";
import { pageRouteNamer, withRouteNotes } from "./http/route-name";
import { noStore, pageBodyLimit, permissionsPolicy } from "./http/security-headers";
import type { JointlyLoadContext } from "./load-context";
import { createRealtime, type Realtime } from "./realtime/server";
import { appErrorsAsResponses } from "./remix-errors";
import { ensureAdmin } from "./services/accounts/ensure-admin";
import { ensureShippedKpis } from "./services/learning/kpi-catalogue";
import type { Deps } from "./services/deps";
import { createServices, type Services } from "./services/index";

const DEADLINE_CHECK_MS = 5 * 60_000;

export interface Jointly {
  httpServer: http.Server;
  database: Database;
  auth: Auth;
  services: Services;
  deps: Deps;
  realtime: Realtime;
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

export interface CreateJointlyOptions {
  env: Env;
  logger: Logger;
  /** The Remix server build; omitted by tests that only exercise the API. */
  build?: ServerBuild;
  /** Runs after migrations, before listening (the demo seed). */
  beforeListen?: (app: { deps: Deps; database: Database }) => Promise<void>;
  now?: () => Date;
  /** How often live sockets' sessions are checked for expiry (30 s by default; tests shorten it). */
  sessionCheckMs?: number;
}

/**
 * Builds the whole platform in one process: database (migrated at boot), auth, socket.io,
 * the JSON API and the Remix pages, all on one HTTP server (STYLE habit 1).
 */
export async function createJointly(options: CreateJointlyOptions): Promise<Jointly> {
  const { env, logger } = options;
  if (env.REDIS_URL) await reachRedis(env.REDIS_URL);
  if (env.DATABASE_URL) await reachDatabase(env.DATABASE_URL);
  const database = await openMigratedDatabase(env, logger);

  // Auth is made before socket.io (which authenticates with it), so its session hook reaches
  // the realtime layer through this late-bound reference.
  const late: { realtime?: Realtime } = {};
  const auth = createAuth(database.db, env, logger, {
    onSessionEnded: (sessionId) => late.realtime?.publisher.disconnectSession(sessionId),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const realtime = await createRealtime({
    httpServer,
    db: database.db,
    auth,
    logger,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    publicUrl: env.PUBLIC_URL,
    sessionCheckMs: options.sessionCheckMs,
  });
  late.realtime = realtime;
  const deps: Deps = { db: database.db, publisher: realtime.publisher, now: options.now ?? (() => new Date()) };
  const services = createServices(deps);

  await prepareData(options, deps, database);
  let closed = false;
  const health = healthRoutes({
    checks: { database: databaseCheck(database.db), redis: () => realtime.pingRedis() },
    draining: () => closed,
  });
  const protection = serverProtection(env, { poolStats: database.poolStats, sockets: () => realtime.io.of("/").sockets.size });
  useHttpPipeline(app, { env, logger, auth, services, deps, health, protection, build: options.build });
  const deadlineTimer = startReminders(services, logger);

  return {
    httpServer,
    database,
    auth,
    services,
    deps,
    realtime,
    listen: () => listenOn(httpServer, env),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(deadlineTimer);
      // Stop accepting, drop sockets (io.close also closes the HTTP server), then the database.
      httpServer.closeIdleConnections?.();
      await realtime.close();
      httpServer.closeAllConnections?.();
      await database.close();
    },
  };
}

async function openMigratedDatabase(env: Env, logger: Logger): Promise<Database> {
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    onIdleConnectionError: (err) => logger.warn({ err }, "idle database connection lost"),
  });
  await database.migrate();
  logger.info({ database: database.kind }, "database migrated");
  return database;
}

/** The rows every deployment needs (administrator, KPI catalogue), then the caller's own (the demo seed). */
async function prepareData(options: CreateJointlyOptions, deps: Deps, database: Database): Promise<void> {
  const { env, logger } = options;
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const result = await ensureAdmin(deps, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    logger.info({ email: env.ADMIN_EMAIL, result }, "administrator account");
  }
  // The shipped KPI catalogue as definitions benchmarking clubs choose from (idempotent).
  await ensureShippedKpis(database.db);
  await options.beforeListen?.({ deps, database });
}

interface PipelineParts {
  env: Env;
  logger: Logger;
  auth: Auth;
  services: Services;
  deps: Deps;
  /** /healthz and /readyz, answered before anything else. */
  health: express.Router;
  /** /metrics, and load shedding in front of the pages and the API. */
  protection: Protection;
  build?: ServerBuild;
}

/** Every request's path through Express, in order: the order is part of the security. */
function useHttpPipeline(app: express.Express, parts: PipelineParts): void {
  const { env, logger, auth, services } = parts;
  app.disable("x-powered-by");
  // Which proxies may name the client in X-Forwarded-For (TRUST_PROXY); by default none, so
  // req.ip is the socket's address and a client cannot choose its own rate-limit bucket.
  app.set("trust proxy", env.TRUST_PROXY);

  // Probes first: cheap, public, and not worth a log line every few seconds; so are scrapes of /metrics.
  app.use(parts.health);
  app.use(parts.protection.metrics);

  // Then the request log, so every other response (refusals included) carries X-Request-Id and every 5xx is logged
  // with its cause under that id.
  app.use(requestLogger(logger, { trustProxy: env.TRUST_PROXY !== false }));
  // The client's address (req.ip, per TRUST_PROXY) for better-auth's rate limits; whatever a
  // client sent in this header is replaced.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  useSecurityHeaders(app, env);
  app.use(compression());

  // Fingerprinted build assets never change; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(PROJECT_ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(PROJECT_ROOT, "public"), { maxAge: "1h" }));
  // Everything past the static files may be private: never cached.
  app.use(noStore);
  // A bounded queue in front of the costly part: past it, 503 with Retry-After instead of timeouts.
  app.use(parts.protection.admission);

  // Coarse per-client guard in front of the sign-in and sign-up forms and the auth endpoints.
  app.use(["/login", "/signup", "/api/auth"], authRateLimit(env));

  // Cross-site request forgery: one rule for pages, their data requests, /api/v1 and /api/auth.
  app.use(sameOriginGuard({ publicUrl: env.PUBLIC_URL, logger }));

  app.all("/api/auth/*", handleAsync(toNodeHandler(auth)));
  app.use("/api/v1", createApiRouter({ services, auth, logger }));
  app.use(pageBodyLimit);

  if (parts.build) app.all("*", handleAsync(pageHandler(parts.build, parts)));
}

/** A fresh CSP nonce per response, the security headers that use it, and the permissions policy. */
function useSecurityHeaders(app: express.Express, env: Env): void {
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'", "ws:", "wss:"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": env.PUBLIC_URL.startsWith("https:") ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // "no-referrer" makes Chromium send `Origin: null` on same-site form posts, which the
      // same-origin guard refuses; same-origin keeps referrers inside the site.
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: env.PUBLIC_URL.startsWith("https:"),
    }),
  );
  app.use(permissionsPolicy);
}

function authRateLimit(env: Env) {
  return rateLimit({
    windowMs: 60_000,
    limit: env.AUTH_RATE_LIMIT ? 30 : 100_000,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown"),
    skip: (req) => req.method === "GET",
  });
}

/** The Remix pages, each loader given the services, auth and the request's own context. */
function pageHandler(serverBuild: ServerBuild, { env, services, auth, deps }: PipelineParts) {
  const routeNamer = pageRouteNamer(serverBuild);
  return createRequestHandler({
    build: appErrorsAsResponses(withRouteNotes(serverBuild)),
    mode: env.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (req, res): JointlyLoadContext => ({
      services,
      auth,
      env,
      // The request's own logger: whatever a loader logs carries the request id.
      logger: req.log,
      requestId: requestIdOf(req),
      cspNonce: res.locals.cspNonce as string,
      clientIp: String(req.headers[CLIENT_IP_HEADER]),
      now: deps.now,
      currentActor: actorLookup(req, res, auth, services),
      noteRoute: routeNamer(res),
    }),
  });
}

/**
 * The request's actor from its session cookie. On a GET the lookup runs once however many loaders
 * ask (it was done twice per page); the user id goes into the request's log line.
 */
function actorLookup(req: express.Request, res: express.Response, auth: Auth, services: Services): () => Promise<Actor | null> {
  const lookUp = async () => {
    const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
    const actor = session ? await services.accounts.loadActor(session.user.id) : null;
    res.locals.userId = actor?.userId;
    return actor;
  };
  if (req.method !== "GET" && req.method !== "HEAD") return lookUp;
  let once: Promise<Actor | null> | undefined;
  return () => (once ??= lookUp());
}

/** "Deadline within 48 hours" notices: checked every few minutes; safe with several processes. */
function startReminders(services: Services, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => {
    services.initiatives.notifyDeadlines().catch((err) => logger.error({ err }, "deadline notices failed"));
    services.stands.notifyStandReminders().catch((err) => logger.error({ err }, "stand reminders failed"));
    services.learning.notifyLearningReminders().catch((err) => logger.error({ err }, "learning reminders failed"));
  }, DEADLINE_CHECK_MS);
  timer.unref();
  return timer;
}

function listenOn(httpServer: http.Server, env: Env): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => {
      const address = httpServer.address();
      const port = typeof address === "object" && address ? address.port : env.PORT;
      resolve({ port, url: `http://localhost:${port}` });
    });
  });
}
