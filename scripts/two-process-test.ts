/**
 * Two server processes, one PostgreSQL database, one Redis: a notification caused through
 * process A reaches a browser-like socket.io client connected to process B.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL server URL; a unique database is created and dropped)
 * and REDIS_URL. Run by .ci/run; locally: `npm run test:two-process`.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io-client";
import {
  call,
  liveSocket,
  ownerSignUp,
  firmOwner,
  askToJoin,
  hasJoinNotification,
  nextEvent,
  signUpThrough,
  startServer,
  stopChildren,
} from "./lib/cluster";
import { dropDatabase, scratchDatabase } from "./bench/postgres";
import { freePort, signIn } from "./bench/shared";

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
const ADMIN = { email: `admin-${runId}@two.example`, password: `two-admin-${randomBytes(6).toString("hex")}` };

async function startProcess(name: string, port: number, databaseUrl: string): Promise<string> {
  return startServer(
    name,
    port,
    {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl!,
      REDIS_PREFIX: `jointly-two-${runId}`,
      // Both processes must sign and verify sessions with the same secret.
      BETTER_AUTH_SECRET: SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    children,
  );
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
  const adminCookie = await signIn(a, ADMIN.email, ADMIN.password);
  const brokerEmail = `broker-${runId}@two.example`;
  await call(a, "POST", "/users", adminCookie, {
    name: "Broker Two",
    email: brokerEmail,
    password: "two-process-password",
    role: "broker",
  });
  const brokerCookie = await signIn(a, brokerEmail, "two-process-password");
  const networkBody = { name: `Two Process Network ${runId}`, sector: "1520", region: "Vale", currency: "BRL" };
  const { id: networkId } = (await call(a, "POST", "/networks", brokerCookie, networkBody)) as { id: string };
  const smeCookie = await signUpThrough(
    a,
    ownerSignUp(`Two Process Member ${runId}`, `member-${runId}@two.example`, "two-process-password"),
  );
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
  const password = "two-process-password";
  const { cookie: ownerCookie, firmId } = await firmOwner(a, "Two", `owner-${runId}@two.example`, password);
  // Process B sees what A wrote.
  await call(b, "GET", "/firms/me", ownerCookie);

  // The owner's browser is connected to B.
  const socket = await liveSocket(b, ownerCookie);
  const received = nextEvent<{ id: string }>(socket, "notification:created", 10_000, "process B's client");

  // Someone asks to join through A: the owner's notification is stored and pushed from A.
  await askToJoin(a, firmId, "Two", `joiner-${runId}@two.example`, password);
  const payload = await received;
  if (!(await hasJoinNotification(b, ownerCookie, payload.id))) throw new Error("the pushed notification is not in the owner's list");
  socket.close();
}

/** Stops both processes, then drops their database. */
async function cleanUp() {
  await stopChildren(children);
  await dropDatabase(serverUrl!, dbName);
}

async function main() {
  const databaseUrl = (await scratchDatabase(serverUrl!, dbName)).url;

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
    await cleanUp();
  }
  console.log(`${2 - failed} passed, ${failed} failed`);
  process.exit(failed);
}

void main();
