import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postInitiativeMessage } from "../server/services/initiatives/post-message";
import { setJointBuyCommitment } from "../server/services/initiatives/set-joint-buy-commitment";
import { makeDeps, PASSWORD } from "./factories";
import { networkWithMembers, openJointBuy } from "./network-fixtures";
import { capturedLog, signIn, startTestServer, type TestServer } from "./server";

/**
 * A burst of simultaneous page loads on the embedded database must be served, only more slowly:
 * 200 GETs of a joint-buy page once answered dozens of 500s, because each render was aborted on
 * a fixed clock while the busy process was still working through the others. No 5xx, and any
 * 5xx there is would be logged with its cause.
 */
let server: TestServer;
const log = capturedLog();

beforeAll(async () => {
  // Renders, not load shedding, are under test here (test/load-shedding.test.ts has those): the
  // queue waits out the stall below instead of answering 503 after the default 10 s.
  server = await startTestServer({
    pages: true,
    env: { QUEUE_TIMEOUT_MS: "120000" },
    log: { level: "warn", destination: log.destination },
  });
});
afterAll(async () => {
  await server.close();
});

describe("a burst of page loads", () => {
  it("answers 200 simultaneous GETs of a joint-buy page without a single 5xx", async () => {
    const deps = makeDeps(server.app.deps.db);
    const { broker, networkId, smes } = await networkWithMembers(deps, 4);
    const initiativeId = await openJointBuy(
      deps,
      broker.actor,
      networkId,
      smes.map((s) => s.actor),
    );
    // A page with some weight: commitments and a discussion.
    for (const [i, sme] of smes.entries()) {
      await setJointBuyCommitment(deps, sme.actor, { initiativeId, quantity: 100 * (i + 1) });
      for (let m = 0; m < 3; m++)
        await postInitiativeMessage(deps, sme.actor, {
          initiativeId,
          body: `Message ${m} from ${sme.firmId}: ${"lorem ipsum ".repeat(20)}`,
        });
    }
    const cookie = await signIn(server.url, broker.email, PASSWORD);

    // Half as a browser (streamed), half as a crawler or script (rendered whole before sending).
    const agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "curl/8.5.0"];
    let stalled = false;
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await fetch(`${server.url}/initiatives/${initiativeId}`, { headers: { cookie, "user-agent": agents[i % 2] } });
        if (!stalled) {
          // Once pages are being rendered, the process stalls as a busy host makes it (CPU
          // starved, a long GC): renders take longer than usual, which is no reason for a 500.
          stalled = true;
          const until = Date.now() + 7_000;
          while (Date.now() < until) {
            // busy: nothing else in the process runs
          }
        }
        const html = await res.text();
        // A streamed page cut short would still say 200: it must end with its data stream closed.
        return res.status === 200 && !html.includes("streamController.close()") ? -1 : res.status;
      }),
    );
    const tally = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    expect(tally).toEqual({ 200: 200 });
    expect(log.text()).not.toContain('"level":50');
  }, 300_000);
});
