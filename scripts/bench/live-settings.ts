/** bench:live's settings, from the environment (see scripts/bench-live.ts), and this run's identity. */
import { randomBytes } from "node:crypto";
import { clamp } from "./shared";

// Every loop of the benchmark is bounded by one of these.
export const CLIENTS = clamp(Number(process.env.BENCH_CLIENTS ?? 500) || 500, 2, 2000);
export const ROUNDS = clamp(Number(process.env.BENCH_ROUNDS ?? 20) || 20, 1, 200);
export const WARMUP_ROUNDS = 2;
/** Signed-in users loading pages during the crowd variant (0 leaves the variant out). */
export const CROWD_USERS = clamp(Number(process.env.BENCH_CROWD ?? 50), 0, 500);
export const CROWD_REQUEST_TIMEOUT_MS = 30_000;
export const CONNECT_BATCH = 50;
export const ROUND_TIMEOUT_MS = 10_000;
export const PAUSE_BETWEEN_ROUNDS_MS = 250;
export const CONNECT_TIMEOUT_MS = 15_000;
export const START_TIMEOUT_MS = 90_000;
export const HARD_DEADLINE_MS = 15 * 60_000;
export const TARGET_P95_MS = 250;
/** The crowd variant's target: one-process p95 no worse than the quiet runs recorded before it (61–96 ms). */
export const CROWD_TARGET_P95_MS = 96;

export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

export const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
export const ADMIN = { email: `bench-admin-${runId}@bench.example`, password: `bench-admin-${randomBytes(8).toString("hex")}` };
export const PASSWORD = "bench-live-password";
/** One random secret per run, shared by every process: B must accept the cookies A signs. */
export const AUTH_SECRET = randomBytes(32).toString("hex");
