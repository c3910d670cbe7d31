/** One cell of bench:pages/bench:api: autocannon on one URL at one concurrency, every latency kept. */
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

export async function load(url: string, connections: number, seconds: number, cookie?: string): Promise<Cell> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: TIMEOUT_SECONDS, headers: cookie ? { cookie } : {} },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    // autocannon's histogram has no p95: every answered request's time is kept instead.
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    otherErrors: result.errors - result.timeouts,
  };
}
