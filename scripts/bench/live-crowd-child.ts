/** bench:live's crowd, run as its child: the plan's users load pages in a loop until told to stop. */
import { performance } from "node:perf_hooks";
import { CROWD_PLAN_ENV, type CrowdMessage, type CrowdPlan } from "./live-crowd";
import { CROWD_REQUEST_TIMEOUT_MS } from "./live-settings";
import { percentile } from "./shared";

const plan = JSON.parse(process.env[CROWD_PLAN_ENV] ?? "null") as CrowdPlan;
const send = (message: CrowdMessage) => process.send?.(message);

let stopping = false;
process.on("message", (message) => {
  if (message === "stop") stopping = true;
});

const timings: number[] = [];
let errors = 0;
let firstError: string | null = null;
let answered = 0;

async function load(url: string): Promise<void> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      headers: { cookie: plan.cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(CROWD_REQUEST_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    if (res.status === 200) timings.push(performance.now() - started);
    else throw new Error(`${res.status} ${new URL(url).pathname}`);
  } catch (error) {
    errors++;
    firstError ??= (error as Error).message;
  }
  if (++answered === plan.users) send({ type: "ready" });
}

async function user(index: number): Promise<void> {
  const base = plan.bases[index % plan.bases.length];
  // Users start on different pages, so both pages are loaded at every moment.
  for (let n = index; !stopping; n++) await load(`${base}${plan.paths[n % plan.paths.length]}`);
}

const started = performance.now();
await Promise.all(Array.from({ length: plan.users }, (_, i) => user(i)));
timings.sort((a, b) => a - b);
send({
  type: "report",
  report: {
    users: plan.users,
    loads: timings.length,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    max: timings.at(-1) ?? NaN,
    errors,
    firstError,
  },
});
