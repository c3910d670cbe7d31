/** bench:live's report: one table over every scenario, and the target. */
import { CLIENTS, ROUND_TIMEOUT_MS, ROUNDS, TARGET_P95_MS, WARMUP_ROUNDS } from "./live-settings";
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
}

export function report(results: Result[], skipped: string | null) {
  console.log("\n==================================================================================================");
  console.log(`bench:live — jointbuy:updated delivery latency (commitment request sent -> push received)`);
  for (const line of machine()) console.log(`  ${line}`);
  console.log(`  ${CLIENTS} clients, ${ROUNDS} measured rounds (+${WARMUP_ROUNDS} warm-up), round timeout ${ROUND_TIMEOUT_MS / 1000} s`);
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
  const one = results[0];
  if (one) {
    const p95 = percentile(one.all, 95);
    const met = p95 < TARGET_P95_MS && one.missing === 0;
    console.log(
      `\nTarget (one process, p95 < ${TARGET_P95_MS} ms, nothing missing): ${met ? "MET" : "MISSED"} (p95 ${ms(p95)} ms, ${one.missing} missing)`,
    );
  }
  console.log("==================================================================================================");
}
