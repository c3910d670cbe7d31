/**
 * The baseline: a bare Express handler answering `/<bytes>` with an HTML string of that size, in a
 * child process of its own (a fork of the benchmark's entry) so it does not share the load
 * generator's thread.
 */
import { fork, type ChildProcess } from "node:child_process";
import express from "express";
import { onCleanup } from "./processes";

const CHILD_FLAG = "BENCH_BARE_CHILD";

function serve(): void {
  const bodies = new Map<number, string>();
  const app = express();
  app.get("/:bytes", (req, res) => {
    const bytes = Math.min(Number(req.params.bytes) || 0, 10_000_000);
    let body = bodies.get(bytes);
    if (body === undefined) {
      const head = "<!DOCTYPE html><html><body>";
      body = head + "x".repeat(Math.max(0, bytes - head.length));
      bodies.set(bytes, body);
    }
    res.type("html").send(body);
  });
  const server = app.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.(typeof address === "object" && address ? address.port : 0);
  });
  process.on("disconnect", () => process.exit(0));
}

/** In the forked child: serves and returns true; in the benchmark itself: false. */
export function serveBareIfChild(): boolean {
  if (process.env[CHILD_FLAG] !== "1") return false;
  serve();
  return true;
}

/** Starts the bare server; resolves with its base URL. */
export async function startBare(): Promise<string> {
  const child: ChildProcess = fork(process.argv[1], [], { env: { ...process.env, [CHILD_FLAG]: "1" }, stdio: "inherit" });
  onCleanup(() => {
    child.kill();
    return Promise.resolve();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}
