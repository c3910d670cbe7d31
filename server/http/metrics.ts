import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PoolStats } from "../../db/client";
import type { AdmissionQueue } from "./admission-queue";
import type { ShedReason } from "./load-shedding";
import { routeOf } from "./route-name";

/** What the process reports besides its own requests, read at each scrape. */
export interface MetricSources {
  queue: AdmissionQueue;
  /** The PostgreSQL pool's connections (absent on the embedded database). */
  poolStats?: () => PoolStats;
  /** socket.io connections of this process. */
  sockets: () => number;
}

export interface Metrics {
  /** Answers GET /metrics to a scraper with the token; anything else passes on. */
  endpoint: RequestHandler;
  /** Times each request from the moment it reaches the pages or the API (queue wait included). */
  timing: RequestHandler;
  countShed: (reason: ShedReason) => void;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Prometheus metrics of this process, in a registry of its own (tests run several servers in one
 * process): Node's defaults (event-loop lag, memory, GC), request durations by method, route and
 * status, the database pool, live sockets and the admission queue.
 */
export function createMetrics(token: string, sources: MetricSources): Metrics {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const duration = new Histogram({
    name: "jointly_http_request_duration_seconds",
    help: "Time from reaching the pages or the API to the last byte of the answer, queue wait included",
    labelNames: ["method", "route", "status"] as const,
    buckets: DURATION_BUCKETS,
    registers: [register],
  });
  const shed = new Counter({
    name: "jointly_admission_shed_total",
    help: "Requests answered 503 by load shedding, by reason",
    labelNames: ["reason"] as const,
    registers: [register],
  });
  gauge(register, "jointly_admission_in_flight", "Requests of pages and the API running now", () => sources.queue.inFlight);
  gauge(register, "jointly_admission_queued", "Requests waiting for a turn", () => sources.queue.queued);
  gauge(register, "jointly_socketio_connected_sockets", "socket.io connections of this process", sources.sockets);
  const { poolStats } = sources;
  if (poolStats) {
    gauge(register, "jointly_db_pool_connections", "PostgreSQL connections open in the pool", () => poolStats().total);
    gauge(register, "jointly_db_pool_idle", "PostgreSQL connections idle in the pool", () => poolStats().idle);
    gauge(register, "jointly_db_pool_waiting", "Queries waiting for a pool connection", () => poolStats().waiting);
  }

  const expected = digest(`Bearer ${token}`);
  return {
    endpoint: (req, res, next) => {
      if (req.path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) return next();
      res.setHeader("Cache-Control", "no-store");
      // Digests of equal length, compared in constant time: the answer's timing tells nothing of the token.
      if (!timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
        res.status(401).setHeader("WWW-Authenticate", "Bearer").type("text").send("Unauthorized");
        return;
      }
      register.metrics().then((text) => res.type(register.contentType).send(text), next);
    },
    timing: (req, res, next) => {
      const end = duration.startTimer();
      res.once("finish", () => end({ method: req.method, route: routeOf(res) ?? "other", status: res.statusCode }));
      next();
    },
    countShed: (reason) => shed.inc({ reason }),
  };
}

function gauge(register: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [register],
    collect() {
      this.set(read());
    },
  });
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
