import pg from "pg";
import { EnvError, hostOf } from "./env";

/**
 * The services the configuration names must answer at boot: otherwise the process stops within
 * seconds with the variable's name (and never its password) instead of waiting forever.
 */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * One connection of its own with a connect timeout. The pool has none on purpose: its timeout
 * would also bound the wait for a free connection, and a burst of requests would then fail with
 * 500s instead of queueing.
 */
export async function reachDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    throw new EnvError(`DATABASE_URL: cannot connect to PostgreSQL at ${hostOf(url)} (${rootMessage(err)})`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Checked before anything slow (the database, migrations), so a wrong REDIS_URL stops at once. */
export async function reachRedis(url: string): Promise<void> {
  // Loaded only when Redis is configured: it is a noticeable share of the cold start otherwise.
  const { createClient } = await import("redis");
  const client = createClient({ url, socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.quit();
  } catch (err) {
    try {
      client.destroy();
    } catch {
      // never connected
    }
    throw new EnvError(`REDIS_URL: cannot connect to Redis at ${hostOf(url)} (${rootMessage(err)})`);
  }
}

/** The innermost cause's message: "connect ECONNREFUSED", not the query that needed it. */
export function rootMessage(err: unknown): string {
  let current = err as { message?: string; cause?: unknown } | undefined;
  while (current?.cause) current = current.cause;
  return current?.message || String(err);
}
