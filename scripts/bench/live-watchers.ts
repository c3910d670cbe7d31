/** bench:live's watchers: socket.io clients in one initiative's room, timing each push. */
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { Scene } from "./live-scene";
import { CONNECT_BATCH, CONNECT_TIMEOUT_MS, ROUND_TIMEOUT_MS } from "./live-settings";
import { rejectAfter } from "./shared";

interface Round {
  expectedTotal: number;
  arrivals: Float64Array;
  received: number;
  done: () => void;
}

export class Watchers {
  private readonly sockets: Socket[] = [];
  private round: Round | null = null;
  stray = 0;

  constructor(readonly initiativeId: string) {}

  get count() {
    return this.sockets.length;
  }

  /** Opens `count` sockets to `url` in batches, each joining the initiative's room. */
  async connect(url: string, cookie: string, count: number): Promise<void> {
    const room = `initiative:${this.initiativeId}`;
    for (let start = 0; start < count; start += CONNECT_BATCH) {
      const batch = Math.min(CONNECT_BATCH, count - start);
      await Promise.all(
        Array.from({ length: batch }, async () => {
          const index = this.sockets.length;
          const socket = io(url, {
            transports: ["websocket"],
            forceNew: true,
            reconnection: false,
            timeout: CONNECT_TIMEOUT_MS,
            extraHeaders: { cookie, origin: url },
          });
          this.sockets.push(socket);
          socket.on("jointbuy:updated", (payload: { initiativeId: string; total: number }) => {
            const at = performance.now();
            const r = this.round;
            if (!r || payload.initiativeId !== this.initiativeId || payload.total !== r.expectedTotal || !Number.isNaN(r.arrivals[index])) {
              this.stray++;
              return;
            }
            r.arrivals[index] = at;
            if (++r.received === r.arrivals.length) r.done();
          });
          await rejectAfter(
            new Promise<void>((resolve, reject) => {
              socket.once("connect", () => resolve());
              socket.once("connect_error", (err) => reject(new Error(`socket connect: ${err.message}`)));
            }),
            CONNECT_TIMEOUT_MS,
            `socket connect: no answer within ${CONNECT_TIMEOUT_MS} ms`,
          );
          const ack = (await socket.timeout(CONNECT_TIMEOUT_MS).emitWithAck("room:join", { room })) as {
            data?: unknown;
            error?: { message: string };
          };
          if (!ack?.data) throw new Error(`room:join refused: ${JSON.stringify(ack)}`);
        }),
      );
    }
  }

  /** Arms the round, runs the commitment, waits for every socket (bounded). */
  async measure(quantity: number, commit: Scene["commit"]): Promise<{ latencies: number[]; missing: number; httpMs: number }> {
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const round: Round = { expectedTotal: quantity, arrivals: new Float64Array(this.sockets.length).fill(NaN), received: 0, done };
    this.round = round;
    const t0 = performance.now();
    const result = await commit(quantity);
    if (result.total !== quantity) throw new Error(`commitment total ${result.total}, expected ${quantity}`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      all,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, t0 + ROUND_TIMEOUT_MS - performance.now())))),
    ]);
    clearTimeout(timer);
    this.round = null;
    const latencies: number[] = [];
    for (const at of round.arrivals) if (!Number.isNaN(at)) latencies.push(at - t0);
    latencies.sort((a, b) => a - b);
    return { latencies, missing: round.arrivals.length - latencies.length, httpMs: result.httpMs };
  }

  close() {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
  }
}
