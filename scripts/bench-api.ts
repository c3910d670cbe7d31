/**
 * `npm run bench:api`: the JSON API under a crowd, the way bench:pages loads the pages (see
 * scripts/bench-pages.ts for the run, the columns and the settings): GET of the demo network and
 * of a sourcing need's matches, their paths read from /api/v1/openapi.json, signed in as the demo
 * broker. BENCH_ENDPOINTS (network,matches) picks the endpoints.
 */
import { runSuite } from "./bench/crowd-run";
import { operationPath } from "./bench/crowd-demo";

void runSuite({
  name: "bench:api",
  filterVariable: "BENCH_ENDPOINTS",
  targets: (api, demo) => [
    {
      key: "network",
      label: "GET network",
      path: `/api/v1${operationPath(api, "getNetwork", { networkId: demo.networkId })}`,
      cookie: demo.brokerCookie,
    },
    {
      key: "matches",
      label: "GET need matches",
      path: `/api/v1${operationPath(api, "listNeedMatches", { needId: demo.needId })}`,
      cookie: demo.brokerCookie,
    },
  ],
});
