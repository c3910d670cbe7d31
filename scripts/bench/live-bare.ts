/** bench:live's baseline: the same watchers and rounds against a bare socket.io server in a child process. */
import { performance } from "node:perf_hooks";
import { nextMessage, spawnHelper, stopChild } from "./processes";
import type { Result } from "./live-report";
import { measureRounds, toResult } from "./live-rounds";
import type { Scene } from "./live-scene";
import { CLIENTS, START_TIMEOUT_MS } from "./live-settings";
import { Watchers } from "./live-watchers";

const INITIATIVE_ID = "bare";

export async function bareBaseline(): Promise<Result> {
  const child = spawnHelper("scripts/bench/bare-socket-child.ts");
  try {
    const isPort = (m: unknown): m is { port: number } => typeof (m as { port?: unknown } | null)?.port === "number";
    const { port } = await nextMessage(child, isPort, START_TIMEOUT_MS, "bare socket.io server");
    const url = `http://127.0.0.1:${port}`;
    console.log(`\n[bare socket.io] listening on ${url}`);
    const watchers = new Watchers(INITIATIVE_ID);
    try {
      const connectStarted = performance.now();
      await watchers.connect(url, "", CLIENTS);
      const connectMs = performance.now() - connectStarted;
      console.log(`  - ${watchers.count} sockets connected and joined in ${(connectMs / 1000).toFixed(1)} s`);
      const commit: Scene["commit"] = async (quantity) => {
        const started = performance.now();
        const res = await fetch(`${url}/emit`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ room: `initiative:${INITIATIVE_ID}`, initiativeId: INITIATIVE_ID, quantity }),
        });
        const body = (await res.json()) as { total: number };
        return { total: body.total, httpMs: performance.now() - started };
      };
      const rounds = await measureRounds(watchers, commit);
      return toResult({
        name: "bare socket.io (baseline)",
        setup: "all via HTTP",
        commitVia: "HTTP POST /emit",
        clients: `${watchers.count} on bare`,
        rounds,
        stray: watchers.stray,
        connectMs,
      });
    } finally {
      watchers.close();
    }
  } finally {
    await stopChild(child);
  }
}
