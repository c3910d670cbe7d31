/**
 * `npm run bench:start`: how long from starting the server to its first answer?
 *
 * Spawns the production server as `npm start` runs it (the compiled bundle on plain node) and,
 * for comparison in the same run, the TypeScript sources through tsx (how production ran before
 * ADR 016), on PGlite (a fresh folder in a temporary directory) and on PostgreSQL (a fresh
 * database, created and dropped; skipped with a message when the server is unreachable).
 * Per database, a first boot applies the migrations; then each way of running restarts
 * BENCH_START_RUNS times (5), alternating, as a deploy restarts a process on an existing database.
 * Per start: ms from spawn to the first 200 on /healthz and on /readyz, and the resident memory of
 * the process group (the server and any helper process) and the CPU time it used, once ready.
 * Medians are printed.
 *
 * Environment: BENCH_START_RUNS (5), TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres).
 * Linux only (memory is read from /proc). A benchmark, not a test: exits 0 unless the run broke.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pgUnreachable, scratchDatabase } from "./bench/postgres";
import { stopChild } from "./bench/processes";
import { clamp, compiledServer, freePort, PG_SERVER_URL } from "./bench/shared";
import { PROJECT_ROOT } from "../db/project-root";

const RUNS = clamp(Number(process.env.BENCH_START_RUNS ?? 5) || 5, 1, 50);

const START_TIMEOUT_MS = 60_000;
const POLL_MS = 10;
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

interface Way {
  name: string;
  command: string;
  args: string[];
}

const WAYS: Way[] = [
  { name: "compiled (node build/server/index.js)", ...compiledServer(PROJECT_ROOT) },
  { name: "tsx (tsx server/index.ts)", command: path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), args: ["server/index.ts"] },
];

interface Start {
  healthzMs: number;
  readyzMs: number;
  rssMb: number;
  cpuMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answers200(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false; // not listening yet
  }
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/**
 * Resident memory (MB) and CPU time used so far (ms) of every process in the group `pgid`: the
 * server and any helper it started. CPU time is steadier than wall time on a busy machine.
 */
function groupUsage(pgid: number): { rssMb: number; cpuMs: number } {
  let kb = 0;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command, from 0: state, ppid, pgrp, …, utime (11), stime (12).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended while being read
    }
  }
  return { rssMb: kb / 1024, cpuMs: (ticks * 1000) / TICKS_PER_S };
}

/** Starts one server, times its first answers, reads its memory, stops it. */
async function startOnce(way: Way, env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const began = performance.now();
  const child = spawn(way.command, way.args, {
    cwd: PROJECT_ROOT,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      DATABASE_URL: "",
      REDIS_URL: "",
      ADMIN_EMAIL: "",
      ADMIN_PASSWORD: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  try {
    const firstOk = async (probe: string) => {
      while (performance.now() - began < START_TIMEOUT_MS) {
        if (child.exitCode !== null) throw new Error(`${way.name} exited with ${child.exitCode}:\n${output}`);
        if (await answers200(`${url}${probe}`)) return performance.now() - began;
        await sleep(POLL_MS);
      }
      throw new Error(`${way.name} gave no 200 on ${probe} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    };
    const healthzMs = await firstOk("/healthz");
    const readyzMs = await firstOk("/readyz");
    return { healthzMs, readyzMs, ...(child.pid ? groupUsage(child.pid) : { rssMb: NaN, cpuMs: NaN }) };
  } finally {
    await stopChild(child);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A first boot (migrations), then RUNS restarts of each way, alternating; prints the medians. */
async function measure(database: string, env: Record<string, string>): Promise<void> {
  const first = await startOnce(WAYS[0], env);
  console.log(`\n${database}: first boot with migrations (${WAYS[0].name}): /readyz ${first.readyzMs.toFixed(0)} ms`);
  const starts = new Map<Way, Start[]>(WAYS.map((way) => [way, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const way of run % 2 ? [...WAYS].reverse() : WAYS) starts.get(way)?.push(await startOnce(way, env));
  }
  const header = ["/healthz", "/readyz", "CPU", "RSS"].map((h) => h.padStart(9)).join(" ");
  console.log(`  ${"".padEnd(40)} ${header}   (medians of ${RUNS}; CPU: user + system time until ready)`);
  for (const [way, list] of starts) {
    const cell = (pick: (s: Start) => number, unit: string) => `${median(list.map(pick)).toFixed(0)} ${unit}`.padStart(9);
    console.log(
      `  ${way.name.padEnd(40)} ${cell((s) => s.healthzMs, "ms")} ${cell((s) => s.readyzMs, "ms")} ${cell((s) => s.cpuMs, "ms")} ${cell((s) => s.rssMb, "MB")}`,
    );
  }
}

async function main() {
  console.log(`bench:start ${runId}: ${RUNS} restarts per way and database, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-start-"));
  try {
    await measure("PGlite", { DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const unreachable = await pgUnreachable(PG_SERVER_URL);
  if (unreachable) {
    console.log(`\nPostgreSQL skipped: ${unreachable}`);
    return;
  }
  const database = await scratchDatabase(PG_SERVER_URL, `jointly_start_${runId}`);
  try {
    await measure("PostgreSQL", { DATABASE_URL: database.url });
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:start FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
