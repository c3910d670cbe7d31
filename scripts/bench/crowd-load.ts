/**
 * One cell of bench:pages/bench:api: autocannon on one URL at one concurrency, every latency kept.
 *
 * A cell cut at a fixed duration would drop the requests still in flight, and at 200 users on a
 * slow page that can be all of them. So each user sends a set number of requests back to back
 * (sized from the previous cell's throughput to last about `seconds`) and the cell ends when all
 * are answered or timed out; one user alone simply runs for `seconds`.
 */
import autocannon from "autocannon";
import { TIMEOUT_SECONDS } from "./crowd-settings";
import { percentile } from "./shared";

export interface Cell {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  timeouts: number;
  /** Connection errors other than timeouts. */
  otherErrors: number;
}

/** Requests per user so that `users` at `rps` take about `seconds` (at least one each). */
export const perUser = (rps: number, users: number, seconds: number) =>
  Math.max(1, Math.round(((Number.isFinite(rps) ? rps : 0) * seconds) / users));

export async function load(url: string, users: number, seconds: number, cookie?: string, requestsPerUser?: number): Promise<Cell> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: users,
        ...(requestsPerUser ? { amount: users * requestsPerUser } : { duration: seconds }),
        timeout: TIMEOUT_SECONDS,
        headers: cookie ? { cookie } : {},
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    // autocannon's histogram has no p95: every answered request's time is kept instead.
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    // A server that never answers must not hold the run forever.
    setTimeout(() => instance.stop(), Math.max(60, seconds * 6) * 1000).unref();
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / Math.max(result.duration, 0.001),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    otherErrors: result.errors - result.timeouts,
  };
}
