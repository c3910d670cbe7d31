import type { RequestHandler } from "express";
import type { AdmissionQueue, Waiting } from "./admission-queue";
import { refuse, type Refusal } from "./refusal";

export type ShedReason = "queue_full" | "timeout";

const BUSY: Refusal = {
  status: 503,
  code: "overloaded",
  message: "The server is busy: try again in a few seconds",
  pageKey: "busy",
};

/**
 * Load shedding in front of the pages and the API: a request runs when the admission queue has a
 * slot, waits its turn for at most `timeoutMs`, and is answered 503 with Retry-After when the queue
 * is full or its wait runs out, so a crowd gets quick, polite refusals instead of timeouts and
 * 500s. A waiting request whose client has gone leaves the queue without running.
 */
export function admissionControl(
  queue: AdmissionQueue,
  options: { timeoutMs: number; onShed?: (reason: ShedReason) => void },
): RequestHandler {
  // About one queue wait: by then the requests ahead have run or given up.
  const retryAfter = String(Math.max(1, Math.ceil(options.timeoutMs / 1000)));
  return (req, res, next) => {
    // The client left while an earlier middleware waited (a static file lookup): nothing to run.
    if (req.socket.destroyed) return;
    const shed = (reason: ShedReason) => {
      options.onShed?.(reason);
      res.locals.shed = true;
      res.setHeader("Retry-After", retryAfter);
      refuse(req, res, BUSY);
    };
    const wait: { timer?: NodeJS.Timeout; ticket?: Waiting } = {};
    const leave = () => {
      clearTimeout(wait.timer);
      wait.ticket?.withdraw();
    };
    const admission = queue.admit(() => {
      clearTimeout(wait.timer);
      res.off("close", leave);
      // 'close' follows every response, finished or cut off: the slot is freed exactly once.
      res.once("close", () => queue.release());
      next();
    });
    if (admission.outcome === "refused") return shed("queue_full");
    if (admission.outcome === "started") return;
    const ticket = (wait.ticket = admission.waiting);
    res.once("close", leave);
    wait.timer = setTimeout(() => {
      if (ticket.withdraw()) shed("timeout");
    }, options.timeoutMs);
  };
}
