/** bench:live's rounds: warm-ups then measured commitments, each printed as it lands. */
import type { Result } from "./live-report";
import type { Scene } from "./live-scene";
import { PAUSE_BETWEEN_ROUNDS_MS, ROUNDS, WARMUP_ROUNDS } from "./live-settings";
import type { Watchers } from "./live-watchers";
import { ms, percentile } from "./shared";

type Rounds = Result["rounds"];

/** Quantities alternate 10/20, so every round changes the total (and crosses no price break). */
export async function measureRounds(watchers: Watchers, commit: Scene["commit"]): Promise<Rounds> {
  const rounds: Rounds = [];
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    const quantity = i % 2 === 0 ? 10 : 20;
    const r = await watchers.measure(quantity, commit);
    const warm = i < WARMUP_ROUNDS;
    const label = warm ? `warm-up ${i + 1}` : `round ${String(i - WARMUP_ROUNDS + 1).padStart(2)}`;
    console.log(
      `  ${label.padEnd(10)} qty ${String(quantity).padStart(2)}  delivered ${r.latencies.length}/${watchers.count}` +
        `  first ${ms(r.latencies[0])}  p50 ${ms(percentile(r.latencies, 50))}  p95 ${ms(percentile(r.latencies, 95))}` +
        `  max ${ms(r.latencies[r.latencies.length - 1])} ms  (commit response ${ms(r.httpMs)} ms)`,
    );
    if (!warm) rounds.push({ quantity, ...r });
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ROUNDS_MS));
  }
  return rounds;
}

/** A scenario's result from its measured rounds. */
export function toResult(fields: Omit<Result, "all" | "missing">): Result {
  const { rounds } = fields;
  return {
    ...fields,
    all: rounds.flatMap((r) => r.latencies).sort((a, b) => a - b),
    missing: rounds.reduce((n, r) => n + r.missing, 0),
  };
}
