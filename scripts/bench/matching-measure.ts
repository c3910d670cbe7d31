/** bench:matching's measuring: timed calls through the service and over HTTP. */
import { get as httpGet } from "node:http";
import { performance } from "node:perf_hooks";
import { createGunzip } from "node:zlib";
import { CALL_TIMEOUT_MS, CALLS, WARMUP, type Path, type Role } from "./matching-settings";
import { rejectAfter } from "./shared";

export interface Cell {
  database: string;
  size: number;
  role: Role;
  path: Path;
  /** Each run's timings, sorted. */
  runs: number[][];
  items: number;
  note: string;
}

export interface Matches {
  items: Array<{ firmId: string; score: number; dependence: unknown; options: unknown }>;
}

export type Measured = { timings: number[]; result: Matches };

/** The first line of an error (a failed query's message quotes the whole statement). */
export function shortError(error: Error): string {
  const cause = (error as { cause?: Error }).cause;
  const text = `${error.message.split("\n")[0]}${cause ? ` (cause: ${cause.message.split("\n")[0]})` : ""}`;
  return text.length > 300 ? `${text.slice(0, 140)} ... ${text.slice(-140)}` : text;
}

export async function measure(label: string, call: () => Promise<Matches>): Promise<Measured> {
  let result: Matches | null = null;
  for (let i = 0; i < WARMUP; i++) result = await withTimeout(call(), `${label} warm-up`);
  const timings: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    result = await withTimeout(call(), label);
    timings.push(performance.now() - started);
  }
  return { timings: timings.sort((a, b) => a - b), result: result! };
}

/**
 * GET with a new connection per call (no keep-alive): an idle pooled socket the server has
 * already closed would otherwise fail a call now and then. Sent with accept-encoding gzip, as a
 * browser would; the body is unzipped and parsed inside the timing.
 */
export function getJson(url: string, cookie: string, origin: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { ...(cookie ? { cookie } : {}), origin, "accept-encoding": "gzip" } }, (res) => {
      const stream = res.headers["content-encoding"] === "gzip" ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`GET ${url}: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on("error", reject);
  });
}

/** The matches endpoint as openapi.json describes it, or null while it does not exist. */
export async function matchesPath(base: string): Promise<string | null> {
  const doc = (await getJson(`${base}/api/v1/openapi.json`, "", base).catch(() => null)) as {
    paths?: Record<string, Record<string, unknown>>;
  } | null;
  if (!doc) return null;
  const found = Object.entries(doc.paths ?? {}).find(([p, methods]) => /^\/needs\/\{\w+\}\/matches$/.test(p) && methods.get);
  return found ? found[0] : null;
}

export function describe(result: Matches): string {
  const items = result.items;
  const projected = items.filter((i) => (i.dependence as { unavailable?: string | null } | null)?.unavailable === null).length;
  const withOptions = items.filter((i) => ((i.options as { needs?: unknown[] } | null)?.needs?.length ?? 0) > 0).length;
  const scores = items.map((i) => i.score);
  return items.length === 0
    ? "no items"
    : `${items.length} items, scores ${scores[0]}..${scores.at(-1)}` +
        (items[0].dependence === null ? ", dependence null" : `, ${projected} projected, ${withOptions} with other needs`);
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return rejectAfter(promise, CALL_TIMEOUT_MS, `${what}: no answer within ${CALL_TIMEOUT_MS / 1000} s`);
}
