/**
 * `npm run bench:matching`: how long does the top 50 of one sourcing need take to compute?
 *
 * Synthetic networks of 1,000, 10,000 and 100,000 SMEs are generated with bulk SQL
 * (INSERT ... SELECT generate_series) straight into a fresh database: a PGlite folder in a
 * temporary directory, then a uniquely named PostgreSQL database (dropped at the end). One
 * database per engine grows from one size to the next. For one open need (assembly, tier 1,
 * ISO 9001 must-have, 30,000 pairs a month) it times the top 50 matches with their explanations:
 *
 * - as an ADMIN: every SME, each of the top 50 with its projected dependence and its
 *   diversification options (the expensive path; a broker gets the same for its networks);
 * - as the BUYER who posted the need: the ranking only (dependence: null);
 * - as a BROKER of one of the five networks (about a fifth of the SMEs), with projections.
 *
 * each (a) through the service in this process (`app.services.sourcing.matches`) and (b) through
 * `GET /api/v1/needs/{needId}/matches` on the same server (`createJointly`, listening on
 * 127.0.0.1, signed in through better-auth). If the endpoint is not in openapi.json yet, the HTTP
 * rows say so and only the service is measured.
 *
 * Every cell: BENCH_WARMUP (3) warm-up calls, then BENCH_RUNS (20) timed calls; p50 and p95.
 *
 * Environment: BENCH_SIZES (1000,10000,100000), BENCH_DATABASES (pglite,postgres), BENCH_RUNS,
 * BENCH_WARMUP, BENCH_ROLES (admin,buyer,broker), BENCH_ANALYZE=0 (no ANALYZE after loading),
 * BENCH_KEEP=1 (keep the PostgreSQL database), TEST_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/postgres). A benchmark, not a test: exits 0 unless the run
 * itself broke.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get as httpGet } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import type { Db } from "../db/client";
import { firm, firmMember } from "../db/schema/firms";
import { exchangeRate } from "../db/schema/ledger";
import { network, networkBroker } from "../db/schema/networks";
import { initiative } from "../db/schema/initiatives";
import { sourcingNeed } from "../db/schema/sourcing";
import { createJointly, type Jointly } from "../server/app";
import type { Actor } from "../server/authz/actor";
import { FUNCTIONS, LINKS, UPGRADING_GOALS } from "../server/domain/chain-position";
import { parseEnv } from "../server/env";
import { loadActor } from "../server/services/accounts/load-actor";
import { insertAccount } from "../server/services/accounts/insert-account";

// ---------------------------------------------------------------------------------------------
// Settings

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(value)));
const list = (value: string | undefined, fallback: string) =>
  (value || fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, "1000,10000,100000")
  .map((s) => clamp(Number(s) || 1000, 10, 1_000_000))
  .sort((a, b) => a - b);
const DATABASES = list(process.env.BENCH_DATABASES, "pglite,postgres").filter(
  (d): d is "pglite" | "postgres" => d === "pglite" || d === "postgres",
);
const ROLES = list(process.env.BENCH_ROLES, "admin,buyer,broker").filter(
  (r): r is Role => r === "admin" || r === "buyer" || r === "broker",
);
const RUNS = clamp(Number(process.env.BENCH_RUNS ?? 20) || 20, 1, 500);
const WARMUP = clamp(Number(process.env.BENCH_WARMUP ?? 3) || 0, 0, 50);
const LIMIT = 50;
const TARGET_P95_MS = 300;
const CALL_TIMEOUT_MS = 120_000;
const HARD_DEADLINE_MS = 60 * 60_000;
/** ANALYZE after loading (as autovacuum would on PostgreSQL); BENCH_ANALYZE=0 measures without statistics. */
const ANALYZE = process.env.BENCH_ANALYZE !== "0";
/** Keep the PostgreSQL database afterwards, to study query plans. */
const KEEP = process.env.BENCH_KEEP === "1";
const PG_SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

