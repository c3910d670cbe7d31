/**
 * bench:live's crowd: signed-in users loading pages of the servers while the rounds run. They
 * live in a child process (scripts/bench/live-crowd-child.ts), so their HTTP client work does not
 * share the event loop that timestamps the pushes.
 */
import { nextMessage, spawnHelper, stopChild } from "./processes";
import { START_TIMEOUT_MS } from "./live-settings";

export interface CrowdPlan {
  /** User i loads pages of bases[i % bases.length]. */
  bases: string[];
  /** Each user walks these paths in turn. */
  paths: string[];
  cookie: string;
  users: number;
}

/** Page loads while the crowd ran: timings of the 200 answers, everything else counted as an error. */
export interface CrowdReport {
  users: number;
  loads: number;
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  firstError: string | null;
}

/** What the child sends: "ready" once every user has had one answer, then its report when told to stop. */
export type CrowdMessage = { type: "ready" } | { type: "report"; report: CrowdReport };

export const CROWD_PLAN_ENV = "BENCH_CROWD_PLAN";

const isReady = (m: unknown): m is { type: "ready" } => (m as CrowdMessage | null)?.type === "ready";
const isReport = (m: unknown): m is { type: "report"; report: CrowdReport } => (m as CrowdMessage | null)?.type === "report";

/** Starts the crowd and waits until every user has loaded a page; stop() ends it and returns the report. */
export async function startCrowd(plan: CrowdPlan): Promise<{ stop(): Promise<CrowdReport> }> {
  const child = spawnHelper("scripts/bench/live-crowd-child.ts", { [CROWD_PLAN_ENV]: JSON.stringify(plan) });
  try {
    await nextMessage(child, isReady, START_TIMEOUT_MS, "crowd");
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    async stop() {
      const reported = nextMessage(child, isReport, START_TIMEOUT_MS, "crowd report");
      child.send("stop");
      try {
        return (await reported).report;
      } finally {
        await stopChild(child);
      }
    },
  };
}
