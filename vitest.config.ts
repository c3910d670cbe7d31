import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["i18n/**/*.test.ts", "app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "db/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
    // A guard against hangs, not a speed check (speed is measured by the benchmarks); the heavy
    // sweeps and equivalence tests take 20–40 s when two files share the two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each file opens its own database; two cores run two files at a time.
    maxWorkers: 2,
  },
});
