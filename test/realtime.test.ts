import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { userRoom } from "../server/realtime/events";
import { signUp } from "../server/services/accounts/sign-up";
import { updateMyFirm } from "../server/services/firms/update-my-firm";
import { createFirmOwner, makeDeps, PASSWORD, uniqueEmail } from "./factories";
import { signIn, startTestServer, type TestServer } from "./server";

let server: TestServer;
let deps: ReturnType<typeof makeDeps>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // Use the server's real publisher, so pushes go through socket.io.
  deps = { ...makeDeps(server.app.deps.db), publisher: server.app.deps.publisher } as ReturnType<typeof makeDeps>;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

function open(cookie?: string): Socket {
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
  sockets.push(socket);
  return socket;
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });

// A guard against a hang, not a speed check: a sign-up takes seconds on a busy machine.
const next = <T>(socket: Socket, event: string, timeoutMs = 30_000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

const join = (socket: Socket, payload: unknown) =>
  new Promise<{ data?: { room: string }; error?: { code: string } }>((resolve) => socket.emit("room:join", payload, resolve));

describe("socket handshake", () => {
  it("refuses a connection without a session", async () => {
    await expect(connected(open())).rejects.toThrow(/unauthenticated/);
  });

  it("refuses a forged cookie", async () => {
    await expect(connected(open("better-auth.session_token=forged.value"))).rejects.toThrow(/unauthenticated/);
  });
});

describe("live notifications", () => {
  it("pushes a notification to its user's room as soon as it is stored", async () => {
    const owner = await createFirmOwner(deps);
    const socket = open(await signIn(server.url, owner.email, PASSWORD));
    await connected(socket);
    const pushed = next<{ id: string }>(socket, "notification:created");
    await signUp(deps, {
      firmChoice: "join",
      role: "sme",
      name: "Live Joiner",
      email: uniqueEmail(),
      password: PASSWORD,
      firmId: owner.firmId,
    });
    const payload = await pushed;
    const list = await server.app.services.notifications.list(owner.actor);
    expect(list.items.map((n) => n.id)).toContain(payload.id);
  });

  it("does not deliver one user's notification to another", async () => {
    const owner = await createFirmOwner(deps);
    const bystander = await createFirmOwner(deps);
    const socket = open(await signIn(server.url, bystander.email, PASSWORD));
    await connected(socket);
    const received: string[] = [];
    socket.on("notification:created", (payload: { id: string }) => received.push(payload.id));
    await signUp(deps, { firmChoice: "join", role: "sme", name: "Other", email: uniqueEmail(), password: PASSWORD, firmId: owner.firmId });
    // Sentinel: a join to the bystander's own firm notifies the bystander after the first push
    // went out; one server writes both to this connection in order, so once the sentinel is
    // here the owner's notification would have arrived before it.
    const sentinel = next<{ id: string }>(socket, "notification:created");
    await signUp(deps, {
      firmChoice: "join",
      role: "sme",
      name: "Sentinel",
      email: uniqueEmail(),
      password: PASSWORD,
      firmId: bystander.firmId,
    });
    const own = await sentinel;
    expect((await server.app.services.notifications.list(bystander.actor)).items.map((n) => n.id)).toEqual([own.id]);
    expect(received).toEqual([own.id]);
  });
});

describe("rooms", () => {
  it("joins one's own firm room and receives its updates; another firm's room is refused", async () => {
    const owner = await createFirmOwner(deps);
    const other = await createFirmOwner(deps);
    const socket = open(await signIn(server.url, owner.email, PASSWORD));
    await connected(socket);

    expect(await join(socket, { room: `firm:${owner.firmId}` })).toEqual({ data: { room: `firm:${owner.firmId}` } });
    expect(await join(socket, { room: `firm:${other.firmId}` })).toMatchObject({ error: { code: "forbidden" } });
    expect(await join(socket, { room: `user:${other.userId}` })).toMatchObject({ error: { code: "forbidden" } });
    expect(await join(socket, { room: "nonsense" })).toMatchObject({ error: { code: "invalid_input" } });
    expect(await join(socket, { room: "secret:abc" })).toMatchObject({ error: { code: "forbidden" } });
    expect(await join(socket, 42)).toMatchObject({ error: { code: "invalid_input" } });

    const updated = next<{ firmId: string }>(socket, "firm:updated");
    await updateMyFirm(deps, owner.actor, { kind: "sme", name: "Live Firm", country: "BR", sector: "1520", link: "assembly", tier: 1 });
    expect(await updated).toEqual({ firmId: owner.firmId });
  });
});

describe("network and initiative rooms", () => {
  it("lets members and brokers watch a joint buy live, and refuses everyone else", async () => {
    const { networkWithMembers, openJointBuy } = await import("./network-fixtures");
    const { setJointBuyCommitment } = await import("../server/services/initiatives/set-joint-buy-commitment");
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const id = await openJointBuy(deps, broker.actor, networkId, [smes[0].actor]);
    const outsider = await createFirmOwner(deps);

    // Attach the listener before the socket can connect: open and wait in one step.
    const openConnected = async (email: string) => {
      const socket = open(await signIn(server.url, email, PASSWORD));
      await connected(socket);
      return socket;
    };
    const member = await openConnected(smes[1].email);
    const brokerSocket = await openConnected(broker.email);
    const stranger = await openConnected(outsider.email);

    expect(await join(member, { room: `initiative:${id}` })).toEqual({ data: { room: `initiative:${id}` } });
    expect(await join(member, { room: `network:${networkId}` })).toEqual({ data: { room: `network:${networkId}` } });
    expect(await join(brokerSocket, { room: `initiative:${id}` })).toEqual({ data: { room: `initiative:${id}` } });
    expect(await join(stranger, { room: `initiative:${id}` })).toMatchObject({ error: { code: "forbidden" } });
    expect(await join(stranger, { room: `network:${networkId}` })).toMatchObject({ error: { code: "forbidden" } });

    const strangerHeard: string[] = [];
    stranger.on("jointbuy:updated", (payload: { initiativeId: string }) => strangerHeard.push(payload.initiativeId));
    const memberHears = next<{ initiativeId: string; total: number }>(member, "jointbuy:updated");
    const brokerHears = next<{ initiativeId: string; total: number }>(brokerSocket, "jointbuy:updated");
    await setJointBuyCommitment(deps, smes[0].actor, { initiativeId: id, quantity: 120 });
    expect(await memberHears).toEqual({ initiativeId: id, total: 120 });
    expect(await brokerHears).toEqual({ initiativeId: id, total: 120 });
    // Sentinel: a marker pushed to the stranger's own room after the commitment's push; the
    // connection keeps the server's order, so a leaked update would have been heard first.
    const marker = crypto.randomUUID();
    const sentinel = next<{ initiativeId: string }>(stranger, "jointbuy:updated");
    server.app.deps.publisher.toRoom(userRoom(outsider.userId), "jointbuy:updated", { initiativeId: marker, total: 0 });
    expect(await sentinel).toEqual({ initiativeId: marker, total: 0 });
    expect(strangerHeard).toEqual([marker]);
  });
});

describe("rankings follow profiles live", () => {
  it("tells every watcher of needs that matches may have changed when an SME edits its profile", async () => {
    const owner = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const socket = open(await signIn(server.url, buyer.email, PASSWORD));
    await connected(socket);
    expect(await join(socket, { room: "needs:all" })).toEqual({ data: { room: "needs:all" } });
    const heard = next(socket, "matches:changed");
    await updateMyFirm(deps, owner.actor, { kind: "sme", name: "Moved Firm", country: "BR", sector: "1520", link: "assembly", tier: 2 });
    expect(await heard).toEqual({});
  });
});