type Role = "admin" | "buyer" | "broker";
type Path = "service" | "http";

const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const ADMIN = { email: `bench-admin-${runId}@bench.example`, password: `bench-${randomBytes(8).toString("hex")}` };
const PASSWORD = "bench-matching-password";
const NETWORKS = 5;
const LOAD_AT_START = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------------------------------------
// Cleanup: only what this script created (its temp folder, its database, its server).

const cleanups: Array<() => Promise<void>> = [];
async function cleanupAll(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
}
const hardDeadline = setTimeout(() => {
  console.error(`bench:matching exceeded ${HARD_DEADLINE_MS / 60_000} minutes; stopping`);
  void cleanupAll().finally(() => process.exit(2));
}, HARD_DEADLINE_MS);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");

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

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
    }),
  ]);
}

/** A deterministic pseudo-random integer in 0..mod-1 per series row `g` and salt (SQL). */
const h = (salt: string, mod: number, row = "g") => sql.raw(`(abs(hashtext(${row}::text || '${salt}')::bigint) % ${mod})`);
const smeId = (row = "g") => sql.raw(`md5('bench-sme-' || ${row})::uuid::text`);
const networkIdOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const textArray = (items: readonly string[]) => sql.raw(`array[${items.map((i) => `'${i}'`).join(",")}]::text[]`);

function pgliteVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
      version: string;
    };
    return manifest.version;
  } catch {
    return "?";
  }
}

