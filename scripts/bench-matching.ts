/**
 * `npm run bench:matching`: how long does the top 50 of one sourcing need take to compute?
 *
 * Synthetic networks of 1,000, 10,000 and 100,000 SMEs are generated with bulk SQL
 * (INSERT ... SELECT generate_series) straight into a fresh database: a PGlite folder in a
 * temporary directory, then a uniquely named PostgreSQL database (dropped at the end). One
 * database per engine grows from one size to the next. For one open need (assembly, tier 1,
 * ISO 9001 must-have, 30,000 pairs a month) it times the top 50 matches with their explanations:
 *
 * - as an ADMIN: every SME, each of the top 50 with its projected dependence and its
 *   diversification options (the expensive path; a broker gets the same for its networks);
 * - as the BUYER who posted the need: the ranking only (dependence: null);
 * - as a BROKER of one of the five networks (about a fifth of the SMEs), with projections.
 *
 * each (a) through the service in this process (`app.services.sourcing.matches`) and (b) through
 * `GET /api/v1/needs/{needId}/matches` on the same server (`createJointly`, listening on
 * 127.0.0.1, signed in through better-auth). If the endpoint is not in openapi.json yet, the HTTP
 * rows say so and only the service is measured.
 *
 * Every cell: BENCH_WARMUP (3) warm-up calls, then BENCH_CALLS (20) timed calls, for p50 and p95;
 * BENCH_RUNS (3) passes over every cell of a size, and the table shows the medians of the runs.
 *
 * Environment: BENCH_SIZES (1000,10000,100000), BENCH_DATABASES (pglite,postgres), BENCH_RUNS,
 * BENCH_CALLS, BENCH_WARMUP, BENCH_ROLES (admin,buyer,broker), BENCH_ANALYZE=0 (no ANALYZE after loading),
 * BENCH_KEEP=1 (keep the PostgreSQL database), TEST_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/postgres). A benchmark, not a test: exits 0 unless the run
 * itself broke.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import { selectRows, type Db } from "../db/client";
import { createJointly, type Jointly } from "../server/app";
import type { Actor } from "../server/authz/actor";
import { parseEnv } from "../server/env";
import { loadActor } from "../server/services/accounts/load-actor";
import { counts, growSmes, seedFixed, type Scene } from "./bench/matching-data";
import { report } from "./bench/matching-report";
import { describe, getJson, matchesPath, measure, shortError, type Cell, type Matches, type Measured } from "./bench/matching-measure";
import {
  ADMIN,
  ANALYZE,
  CALLS,
  DATABASES,
  HARD_DEADLINE_MS,
  KEEP,
  LIMIT,
  PG_SERVER_URL,
  ROLES,
  RUNS,
  SIZES,
  WARMUP,
  runId,
  type Path,
  type Role,
} from "./bench/matching-settings";
import { freePort, ms, percentile, signIn } from "./bench/shared";

// ---------------------------------------------------------------------------------------------
// Cleanup: only what this script created (its temp folder, its database, its server).

const cleanups: Array<() => Promise<void>> = [];
async function cleanupAll(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
}
const hardDeadline = setTimeout(() => {
  console.error(`bench:matching exceeded ${HARD_DEADLINE_MS / 60_000} minutes; stopping`);
  void cleanupAll().finally(() => process.exit(2));
}, HARD_DEADLINE_MS);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// One database: a server on it, the scene, then each size measured

async function runDatabase(kind: "pglite" | "postgres", cells: Cell[]): Promise<void> {
  const settings: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT: "false",
    HOST: "127.0.0.1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  const label = kind === "pglite" ? usePglite(settings) : await usePostgres(settings);
  const { app, base } = await startServer(settings);
  const db = app.database.db;

  console.log(`\n[${label}] seeding the buyer, need, networks, broker, rates and fairs`);
  const scene = await seedFixed(db);
  const [adminRow] = await selectRows<{ id: string }>(db, sql`select id from "user" where email = ${ADMIN.email}`);
  scene.users.admin.userId = adminRow.id;
  const actors = {} as Record<Role, Actor>;
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) {
    actors[role] = (await loadActor(db, scene.users[role].userId))!;
    cookies[role] = await signIn(base, scene.users[role].email, scene.users[role].password);
  }

  let grown = 0;
  for (const size of SIZES) {
    await growTo(db, label, grown, size, scene.buyerFirmId);
    grown = size;
    await measureSize({ app, label, base, scene, actors, cookies }, size, cells);
  }
}

/** A fresh PGlite folder in a temporary directory (removed at the end). */
function usePglite(settings: Record<string, string>): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-bench-matching-"));
  cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  settings.DATA_DIR = dataDir;
  return "PGlite";
}

/** A uniquely named PostgreSQL database (dropped at the end unless BENCH_KEEP=1). */
async function usePostgres(settings: Record<string, string>): Promise<string> {
  const dbName = `jointly_bench_matching_${runId}`;
  const admin = new pg.Client({ connectionString: PG_SERVER_URL });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  cleanups.push(async () => {
    if (KEEP) return console.log(`[PostgreSQL] BENCH_KEEP=1: database ${dbName} kept (drop it yourself)`);
    await dropDatabase(dbName);
  });
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${dbName}`;
  settings.DATABASE_URL = url.toString();
  return "PostgreSQL";
}

async function dropDatabase(dbName: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL });
  await client.connect();
  try {
    // The server's pool may still be closing its last connections: wait for them (up to 10 s)
    // rather than terminate them, which would raise an error in the closing pool.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`drop database if exists "${dbName}"${attempt >= 20 ? " with (force)" : ""}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await client.end();
  }
}

