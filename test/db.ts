import pg from "pg";
import { openDatabase, type Database } from "../db/client";
import { ensureShippedKpis } from "../server/services/learning/kpi-catalogue";

/**
 * A fresh, migrated database for one test file. On PGlite (the default) it lives in memory;
 * when TEST_DATABASE_URL points at a PostgreSQL server, a uniquely named database is created
 * there and dropped afterwards, so runs never see each other's data.
 */
export interface TestDatabase extends Database {
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    // What the server does at boot: the shipped KPIs exist as definitions.
    await ensureShippedKpis(database.db);
    return { ...database, drop: () => database.close() };
  }
  const name = `jointly_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax: 5 });
  await database.migrate();
  await ensureShippedKpis(database.db);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
