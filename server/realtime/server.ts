import type { Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { and, gt, inArray } from "drizzle-orm";
import { Server, type Socket } from "socket.io";
import type { Db } from "../../db/client";
import { session as sessionTable } from "../../db/schema/auth";
import type { Auth } from "../auth";
import { rootMessage } from "../boot-checks";
import { EnvError, hostOf } from "../env";
import { originVerdict } from "../http/csrf";
import { loadActor } from "../services/accounts/load-actor";
import type { ClientToServerEvents, RoomAck, ServerToClientEvents } from "./events";
import { roomPayloadSchema, userRoom } from "./events";
import type { Publisher } from "./publisher";
import { mayJoinRoom } from "./rooms";

const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/** What a socket carries from its handshake: who, and with which session. */
interface SocketData {
  userId: string;
  sessionId: string;
}

type JointlySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Every socket of a session is in this room, so a sign-out reaches them in every process. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Rooms a socket is put in by the server, never by asking: not re-checked when rescoping. */
const isOwnRoom = (room: string, socketId: string) => room === socketId || room.startsWith("user:") || room.startsWith("session:");

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

export interface Realtime {
  io: Io;
  publisher: Publisher;
  /** "off" without REDIS_URL; "ok" when both Redis connections are up (the publisher answers a PING); else throws. */
  pingRedis(): Promise<"ok" | "off">;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  httpServer: HttpServer;
  db: Db;
  auth: Auth;
  logger: Logger;
  redisUrl?: string;
  redisPrefix: string;
  publicUrl: string;
  /**
   * How often each process checks that its sockets' sessions still exist and have not expired
   * (sign-outs and revocations disconnect at once; this catches expiry and anything else).
   */
  sessionCheckMs?: number;
}

/** A Redis connection as close() needs it. */
type RedisConnection = { quit(): Promise<unknown>; ping(): Promise<unknown>; isOpen: boolean; isReady: boolean };

/**
 * socket.io on the same HTTP server as Express and Remix. The handshake is authenticated by
 * the session cookie; every socket joins its user's room, and any other room only after
 * mayJoinRoom agrees. With REDIS_URL, the Redis adapter lets several processes reach every client.
 */
export async function createRealtime(options: RealtimeOptions): Promise<Realtime> {
  const { db, auth, logger } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  const io: Io = new Server<ClientToServerEvents, ServerToClientEvents>(options.httpServer, {
    serveClient: false,
    cors: { origin: false },
    // The handshake carries the session cookie: a page of another site may not open a socket
    // as the user (cross-site WebSocket hijacking). Same rule as every state-changing request.
    allowRequest: (req, callback) => {
      const verdict = originVerdict(req.headers, publicOrigin);
      if (!verdict.allowed) logger.warn({ reason: verdict.reason }, "cross-site socket handshake refused");
      callback(verdict.allowed ? null : "cross-site handshake refused", verdict.allowed);
    },
  });

  const redisClients = options.redisUrl ? await useRedisAdapter(io, options.redisUrl, options.redisPrefix, logger) : [];

  io.use((socket, next) => {
    void authenticate(socket, next, auth, db, logger);
  });
  io.on("connection", (raw) => handleRooms(raw as JointlySocket, db, logger));

  const sessionTimer = watchSessions(io, db, logger, options.sessionCheckMs ?? 30_000);

  const publisher: Publisher = {
    toRoom(room, event, payload) {
      // The typed emit needs a literal event name; the Publisher interface already typed the pair.
      (io.to(room).emit as (e: string, p: unknown) => boolean)(event, payload);
    },
    disconnectSession(sessionId) {
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    rescopeUsers(userIds) {
      rescope(io, db, userIds).catch((err) => logger.warn({ err, userIds }, "socket rescope failed"));
    },
  };

  return {
    io,
    publisher,
    async pingRedis() {
      if (redisClients.length === 0) return "off";
      if (!redisClients.every((client) => client.isReady)) throw new Error("a Redis connection is down");
      // The subscriber, in pub/sub mode, takes no plain commands; its readiness says enough.
      await redisClients[0].ping();
      return "ok";
    },
    async close() {
      clearInterval(sessionTimer);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      for (const client of redisClients) if (client.isOpen) await client.quit().catch(() => {});
    },
  };
}

/**
 * Connects the Redis adapter. At boot a Redis that cannot be reached stops the process, naming
 * REDIS_URL; once running, a lost connection is retried (with a growing pause) instead.
 */
async function useRedisAdapter(io: Io, redisUrl: string, redisPrefix: string, logger: Logger): Promise<RedisConnection[]> {
  // Loaded only with REDIS_URL, so a single process does not pay for them at start.
  const [{ createClient }, { createAdapter }] = await Promise.all([import("redis"), import("@socket.io/redis-adapter")]);
  let connected = false;
  const pub = createClient({
    url: redisUrl,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 5_000) : cause),
    },
  });
  const sub = pub.duplicate();
  pub.on("error", (err) => connected && logger.error({ err }, "redis publisher error"));
  sub.on("error", (err) => connected && logger.error({ err }, "redis subscriber error"));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    for (const client of [pub, sub]) {
      try {
        client.destroy();
      } catch {
        // never connected
      }
    }
    throw new EnvError(`REDIS_URL: cannot connect to Redis at ${hostOf(redisUrl)} (${rootMessage(err)})`);
  }
  connected = true;
  io.adapter(createAdapter(pub, sub, { key: `${redisPrefix}:socket.io` }));
  logger.info("socket.io uses the Redis adapter");
  return [pub, sub];
}

