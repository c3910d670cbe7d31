/**
 * Two server processes, one PostgreSQL database, one Redis: a notification caused through
 * process A reaches a browser-like socket.io client connected to process B.
 *
 * Both run the compiled server as `npm start` does (`npm run test:two-process` builds it first).
 * Needs TEST_DATABASE_URL (a PostgreSQL server URL; a unique database is created and dropped)
 * and REDIS_URL. Run by .ci/run; locally: `npm run test:two-process`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { scratchDatabase } from "./bench/postgres";
import { compiledServer, freePort } from "./bench/shared";

const serverUrl = process.env.TEST_DATABASE_URL ?? "";
const redisUrl = process.env.REDIS_URL;
if (!serverUrl || !redisUrl) {
  console.log("two-process test needs TEST_DATABASE_URL and REDIS_URL");
  process.exit(1);
}

const SECRET = randomBytes(32).toString("hex");
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const children: ChildProcess[] = [];
const ADMIN = { email: `admin-${runId}@two.example`, password: `two-admin-${randomBytes(6).toString("hex")}` };

async function startProcess(name: string, port: number, databaseUrl: string): Promise<string> {
  const url = `http://localhost:${port}`;
  const server = compiledServer(".");
  const child = spawn(server.command, server.args, {
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
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process ${name} exited with ${child.exitCode}`);
    // Ready as a load balancer would ask: the database and Redis both answer this process.
    const checks = await readyChecks(url);
    if (checks) {
      if (checks.database !== "ok" || checks.redis !== "ok") throw new Error(`process ${name} is ready without ${JSON.stringify(checks)}`);
      return url;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`process ${name} did not start`);
}

/** The process's readiness checks, or null while it is not listening or not ready yet. */
async function readyChecks(url: string): Promise<Record<string, string> | null> {
  try {
    const res = await fetch(`${url}/readyz`);
    return res.ok ? ((await res.json()) as { checks: Record<string, string> }).checks : null;
  } catch {
    return null; // not listening yet
  }
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

/** A JSON call to /api/v1 with a session cookie. */
async function call(base: string, method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie, origin: base, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function liveSocket(base: string, cookie: string): Promise<Socket> {
  const socket = io(base, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Resolves when the server disconnects the socket; fails if that takes longer than `ms` from now. */
function serverDisconnect(socket: Socket) {
  let reason: string | null = null;
  const done = new Promise<void>((resolve) => socket.once("disconnect", (r) => ((reason = r), resolve())));
  return async (ms: number, what: string) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still connected ${ms} ms later`)), ms)),
    );
    await Promise.race([done, late]).finally(() => clearTimeout(timer));
    if (reason !== "io server disconnect") throw new Error(`${what}: disconnected for another reason (${reason})`);
  };
}

const joinRoom = (socket: Socket, room: string) =>
  new Promise<{ data?: unknown; error?: { code: string } }>((resolve) => socket.emit("room:join", { room }, resolve));

/**
 * Sockets on B follow changes made through A within a second: leaving a network takes the
 * firm's socket out of the network's room, and signing out drops the session's sockets.
 */
async function revocationAcrossProcesses(a: string, b: string) {
  const adminCookie = await signInThrough(a, ADMIN.email, ADMIN.password);
  const brokerEmail = `broker-${runId}@two.example`;
  await call(a, "POST", "/users", adminCookie, {
    name: "Broker Two",
    email: brokerEmail,
    password: "two-process-password",
    role: "broker",
  });
  const brokerCookie = await signInThrough(a, brokerEmail, "two-process-password");
  const networkBody = { name: `Two Process Network ${runId}`, sector: "1520", region: "Vale", currency: "BRL" };
  const { id: networkId } = (await call(a, "POST", "/networks", brokerCookie, networkBody)) as { id: string };
  const smeCookie = await signUpThrough(a, {
    role: "sme",
    firmChoice: "create",
    name: "Member Two",
    email: `member-${runId}@two.example`,
    password: "two-process-password",
    firmName: `Two Process Member ${runId}`,
    country: "BR",
    sector: "1520",
    link: "assembly",
    tier: "1",
  });
  const { firm } = (await call(a, "GET", "/firms/me", smeCookie)) as { firm: { id: string } };
  await call(a, "POST", `/networks/${networkId}/invitations`, brokerCookie, { firmId: firm.id });
  await call(a, "POST", `/networks/${networkId}/invitation/accept`, smeCookie, { consent: true });

  // Both watch the network's room through B; the broker's socket is the witness.
  const room = `network:${networkId}`;
  const member = await liveSocket(b, smeCookie);
  const witness = await liveSocket(b, brokerCookie);
  for (const socket of [member, witness]) {
    const ack = await joinRoom(socket, room);
    if (ack.error) throw new Error(`could not join ${room}: ${ack.error.code}`);
  }
  let memberHeard = 0;
  member.on("network:updated", () => memberHeard++);
  const push = async () => {
    const heard = new Promise<void>((resolve) => witness.once("network:updated", () => resolve()));
    await call(a, "PUT", `/networks/${networkId}`, brokerCookie, networkBody);
    await heard;
    // The member's copy, if any, left B at the same moment as the witness's.
    await new Promise((r) => setTimeout(r, 300));
  };
  await push();
  if (memberHeard === 0) throw new Error("the member did not hear its network before leaving");

  await call(a, "POST", `/networks/${networkId}/leave`, smeCookie, {});
  // The rule: out of the room within a second of the change.
  await new Promise((r) => setTimeout(r, 1000));
  memberHeard = 0;
  await push();
  if (memberHeard !== 0) throw new Error("the member's socket on B still hears the network a second after leaving through A");
  if (!member.connected) throw new Error("leaving a network should not disconnect the socket");

  // Signing out through A drops the session's socket on B.
  const dropped = serverDisconnect(member);
  const out = await fetch(`${a}/api/auth/sign-out`, {
    method: "POST",
    headers: { cookie: smeCookie, origin: a, "content-type": "application/json" },
    body: "{}",
  });
  if (!out.ok) throw new Error(`sign-out failed: ${out.status}`);
  await dropped(1000, "signed out through A, socket on B");
  if (!witness.connected) throw new Error("another user's socket was dropped");
  witness.close();
}

/** A notification caused through A reaches the owner's socket connected to B, and is in the owner's list. */
async function liveDeliveryAcrossProcesses(a: string, b: string) {
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
}

/** Stops both processes, then drops their database. */
async function cleanUp(drop: () => Promise<void>) {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
  await drop();
}

async function main() {
  // A fresh database on the test server, for both processes.
  const database = await scratchDatabase(serverUrl, `jointly_two_${runId}`);
  const databaseUrl = database.url;

  let failed = 0;
  let processes: { a: string; b: string } | null = null;
  try {
    // A migrates first; B then finds the schema in place.
    const a = await startProcess("A", await freePort(), databaseUrl);
    const b = await startProcess("B", await freePort(), databaseUrl);
    processes = { a, b };
    await liveDeliveryAcrossProcesses(a, b);
    console.log("two-process live delivery: ok (caused on A, received on B)");
  } catch (error) {
    failed++;
    console.log(`two-process live delivery: FAILED: ${(error as Error).message}`);
  }
  try {
    if (processes) await revocationAcrossProcesses(processes.a, processes.b);
    else throw new Error("the processes did not start");
    console.log("two-process revocation: ok (left a network and signed out on A, socket on B re-scoped then dropped within 1 s)");
  } catch (error) {
    failed++;
    console.log(`two-process revocation: FAILED: ${(error as Error).message}`);
  } finally {
    await cleanUp(database.drop);
  }
  console.log(`${2 - failed} passed, ${failed} failed`);
  process.exit(failed);
}

void main();
