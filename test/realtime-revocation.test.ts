import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { session } from "../db/schema/auth";
import { networkRoom, userRoom } from "../server/realtime/events";
import { leaveNetwork } from "../server/services/networks/leave-network";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { signIn, startTestServer, type TestServer } from "./server";

// A live socket is only as good as its session and its rights: sign-out and revocation drop it,
// expiry too, and leaving a network takes it out of the network's rooms, within a second.
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;
const sockets: Socket[] = [];

beforeAll(async () => {
  // A long session check, so the sign-out tests prove the immediate path, not the sweep.
  server = await startTestServer({ sessionCheckMs: 60_000 });
  deps = { ...makeDeps(server.app.deps.db), publisher: server.app.deps.publisher } as ReturnType<typeof makeDeps>;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

async function openConnected(url: string, cookie: string): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

const join = (socket: Socket, room: string) =>
  new Promise<{ data?: { room: string }; error?: { code: string } }>((resolve) => socket.emit("room:join", { room }, resolve));

/**
 * Watches a socket for the server disconnecting it; `within(ms)` then waits at most `ms` from the
 * moment it is called (the change's answer), so a slow request on a busy machine does not count.
 */
function watchDisconnect(socket: Socket) {
  let reason: string | null = null;
  const done = new Promise<void>((resolve) =>
    socket.once("disconnect", (r) => {
      reason = r;
      resolve();
    }),
  );
  return {
    async within(ms: number) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`still connected ${ms} ms after the change`)), ms)),
      );
      await Promise.race([done, late]).finally(() => clearTimeout(timer));
      expect(reason).toBe("io server disconnect");
    },
  };
}

const signOut = (url: string, cookie: string) =>
  fetch(`${url}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: url, "content-type": "application/json" }, body: "{}" });

/**
 * Whether the socket receives a push to `room`: a push there, then a sentinel to the user's own
 * room; the connection keeps their order, so the sentinel arriving first means the push never will.
 */
async function receivesRoom(socket: Socket, room: string, userId: string): Promise<boolean> {
  const marker = crypto.randomUUID();
  let got = false;
  const onRoom = (payload: { networkId?: string }) => {
    if (payload.networkId === marker) got = true;
  };
  socket.on("network:updated", onRoom);
  const sentinel = new Promise<void>((resolve) => {
    const onSentinel = (payload: { id: string }) => {
      if (payload.id !== marker) return;
      socket.off("notification:created", onSentinel);
      resolve();
    };
    socket.on("notification:created", onSentinel);
  });
  server.app.deps.publisher.toRoom(room, "network:updated", { networkId: marker });
  server.app.deps.publisher.toRoom(userRoom(userId), "notification:created", { id: marker });
  await sentinel;
  socket.off("network:updated", onRoom);
  return got;
}

describe("sessions end, sockets go", () => {
  it("disconnects a session's sockets within 1 s of signing out, and only that session's", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const otherCookie = await signIn(server.url, owner.email, PASSWORD);
    const a = await openConnected(server.url, cookie);
    const b = await openConnected(server.url, cookie);
    const other = await openConnected(server.url, otherCookie);
    expect(await join(a, `firm:${owner.firmId}`)).toEqual({ data: { room: `firm:${owner.firmId}` } });

    const watched = [watchDisconnect(a), watchDisconnect(b)];
    expect((await signOut(server.url, cookie)).status).toBe(200);
    await Promise.all(watched.map((w) => w.within(1000)));
    // The other session (another tab or device) keeps its live updates.
    expect(other.connected).toBe(true);
    expect(await receivesRoom(other, userRoom(owner.userId), owner.userId)).toBe(true);
    // And the signed-out cookie cannot open a new one.
    await expect(openConnected(server.url, cookie)).rejects.toThrow(/unauthenticated/);
  });

  it("disconnects the revoked sessions when a password change signs them out", async () => {
    const owner = await createFirmOwner(deps);
    const here = await signIn(server.url, owner.email, PASSWORD);
    const elsewhere = await signIn(server.url, owner.email, PASSWORD);
    const stolen = await openConnected(server.url, elsewhere);
    const watched = watchDisconnect(stolen);
    const res = await fetch(`${server.url}/api/auth/change-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, cookie: here },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "a-brand-new-passphrase", revokeOtherSessions: true }),
    });
    expect(res.status).toBe(200);
    await watched.within(1000);
    // The old cookie is refused; the session the change handed back connects (the page's
    // live client tries again after a server disconnect, app/utils/live.tsx).
    await expect(openConnected(server.url, elsewhere)).rejects.toThrow(/unauthenticated/);
    const renewed = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await openConnected(server.url, renewed)).connected).toBe(true);
  });

  it("disconnects a socket whose session has expired", async () => {
    const quick = await startTestServer({ sessionCheckMs: 100 });
    try {
      const quickDeps = makeDeps(quick.app.deps.db);
      const owner = await createFirmOwner(quickDeps);
      const cookie = await signIn(quick.url, owner.email, PASSWORD);
      const socket = await openConnected(quick.url, cookie);
      const watched = watchDisconnect(socket);
      await quick.app.deps.db
        .update(session)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(session.userId, owner.userId));
      await watched.within(1000);
    } finally {
      await quick.close();
    }
  });
});

describe("leaving a network", () => {
  it("takes the firm's sockets out of the network's rooms, and its brokers' out of the firm's, within 1 s", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const [leaver, stayer] = smes;
    const leaverSocket = await openConnected(server.url, await signIn(server.url, leaver.email, PASSWORD));
    const stayerSocket = await openConnected(server.url, await signIn(server.url, stayer.email, PASSWORD));
    const brokerSocket = await openConnected(server.url, await signIn(server.url, broker.email, PASSWORD));
    const network = networkRoom(networkId);
    for (const s of [leaverSocket, stayerSocket, brokerSocket]) expect(await join(s, network)).toEqual({ data: { room: network } });
    expect(await join(brokerSocket, `firm:${leaver.firmId}`)).toEqual({ data: { room: `firm:${leaver.firmId}` } });
    expect(await receivesRoom(leaverSocket, network, leaver.userId)).toBe(true);
    expect(await receivesRoom(brokerSocket, `firm:${leaver.firmId}`, broker.id)).toBe(true);

    await leaveNetwork(deps, leaver.actor, { networkId });
    const left = Date.now();
    // Rescoping runs after commit; poll the server's view of the room for at most a second.
    const inRoom = async (room: string, socketId: string | undefined) =>
      (await server.app.realtime.io.in(room).fetchSockets()).some((s) => s.id === socketId);
    while ((await inRoom(network, leaverSocket.id)) || (await inRoom(`firm:${leaver.firmId}`, brokerSocket.id))) {
      expect(Date.now() - left, "still in the room after 1 s").toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await receivesRoom(leaverSocket, network, leaver.userId)).toBe(false);
    expect(await receivesRoom(brokerSocket, `firm:${leaver.firmId}`, broker.id)).toBe(false);
    // Everyone else keeps what they may still watch; nobody is disconnected.
    expect(await receivesRoom(stayerSocket, network, stayer.userId)).toBe(true);
    expect(await receivesRoom(brokerSocket, network, broker.id)).toBe(true);
    expect(leaverSocket.connected).toBe(true);
    // Asking to join again is refused.
    expect(await join(leaverSocket, network)).toMatchObject({ error: { code: "forbidden" } });
  });
});