/** The handshake never rejects: every failure is answered as "unauthenticated" and logged. */
async function authenticate(
  socket: Parameters<Parameters<Io["use"]>[0]>[0],
  next: (err?: Error) => void,
  auth: Auth,
  db: Db,
  logger: Logger,
): Promise<void> {
  try {
    const headers = new Headers();
    for (const [key, value] of Object.entries(socket.request.headers)) {
      if (typeof value === "string") headers.set(key, value);
      else if (Array.isArray(value)) headers.set(key, value.join(", "));
    }
    const session = await auth.api.getSession({ headers });
    const actor = session ? await loadActor(db, session.user.id) : null;
    if (!session || !actor) return next(new Error("unauthenticated"));
    (socket as JointlySocket).data.userId = actor.userId;
    (socket as JointlySocket).data.sessionId = session.session.id;
    next();
  } catch (err) {
    logger.warn({ err }, "socket handshake failed");
    next(new Error("unauthenticated"));
  }
}

/** A connected socket joins its own rooms, then others only as the rules allow. */
function handleRooms(socket: JointlySocket, db: Db, logger: Logger): void {
  const { userId, sessionId } = socket.data;
  void socket.join([userRoom(userId), sessionRoom(sessionId)]);

  socket.on("room:join", async (payload, ack) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const parsed = roomPayloadSchema.safeParse(payload);
    if (!parsed.success) return reply(invalid(parsed.error.issues[0]?.message ?? "invalid"));
    const { room } = parsed.data;
    try {
      // The actor as it is now, not as it was at the handshake (it may have left a firm since).
      const actor = await loadActor(db, userId);
      if (!actor || !(await mayJoinRoom(db, actor, room))) {
        return reply({ error: { code: "forbidden", message: "You may not watch this resource" } });
      }
      await socket.join(room);
      reply({ data: { room } });
    } catch (err) {
      logger.error({ err, room }, "room join failed");
      reply({ error: { code: "internal", message: "Could not join the room" } });
    }
  });

  socket.on("room:leave", async (payload, ack) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const parsed = roomPayloadSchema.safeParse(payload);
    if (!parsed.success) return reply(invalid(parsed.error.issues[0]?.message ?? "invalid"));
    await socket.leave(parsed.data.room);
    reply({ data: { room: parsed.data.room } });
  });
}

/** Takes each user's sockets, in every process, out of the rooms the rules no longer allow. */
async function rescope(io: Io, db: Db, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    const sockets = await io.in(userRoom(userId)).fetchSockets();
    if (sockets.length === 0) continue;
    const actor = await loadActor(db, userId);
    if (!actor) {
      io.in(userRoom(userId)).disconnectSockets(true);
      continue;
    }
    const allowed = new Map<string, boolean>();
    for (const socket of sockets) {
      for (const room of socket.rooms) {
        if (isOwnRoom(room, socket.id)) continue;
        if (!allowed.has(room)) allowed.set(room, await mayJoinRoom(db, actor, room));
        if (!allowed.get(room)) socket.leave(room);
      }
    }
  }
}

/** Checks every few seconds, one check at a time, that this process's sockets' sessions live. */
function watchSessions(io: Io, db: Db, logger: Logger, everyMs: number): NodeJS.Timeout {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    checkSessions(io, db)
      .catch((err) => logger.warn({ err }, "socket session check failed"))
      .finally(() => (checking = false));
  }, everyMs);
  timer.unref();
  return timer;
}

/** Disconnects this process's sockets whose session was deleted or has expired. */
async function checkSessions(io: Io, db: Db): Promise<void> {
  const local = [...io.of("/").sockets.values()] as JointlySocket[];
  const ids = [...new Set(local.map((s) => s.data.sessionId).filter(Boolean))];
  if (ids.length === 0) return;
  const live = await db
    .select({ id: sessionTable.id })
    .from(sessionTable)
    .where(and(inArray(sessionTable.id, ids), gt(sessionTable.expiresAt, new Date())));
  const alive = new Set(live.map((r) => r.id));
  for (const socket of local) if (!alive.has(socket.data.sessionId)) socket.disconnect(true);
}

function invalid(message: string): RoomAck {
  return { error: { code: "invalid_input", message } };
}
