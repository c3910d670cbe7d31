/**
 * The run bench:pages and bench:api share: the demo served in production on PGlite, then on a
 * PostgreSQL database of its own; each target loaded at each concurrency beside a bare Express
 * handler answering as many bytes; the server's memory after each cell and after idling.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveBareIfChild, startBare } from "./crowd-bare";
import { demoApi, findDemo, type DemoIds } from "./crowd-demo";
import { load, perUser, type Cell } from "./crowd-load";
import { printHeader, printRow } from "./crowd-report";
import { chosen, CONCURRENCY, DATABASES, HARD_DEADLINE_MS, IDLE_SECONDS, runId, SECONDS } from "./crowd-settings";
import type { Api } from "./live-api";
import { pgUnreachable, scratchDatabase } from "./postgres";
import { cleanupAll, guardRun, onCleanup, rssMb, startServer, stopServers, type Server } from "./processes";
import { machine, PG_SERVER_URL } from "./shared";

interface Target {
  key: string;
  label: string;
  /** Path and query on the server. */
  path: string;
  cookie: string;
}

export interface Suite {
  name: string;
  /** The environment variable listing the target keys to run. */
  filterVariable: string;
  targets(api: Api, ids: DemoIds): Target[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seconds until the server answers /healthz quickly again (requests nobody waits for may keep it busy). */
async function settle(base: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const t = Date.now();
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && Date.now() - t < 100) break;
    await sleep(200);
  }
  return (Date.now() - started) / 1000;
}

/** One URL at every concurrency in turn, each cell sized from the one before. */
class Series {
  private rps = NaN;
  constructor(
    private readonly url: string,
    private readonly cookie?: string,
  ) {}

  async cell(users: number): Promise<Cell> {
    const cell = await load(this.url, users, SECONDS, this.cookie, users === 1 ? undefined : perUser(this.rps, users, SECONDS));
    this.rps = cell.rps;
    return cell;
  }
}

class Bare {
  private readonly cells = new Map<string, Cell>();
  private readonly series = new Map<number, Series>();
  constructor(private readonly url: string) {}

  /** The bare handler at `users` for about `bytes` bytes, measured once per 8 KB size class. */
  async cell(bytes: number, users: number): Promise<Cell> {
    const sizeClass = Math.round(bytes / 8192);
    const key = `${sizeClass}:${users}`;
    let cell = this.cells.get(key);
    if (!cell) {
      let series = this.series.get(sizeClass);
      if (!series) this.series.set(sizeClass, (series = new Series(`${this.url}/${bytes}`)));
      cell = await series.cell(users);
      this.cells.set(key, cell);
    }
    return cell;
  }
}

async function measure(suite: Suite, database: string, server: Server, bare: Bare): Promise<void> {
  const api = await demoApi(server.url);
  const targets = suite.targets(api, await findDemo(api)).filter((t) => chosen(suite.filterVariable)(t.key));
  for (const target of targets) {
    const url = `${server.url}${target.path}`;
    const first = await fetch(url, { headers: { cookie: target.cookie }, redirect: "manual" });
    const bytes = (await first.arrayBuffer()).byteLength;
    if (!first.ok) throw new Error(`${target.label} (${target.path}) answered ${first.status}`);
    console.log(`| ${database} | ${target.label}: ${target.path} (${(bytes / 1024).toFixed(0)} KB) | warm-up |`);
    await load(url, 10, 1, target.cookie);
    await settle(server.url);
    const series = new Series(url, target.cookie);
    for (const users of CONCURRENCY) {
      const cell = await series.cell(users);
      const rss = rssMb(server.pid);
      const busy = await settle(server.url);
      printRow(database, target.label, users, cell, await bare.cell(bytes, users), rss);
      if (busy > 1) console.log(`| ${database} | (still busy ${busy.toFixed(1)} s after the run) |`);
    }
  }
  await sleep(IDLE_SECONDS * 1000);
  console.log(`| ${database} | RSS after ${IDLE_SECONDS} s idle: ${rssMb(server.pid).toFixed(0)} MB |`);
}

async function onPglite(suite: Suite, bare: Bare): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-crowd-"));
  onCleanup(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  const server = await startServer("PGlite", { DEMO_DATA_DIR: dataDir }, ["--demo"]);
  await measure(suite, "PGlite", server, bare);
  await stopServers();
}

async function onPostgres(suite: Suite, bare: Bare): Promise<void> {
  const problem = await pgUnreachable(PG_SERVER_URL);
  if (problem) {
    console.log(`\n[PostgreSQL] SKIPPED: ${problem}`);
    return;
  }
  const scratch = await scratchDatabase(PG_SERVER_URL, `jointly_crowd_${runId}`);
  onCleanup(scratch.drop);
  const server = await startServer("PostgreSQL", { DATABASE_URL: scratch.url, DEMO_WIPE_DATABASE: scratch.name }, ["--demo"]);
  await measure(suite, "PostgreSQL", server, bare);
  await stopServers();
}

export async function runSuite(suite: Suite): Promise<void> {
  if (serveBareIfChild()) return;
  const deadline = guardRun(suite.name, HARD_DEADLINE_MS);
  console.log(`${suite.name} ${runId}: ${SECONDS} s per cell at ${CONCURRENCY.join(", ")} concurrent users`);
  for (const line of machine()) console.log(`  ${line}`);
  let failed = false;
  try {
    const bare = new Bare(await startBare());
    printHeader();
    if (DATABASES.includes("pglite")) await onPglite(suite, bare);
    if (DATABASES.includes("postgres")) await onPostgres(suite, bare);
  } catch (error) {
    failed = true;
    console.error(`\n${suite.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanupAll();
  }
  clearTimeout(deadline);
  process.exit(failed ? 1 : 0);
}
