import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { AdmissionQueue } from "./admission-queue";
import { admissionControl, type ShedReason } from "./load-shedding";

/**
 * The admission control over real HTTP, in front of a handler that holds every request until the
 * test lets it go: so which requests run, wait or are refused is decided, not raced.
 */
interface Harness {
  url: string;
  queue: AdmissionQueue;
  shed: ShedReason[];
  /** Requests the handler has started, by their `n` query parameter. */
  ran: string[];
  /** Lets every held request (and every later one) answer. */
  open(): void;
  close(): Promise<void>;
}

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function harness(limits: { maxInFlight: number; maxQueue: number }, timeoutMs: number): Promise<Harness> {
  const queue = new AdmissionQueue(limits);
  const shed: ShedReason[] = [];
  const ran: string[] = [];
  let open = false;
  const held: (() => void)[] = [];
  const app = express();
  app.use(admissionControl(queue, { timeoutMs, onShed: (reason) => shed.push(reason) }));
  app.use((req, res) => {
    ran.push(typeof req.query.n === "string" ? req.query.n : "");
    const answer = () => res.json({ ok: true });
    if (open) answer();
    else held.push(answer);
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const h: Harness = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queue,
    shed,
    ran,
    open() {
      open = true;
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  harnesses.push(h);
  return h;
}

const settle = (url: string, init?: RequestInit) =>
  fetch(url, init).then(async (res) => ({ status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text() }));

describe("admission control", () => {
  it("runs N, queues M, refuses the rest with 503 and Retry-After, then serves the queued ones in turn", async () => {
    const h = await harness({ maxInFlight: 2, maxQueue: 3 }, 60_000);
    const answers = Array.from({ length: 15 }, (_, n) => settle(`${h.url}/api/v1/x?n=${n}`));
    await expect.poll(() => h.shed.length).toBe(10);
    expect([h.queue.inFlight, h.queue.queued, h.ran.length]).toEqual([2, 3, 2]);
    h.open();
    const results = await Promise.all(answers);
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.status)).toEqual(Array(10).fill(503));
    for (const r of refused) {
      expect(r.retryAfter).toBe("60");
      // The API's error shape.
      expect(JSON.parse(r.body)).toEqual({ error: { code: "overloaded", message: "The server is busy: try again in a few seconds" } });
    }
    expect(h.shed).toEqual(Array(10).fill("queue_full"));
    expect(h.ran).toHaveLength(5);
    await expect.poll(() => [h.queue.inFlight, h.queue.queued]).toEqual([0, 0]);
  });

  it("answers a page's refusal as a small translated page", async () => {
    const h = await harness({ maxInFlight: 1, maxQueue: 0 }, 1_000);
    const first = settle(`${h.url}/networks?n=a`);
    await expect.poll(() => h.ran).toEqual(["a"]);
    const res = await fetch(`${h.url}/networks?n=b`, { headers: { "accept-language": "pt-BR", accept: "text/html" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("Ocupado agora");
    h.open();
    expect((await first).status).toBe(200);
  });

  it("refuses a request that waited longer than the timeout, without running it", async () => {
    const h = await harness({ maxInFlight: 1, maxQueue: 5 }, 50);
    const first = settle(`${h.url}/api/v1/x?n=a`);
    await expect.poll(() => h.ran).toEqual(["a"]);
    const late = await settle(`${h.url}/api/v1/x?n=b`);
    expect(late.status).toBe(503);
    expect(late.retryAfter).toBe("1");
    expect(h.shed).toEqual(["timeout"]);
    h.open();
    expect((await first).status).toBe(200);
    expect(h.ran).toEqual(["a"]);
    expect(h.queue.queued).toBe(0);
  });

  it("drops a waiting request whose client has gone, and never runs it", async () => {
    const h = await harness({ maxInFlight: 1, maxQueue: 5 }, 60_000);
    const first = settle(`${h.url}/api/v1/x?n=a`);
    await expect.poll(() => h.ran).toEqual(["a"]);
    const leaving = new AbortController();
    const gone = fetch(`${h.url}/api/v1/x?n=b`, { signal: leaving.signal }).catch((err: unknown) => err);
    const staying = settle(`${h.url}/api/v1/x?n=c`);
    await expect.poll(() => h.queue.queued).toBe(2);
    leaving.abort();
    await gone;
    await expect.poll(() => h.queue.queued).toBe(1);
    h.open();
    expect((await first).status).toBe(200);
    expect((await staying).status).toBe(200);
    expect(h.ran).toEqual(["a", "c"]);
    expect(h.shed).toEqual([]);
    await expect.poll(() => [h.queue.inFlight, h.queue.queued]).toEqual([0, 0]);
  });
});
