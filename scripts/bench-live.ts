/**
 * `npm run bench:live`: how fast does a joint-buy commitment reach everyone watching it?
 *
 * 500 socket.io clients watch one joint purchase (room `initiative:<id>`); an SME commits a
 * quantity through the JSON API (PUT /api/v1/initiatives/{id}/joint-buy/commitment); each client
 * records when its `jointbuy:updated` push arrives. Latency = arrival - the instant just before
 * the HTTP request was sent (one clock: clients and the request live in this process).
 *
 * First a BASELINE: the same clients and rounds against a bare socket.io server in a child
 * process (a room, and an HTTP POST that emits to it). Then ONE server process (fresh PGlite
 * folder), then TWO processes sharing PostgreSQL and Redis (half the clients on each, the
 * commitment made through process A). The second part is skipped, with a message, when
 * PostgreSQL or Redis is unreachable. Each product scenario measures its rounds quiet, then again
 * while BENCH_CROWD users signed in as the broker keep loading its network and joint-buy pages.
 *
 * Setup goes through HTTP like a user would: sign-up form, admin-created broker, then the
 * network/initiative endpoints of /api/v1. If an endpoint is missing from openapi.json, that step
 * falls back to calling the service directly (the one-process run then runs the server in this
 * process on a memory PGlite); every fallback is printed.
 *
 * Environment: BENCH_CLIENTS (500), BENCH_ROUNDS (20), BENCH_CROWD (50; 0 leaves the crowd out), TEST_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (redis://127.0.0.1:6379).
 * This is a benchmark, not a test: it exits 0 unless the run itself broke.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { Api, loadOperations, type Fallback } from "./bench/live-api";
import { bareBaseline } from "./bench/live-bare";
import { startCrowd } from "./bench/live-crowd";
import { report, type Result } from "./bench/live-report";
import { measureRounds, toResult } from "./bench/live-rounds";
import { setUpScene } from "./bench/live-scene";
import {
  ADMIN,
  AUTH_SECRET,
  CLIENTS,
  CROWD_USERS,
  HARD_DEADLINE_MS,
  REDIS_URL,
  ROUNDS,
  START_TIMEOUT_MS,
  runId,
} from "./bench/live-settings";
import { Watchers } from "./bench/live-watchers";
import { pgUnreachable, scratchDatabase } from "./bench/postgres";
import { benchServerEnv, cleanupAll, guardRun, onCleanup, startServer, stopServers } from "./bench/processes";
import { compiledServer, freePort, PG_SERVER_URL, ROOT } from "./bench/shared";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const hardDeadline = guardRun("bench:live", HARD_DEADLINE_MS);

// ---------------------------------------------------------------------------------------------
// Servers

interface Server {
  name: string;
  url: string;
}

/** A server of this run: every process shares the secret and the administrator. */
const startProcess = (name: string, env: Record<string, string>): Promise<Server> =>
  startServer(
    name,
    { BETTER_AUTH_SECRET: AUTH_SECRET, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env },
    [],
    START_TIMEOUT_MS,
  );

