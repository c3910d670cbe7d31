import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmissionQueue, type Waiting } from "./admission-queue";

describe("AdmissionQueue", () => {
  it("starts up to the limit at once, queues up to its bound, then refuses", () => {
    const queue = new AdmissionQueue({ maxInFlight: 2, maxQueue: 1 });
    const started: number[] = [];
    const outcomes = [1, 2, 3, 4].map((n) => queue.admit(() => started.push(n)).outcome);
    expect(outcomes).toEqual(["started", "started", "queued", "refused"]);
    expect(started).toEqual([1, 2]);
    expect([queue.inFlight, queue.queued]).toEqual([2, 1]);
  });

  it("hands a freed slot to the request that waited longest", () => {
    const queue = new AdmissionQueue({ maxInFlight: 1, maxQueue: 5 });
    const started: string[] = [];
    for (const name of ["a", "b", "c"]) queue.admit(() => started.push(name));
    queue.release();
    expect(started).toEqual(["a", "b"]);
    queue.release();
    queue.release();
    expect(started).toEqual(["a", "b", "c"]);
    expect([queue.inFlight, queue.queued]).toEqual([0, 0]);
  });

  it("never starts a withdrawn request, and says whether it was still waiting", () => {
    const queue = new AdmissionQueue({ maxInFlight: 1, maxQueue: 5 });
    const started: string[] = [];
    queue.admit(() => started.push("a"));
    const b = queue.admit(() => started.push("b"));
    const c = queue.admit(() => started.push("c"));
    if (b.outcome !== "queued" || c.outcome !== "queued") throw new Error("expected both to wait");
    expect(b.waiting.withdraw()).toBe(true);
    expect(b.waiting.withdraw()).toBe(false);
    queue.release();
    expect(started).toEqual(["a", "c"]);
    // c has started: withdrawing it now changes nothing.
    expect(c.waiting.withdraw()).toBe(false);
    expect([queue.inFlight, queue.queued]).toEqual([1, 0]);
  });

  it("keeps in flight ≤ N and waiting ≤ M, leaves no slot idle while someone waits, and serves in arrival order", () => {
    const step = fc.oneof(
      fc.constant({ kind: "arrive" as const }),
      fc.nat().map((pick) => ({ kind: "finish" as const, pick })),
      fc.nat().map((pick) => ({ kind: "leave" as const, pick })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.array(step, { maxLength: 200 }), (n, m, steps) => {
        const queue = new AdmissionQueue({ maxInFlight: n, maxQueue: m });
        const running: number[] = [];
        const waiting: { id: number; ticket: Waiting }[] = [];
        const startOrder: number[] = [];
        let arrivals = 0;
        for (const s of steps) {
          if (s.kind === "arrive") {
            const id = arrivals++;
            const admission = queue.admit(() => {
              running.push(id);
              startOrder.push(id);
            });
            if (admission.outcome === "queued") waiting.push({ id, ticket: admission.waiting });
            if (admission.outcome === "refused") expect(queue.queued).toBe(m);
          } else if (s.kind === "finish" && running.length > 0) {
            running.splice(s.pick % running.length, 1);
            queue.release();
          } else if (s.kind === "leave" && waiting.length > 0) {
            const [gone] = waiting.splice(s.pick % waiting.length, 1);
            const stillWaiting = !running.includes(gone.id) && !startOrder.includes(gone.id);
            expect(gone.ticket.withdraw()).toBe(stillWaiting);
          }
          // Drop from the model the waiting requests that have started.
          for (let i = waiting.length - 1; i >= 0; i--) if (startOrder.includes(waiting[i].id)) waiting.splice(i, 1);
          expect(queue.inFlight).toBe(running.length);
          expect(queue.inFlight).toBeLessThanOrEqual(n);
          expect(queue.queued).toBe(waiting.length);
          expect(queue.queued).toBeLessThanOrEqual(m);
          if (queue.queued > 0) expect(queue.inFlight).toBe(n);
        }
        // First come, first served: requests start in the order they arrived.
        expect(startOrder).toEqual([...startOrder].sort((a, b) => a - b));
      }),
    );
  });
});
