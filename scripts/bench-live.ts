/**
 * `npm run bench:live`: how fast does a joint-buy commitment reach everyone watching it?
 *
 * 500 socket.io clients watch one joint purchase (room `initiative:<id>`); an SME commits a
 * quantity through the JSON API (PUT /api/v1/initiatives/{id}/joint-buy/commitment); each client
 * records when its `jointbuy:updated` push arrives. Latency = arrival - the instant just before
 * the HTTP request was sent (one clock: clients and the request live in this process).
 *
 * Runs twice: ONE server process (fresh PGlite folder), then TWO processes sharing PostgreSQL
 * and Redis (half the clients on each, the commitment made through process A). The second part
 * is skipped, with a message, when PostgreSQL or Redis is unreachable.
 *
 * Setup goes through HTTP like a user would: sign-up form, admin-created broker, then the
 * network/initiative endpoints of /api/v1. If an endpoint is missing from openapi.json, that step
 * falls back to calling the service directly (the one-process run then runs the server in this
 * process on a memory PGlite); every fallback is printed.
 *
 * Environment: BENCH_CLIENTS (500), BENCH_ROUNDS (20), TEST_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (redis://127.0.0.1:6379).
 * This is a benchmark, not a test: it exits 0 unless the run itself broke.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import type { ServerBuild } from "@remix-run/node";
import { io, type Socket } from "socket.io-client";
import type { Actor } from "../server/authz/actor";
import type { Services } from "../server/services/index";

// ---------------------------------------------------------------------------------------------
// Settings (every loop below is bounded by one of these)

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));
const CLIENTS = clamp(Number(process.env.BENCH_CLIENTS ?? 500) || 500, 2, 2000);
const ROUNDS = clamp(Number(process.env.BENCH_ROUNDS ?? 20) || 20, 1, 200);
const WARMUP_ROUNDS = 2;
const CONNECT_BATCH = 50;
const ROUND_TIMEOUT_MS = 10_000;
const PAUSE_BETWEEN_ROUNDS_MS = 250;
const CONNECT_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 90_000;
const HARD_DEADLINE_MS = 15 * 60_000;
const TARGET_P95_MS = 250;

const PG_SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const ADMIN = { email: `bench-admin-${runId}@bench.example`, password: `bench-admin-${randomBytes(8).toString("hex")}` };
const PASSWORD = "bench-live-password";
/** One random secret per run, shared by every process: B must accept the cookies A signs. */
const AUTH_SECRET = randomBytes(32).toString("hex");

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: only processes this script started are ever stopped, by their own id.

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The child leads its own process group (detached), so tsx's node child is stopped with it.
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
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

async function cleanupAll(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
  await Promise.all(children.splice(0).map(stopChild));
}

