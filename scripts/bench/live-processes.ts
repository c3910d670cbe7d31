/** bench:live's process bookkeeping: only processes this script started are ever stopped, by their own id. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./live-settings";

export const children: ChildProcess[] = [];
export const cleanups: Array<() => Promise<void>> = [];

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The child leads its own process group (detached), so tsx's node child is stopped with it.
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

export async function cleanupAll(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
  await Promise.all(children.splice(0).map(stopChild));
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
