/** bench:matching's settings, from the environment (see scripts/bench-matching.ts), and this run's identity. */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clamp } from "./shared";

const list = (value: string | undefined, fallback: string) =>
  (value || fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
export const SIZES = list(process.env.BENCH_SIZES, "1000,10000,100000")
  .map((s) => clamp(Number(s) || 1000, 10, 1_000_000))
  .sort((a, b) => a - b);
export const DATABASES = list(process.env.BENCH_DATABASES, "pglite,postgres").filter(
  (d): d is "pglite" | "postgres" => d === "pglite" || d === "postgres",
);
export const ROLES = list(process.env.BENCH_ROLES, "admin,buyer,broker").filter(
  (r): r is Role => r === "admin" || r === "buyer" || r === "broker",
);
/** Passes over every cell; the report shows the median of the runs' p50 and p95. */
export const RUNS = clamp(Number(process.env.BENCH_RUNS ?? 3) || 3, 1, 20);
/** Timed calls per cell and run. */
export const CALLS = clamp(Number(process.env.BENCH_CALLS ?? 20) || 20, 1, 500);
export const WARMUP = clamp(Number(process.env.BENCH_WARMUP ?? 3) || 0, 0, 50);
export const LIMIT = 50;
export const TARGET_P95_MS = 300;
export const CALL_TIMEOUT_MS = 120_000;
export const HARD_DEADLINE_MS = 60 * 60_000;
/** ANALYZE after loading (as autovacuum would on PostgreSQL); BENCH_ANALYZE=0 measures without statistics. */
export const ANALYZE = process.env.BENCH_ANALYZE !== "0";
/** Keep the PostgreSQL database afterwards, to study query plans. */
export const KEEP = process.env.BENCH_KEEP === "1";
export const PG_SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type Role = "admin" | "buyer" | "broker";
export type Path = "service" | "http";

export const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
export const ADMIN = { email: `bench-admin-${runId}@bench.example`, password: `bench-${randomBytes(8).toString("hex")}` };
export const PASSWORD = "bench-matching-password";
export const NETWORKS = 5;
export const LOAD_AT_START = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
