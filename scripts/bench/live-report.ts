/** bench:live's report: one table over every scenario, and the target. */
import type { CrowdReport } from "./live-crowd";
import { CLIENTS, CROWD_TARGET_P95_MS, CROWD_USERS, ROUND_TIMEOUT_MS, ROUNDS, TARGET_P95_MS, WARMUP_ROUNDS } from "./live-settings";
import { machine, ms, percentile } from "./shared";

/** One scenario's measured rounds. */
export interface Result {
  name: string;
  setup: string;
  commitVia: string;
  clients: string;
  rounds: Array<{ quantity: number; latencies: number[]; missing: number; httpMs: number }>;
  all: number[];
  missing: number;
  stray: number;
  connectMs: number;
  /** The crowd variant: the page loads that ran beside the rounds, and the quiet scenario's name. */
  crowd?: CrowdReport;
  quiet?: string;
}

export function report(results: Result[], skipped: string | null) {
  console.log("\n==================================================================================================");
  console.log(`bench:live — jointbuy:updated delivery latency (commitment request sent -> push received)`);
  for (const line of machine()) console.log(`  ${line}`);
  console.log(`  ${CLIENTS} clients, ${ROUNDS} measured rounds (+${WARMUP_ROUNDS} warm-up), round timeout ${ROUND_TIMEOUT_MS / 1000} s`);
  console.log(`  crowd variant: ${CROWD_USERS} users signed in as the broker loading the network and joint-buy pages during the rounds`);
  console.log("  baseline: a bare socket.io server (same version, child process), a room and an HTTP POST that emits to it");
  console.log("  p50/p95/max over every delivery of every measured round; first push = earliest client per round;");
  console.log("  fan-out = last minus first client per round; commit resp = the HTTP answer to the commitment.");
  console.log("");
  const header = [
    "scenario",
    "clients",
    "commit via",
    "deliveries",
    "missing",
    "p50 ms",
    "p95 ms",
    "max ms",
    "worst-round p95",
    "first push p50",
    "fan-out p50",
    "commit resp p50",
  ];
  const rows = results.map((r) => {
    const roundP95 = r.rounds.map((x) => percentile(x.latencies, 95)).filter(Number.isFinite);
    const http = r.rounds.map((x) => x.httpMs).sort((a, b) => a - b);
    // First arrival per round (mostly the commitment's own work), and last minus first (the fan-out).
    const first = r.rounds
      .map((x) => x.latencies[0])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const spread = r.rounds
      .filter((x) => x.latencies.length)
      .map((x) => x.latencies[x.latencies.length - 1] - x.latencies[0])
      .sort((a, b) => a - b);
    return [
      r.name,
      r.clients,
      r.commitVia,
      `${r.all.length}/${r.all.length + r.missing}`,
      String(r.missing),
      ms(percentile(r.all, 50)),
      ms(percentile(r.all, 95)),
      ms(r.all[r.all.length - 1]),
      ms(Math.max(...roundP95)),
      ms(percentile(first, 50)),
      ms(percentile(spread, 50)),
      ms(percentile(http, 50)),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  if (skipped) console.log(`\ntwo processes: SKIPPED — ${skipped}`);
  for (const r of results) {
    if (r.setup !== "all via HTTP") console.log(`\nnote: ${r.name}: setup ${r.setup}`);
    if (r.stray) console.log(`note: ${r.name}: ${r.stray} late or unexpected pushes ignored`);
  }
  beside(results);
  targets(results);
  console.log("==================================================================================================");
}

const p95Of = (r: Result) => percentile(r.all, 95);

/** Each scenario's p50/p95 beside the bare baseline and, for a crowd variant, beside its quiet run. */
function beside(results: Result[]) {
  const bare = results.find((r) => r.name.startsWith("bare"));
  const width = Math.max(...results.map((r) => r.name.length));
  console.log("\nBeside each other (p50 / p95 over every delivery):");
  for (const r of results) {
    const notes: string[] = [];
    if (bare && r !== bare) notes.push(`p95 ${ratio(p95Of(r), p95Of(bare))} the bare baseline`);
    const quiet = results.find((q) => q.name === r.quiet);
    if (quiet) notes.push(`${ratio(p95Of(r), p95Of(quiet))} quiet`);
    console.log(
      `  ${r.name.padEnd(width)}  ${ms(percentile(r.all, 50)).padStart(7)} / ${ms(p95Of(r)).padStart(7)} ms  ${notes.join("; ")}`,
    );
    if (r.crowd) console.log(`  ${" ".repeat(width)}  pages: ${pages(r.crowd)}`);
  }
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : "-");

function pages(c: CrowdReport): string {
  const errors = c.errors ? `, ${c.errors} errors (first: ${c.firstError})` : ", no errors";
  return (
    `${c.loads} loads by ${c.users} users in ${c.seconds.toFixed(1)} s (${(c.loads / c.seconds).toFixed(1)}/s), ` +
    `p50 ${ms(c.p50)} ms, p95 ${ms(c.p95)} ms, max ${ms(c.max)} ms${errors}`
  );
}

function targets(results: Result[]) {
  const one = results.find((r) => r.name.startsWith("one process") && !r.crowd);
  if (one) {
    const met = p95Of(one) < TARGET_P95_MS && one.missing === 0;
    const verdict = met ? "MET" : "MISSED";
    console.log(
      `\nTarget (one process, p95 < ${TARGET_P95_MS} ms, nothing missing): ${verdict} (p95 ${ms(p95Of(one))} ms, ${one.missing} missing)`,
    );
  }
  const crowded = results.find((r) => r.name.startsWith("one process") && r.crowd);
  if (crowded) {
    const met = p95Of(crowded) <= CROWD_TARGET_P95_MS && crowded.missing === 0;
    console.log(
      `Target (one process while ${CROWD_USERS} users load pages, p95 <= ${CROWD_TARGET_P95_MS} ms, nothing missing): ` +
        `${met ? "MET" : "MISSED"} (p95 ${ms(p95Of(crowded))} ms, ${crowded.missing} missing)`,
    );
  }
}