function machine(pgVersion: string | null): string[] {
  const cpus = os.cpus();
  const [l1, l5, l15] = os.loadavg();
  return [
    `CPU:    ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB (${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free)`,
    `OS:     ${os.type()} ${os.release()} (${os.arch()})`,
    `Node:   ${process.version}`,
    `PG:     PostgreSQL ${pgVersion ?? "not reached"} (same machine); PGlite ${pgliteVersion()}`,
    `Load:   ${LOAD_AT_START} at the start, ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)} at the end (1/5/15 min; ${os.cpus().length} cores, shared)`,
    `Date:   ${new Date().toISOString()}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Synthetic data

interface Scene {
  needId: string;
  buyerFirmId: string;
  users: Record<Role, { userId: string; email: string; password: string }>;
}

/** Fixed actors: buyer firm and user, an admin (from the env), a broker of network 1, five networks, other open needs, fairs. */
async function seedFixed(db: Db): Promise<Scene> {
  const buyerFirmId = crypto.randomUUID();
  const otherBuyerId = crypto.randomUUID();
  await db.insert(firm).values([
    { id: buyerFirmId, kind: "buyer", name: "Bench Schuh Einkauf GmbH", country: "DE", sector: "1520", buyerType: "global_retailer" },
    { id: otherBuyerId, kind: "buyer", name: "Bench US Retail Inc.", country: "US", sector: "1520", buyerType: "global_retailer" },
  ]);
  const buyerEmail = `bench-buyer-${runId}@bench.example`;
  const brokerEmail = `bench-broker-${runId}@bench.example`;
  const { buyerUserId, brokerUserId } = await db.transaction(async (tx) => {
    const buyer = await insertAccount(tx, { name: "Bench Buyer", email: buyerEmail, password: PASSWORD, role: "buyer" });
    const broker = await insertAccount(tx, { name: "Bench Broker", email: brokerEmail, password: PASSWORD, role: "broker" });
    return { buyerUserId: buyer.id, brokerUserId: broker.id };
  });
  await db.insert(firmMember).values({ firmId: buyerFirmId, userId: buyerUserId, status: "active", isOwner: true });
  await db.insert(network).values(
    Array.from({ length: NETWORKS }, (_, i) => ({
      id: networkIdOf(i + 1),
      name: `Bench network ${i + 1}`,
      sector: "1520",
      currency: "BRL",
      // Network 3 is stricter, so thresholds differ between SMEs.
      ...(i === 2 ? { notableShareBp: 800, warningShareBp: 2000, criticalShareBp: 4000 } : {}),
    })),
  );
  await db.insert(networkBroker).values({ networkId: networkIdOf(1), userId: brokerUserId });
  await db.insert(exchangeRate).values([
    { currency: "USD", baseCurrency: "BRL", rate: "5.0000000000", validFrom: "2020-01-01" },
    { currency: "USD", baseCurrency: "BRL", rate: "5.4321000000", validFrom: "2026-01-01" },
    { currency: "BRL", baseCurrency: "EUR", rate: "0.1700000000", validFrom: "2024-01-01" },
  ]);
  const deadline = new Date(Date.now() + 60 * 86_400_000);
  await db.insert(initiative).values([
    { networkId: networkIdOf(1), objective: "joint_selling", title: "Bench stand at GDS Düsseldorf", deadline, status: "open" },
    { networkId: networkIdOf(2), objective: "joint_selling", title: "Bench stand at Francal", deadline, status: "open" },
    { networkId: networkIdOf(2), objective: "joint_buying", title: "Bench leather purchase", deadline, status: "open" },
  ]);
  const base = {
    product: "Women's leather sandals",
    sector: "1520",
    link: "assembly" as const,
    functions: ["production", "quality_control"] as Array<(typeof FUNCTIONS)[number]>,
    tier: 1,
    volume: 30_000,
    volumePeriod: "month" as const,
    unit: "pairs",
    targetUnitPriceMinor: 1000,
    currency: "BRL",
    certifications: [
      { code: "iso_9001", mustHave: true },
      { code: "iso_14001", mustHave: false },
    ],
    deliveryCountry: "DE",
    closingDate: "2027-03-31",
    specifies: "what" as const,
    supportOffered: ["training"],
    status: "open" as const,
    createdBy: buyerUserId,
  };
  const [need] = await db
    .insert(sourcingNeed)
    .values({ ...base, buyerFirmId })
    .returning({ id: sourcingNeed.id });
  // Other buyers' open needs: the diversification options of each match.
  await db.insert(sourcingNeed).values([
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Men's boots",
      volume: 5_000,
      currency: "USD",
      targetUnitPriceMinor: 2500,
      deliveryCountry: "US",
    },
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Soles",
      link: "components",
      tier: 2,
      volume: 60_000,
      volumePeriod: "quarter",
      certifications: [],
    },
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Belts",
      visibility: "networks",
      networkIds: [networkIdOf(2)],
      functions: ["design"],
      exclusivity: true,
    },
  ]);
  return {
    needId: need.id,
    buyerFirmId,
    users: {
      admin: { userId: "", email: ADMIN.email, password: ADMIN.password },
      buyer: { userId: buyerUserId, email: buyerEmail, password: PASSWORD },
      broker: { userId: brokerUserId, email: brokerEmail, password: PASSWORD },
    },
  };
}

/**
 * SMEs number `from`..`to`: chain position, functions, goals; 0-3 certifications with expiry
 * dates; capacity in pairs for about 80% (some with two lines, some also in m2); a 2025 and 2026
 * ledger for 20% (some sales in USD, a few in EUR without a rate, a third with the bench buyer
 * as the largest customer); active membership of one or two of the five networks for 70%.
 */
async function growSmes(db: Db, from: number, to: number, buyerFirmId: string): Promise<void> {
  const range = sql`generate_series(${from}::int, ${to}::int) g`;
  await db.execute(sql`
    insert into firm (id, kind, name, country, region, sector, employees, turnover_minor, turnover_currency, link, tier, functions, role_ladder, upgrading_goals)
    select ${smeId()}, 'sme', 'Bench SME ' || g,
      (${textArray(["BR", "BR", "BR", "BR", "BR", "AR", "MX", "DE", "IT", "PT"])})[1 + ${h("country", 10)}],
      'Region ' || ${h("region", 20)}, '1520', 5 + ${h("employees", 245)},
      case when ${h("turnover", 5)} = 0 then (100000 + ${h("turnover-amount", 900000)}) * 100 end,
      case when ${h("turnover", 5)} = 0 then 'BRL' end,
      case when ${h("link", 100)} = 0 then null when ${h("link", 100)} < 45 then 'assembly' else (${textArray(LINKS)})[1 + ${h("link-other", LINKS.length)}] end,
      1 + ${h("tier", 4)},
      array(select f from unnest(${textArray(FUNCTIONS)}) f where abs(hashtext(g::text || f)::bigint) % 100 < 45),
      (${textArray(["oea", "oem", "odm", "obm"])})[1 + ${h("ladder", 4)}],
      array(select x from unnest(${textArray(UPGRADING_GOALS)}) x where abs(hashtext(g::text || x || 'goal')::bigint) % 100 < 30)
    from ${range}`);
  await db.execute(sql`
    insert into firm_certification (id, firm_id, code, expires_on)
    select md5('bench-cert-' || g || c)::uuid::text, ${smeId()}, c,
      case when abs(hashtext(g::text || c || 'never')::bigint) % 10 = 0 then null
           else date '2025-06-01' + (abs(hashtext(g::text || c || 'expiry')::bigint) % 1600)::int end
    from ${range}, unnest(${textArray(["iso_9001", "iso_14001", "lwg"])}) c
    where abs(hashtext(g::text || c || 'held')::bigint) % 100 < (case c when 'iso_9001' then 60 when 'iso_14001' then 30 else 25 end)`);
  await db.execute(sql`
    insert into firm_capacity (id, firm_id, product, units_per_month, unit, lead_time_days)
    select md5('bench-capacity-' || g || '-' || k)::uuid::text, ${smeId()}, case when k = 3 then 'Leather' else 'Sandals' end,
      500 + abs(hashtext(g::text || 'units' || k)::bigint) % 59500, case when k = 3 then 'm2' when k = 2 then ' Pairs' else 'pairs' end, 30
    from ${range}, generate_series(1, 3) k
    where abs(hashtext(g::text || 'capacity' || k)::bigint) % 100 < (case k when 1 then 80 when 2 then 15 else 10 end)`);
  await db.execute(sql`
    insert into sales_entry (id, firm_id, period, customer_firm_id, customer_name, amount_minor, currency, market, channel, agent_name)
    select md5('bench-sale-' || g || '-' || p || '-' || k)::uuid::text, ${smeId()}, p,
      case when k = 1 and ${h("buyer-customer", 3)} = 0 then ${buyerFirmId} end,
      case when k = 1 and ${h("buyer-customer", 3)} = 0 then 'Bench Schuh Einkauf GmbH' else 'Customer ' || (abs(hashtext(g::text || 'customer' || k)::bigint) % 40) end,
      (1000 + abs(hashtext(g::text || p || 'amount' || k)::bigint) % 400000) * 100 * (case when k = 1 then 4 else 1 end),
      case when k = 2 and ${h("usd", 10)} = 0 then 'USD' when k = 3 and ${h("eur", 50)} = 0 then 'EUR' else 'BRL' end,
      case when k = 1 then 'export' else 'domestic' end,
      case when k = 4 and ${h("agent", 4)} = 0 then 'agent' else 'direct' end,
      case when k = 4 and ${h("agent", 4)} = 0 then 'Agent ' || ${h("agent-name", 5)} end
    from ${range}, unnest(array['2025', '2026']) p, generate_series(1, 5) k
    where ${h("ledger", 100)} < 20 and k <= 2 + ${h("customers", 4)}`);
  await db.execute(sql`
    insert into network_member (id, network_id, firm_id, status, consented_at)
    select md5('bench-member-' || g || '-' || k)::uuid::text,
      '00000000-0000-4000-8000-' || lpad((1 + abs(hashtext(g::text || 'network' || k)::bigint) % ${sql.raw(String(NETWORKS))})::text, 12, '0'),
      ${smeId()}, 'active', now()
    from ${range}, generate_series(1, 2) k
    where abs(hashtext(g::text || 'member' || k)::bigint) % 100 < (case k when 1 then 70 else 20 end)
    on conflict do nothing`);
}

async function counts(db: Db) {
  const rows = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from firm where kind = 'sme') as smes,
           (select count(*)::int from firm_certification) as certifications,
           (select count(*)::int from firm_capacity) as capacities,
           (select count(*)::int from sales_entry) as sales,
           (select count(*)::int from network_member) as memberships`);
  return (rows as { rows?: Array<Record<string, number>> }).rows?.[0] ?? (rows as Array<Record<string, number>>)[0];
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Cell {
  database: string;
  size: number;
  role: Role;
  path: Path;
  timings: number[];
  items: number;
  note: string;
}

interface Matches {
  items: Array<{ firmId: string; score: number; dependence: unknown; options: unknown }>;
}

type Measured = { timings: number[]; result: Matches };

/** The first line of an error (a failed query's message quotes the whole statement). */
function shortError(error: Error): string {
  const cause = (error as { cause?: Error }).cause;
  const text = `${error.message.split("\n")[0]}${cause ? ` (cause: ${cause.message.split("\n")[0]})` : ""}`;
  return text.length > 300 ? `${text.slice(0, 140)} ... ${text.slice(-140)}` : text;
}

async function measure(label: string, call: () => Promise<Matches>): Promise<Measured> {
  let result: Matches | null = null;
  for (let i = 0; i < WARMUP; i++) result = await withTimeout(call(), `${label} warm-up`);
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await withTimeout(call(), label);
    timings.push(performance.now() - started);
  }
  return { timings: timings.sort((a, b) => a - b), result: result! };
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * GET with a new connection per call (no keep-alive): an idle pooled socket the server has
 * already closed would otherwise fail a call now and then. Sent with accept-encoding gzip, as a
 * browser would; the body is unzipped and parsed inside the timing.
 */
function getJson(url: string, cookie: string, origin: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { ...(cookie ? { cookie } : {}), origin, "accept-encoding": "gzip" } }, (res) => {
      const stream = res.headers["content-encoding"] === "gzip" ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`GET ${url}: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on("error", reject);
  });
}

/** The matches endpoint as openapi.json describes it, or null while it does not exist. */
async function matchesPath(base: string): Promise<string | null> {
  const doc = (await getJson(`${base}/api/v1/openapi.json`, "", base).catch(() => null)) as {
    paths?: Record<string, Record<string, unknown>>;
  } | null;
  if (!doc) return null;
  const found = Object.entries(doc.paths ?? {}).find(([p, methods]) => /^\/needs\/\{\w+\}\/matches$/.test(p) && methods.get);
  return found ? found[0] : null;
}

function describe(result: Matches): string {
  const items = result.items;
  const projected = items.filter((i) => (i.dependence as { unavailable?: string | null } | null)?.unavailable === null).length;
  const withOptions = items.filter((i) => ((i.options as { needs?: unknown[] } | null)?.needs?.length ?? 0) > 0).length;
  const scores = items.map((i) => i.score);
  return items.length === 0
    ? "no items"
    : `${items.length} items, scores ${scores[0]}..${scores.at(-1)}` +
        (items[0].dependence === null ? ", dependence null" : `, ${projected} projected, ${withOptions} with other needs`);
}

async function runDatabase(kind: "pglite" | "postgres", cells: Cell[]): Promise<void> {
  const settings: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT: "false",
    HOST: "127.0.0.1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  let label: string;
  if (kind === "pglite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "jointly-bench-matching-"));
    cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
    settings.DATA_DIR = dataDir;
    label = "PGlite";
  } else {
    const dbName = `jointly_bench_matching_${runId}`;
    const admin = new pg.Client({ connectionString: PG_SERVER_URL });
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    await admin.end();
    cleanups.push(async () => {
      if (KEEP) return console.log(`[PostgreSQL] BENCH_KEEP=1: database ${dbName} kept (drop it yourself)`);
      const client = new pg.Client({ connectionString: PG_SERVER_URL });
      await client.connect();
      try {
        // The server's pool may still be closing its last connections: wait for them (up to 10 s)
        // rather than terminate them, which would raise an error in the closing pool.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`drop database if exists "${dbName}"${attempt >= 20 ? " with (force)" : ""}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      } finally {
        await client.end();
      }
    });
    const url = new URL(PG_SERVER_URL);
    url.pathname = `/${dbName}`;
    settings.DATABASE_URL = url.toString();
    label = "PostgreSQL";
  }
  // better-auth needs its public URL before the server listens: pick a free port first.
  const port = await freePort();
  settings.PORT = String(port);
  settings.PUBLIC_URL = `http://127.0.0.1:${port}`;
  const env = parseEnv(settings);
  const app: Jointly = await createJointly({ env, logger: pino({ level: "warn" }) });
  // Runs before the database is dropped or its folder removed (cleanups run in reverse).
  cleanups.push(() => app.close());
  await app.listen();
  const base = env.PUBLIC_URL;
  const db = app.database.db;

  console.log(`\n[${label}] seeding the buyer, need, networks, broker, rates and fairs`);
  const scene = await seedFixed(db);
  const adminRow = await db.execute<{ id: string }>(sql`select id from "user" where email = ${ADMIN.email}`);
  scene.users.admin.userId = ((adminRow as { rows?: Array<{ id: string }> }).rows ?? (adminRow as Array<{ id: string }>))[0].id;
  const actors = {} as Record<Role, Actor>;
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) {
    actors[role] = (await loadActor(db, scene.users[role].userId))!;
    cookies[role] = await signIn(base, scene.users[role].email, scene.users[role].password);
  }

  let grown = 0;
  for (const size of SIZES) {
    const started = performance.now();
    // In chunks, so one statement never holds too much in PGlite's memory.
    for (let from = grown + 1; from <= size; from += 25_000) await growSmes(db, from, Math.min(size, from + 24_999), scene.buyerFirmId);
    grown = size;
    // PostgreSQL's autovacuum would analyze after such a load; PGlite has no autovacuum.
    if (ANALYZE) await db.execute(sql`analyze`);
    const c = await counts(db);
    console.log(
      `[${label}] ${size} SMEs ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(${c.certifications} certifications, ${c.capacities} capacities, ${c.sales} sales entries, ${c.memberships} memberships)`,
    );
    const endpoint = await matchesPath(base);
    for (const role of ROLES) {
      const cell = (path: Path, outcome: Measured | Error, compareWith?: Matches) => {
        if (outcome instanceof Error) {
          const note = `FAILED: ${shortError(outcome)}`;
          cells.push({ database: label, size, role, path, timings: [], items: 0, note });
          console.log(`  ${role.padEnd(6)} ${path.padEnd(8)} ${note}`);
          return null;
        }
        const differs =
          compareWith &&
          JSON.stringify(outcome.result.items.map((i) => [i.firmId, i.score])) !==
            JSON.stringify(compareWith.items.map((i) => [i.firmId, i.score]));
        const note = describe(outcome.result) + (differs ? " (DIFFERS from the service)" : "");
        cells.push({ database: label, size, role, path, timings: outcome.timings, items: outcome.result.items.length, note });
        console.log(
          `  ${role.padEnd(6)} ${path.padEnd(8)} p50 ${ms(percentile(outcome.timings, 50)).padStart(7)}  p95 ${ms(percentile(outcome.timings, 95)).padStart(7)} ms  (${note})`,
        );
        return outcome.result;
      };
      const service = cell(
        "service",
        await measure(
          `${label} ${size} ${role} service`,
          () => app.services.sourcing.matches(actors[role], { needId: scene.needId, limit: LIMIT }) as Promise<Matches>,
        ).catch((e: Error) => e),
      );
      if (!endpoint) {
        cells.push({
          database: label,
          size,
          role,
          path: "http",
          timings: [],
          items: 0,
          note: "GET /api/v1/needs/{needId}/matches not in openapi.json yet",
        });
        continue;
      }
      const url = `${base}/api/v1${endpoint.replace(/\{\w+\}/, encodeURIComponent(scene.needId))}?limit=${LIMIT}`;
      cell(
        "http",
        await measure(`${label} ${size} ${role} http`, () => getJson(url, cookies[role], base) as Promise<Matches>).catch((e: Error) => e),
        service ?? undefined,
      );
    }
    if (!endpoint) console.log(`  http: GET /api/v1/needs/{needId}/matches is not in openapi.json yet; HTTP not measured`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function report(cells: Cell[], lines: string[]) {
  console.log("\n==================================================================================================");
  console.log(`bench:matching — top ${LIMIT} matches of one need, with explanations (admin and broker: projected dependence and options)`);
  for (const line of lines) console.log(`  ${line}`);
  console.log(`  ${ANALYZE ? "ANALYZE after loading each size" : "NO ANALYZE after loading (BENCH_ANALYZE=0)"}`);
  console.log(
    `  ${RUNS} timed calls per cell after ${WARMUP} warm-ups; HTTP = GET /api/v1/needs/{needId}/matches?limit=${LIMIT} on 127.0.0.1, body read and parsed`,
  );
  console.log("");
  const header = ["database", "SMEs", "role", "path", "p50 ms", "p95 ms", "max ms", "result"];
  const rows = cells.map((c) => [
    c.database,
    c.size.toLocaleString("en-US"),
    c.role,
    c.path,
    ms(percentile(c.timings, 50)),
    ms(percentile(c.timings, 95)),
    ms(c.timings.at(-1) ?? NaN),
    c.note,
  ]);
  const widths = header.map((hd, i) => Math.max(hd.length, ...rows.map((row) => row[i].length)));
  const line = (cellsOfRow: string[]) => `| ${cellsOfRow.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  const target = cells.find((c) => c.database === "PostgreSQL" && c.size === 100_000 && c.role === "admin" && c.path === "http");
  if (target && target.timings.length) {
    const p95 = percentile(target.timings, 95);
    console.log(
      `\nTarget (100,000 SMEs, admin, HTTP, PostgreSQL, p95 < ${TARGET_P95_MS} ms): ${p95 < TARGET_P95_MS ? "MET" : "MISSED"} (p95 ${ms(p95)} ms)`,
    );
  } else {
    console.log(`\nTarget (100,000 SMEs, admin, HTTP, PostgreSQL, p95 < ${TARGET_P95_MS} ms): not measured in this run`);
  }
  console.log("==================================================================================================");
}

async function postgresVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  console.log(
    `bench:matching ${runId}: sizes ${SIZES.join(", ")}; databases ${DATABASES.join(", ")}; roles ${ROLES.join(", ")}; ${WARMUP} warm-ups + ${RUNS} runs`,
  );
  const cells: Cell[] = [];
  let failed = false;
  const pgVersion = await postgresVersion();
  try {
    for (const kind of DATABASES) {
      if (kind === "postgres" && !pgVersion) {
        console.log(`\n[PostgreSQL] SKIPPED: ${PG_SERVER_URL} unreachable`);
        continue;
      }
      await runDatabase(kind, cells);
      await cleanupAll();
    }
  } catch (error) {
    failed = true;
    console.error(
      `\nbench:matching FAILED: ${shortError(error as Error)}\n${((error as Error).stack ?? "").split("\n").slice(1, 6).join("\n")}`,
    );
  } finally {
    await cleanupAll();
  }
  if (cells.length) report(cells, machine(pgVersion));
  clearTimeout(hardDeadline);
  process.exit(failed ? 1 : 0);
}

void main();
