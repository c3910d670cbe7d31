import { spawn } from "node:child_process";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "../db/client";
import { user } from "../db/schema/auth";
import { seedDemo } from "../db/seed/demo";
import { wipeDatabase } from "../db/seed/wipe";
import { demoWipeRefusal } from "../server/demo-database";
import { ensureShippedKpis } from "../server/services/learning/kpi-catalogue";
import { createTestDatabase, type TestDatabase } from "./db";

/**
 * `npm run demo` on PostgreSQL: it wipes and seeds DATABASE_URL's database only when
 * DEMO_WIPE_DATABASE names it. Runs on this file's own fresh database (TEST_DATABASE_URL's server,
 * else an in-memory PGlite; the refusal then points at an address nothing listens on).
 */
const NOW = new Date("2026-11-23T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, NOW);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const users = async () => (await database.db.select({ n: count() }).from(user))[0].n;

async function tablesIn(schema: string): Promise<string[]> {
  const rows = await selectRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.tables where table_schema = ${schema}`,
  );
  return rows.map((r) => r.table_name);
}

function runDemo(env: Record<string, string>) {
  const child = spawn("node_modules/.bin/tsx", ["server/index.ts", "--demo"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "warn", BETTER_AUTH_SECRET: "x".repeat(40), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("demo wipe permission", () => {
  it("allows only the database DEMO_WIPE_DATABASE names", () => {
    const url = "postgres://jointly:secret@db.internal:5432/jointly_demo";
    expect(demoWipeRefusal(url, "jointly_demo")).toBeNull();
    expect(demoWipeRefusal(url, undefined)).toContain("DEMO_WIPE_DATABASE=jointly_demo");
    expect(demoWipeRefusal(url, "jointly")).toContain('"jointly_demo"');
    expect(demoWipeRefusal("postgres://db.internal/demo%20db", "demo db")).toBeNull();
    expect(demoWipeRefusal("postgres://db.internal", "")).toContain("names no database");
  });

  it("refuses without permission, or with another database's name, exits 1 and leaves the data alone", async () => {
    const url = database.url ?? "postgres://postgres@127.0.0.1:1/jointly_demo_refused";
    const name = new URL(url).pathname.slice(1);
    const before = await users();
    for (const allowed of [{}, { DEMO_WIPE_DATABASE: `${name}_other` }] as Array<Record<string, string>>) {
      const { code, output } = await runDemo({ DATABASE_URL: url, ...allowed });
      expect(code).toBe(1);
      expect(output).toContain(`Cannot start the demo: DEMO_WIPE_DATABASE:`);
      expect(output).toContain(`set DEMO_WIPE_DATABASE=${name}`);
    }
    expect(await users()).toBe(before);
    expect(before).toBeGreaterThan(10);
  }, 120_000);
});

describe("wiping the demo's database", () => {
  it("drops every table and drizzle's journal, then migrates and seeds the same demo again", async () => {
    const seeded = await users();
    await database.db.execute(sql`create table stray_table (id int)`);

    await wipeDatabase(database.db);
    expect(await tablesIn("public")).toEqual([]);
    expect(await tablesIn("drizzle")).toEqual([]);

    await database.migrate();
    await ensureShippedKpis(database.db);
    await seedDemo(database.db, NOW);
    expect(await users()).toBe(seeded);
    expect(await tablesIn("public")).not.toContain("stray_table");
    expect(await tablesIn("drizzle")).toEqual(["__drizzle_migrations"]);
  }, 120_000);
});