/** The one-process fallback: the whole server in this process on a memory PGlite. */
async function startInProcess(): Promise<{ server: Server; fallback: Fallback; close(): Promise<void> }> {
  const [{ createJointly }, { parseEnv }, { pino }] = await Promise.all([import("../server/app"), import("../server/env"), import("pino")]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = parseEnv({
    ...benchServerEnv(port),
    DATA_DIR: "memory://",
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild;
  const app = await createJointly({ env, logger: pino({ level: "warn" }), build });
  await app.listen();
  return {
    server: { name: "in-process", url },
    fallback: { services: app.services, where: "in-process services" },
    close: () => app.close(),
  };
}

/** The two-process fallback for setup steps: services over a direct handle on the shared database. */
async function directServices(databaseUrl: string): Promise<{ fallback: Fallback; close(): Promise<void> }> {
  const [{ openDatabase }, { createServices }] = await Promise.all([import("../db/client"), import("../server/services/index")]);
  const database = await openDatabase({ url: databaseUrl, poolMax: 2 });
  const services = createServices({
    db: database.db,
    publisher: { toRoom() {}, disconnectSession() {}, rescopeUsers() {} },
    now: () => new Date(),
  });
  return { fallback: { services, where: "services on a direct database handle" }, close: () => database.close() };
}

// ---------------------------------------------------------------------------------------------
// One scenario

/** The quiet rounds, then (with BENCH_CROWD > 0) the same rounds while the crowd loads pages. */
async function runScenario(name: string, servers: Server[], fallback: Fallback | null): Promise<Result[]> {
  const primary = servers[0];
  const api = new Api(primary.url, await loadOperations(primary.url), fallback);
  const scene = await setUpScene(api);
  console.log(`\n[${name}] setup:`);
  for (const line of scene.steps) console.log(`  - ${line}`);
  console.log(`  - commitment: ${scene.commitVia}`);

  const watchers = new Watchers(scene.initiativeId);
  onCleanup(() => Promise.resolve(watchers.close()));
  const connectStarted = performance.now();
  const split: string[] = [];
  for (let i = 0; i < servers.length; i++) {
    const share = Math.floor(CLIENTS / servers.length) + (i < CLIENTS % servers.length ? 1 : 0);
    await watchers.connect(servers[i].url, scene.broker.cookie, share);
    split.push(`${share} on ${servers[i].name}`);
  }
  const connectMs = performance.now() - connectStarted;
  console.log(`  - ${watchers.count} sockets connected and joined in ${(connectMs / 1000).toFixed(1)} s (${split.join(", ")})`);
  await sleep(500);

  const common = {
    setup: api.log.some((l) => l.includes("FALLBACK")) ? "partly via service fallback" : "all via HTTP",
    commitVia: scene.commitVia.startsWith("HTTP") ? "HTTP API" : "service (fallback)",
    clients: split.join(", "),
    connectMs,
  };
  const quiet = toResult({ name, ...common, rounds: await measureRounds(watchers, scene.commit), stray: watchers.stray });
  if (CROWD_USERS === 0) {
    watchers.close();
    return [quiet];
  }
  const paths = [`/networks/${scene.networkId}`, `/initiatives/${scene.initiativeId}`];
  console.log(`\n[${name}] while ${CROWD_USERS} users signed in as the broker load ${paths.join(" and ")}:`);
  const crowd = await startCrowd({ bases: servers.map((s) => s.url), paths, cookie: scene.broker.cookie, users: CROWD_USERS });
  const rounds = await measureRounds(watchers, scene.commit);
  const pages = await crowd.stop();
  watchers.close();
  const crowded = toResult({
    name: `${name} while ${CROWD_USERS} users load pages`,
    ...common,
    rounds,
    stray: watchers.stray - quiet.stray,
  });
  return [quiet, { ...crowded, crowd: pages, quiet: quiet.name }];
}

async function oneProcess(): Promise<Result[]> {
  // Ask process-free questions first: does the API have the endpoints? Start a server to see.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-bench-"));
  onCleanup(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  const server = await startProcess("A", { DATA_DIR: dataDir });
  const ops = await loadOperations(server.url);
  const needed = [
    "createNetwork",
    "inviteToNetwork",
    "createInitiative",
    "transitionInitiative",
    "joinInitiative",
    "setJointBuyCommitment",
  ];
  const missing = needed.filter((id) => !ops.has(id));
  if (!ops.has("acceptInvitation") && !ops.has("respondToInvitation")) missing.push("acceptInvitation");
  if (missing.length === 0) {
    try {
      return await runScenario("one process (PGlite)", [server], null);
    } finally {
      await stopServers();
    }
  }
  // The fallback: PGlite allows one process per folder, so the server runs in this process.
  console.log(`\n[one process] endpoints missing from /api/v1: ${missing.join(", ")}`);
  console.log("[one process] FALLBACK: server IN THIS PROCESS (memory PGlite); missing steps call app.services directly.");
  console.log("[one process] NOTE: the 500 clients then share one event loop with the server; latencies are pessimistic.");
  await stopServers();
  const inProcess = await startInProcess();
  try {
    return await runScenario("one process (in-process fallback, memory PGlite)", [inProcess.server], inProcess.fallback);
  } finally {
    await inProcess.close();
  }
}

async function reachable(): Promise<string | null> {
  const problem = await pgUnreachable(PG_SERVER_URL);
  if (problem) return problem;
  const redis = new URL(REDIS_URL);
  const pong = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: redis.hostname || "127.0.0.1", port: Number(redis.port || 6379) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, 3_000);
    socket.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      clearTimeout(timer);
      socket.end();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
  return pong ? null : `Redis at ${REDIS_URL} unreachable`;
}

async function twoProcesses(): Promise<Result[] | string> {
  const problem = await reachable();
  if (problem) return problem;
  const scratch = await scratchDatabase(PG_SERVER_URL, `jointly_bench_${runId}`);
  onCleanup(scratch.drop);
  const env = { DATABASE_URL: scratch.url, REDIS_URL, REDIS_PREFIX: `jointly-bench-${runId}` };
  // A migrates first; B then finds the schema in place.
  const a = await startProcess("A", env);
  const b = await startProcess("B", env);
  const ops = await loadOperations(a.url);
  if (!ops.has("setJointBuyCommitment")) {
    return "process A has no setJointBuyCommitment endpoint yet; a commitment made outside A would not measure A";
  }
  const direct = await directServices(scratch.url);
  try {
    return await runScenario("two processes (PostgreSQL + Redis)", [a, b], direct.fallback);
  } finally {
    await direct.close();
    await stopServers();
  }
}

async function main() {
  compiledServer(ROOT); // fails early, before any setup, when the build is missing
  console.log(`bench:live ${runId}: ${CLIENTS} clients, ${ROUNDS} rounds, crowd of ${CROWD_USERS} users`);
  const results: Result[] = [];
  let skipped: string | null = null;
  let failed = false;
  try {
    results.push(await bareBaseline());
    results.push(...(await oneProcess()));
    const two = await twoProcesses();
    if (typeof two === "string") skipped = two;
    else results.push(...two);
  } catch (error) {
    failed = true;
    console.error(`\nbench:live FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanupAll();
  }
  if (results.length) report(results, skipped);
  clearTimeout(hardDeadline);
  process.exit(failed ? 1 : 0);
}

void main();
