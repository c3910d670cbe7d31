/** bench:pages' and bench:api's settings, from the environment (see scripts/bench-pages.ts). */
import { randomBytes } from "node:crypto";
import { clamp } from "./shared";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** Seconds each cell (one target at one concurrency) is loaded. */
export const SECONDS = clamp(Number(process.env.BENCH_SECONDS ?? 5) || 5, 1, 600);
/** Seconds the server is left idle before its memory is read again. */
export const IDLE_SECONDS = clamp(Number(process.env.BENCH_IDLE_SECONDS ?? 10) || 10, 0, 600);
export const CONCURRENCY = list(process.env.BENCH_CONCURRENCY ?? "1,10,50,200").map((v) => clamp(Number(v) || 1, 1, 2000));
/** pglite, postgres or both. */
export const DATABASES = list(process.env.BENCH_DATABASES ?? "pglite,postgres");
/** A request unanswered after this many seconds counts as a timeout. */
export const TIMEOUT_SECONDS = 10;
export const HARD_DEADLINE_MS = 60 * 60_000;
export const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** The names in `variable` (all when it is empty). */
export const chosen = (variable: string) => {
  const names = list(process.env[variable]);
  return (name: string) => names.length === 0 || names.includes(name);
};
