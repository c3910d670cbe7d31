/**
 * Two server processes, one PostgreSQL database, one Redis: a notification caused through
 * process A reaches a browser-like socket.io client connected to process B.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL server URL; a unique database is created and dropped)
 * and REDIS_URL. Run by .ci/run; locally: `npm run test:two-process`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { io } from "socket.io-client";

const serverUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!serverUrl || !redisUrl) {
  console.log("two-process test needs TEST_DATABASE_URL and REDIS_URL");
  process.exit(1);
}

const SECRET = randomBytes(32).toString("hex");
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const dbName = `jointly_two_${runId}`;
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startProcess(name: string, port: number, databaseUrl: string): Promise<string> {
  const url = `http://localhost:${port}`;
  const child = spawn("node_modules/.bin/tsx", ["server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `jointly-two-${runId}`,
      // Both processes must sign and verify sessions with the same secret.
      BETTER_AUTH_SECRET: SECRET,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process ${name} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`process ${name} did not start`);
}

async function signUpThrough(base: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams(fields),
  });
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  // Sign-up signs no one in (it answers a registered email the same way): sign in next.
  return signInThrough(base, fields.email, fields.password);
}

async function signInThrough(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(serverUrl!);
  dbUrl.pathname = `/${dbName}`;

  let failed = 0;
  try {
    // A migrates first; B then finds the schema in place.
    const a = await startProcess("A", await freePort(), dbUrl.toString());
    const b = await startProcess("B", await freePort(), dbUrl.toString());

    const ownerCookie = await signUpThrough(a, {
      role: "sme",
      firmChoice: "create",
      name: "Owner Two",
      email: `owner-${runId}@two.example`,
      password: "two-process-password",
      firmName: `Two Process Firm ${runId}`,
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
    });
    const mine = await fetch(`${b}/api/v1/firms/me`, { headers: { cookie: ownerCookie } });
    if (!mine.ok) throw new Error(`process B does not see the owner's firm: ${mine.status}`);
    const firmId = ((await mine.json()) as { firm: { id: string } }).firm.id;

    // The owner's browser is connected to B.
    const socket = io(b, { transports: ["websocket"], extraHeaders: { cookie: ownerCookie }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const received = new Promise<{ id: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no notification reached process B's client within 10 s")), 10_000);
      socket.once("notification:created", (payload: { id: string }) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });

    // Someone asks to join through A: the owner's notification is stored and pushed from A.
    await signUpThrough(a, {
      role: "sme",
      firmChoice: "join",
      name: "Joiner Two",
      email: `joiner-${runId}@two.example`,
      password: "two-process-password",
      firmId,
    });
    const payload = await received;
    const list = await fetch(`${b}/api/v1/notifications`, { headers: { cookie: ownerCookie } });
    const body = (await list.json()) as { items: Array<{ id: string; type: string }> };
    if (!body.items.some((n) => n.id === payload.id && n.type === "firm_join_requested")) {
      throw new Error("the pushed notification is not in the owner's list");
    }
    socket.close();
    console.log("two-process live delivery: ok (caused on A, received on B)");
  } catch (error) {
    failed = 1;
    console.log(`two-process live delivery: FAILED: ${(error as Error).message}`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${dbName}" with (force)`);
    await cleanup.end();
  }
  console.log(`${1 - failed} passed, ${failed} failed`);
  process.exit(failed);
}

void main();