const hardDeadline = setTimeout(() => {
  console.error(`bench:live exceeded ${HARD_DEADLINE_MS / 60_000} minutes; stopping`);
  void cleanupAll().finally(() => process.exit(2));
}, HARD_DEADLINE_MS);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping the servers`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// ---------------------------------------------------------------------------------------------
// Servers

interface Server {
  name: string;
  url: string;
}

/** Bound services, when a setup step has to bypass a missing endpoint. */
interface Fallback {
  services: Services;
  where: string;
}

async function startProcess(name: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/index.ts"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      AUTH_RATE_LIMIT: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      BETTER_AUTH_SECRET: AUTH_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATABASE_URL: "",
      REDIS_URL: "",
      DATA_DIR: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  cleanups.push(() => {
    if (/"level":(50|60)/.test(output)) console.log(`\n[process ${name} logged errors; last output]\n${output.slice(-3_000)}`);
    return Promise.resolve();
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) return { name, url };
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`process ${name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** The one-process fallback: the whole server in this process on a memory PGlite. */
async function startInProcess(): Promise<{ server: Server; fallback: Fallback; close(): Promise<void> }> {
  const [{ createJointly }, { parseEnv }, { pino }] = await Promise.all([import("../server/app"), import("../server/env"), import("pino")]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = parseEnv({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT: "false",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: url,
    DATA_DIR: "memory://",
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild;
  const app = await createJointly({ env, logger: pino({ level: "warn" }), build });
  await app.listen();
  return {
    server: { name: "in-process", url },
    fallback: { services: app.services, where: "in-process services" },
    close: () => app.close(),
  };
}

/** The two-process fallback for setup steps: services over a direct handle on the shared database. */
async function directServices(databaseUrl: string): Promise<{ fallback: Fallback; close(): Promise<void> }> {
  const [{ openDatabase }, { createServices }] = await Promise.all([import("../db/client"), import("../server/services/index")]);
  const database = await openDatabase({ url: databaseUrl, poolMax: 2 });
  const services = createServices({
    db: database.db,
    publisher: { toRoom() {}, disconnectSession() {}, rescopeUsers() {} },
    now: () => new Date(),
  });
  return { fallback: { services, where: "services on a direct database handle" }, close: () => database.close() };
}

// ---------------------------------------------------------------------------------------------
// The API, as described by openapi.json

interface OpRef {
  method: string;
  path: string;
}

async function loadOperations(base: string): Promise<Map<string, OpRef>> {
  const res = await fetch(`${base}/api/v1/openapi.json`);
  if (!res.ok) throw new Error(`openapi.json: ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const ops = new Map<string, OpRef>();
  for (const [p, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods))
      if (op?.operationId) ops.set(op.operationId, { method: method.toUpperCase(), path: p });
  }
  return ops;
}

interface Person {
  cookie: string;
  userId: string;
}

class Api {
  /** How each step was done, for the report. */
  readonly log: string[] = [];
  constructor(
    readonly base: string,
    readonly ops: Map<string, OpRef>,
    readonly fallback: Fallback | null,
  ) {}

  has(...ids: string[]): string | undefined {
    return ids.find((id) => this.ops.has(id));
  }

  async http(method: string, pathname: string, cookie: string | undefined, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}/api/v1${pathname}`, {
      method,
      headers: { origin: this.base, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /api/v1${pathname}: ${res.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  /** Calls an operation by id (path parameters filled from the input), else the service. */
  async call(
    step: string,
    operationIds: string[],
    person: Person,
    input: Record<string, unknown>,
    viaService: (services: Services, actor: Actor) => Promise<unknown>,
  ): Promise<unknown> {
    const id = this.has(...operationIds);
    if (id) {
      const op = this.ops.get(id)!;
      const body = { ...input };
      const pathname = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = body[name];
        if (typeof value !== "string" && typeof value !== "number") throw new Error(`${id}: no value for path parameter ${name}`);
        delete body[name];
        return encodeURIComponent(value);
      });
      this.log.push(`${step}: HTTP ${op.method} /api/v1${op.path} (${id})`);
      return this.http(op.method, pathname, person.cookie, op.method === "GET" ? undefined : body);
    }
    if (!this.fallback) throw new Error(`${step}: no endpoint ${operationIds.join("/")} in openapi.json and no service fallback`);
    this.log.push(`${step}: FALLBACK ${this.fallback.where} (no ${operationIds[0]} endpoint yet)`);
    const actor = await this.fallback.services.accounts.loadActor(person.userId);
    if (!actor) throw new Error(`${step}: no actor for ${person.userId}`);
    return viaService(this.fallback.services, actor);
  }
}

/** An id from a response, whether it is `{ id }`, `{ network: { id } }` or `{ networkId }`. */
function idFrom(value: unknown, key: string): string {
  const v = value as Record<string, unknown> | null;
  const nested = v?.[key] as Record<string, unknown> | undefined;
  const id = v?.id ?? nested?.id ?? v?.[`${key}Id`];
  if (typeof id !== "string") throw new Error(`no ${key} id in ${JSON.stringify(value).slice(0, 300)}`);
  return id;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return cookiesOf(res);
}

async function sessionUserId(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/get-session`, { headers: { cookie, origin: base } });
  const body = (await res.json()) as { user?: { id: string } } | null;
  if (!body?.user?.id) throw new Error("no session for a fresh cookie");
  return body.user.id;
}

async function signUpSme(base: string, n: number): Promise<Person> {
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({
      role: "sme",
      firmChoice: "create",
      name: `Bench Owner ${n}`,
      email: `bench-sme-${n}-${runId}@bench.example`,
      password: PASSWORD,
      firmName: `Bench Firm ${n} ${runId}`,
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
    }),
  });
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const cookie = cookiesOf(res);
  return { cookie, userId: await sessionUserId(base, cookie) };
}

interface Scene {
  initiativeId: string;
  broker: Person;
  sme: Person;
  steps: string[];
  commitVia: string;
  commit: (quantity: number) => Promise<{ total: number; httpMs: number }>;
}

/** Admin -> broker -> network -> invited SME accepts -> open joint purchase the SME joins. */
async function setUpScene(api: Api): Promise<Scene> {
  const base = api.base;
  const adminCookie = await signIn(base, ADMIN.email, ADMIN.password);
  const brokerEmail = `bench-broker-${runId}@bench.example`;
  const brokerUser = await api.http("POST", "/users", adminCookie, {
    name: "Bench Broker",
    email: brokerEmail,
    password: PASSWORD,
    role: "broker",
  });
  api.log.push("broker: HTTP POST /api/v1/users (createUser)");
  const broker: Person = { cookie: await signIn(base, brokerEmail, PASSWORD), userId: idFrom(brokerUser, "user") };
  const sme = await signUpSme(base, 1);
  api.log.push("SME: POST /signup form");
  const myFirm = await api.http("GET", "/firms/me", sme.cookie);
  const firmId = idFrom(myFirm, "firm");

  const networkInput = { name: `Bench Network ${runId}`, sector: "1520", currency: "BRL", region: "Bench", description: "bench:live" };
  const networkId = idFrom(
    await api.call("network", ["createNetwork"], broker, networkInput, (s, a) => s.networks.create(a, networkInput)),
    "network",
  );
  const invite = { networkId, firmId };
  await api.call("invite", ["inviteToNetwork"], broker, invite, (s, a) => s.networks.invite(a, invite));
  const accept = { networkId, decision: "accept", consent: true };
  await api.call("accept invitation", ["acceptInvitation", "respondToInvitation"], sme, accept, (s, a) =>
    s.networks.respondToInvitation(a, accept),
  );

  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const initiativeInput = {
    networkId,
    objective: "joint_buying",
    title: `Bench joint purchase ${runId}`,
    description: "bench:live",
    deadline,
    shareQuantities: false,
    jointBuy: {
      inputName: "Bench leather",
      specification: "",
      unit: "m2",
      supplierName: "Bench Supplier",
      currency: "BRL",
      minimumQuantity: 1,
      // Quantities alternate 10/20: no break is ever crossed, so rounds push nothing else.
      priceBreaks: [
        { minQuantity: 1, unitPrice: "10.00" },
        { minQuantity: 100_000, unitPrice: "8.00" },
      ],
    },
  };
  const initiativeId = idFrom(
    await api.call("initiative", ["createInitiative"], broker, initiativeInput, (s, a) => s.initiatives.create(a, initiativeInput)),
    "initiative",
  );
  const open = { initiativeId, to: "open" };
  await api.call("open", ["transitionInitiative"], broker, open, (s, a) => s.initiatives.transition(a, open));
  const join = { initiativeId };
  await api.call("join", ["joinInitiative"], sme, join, (s, a) => s.initiatives.join(a, join));

  const commitOp = api.ops.get("setJointBuyCommitment");
  let commitVia: string;
  let commit: Scene["commit"];
  if (commitOp) {
    const pathname = commitOp.path.replace("{initiativeId}", encodeURIComponent(initiativeId));
    commitVia = `HTTP ${commitOp.method} /api/v1${commitOp.path}`;
    commit = async (quantity) => {
      const started = performance.now();
      const body = (await api.http(commitOp.method, pathname, sme.cookie, { quantity })) as { total?: number };
      return { total: Number(body?.total ?? quantity), httpMs: performance.now() - started };
    };
  } else if (api.fallback) {
    commitVia = `FALLBACK ${api.fallback.where} (no setJointBuyCommitment endpoint yet)`;
    const services = api.fallback.services;
    commit = async (quantity) => {
      const started = performance.now();
      const actor = (await services.accounts.loadActor(sme.userId))!;
      const result = await services.initiatives.setCommitment(actor, { initiativeId, quantity });
      return { total: result.total, httpMs: performance.now() - started };
    };
  } else {
    throw new Error("no setJointBuyCommitment endpoint in openapi.json");
  }
  return { initiativeId, broker, sme, steps: api.log, commitVia, commit };
}

// ---------------------------------------------------------------------------------------------
// Watchers

interface Round {
  expectedTotal: number;
  arrivals: Float64Array;
  received: number;
  done: () => void;
}

class Watchers {
  private readonly sockets: Socket[] = [];
  private round: Round | null = null;
  stray = 0;

  constructor(readonly initiativeId: string) {}

  get count() {
    return this.sockets.length;
  }

  /** Opens `count` sockets to `url` in batches, each joining the initiative's room. */
  async connect(url: string, cookie: string, count: number): Promise<void> {
    const room = `initiative:${this.initiativeId}`;
    for (let start = 0; start < count; start += CONNECT_BATCH) {
      const batch = Math.min(CONNECT_BATCH, count - start);
      await Promise.all(
        Array.from({ length: batch }, async () => {
          const index = this.sockets.length;
          const socket = io(url, {
            transports: ["websocket"],
            forceNew: true,
            reconnection: false,
            timeout: CONNECT_TIMEOUT_MS,
            extraHeaders: { cookie, origin: url },
          });
          this.sockets.push(socket);
          socket.on("jointbuy:updated", (payload: { initiativeId: string; total: number }) => {
            const at = performance.now();
            const r = this.round;
            if (!r || payload.initiativeId !== this.initiativeId || payload.total !== r.expectedTotal || !Number.isNaN(r.arrivals[index])) {
              this.stray++;
              return;
            }
            r.arrivals[index] = at;
            if (++r.received === r.arrivals.length) r.done();
          });
          await withTimeout(
            new Promise<void>((resolve, reject) => {
              socket.once("connect", () => resolve());
              socket.once("connect_error", (err) => reject(new Error(`socket connect: ${err.message}`)));
            }),
            CONNECT_TIMEOUT_MS,
            "socket connect",
          );
          const ack = (await socket.timeout(CONNECT_TIMEOUT_MS).emitWithAck("room:join", { room })) as {
            data?: unknown;
            error?: { message: string };
          };
          if (!ack?.data) throw new Error(`room:join refused: ${JSON.stringify(ack)}`);
        }),
      );
    }
  }

  /** Arms the round, runs the commitment, waits for every socket (bounded). */
  async measure(quantity: number, commit: Scene["commit"]): Promise<{ latencies: number[]; missing: number; httpMs: number }> {
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const round: Round = { expectedTotal: quantity, arrivals: new Float64Array(this.sockets.length).fill(NaN), received: 0, done };
    this.round = round;
    const t0 = performance.now();
    const result = await commit(quantity);
    if (result.total !== quantity) throw new Error(`commitment total ${result.total}, expected ${quantity}`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      all,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, t0 + ROUND_TIMEOUT_MS - performance.now())))),
    ]);
    clearTimeout(timer);
    this.round = null;
    const latencies: number[] = [];
    for (const at of round.arrivals) if (!Number.isNaN(at)) latencies.push(at - t0);
    latencies.sort((a, b) => a - b);
    return { latencies, missing: round.arrivals.length - latencies.length, httpMs: result.httpMs };
  }

  close() {
    for (const socket of this.sockets.splice(0)) socket.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// One scenario

interface Result {
  name: string;
  setup: string;
  commitVia: string;
  clients: string;
  rounds: Array<{ quantity: number; latencies: number[]; missing: number; httpMs: number }>;
  all: number[];
  missing: number;
  stray: number;
  connectMs: number;
}

async function runScenario(name: string, servers: Server[], fallback: Fallback | null): Promise<Result> {
  const primary = servers[0];
  const api = new Api(primary.url, await loadOperations(primary.url), fallback);
  const scene = await setUpScene(api);
  console.log(`\n[${name}] setup:`);
  for (const line of scene.steps) console.log(`  - ${line}`);
  console.log(`  - commitment: ${scene.commitVia}`);

  const watchers = new Watchers(scene.initiativeId);
  cleanups.push(() => Promise.resolve(watchers.close()));
  const connectStarted = performance.now();
  const split: string[] = [];
  for (let i = 0; i < servers.length; i++) {
    const share = Math.floor(CLIENTS / servers.length) + (i < CLIENTS % servers.length ? 1 : 0);
    await watchers.connect(servers[i].url, scene.broker.cookie, share);
    split.push(`${share} on ${servers[i].name}`);
  }
  const connectMs = performance.now() - connectStarted;
  console.log(`  - ${watchers.count} sockets connected and joined in ${(connectMs / 1000).toFixed(1)} s (${split.join(", ")})`);
  await sleep(500);

  const rounds: Result["rounds"] = [];
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    const quantity = i % 2 === 0 ? 10 : 20;
    const r = await watchers.measure(quantity, scene.commit);
    const warm = i < WARMUP_ROUNDS;
    const label = warm ? `warm-up ${i + 1}` : `round ${String(i - WARMUP_ROUNDS + 1).padStart(2)}`;
    console.log(
      `  ${label.padEnd(10)} qty ${String(quantity).padStart(2)}  delivered ${r.latencies.length}/${watchers.count}` +
        `  first ${ms(r.latencies[0])}  p50 ${ms(percentile(r.latencies, 50))}  p95 ${ms(percentile(r.latencies, 95))}` +
        `  max ${ms(r.latencies[r.latencies.length - 1])} ms  (commit response ${ms(r.httpMs)} ms)`,
    );
    if (!warm) rounds.push({ quantity, ...r });
    await sleep(PAUSE_BETWEEN_ROUNDS_MS);
  }
  watchers.close();
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    name,
    setup: api.log.some((l) => l.includes("FALLBACK")) ? "partly via service fallback" : "all via HTTP",
    commitVia: scene.commitVia.startsWith("HTTP") ? "HTTP API" : "service (fallback)",
    clients: split.join(", "),
    rounds,
    all,
    missing: rounds.reduce((n, r) => n + r.missing, 0),
    stray: watchers.stray,
    connectMs,
  };
}

async function oneProcess(): Promise<Result> {
  // Ask process-free questions first: does the API have the endpoints? Start a server to see.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-bench-"));
  cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  const server = await startProcess("A", { DATA_DIR: dataDir });
  const ops = await loadOperations(server.url);
  const needed = [
    "createNetwork",
    "inviteToNetwork",
    "createInitiative",
    "transitionInitiative",
    "joinInitiative",
    "setJointBuyCommitment",
  ];
  const missing = needed.filter((id) => !ops.has(id));
  if (!ops.has("acceptInvitation") && !ops.has("respondToInvitation")) missing.push("acceptInvitation");
  if (missing.length === 0) {
    try {
      return await runScenario("one process (PGlite)", [server], null);
    } finally {
      await Promise.all(children.splice(0).map(stopChild));
    }
  }
  // The fallback: PGlite allows one process per folder, so the server runs in this process.
  console.log(`\n[one process] endpoints missing from /api/v1: ${missing.join(", ")}`);
  console.log("[one process] FALLBACK: server IN THIS PROCESS (memory PGlite); missing steps call app.services directly.");
  console.log("[one process] NOTE: the 500 clients then share one event loop with the server; latencies are pessimistic.");
  await Promise.all(children.splice(0).map(stopChild));
  const inProcess = await startInProcess();
  try {
    return await runScenario("one process (in-process fallback, memory PGlite)", [inProcess.server], inProcess.fallback);
  } finally {
    await inProcess.close();
  }
}

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    return `PostgreSQL at ${PG_SERVER_URL} unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new URL(REDIS_URL);
  const pong = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: redis.hostname || "127.0.0.1", port: Number(redis.port || 6379) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, 3_000);
    socket.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      clearTimeout(timer);
      socket.end();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
  return pong ? null : `Redis at ${REDIS_URL} unreachable`;
}

async function twoProcesses(): Promise<Result | string> {
  const problem = await reachable();
  if (problem) return problem;
  const dbName = `jointly_bench_${runId}`;
  const admin = new pg.Client({ connectionString: PG_SERVER_URL });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: PG_SERVER_URL });
    await client.connect();
    await client.query(`drop database if exists "${dbName}" with (force)`);
    await client.end();
  });
  const dbUrl = new URL(PG_SERVER_URL);
  dbUrl.pathname = `/${dbName}`;
  const env = { DATABASE_URL: dbUrl.toString(), REDIS_URL, REDIS_PREFIX: `jointly-bench-${runId}` };
  // A migrates first; B then finds the schema in place.
  const a = await startProcess("A", env);
  const b = await startProcess("B", env);
  const ops = await loadOperations(a.url);
  if (!ops.has("setJointBuyCommitment")) {
    return "process A has no setJointBuyCommitment endpoint yet; a commitment made outside A would not measure A";
  }
  const direct = await directServices(dbUrl.toString());
  try {
    return await runScenario("two processes (PostgreSQL + Redis)", [a, b], direct.fallback);
  } finally {
    await direct.close();
    await Promise.all(children.splice(0).map(stopChild));
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `CPU:    ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `OS:     ${os.type()} ${os.release()} (${os.arch()})`,
    `Node:   ${process.version}`,
    `Date:   ${new Date().toISOString()}`,
  ];
}

function report(results: Result[], skipped: string | null) {
  console.log("\n==================================================================================================");
  console.log(`bench:live — jointbuy:updated delivery latency (commitment request sent -> push received)`);
  for (const line of machine()) console.log(`  ${line}`);
  console.log(`  ${CLIENTS} clients, ${ROUNDS} measured rounds (+${WARMUP_ROUNDS} warm-up), round timeout ${ROUND_TIMEOUT_MS / 1000} s`);
  console.log("  p50/p95/max over every delivery of every measured round; first push = earliest client per round;");
  console.log("  fan-out = last minus first client per round; commit resp = the HTTP answer to the commitment.");
  console.log("");
  const header = [
    "scenario",
    "clients",
    "commit via",
    "deliveries",
    "missing",
    "p50 ms",
    "p95 ms",
    "max ms",
    "worst-round p95",
    "first push p50",
    "fan-out p50",
    "commit resp p50",
  ];
  const rows = results.map((r) => {
    const roundP95 = r.rounds.map((x) => percentile(x.latencies, 95)).filter(Number.isFinite);
    const http = r.rounds.map((x) => x.httpMs).sort((a, b) => a - b);
    // First arrival per round (mostly the commitment's own work), and last minus first (the fan-out).
    const first = r.rounds
      .map((x) => x.latencies[0])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const spread = r.rounds
      .filter((x) => x.latencies.length)
      .map((x) => x.latencies[x.latencies.length - 1] - x.latencies[0])
      .sort((a, b) => a - b);
    return [
      r.name,
      r.clients,
      r.commitVia,
      `${r.all.length}/${r.all.length + r.missing}`,
      String(r.missing),
      ms(percentile(r.all, 50)),
      ms(percentile(r.all, 95)),
      ms(r.all[r.all.length - 1]),
      ms(Math.max(...roundP95)),
      ms(percentile(first, 50)),
      ms(percentile(spread, 50)),
      ms(percentile(http, 50)),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  if (skipped) console.log(`\ntwo processes: SKIPPED — ${skipped}`);
  for (const r of results) {
    if (r.setup !== "all via HTTP") console.log(`\nnote: ${r.name}: setup ${r.setup}`);
    if (r.stray) console.log(`note: ${r.name}: ${r.stray} late or unexpected pushes ignored`);
  }
  const one = results[0];
  if (one) {
    const p95 = percentile(one.all, 95);
    const met = p95 < TARGET_P95_MS && one.missing === 0;
    console.log(
      `\nTarget (one process, p95 < ${TARGET_P95_MS} ms, nothing missing): ${met ? "MET" : "MISSED"} (p95 ${ms(p95)} ms, ${one.missing} missing)`,
    );
  }
  console.log("==================================================================================================");
}

async function main() {
  if (!existsSync(path.join(ROOT, "build/index.js"))) throw new Error("Run `npm run build` first (bench:live does it for you)");
  console.log(`bench:live ${runId}: ${CLIENTS} clients, ${ROUNDS} rounds`);
  const results: Result[] = [];
  let skipped: string | null = null;
  let failed = false;
  try {
    results.push(await oneProcess());
    const two = await twoProcesses();
    if (typeof two === "string") skipped = two;
    else results.push(two);
  } catch (error) {
    failed = true;
    console.error(`\nbench:live FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanupAll();
  }
  if (results.length) report(results, skipped);
  clearTimeout(hardDeadline);
  process.exit(failed ? 1 : 0);
}

void main();
