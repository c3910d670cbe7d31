import { rmSync } from "node:fs";
import { openDatabase } from "../db/client";
import { wipeDatabase } from "../db/seed/wipe";
import { reachDatabase } from "./boot-checks";
import { EnvError, type Env } from "./env";

/**
 * Where `npm run demo` seeds: a fresh embedded folder (DEMO_DATA_DIR), or, with DATABASE_URL,
 * that PostgreSQL database, wiped first, but only when DEMO_WIPE_DATABASE names it: a stray
 * DATABASE_URL in the shell must never cost anyone their data.
 */

/** The database a postgres:// URL names ("" when it names none). */
function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Why the demo may not wipe this PostgreSQL database, or null when DEMO_WIPE_DATABASE allows it. */
export function demoWipeRefusal(databaseUrl: string, allowed: string | undefined): string | null {
  const name = databaseNameOf(databaseUrl);
  if (!name) return "DATABASE_URL names no database; the demo wipes the database it seeds, so name it in the URL";
  if (allowed === name) return null;
  return (
    `the demo wipes the database it seeds, and PostgreSQL database "${name}" (DATABASE_URL) was not allowed: ` +
    `set DEMO_WIPE_DATABASE=${name} to wipe and seed it, or unset DATABASE_URL for a fresh embedded database`
  );
}

/** Empties the demo's database before the server migrates and seeds it; throws EnvError when not allowed. */
export async function prepareDemoDatabase(env: Env, dataDir: string, allowed: string | undefined): Promise<void> {
  if (!env.DATABASE_URL) {
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  const refusal = demoWipeRefusal(env.DATABASE_URL, allowed);
  if (refusal) throw new EnvError(`DEMO_WIPE_DATABASE: ${refusal}`);
  await reachDatabase(env.DATABASE_URL);
  const database = await openDatabase({ url: env.DATABASE_URL, poolMax: 1 });
  try {
    await wipeDatabase(database.db);
  } finally {
    await database.close();
  }
}
