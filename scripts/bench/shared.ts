/** Small helpers the benchmarks and the multi-process tests share. */
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PG_SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

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
function cookiesOf(res: Response): string {
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

/** The machine a report was measured on. */
export function machine(): string[] {
  const cpus = os.cpus();
  return [
    `CPU:    ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `OS:     ${os.type()} ${os.release()} (${os.arch()})`,
    `Node:   ${process.version}`,
    `Date:   ${new Date().toISOString()}`,
  ];
}

/** Signs in through better-auth; the session cookies as a Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return cookiesOf(res);
}
