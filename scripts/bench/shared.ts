/** Small helpers the benchmarks and the two-process test use. */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import pg from "pg";

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));

/** The p-th percentile of sorted timings (nearest rank); NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Milliseconds to one decimal, or "-" when not measured. */
export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The promise, or a rejection with `message` when it has not settled within `timeoutMs`. */
export function rejectAfter<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), timeoutMs);
    }),
  ]);
}

/** The session cookies a response set, as a Cookie header. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * How to spawn the production server as `npm start` runs it: the compiled bundle on plain node
 * (ADR 016), from the project folder. Throws when `npm run build` has not made it yet.
 */
export function compiledServer(root: string): { command: string; args: string[] } {
  if (!existsSync(`${root}/build/server/index.js`)) throw new Error("Run `npm run build` first: build/server/index.js is missing");
  return { command: process.execPath, args: ["--enable-source-maps", "build/server/index.js"] };
}

/** Stops a server spawned `detached` (it leads its own process group): SIGTERM, then SIGKILL after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || !pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Signalling the group (-pid) also stops anything the child started.
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
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

/**
 * A new, uniquely named database on the PostgreSQL server at `serverUrl`, with its URL and a way
 * to drop it; or the reason it could not be made (server unreachable), for a benchmark to skip.
 */
export async function scratchDatabase(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`create database "${name}"`);
  } catch (error) {
    return `no database on PostgreSQL at ${serverUrl} (${(error as Error).message})`;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
