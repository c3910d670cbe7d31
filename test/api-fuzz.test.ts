import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOperations } from "../server/api/all-operations";
import { buildOpenApi } from "../server/api/openapi";
import { idPool, operationsOf, requestArbitrary, sendAndJudge, type FuzzContext } from "./api-fuzz-engine";
import { buildWorld } from "./authz-world";
import { makeDeps } from "./factories";
import { startTestServer, type TestServer } from "./server";

/**
 * THE API FUZZER: every operation of the OpenAPI document, FUZZ_RUNS generated requests each
 * (25 by default: about 2,150 requests), from FUZZ_SEED (random unless given; printed, so a
 * failure is replayed with `FUZZ_SEED=<seed> npx vitest run test/api-fuzz.test.ts` or
 * `npm run fuzz -- --seed <seed>`). See api-fuzz-engine.ts for what is generated and judged.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const operations = operationsOf(buildOpenApi(allOperations));

let server: TestServer;
let ctx: FuzzContext;

beforeAll(async () => {
  process.stdout.write(`API fuzzer: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n`);
  server = await startTestServer();
  const world = await buildWorld({ ...makeDeps(server.app.deps.db, () => new Date()), publisher: server.app.deps.publisher }, server.url);
  ctx = { url: server.url, db: server.app.deps.db, world, pool: idPool(world) };
}, 180_000);
afterAll(async () => {
  await server?.close();
});

describe("the API fuzzer", () => {
  it("covers every operation of the OpenAPI document", () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(allOperations.map((o) => o.operationId).sort());
  });

  operations.forEach((op, index) => {
    it(`${op.operationId}: no 5xx, errors in the documented shape, nothing written when refused`, async () => {
      const seed = SEED + index;
      const failures: string[] = [];
      await fc
        .assert(
          fc.asyncProperty(requestArbitrary(op, ctx.pool), async (request) => {
            const problems = await sendAndJudge(ctx, request);
            if (problems.length > 0) {
              failures.push(
                `${request.role} ${request.method} ${request.url.slice(0, 300)} ${String(request.body).slice(0, 300)}: ${problems.join("; ")}`,
              );
              return false;
            }
            return true;
          }),
          // Replaying a shrunk request against a world that moved on says little: stop at the first.
          { seed, numRuns: RUNS, endOnFailure: true },
        )
        .catch((error: Error) => {
          throw new Error(`${op.operationId} (FUZZ_SEED=${SEED}, seed ${seed}): ${failures[0] ?? error.message}`);
        });
    });
  });
});
