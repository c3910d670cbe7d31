import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Empties a database the way a fresh one looks: drops the schemas the app uses (its tables in
 * `public`, drizzle's migrations table in `drizzle`) and recreates `public`. The next migrate
 * then builds everything again. Only `npm run demo` calls it, after the wipe was allowed.
 */
export async function wipeDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // One statement per call: PGlite's driver refuses several in one query.
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    await tx.execute(sql`drop schema if exists public cascade`);
    await tx.execute(sql`create schema public`);
  });
}
