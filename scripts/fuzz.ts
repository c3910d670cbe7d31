/**
 * `npm run fuzz`: the API fuzzer (test/api-fuzz.test.ts) for longer than CI runs it.
 *   npm run fuzz                          200 requests per operation, a random seed
 *   npm run fuzz -- --runs 1000 --seed 42 a chosen size, or a failure's seed to replay it
 * Add TEST_DATABASE_URL=postgres://… to fuzz against PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "200" }, seed: { type: "string" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number");
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(seed)) throw new Error("--seed must be a whole number");

console.log(`API fuzzer: ${runs} requests per operation, FUZZ_SEED=${seed}`);
const result = spawnSync("npx", ["vitest", "run", "test/api-fuzz.test.ts", "--testTimeout", String(Math.max(120_000, runs * 2_000))], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
