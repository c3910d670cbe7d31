import type { RequestHandler } from "express";
import type { Env } from "../env";
import { AdmissionQueue } from "./admission-queue";
import { admissionControl } from "./load-shedding";
import { createMetrics, type MetricSources } from "./metrics";

/** How the server keeps itself up under a crowd and reports how it is doing (ADR 018). */
export interface Protection {
  /** GET /metrics when METRICS_TOKEN is set; placed before the request log, so scrapes are not logged. */
  metrics: RequestHandler;
  /** In front of the pages and the API (not the probes, not static files): timing, then load shedding. */
  admission: RequestHandler[];
}

export function serverProtection(env: Env, sources: Omit<MetricSources, "queue">): Protection {
  const queue = new AdmissionQueue({ maxInFlight: env.MAX_IN_FLIGHT, maxQueue: env.MAX_QUEUE });
  const metrics = env.METRICS_TOKEN ? createMetrics(env.METRICS_TOKEN, { ...sources, queue }) : undefined;
  const shedding = admissionControl(queue, { timeoutMs: env.QUEUE_TIMEOUT_MS, onShed: metrics?.countShed });
  if (!metrics) return { metrics: (_req, _res, next) => next(), admission: [shedding] };
  return { metrics: metrics.endpoint, admission: [metrics.timing, shedding] };
}
