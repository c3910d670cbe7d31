/**
 * `npm run bench:pages`: how do the pages hold under a crowd, against a bare Express handler?
 *
 * Serves the demo in production (`server/index.ts --demo`, LOG_LEVEL=warn, no auth rate limit) on
 * PGlite, then on a PostgreSQL database created for the run and dropped after it (skipped with a
 * message when PostgreSQL is unreachable). Signs in as the demo broker over HTTP, finds the pages
 * through /api/v1, and loads each with autocannon at every concurrency: requests per second,
 * p50/p95/p99, non-2xx answers, timeouts (10 s) and other connection errors. A bare Express
 * handler in a child process answers an HTML string of the same size at the same concurrencies;
 * "p95 / bare" is the page's p95 over the bare one's. RSS is the server's memory (VmRSS) right
 * after each cell, and once more after idling.
 *
 * Environment: BENCH_SECONDS (5 per cell), BENCH_CONCURRENCY (1,10,50,200),
 * BENCH_PAGES (network,joint-buy,need,firms,report), BENCH_DATABASES (pglite,postgres),
 * BENCH_IDLE_SECONDS (10), TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres).
 * A benchmark, not a test: it exits 0 unless the run itself broke. Needs `npm run build`.
 */
import { runSuite } from "./bench/crowd-run";

void runSuite({
  name: "bench:pages",
  filterVariable: "BENCH_PAGES",
  targets: (_api, demo) => [
    { key: "network", label: "network page", path: `/networks/${demo.networkId}`, cookie: demo.brokerCookie },
    { key: "joint-buy", label: "joint-buy page", path: `/initiatives/${demo.jointBuyId}`, cookie: demo.brokerCookie },
    { key: "need", label: "need with matches", path: `/needs/${demo.needId}`, cookie: demo.brokerCookie },
    { key: "firms", label: "firm directory", path: "/firms", cookie: demo.brokerCookie },
    // Only the club's own broker and members see its report; the demo broker is not among them.
    { key: "report", label: "benchmark report", path: `/initiatives/${demo.clubId}/benchmark`, cookie: demo.clubBrokerCookie },
  ],
});
