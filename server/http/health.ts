import { sql } from "drizzle-orm";
import express from "express";
import type { Db } from "../../db/client";

/**
 * Liveness and readiness for a process manager or a load balancer.
 * - `/healthz`: the process answers (nothing else is asked, so a slow database never gets a
 *   healthy process restarted).
 * - `/readyz`: this process can serve a request now: the database answers, Redis answers when
 *   REDIS_URL is set, and the process is not shutting down. 503 otherwise, so a proxy stops
 *   sending it work while it drains or while a dependency is down.
 * Both answer before the request log, so a probe every few seconds does not fill the logs, and
 * name no host, version or error text: anyone may call them.
 */
const CHECK_TIMEOUT_MS = 2_000;

type CheckResult = "ok" | "unreachable" | "off";
export type ReadinessCheck = () => Promise<CheckResult>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult | "draining">;
}

/** Runs every check at once, each bounded by a timeout; ready when none failed and not draining. */
export async function readiness(
  checks: Record<string, ReadinessCheck>,
  draining: boolean,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await withTimeout(check, timeoutMs)] as const),
  );
  const results: Readiness["checks"] = Object.fromEntries(entries);
  if (draining) results.process = "draining";
  return { ready: !draining && entries.every(([, result]) => result !== "unreachable"), checks: results };
}

async function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve("unreachable"), timeoutMs);
  });
  try {
    return await Promise.race([check().catch((): CheckResult => "unreachable"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The database answers a trivial query. */
export function databaseCheck(db: Db): ReadinessCheck {
  return async () => {
    await db.execute(sql`select 1`);
    return "ok";
  };
}

export function healthRoutes(options: { checks: Record<string, ReadinessCheck>; draining: () => boolean }): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", (_req, res, next) => {
    readiness(options.checks, options.draining())
      .then(({ ready, checks }) => {
        res
          .status(ready ? 200 : 503)
          .set("Cache-Control", "no-store")
          .json({ status: ready ? "ready" : "not ready", checks });
      })
      .catch(next);
  });
  return router;
}