async function startServer(settings: Record<string, string>): Promise<{ app: Jointly; base: string }> {
  // better-auth needs its public URL before the server listens: pick a free port first.
  const port = await freePort();
  settings.PORT = String(port);
  settings.PUBLIC_URL = `http://127.0.0.1:${port}`;
  const env = parseEnv(settings);
  const app: Jointly = await createJointly({ env, logger: pino({ level: "warn" }) });
  // Runs before the database is dropped or its folder removed (cleanups run in reverse).
  cleanups.push(() => app.close());
  await app.listen();
  return { app, base: env.PUBLIC_URL };
}

/** Grows the SMEs from `grown` to `size`, then reports what was loaded. */
async function growTo(db: Db, label: string, grown: number, size: number, buyerFirmId: string): Promise<void> {
  const started = performance.now();
  // In chunks, so one statement never holds too much in PGlite's memory.
  for (let from = grown + 1; from <= size; from += 25_000) await growSmes(db, from, Math.min(size, from + 24_999), buyerFirmId);
  // PostgreSQL's autovacuum would analyze after such a load; PGlite has no autovacuum.
  if (ANALYZE) await db.execute(sql`analyze`);
  const c = await counts(db);
  console.log(
    `[${label}] ${size} SMEs ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${c.certifications} certifications, ${c.capacities} capacities, ${c.sales} sales entries, ${c.memberships} memberships)`,
  );
}

interface Bench {
  app: Jointly;
  label: string;
  base: string;
  scene: Scene;
  actors: Record<Role, Actor>;
  cookies: Record<Role, string>;
}

/**
 * Every role at one size, through the service then over HTTP if the endpoint exists; BENCH_RUNS
 * passes over all of them, so a noisy moment on a shared machine lands in one run of each cell
 * rather than in all of one cell's calls.
 */
async function measureSize(bench: Bench, size: number, cells: Cell[]): Promise<void> {
  const { app, label, base, scene, actors, cookies } = bench;
  const endpoint = await matchesPath(base);
  if (!endpoint) console.log(`  http: GET /api/v1/needs/{needId}/matches is not in openapi.json yet; HTTP not measured`);
  const url = endpoint && `${base}/api/v1${endpoint.replace(/\{\w+\}/, encodeURIComponent(scene.needId))}?limit=${LIMIT}`;
  for (let run = 1; run <= RUNS; run++) {
    for (const role of ROLES) {
      const record = (path: Path, outcome: Measured | Error, compareWith?: Matches) =>
        recordCell(cells, { database: label, size, role, path }, run, outcome, compareWith);
      const name = `${label} ${size} ${role} run ${run}`;
      const service = record(
        "service",
        await measure(
          `${name} service`,
          () => app.services.sourcing.matches(actors[role], { needId: scene.needId, limit: LIMIT }) as Promise<Matches>,
        ).catch((e: Error) => e),
      );
      const http = url
        ? await measure(`${name} http`, () => getJson(url, cookies[role], base) as Promise<Matches>).catch((e: Error) => e)
        : new Error("GET /api/v1/needs/{needId}/matches not in openapi.json yet");
      record("http", http, service ?? undefined);
    }
  }
}

/** Records and prints one run of a cell; the HTTP answer is compared with the service's. Returns the result, or null if it failed. */
function recordCell(
  cells: Cell[],
  where: Pick<Cell, "database" | "size" | "role" | "path">,
  run: number,
  outcome: Measured | Error,
  compareWith?: Matches,
): Matches | null {
  const { role, path } = where;
  let cell = cells.find((c) => c.database === where.database && c.size === where.size && c.role === role && c.path === path);
  if (!cell) cells.push((cell = { ...where, runs: [], items: 0, note: "" }));
  const prefix = `  run ${run}/${RUNS} ${role.padEnd(6)} ${path.padEnd(8)}`;
  if (outcome instanceof Error) {
    cell.note = `FAILED (run ${run}): ${shortError(outcome)}`;
    console.log(`${prefix} ${cell.note}`);
    return null;
  }
  const differs =
    compareWith &&
    JSON.stringify(outcome.result.items.map((i) => [i.firmId, i.score])) !==
      JSON.stringify(compareWith.items.map((i) => [i.firmId, i.score]));
  const note = describe(outcome.result) + (differs ? " (DIFFERS from the service)" : "");
  cell.runs.push(outcome.timings);
  cell.items = outcome.result.items.length;
  if (!cell.note.startsWith("FAILED") && !cell.note.includes("DIFFERS")) cell.note = note;
  const { timings } = outcome;
  console.log(`${prefix} p50 ${ms(percentile(timings, 50)).padStart(7)}  p95 ${ms(percentile(timings, 95)).padStart(7)} ms  (${note})`);
  return outcome.result;
}

async function postgresVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  console.log(
    `bench:matching ${runId}: sizes ${SIZES.join(", ")}; databases ${DATABASES.join(", ")}; roles ${ROLES.join(", ")}; ${RUNS} runs of ${WARMUP} warm-ups + ${CALLS} calls per cell`,
  );
  const cells: Cell[] = [];
  let failed = false;
  const pgVersion = await postgresVersion();
  try {
    for (const kind of DATABASES) {
      if (kind === "postgres" && !pgVersion) {
        console.log(`\n[PostgreSQL] SKIPPED: ${PG_SERVER_URL} unreachable`);
        continue;
      }
      await runDatabase(kind, cells);
      await cleanupAll();
    }
  } catch (error) {
    failed = true;
    console.error(
      `\nbench:matching FAILED: ${shortError(error as Error)}\n${((error as Error).stack ?? "").split("\n").slice(1, 6).join("\n")}`,
    );
  } finally {
    await cleanupAll();
  }
  if (cells.length) report(cells, pgVersion);
  clearTimeout(hardDeadline);
  process.exit(failed ? 1 : 0);
}

void main();
