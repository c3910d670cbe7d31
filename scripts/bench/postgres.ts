/** A PostgreSQL database of the benchmark's own, created on the server and dropped afterwards. */
import pg from "pg";

/** Why PostgreSQL at `serverUrl` cannot be used, or null when it answers. */
export async function pgUnreachable(serverUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${serverUrl} unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** Creates database `name` on the server; `drop` removes it even while connections remain. */
export async function scratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropDatabase(serverUrl, name) };
}

/** Drops database `name` on the server, even while connections remain. */
export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return onServer(serverUrl, `drop database if exists "${name}" with (force)`);
}
