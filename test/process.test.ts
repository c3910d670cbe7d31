import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compiledServer } from "../scripts/bench/shared";
import { freePort } from "./server";

/**
 * The real process entry, as `npm start` runs it (the compiled server of `npm run build`, like
 * the page tests need the Remix build): configuration errors stop the boot naming the variable, and SIGTERM
 * shuts down cleanly (stop accepting, close sockets, close the database) with data kept.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>) {
  const server = compiledServer(".");
  const child = spawn(server.command, server.args, {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitUntilListening(url: string, exited: Promise<unknown>) {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 200 && !done; i++) {
    try {
      if ((await fetch(`${url}/login`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

describe("process entry", () => {
  it("refuses to start on a wrong variable and names it", async () => {
    const { exited, output } = run({ PORT: "eighty", BETTER_AUTH_SECRET: "x".repeat(40) });
    expect(await exited).toBe(1);
    expect(output()).toContain("PORT");
  });

  it("refuses to start in production without a secret", async () => {
    const { exited, output } = run({ PORT: "3999" });
    expect(await exited).toBe(1);
    expect(output()).toContain("BETTER_AUTH_SECRET: is required in production");
  });

  it("stops within 10 s naming REDIS_URL when nothing listens there", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "jointly-proc-"));
    dirs.push(dataDir);
    const started = Date.now();
    const { exited, output } = run({
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "x".repeat(40),
      REDIS_URL: "redis://127.0.0.1:1",
    });
    const code = await exited;
    expect(code).not.toBe(0);
    expect(output()).toContain("REDIS_URL: cannot connect to Redis at 127.0.0.1:1");
    // Generous for a busy machine (starting alone can take tens of seconds there): the guard
    // is "it stops instead of hanging"; on an idle machine it exits in a few seconds.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it("stops naming DATABASE_URL when the database cannot be reached, without printing its password", async () => {
    const port = await freePort();
    const started = Date.now();
    const { exited, output } = run({
      PORT: String(port),
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: "x".repeat(40),
      DATABASE_URL: "postgres://postgres:hunter2-secret@127.0.0.1:1/x",
    });
    const code = await exited;
    expect(code).not.toBe(0);
    expect(output()).toContain("DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1");
    expect(output()).not.toContain("hunter2-secret");
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it("creates the admin at boot, shuts down cleanly on SIGTERM and keeps its data", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "jointly-proc-"));
    dirs.push(dataDir);
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "a".repeat(20) + "b".repeat(20) + "0123456789",
      ADMIN_EMAIL: "boot-admin@example.test",
      ADMIN_PASSWORD: "boot-admin-password",
    };
    const first = run(env);
    await waitUntilListening(env.PUBLIC_URL, first.exited);
    const signIn = await fetch(`${env.PUBLIC_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.PUBLIC_URL },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("closed cleanly");

    // Restarted on the same folder: the admin exists already and is not created twice.
    const second = run(env);
    await waitUntilListening(env.PUBLIC_URL, second.exited);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('"result":"exists"');
  }, 60_000);
});
