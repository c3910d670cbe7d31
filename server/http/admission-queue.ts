/**
 * How many requests may run at once, and how many may wait for a turn: the bounded queue in
 * front of the pages and the API. Pure bookkeeping (no timers, no HTTP): the Express side
 * (load-shedding.ts) decides when a waiting request gives up.
 */
export interface AdmissionLimits {
  /** Requests running at once. */
  maxInFlight: number;
  /** Requests waiting for a turn; one more is refused. */
  maxQueue: number;
}

/** A request waiting for its turn: withdraw it when its client leaves or it has waited too long. */
export interface Waiting {
  /** True if it was still waiting (it will not start); false if it had started meanwhile. */
  withdraw(): boolean;
}

export type Admission = { outcome: "started" } | { outcome: "queued"; waiting: Waiting } | { outcome: "refused" };

export class AdmissionQueue {
  #inFlight = 0;
  // A Set keeps arrival order and withdraws in O(1).
  readonly #waiting = new Set<() => void>();

  constructor(private readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    return this.#waiting.size;
  }

  /**
   * Asks for a turn: `start` runs now (in this call) when a slot is free, later when one frees up
   * while queued, or never when refused or withdrawn. Every started request must `release()` once.
   */
  admit(start: () => void): Admission {
    if (this.#inFlight < this.limits.maxInFlight) {
      this.#inFlight++;
      start();
      return { outcome: "started" };
    }
    if (this.#waiting.size >= this.limits.maxQueue) return { outcome: "refused" };
    // A fresh function per request, so the same `start` queued twice is two entries.
    const entry = () => start();
    this.#waiting.add(entry);
    return { outcome: "queued", waiting: { withdraw: () => this.#waiting.delete(entry) } };
  }

  /** A started request has finished: its slot goes to the request that has waited longest. */
  release(): void {
    const next = this.#waiting.values().next();
    if (next.done) {
      this.#inFlight = Math.max(0, this.#inFlight - 1);
      return;
    }
    // The slot passes straight on: in flight stays the same.
    this.#waiting.delete(next.value);
    next.value();
  }
}
