/** The benchmarks' server processes: started detached, stopped by their own id (and group), never by name. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { compiledServer, freePort, ROOT } from "./shared";

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs at cleanup, last registered first. */
export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

/** Stops a server spawned `detached` (it leads its own process group): SIGTERM, then SIGKILL after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The child leads its own process group (detached), so tsx's node child is stopped with it.
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    signal("SIGKILL");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }
}

/** Stops every server started so far. */
export async function stopServers(): Promise<void> {
  await Promise.all(children.splice(0).map(stopChild));
}

export async function cleanupAll(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
  await stopServers();
}

/** Stops the servers on Ctrl-C and when the run outlasts `deadlineMs`; returns the deadline's timer. */
export function guardRun(name: string, deadlineMs: number): NodeJS.Timeout {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping the servers`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  return setTimeout(() => {
    console.error(`${name} exceeded ${deadlineMs / 60_000} minutes; stopping`);
    void cleanupAll().finally(() => process.exit(2));
  }, deadlineMs);
}

export interface Server {
  name: string;
  url: string;
  /** The process that serves (tsx's node child), for its memory. */
  pid: number;
}

/** The pid that serves: tsx runs the server in a node child of its own; plain node serves itself. */
function servingPid(leader: number): number {
  try {
    const child = Number(execFileSync("pgrep", ["-P", String(leader)], { encoding: "utf8" }).split("\n")[0]);
    return Number.isInteger(child) && child > 0 ? child : leader;
  } catch {
    return leader;
  }
}

/** Resident memory of a process in MB (VmRSS), or NaN when it cannot be read. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** How every benchmark runs a server: production, quiet logs, no auth rate limit, on 127.0.0.1:`port`. */
export function benchServerEnv(port: number) {
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT: "false",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  } as const;
}

/**
 * Starts the compiled server (plus `args`), as `npm start` runs it, in production on 127.0.0.1 and a free port, logging
 * warnings only, with no auth rate limit, no database, Redis or data folder unless `env` sets them;
 * resolves once /login answers.
 */
export async function startServer(
  name: string,
  env: Record<string, string>,
  args: string[] = [],
  startTimeoutMs = 90_000,
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const server = compiledServer(ROOT);
  const child = spawn(server.command, [...server.args, ...args], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      ...benchServerEnv(port),
      DATABASE_URL: "",
      REDIS_URL: "",
      DATA_DIR: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  cleanups.push(() => {
    if (/"level":(50|60)/.test(output)) console.log(`\n[process ${name} logged errors; last output]\n${output.slice(-3_000)}`);
    return Promise.resolve();
  });

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) return { name, url, pid: servingPid(child.pid!) };
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`process ${name} did not start within ${startTimeoutMs / 1000} s:\n${output}`);
}

/** A helper script of the benchmark (TypeScript, through tsx's loader) as a child with an IPC channel. */
export function spawnHelper(file: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, file)], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  return child;
}

/** The child's next message that `accept` recognises; rejects when it exits first or stays silent too long. */
export function nextMessage<T>(
  child: ChildProcess,
  accept: (message: unknown) => message is T,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      settle();
    };
    const onMessage = (message: unknown) => {
      if (accept(message)) finish(() => resolve(message));
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`${what}: the helper exited (${code}) first`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`${what}: nothing within ${timeoutMs / 1000} s`))), timeoutMs);
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
