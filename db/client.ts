import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQLWrapper } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { PROJECT_ROOT } from "./project-root";
import * as schema from "./schema/index";

type Schema = typeof schema;
/** The one database type the services see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The rows of a raw SQL query. `db.execute` is typed `unknown` because the two drivers answer
 * differently shaped results; both carry the rows in `rows` (node-postgres' QueryResult, PGlite's
 * Results). The caller names the row shape its SQL selects.
 */
export async function selectRows<Row extends Record<string, unknown>>(db: Db | Tx, query: SQLWrapper): Promise<Row[]> {
  const result: unknown = await db.execute<Row>(query);
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error("The database driver answered a raw query without rows");
}

const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, "db/migrations");

/** The PostgreSQL pool's connections: open, idle, and queries waiting for one (for /metrics). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** PostgreSQL only: the pool has no counterpart on the embedded database. */
  poolStats?: () => PoolStats;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throwaway database. */
  dataDir?: string;
  poolMax?: number;
  /** Told of an idle PostgreSQL connection the server cut (the pool replaces it). */
  onIdleConnectionError?: (err: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    // No connectionTimeoutMillis: it would also bound the wait for a free connection, so a burst
    // of requests would answer 500 instead of queueing. Boot checks the server answers
    // (server/boot-checks.ts).
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
    // An idle connection can be cut by the server (restart, failover, a dropped test database);
    // pg emits that on the pool, and unhandled it would crash the process. The pool replaces the
    // connection; the next query reports any real outage, so the error is logged, not thrown.
    pool.on("error", (err) => options.onIdleConnectionError?.(err));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "./data";
  // PGlite does not create parent folders itself.
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      // PGlite runs no autovacuum: fresh statistics keep the planner on the indexes.
      await client.exec("ANALYZE");
    },
    close: () => client.close(),
  };
}
