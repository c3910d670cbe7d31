/** bench:matching's report: the machine, then one row per cell with the medians of its runs. */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Cell } from "./matching-measure";
import { ANALYZE, CALLS, LIMIT, LOAD_AT_START, ROOT, RUNS, TARGET_P95_MS, WARMUP } from "./matching-settings";
import { ms, percentile } from "./shared";

function pgliteVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
      version: string;
    };
    return manifest.version;
  } catch {
    return "?";
  }
}

function machine(pgVersion: string | null): string[] {
  const cpus = os.cpus();
  const [l1, l5, l15] = os.loadavg();
  return [
    `CPU:    ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB (${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free)`,
    `OS:     ${os.type()} ${os.release()} (${os.arch()})`,
    `Node:   ${process.version}`,
    `PG:     PostgreSQL ${pgVersion ?? "not reached"} (same machine); PGlite ${pgliteVersion()}`,
    `Load:   ${LOAD_AT_START} at the start, ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)} at the end (1/5/15 min; ${os.cpus().length} cores, shared)`,
    `Date:   ${new Date().toISOString()}`,
  ];
}

/** The median over a cell's runs of one percentile of each run. */
const medianOfRuns = (cell: Cell, p: number) =>
  percentile(
    cell.runs.map((timings) => percentile(timings, p)).sort((a, b) => a - b),
    50,
  );

export function report(cells: Cell[], pgVersion: string | null) {
  console.log("\n==================================================================================================");
  console.log(`bench:matching — top ${LIMIT} matches of one need, with explanations (admin and broker: projected dependence and options)`);
  for (const line of machine(pgVersion)) console.log(`  ${line}`);
  console.log(`  ${ANALYZE ? "ANALYZE after loading each size" : "NO ANALYZE after loading (BENCH_ANALYZE=0)"}`);
  console.log(
    `  ${RUNS} runs of ${CALLS} timed calls per cell after ${WARMUP} warm-ups; p50 and p95 are the medians of the runs' p50 and p95; ` +
      `HTTP = GET /api/v1/needs/{needId}/matches?limit=${LIMIT} on 127.0.0.1, body read and parsed`,
  );
  console.log("");
  const header = ["database", "SMEs", "role", "path", "runs", "p50 ms", "p95 ms", "p95 of each run", "max ms", "result"];
  const rows = cells.map((c) => [
    c.database,
    c.size.toLocaleString("en-US"),
    c.role,
    c.path,
    String(c.runs.length),
    ms(medianOfRuns(c, 50)),
    ms(medianOfRuns(c, 95)),
    c.runs.map((timings) => ms(percentile(timings, 95))).join(" / ") || "-",
    ms(Math.max(...c.runs.flatMap((timings) => timings.slice(-1)))),
    c.note,
  ]);
  const widths = header.map((hd, i) => Math.max(hd.length, ...rows.map((row) => row[i].length)));
  const line = (cellsOfRow: string[]) => `| ${cellsOfRow.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  const target = cells.find((c) => c.database === "PostgreSQL" && c.size === 100_000 && c.role === "admin" && c.path === "http");
  const what = `Target (100,000 SMEs, admin, HTTP, PostgreSQL, median of the runs' p95 < ${TARGET_P95_MS} ms)`;
  if (target && target.runs.length) {
    const p95 = medianOfRuns(target, 95);
    console.log(`\n${what}: ${p95 < TARGET_P95_MS ? "MET" : "MISSED"} (p95 ${ms(p95)} ms)`);
  } else {
    console.log(`\n${what}: not measured in this run`);
  }
  console.log("==================================================================================================");
}
