import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import { PROJECT_ROOT } from "../db/project-root";
import { seedDemo, DEMO_LOGINS } from "../db/seed/demo";
import { createJointly } from "./app";
import { prepareDemoDatabase } from "./demo-database";
import { EnvError, parseEnv, type Env } from "./env";
import { createLogger } from "./http/request-log";

/**
 * The process entry: `npm start` (production), `npm run demo` (the Sinos Valley demo on a fresh
 * embedded database, or on DATABASE_URL's PostgreSQL database when DEMO_WIPE_DATABASE allows
 * wiping it). Configuration errors stop the boot with the variable's name.
 */
const demo = process.argv.includes("--demo");

let env: Env;
try {
  env = parseEnv(
    demo
      ? // The demo's database is new on every start, so a fresh random secret is enough.
        {
          ...process.env,
          DATA_DIR: process.env.DEMO_DATA_DIR ?? "./data/demo",
          BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex"),
        }
      : process.env,
  );
} catch (error) {
  if (error instanceof EnvError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(env.LOG_LEVEL);
if (demo) {
  try {
    await prepareDemoDatabase(env, path.resolve(PROJECT_ROOT, env.DATA_DIR), process.env.DEMO_WIPE_DATABASE);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Cannot start the demo: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const build = (await import(pathToFileURL(path.join(PROJECT_ROOT, "build/index.js")).href)) as ServerBuild;
let jointly: Awaited<ReturnType<typeof createJointly>>;
try {
  jointly = await createJointly({
    env,
    logger,
    build,
    beforeListen: demo ? ({ deps }) => seedDemo(deps.db, deps.now()) : undefined,
  });
} catch (error) {
  // A database or Redis that cannot be reached: say which variable, and stop (never hang).
  if (error instanceof EnvError) {
    process.stderr.write(`Cannot start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
const { url } = await jointly.listen();
logger.info({ url, database: jointly.database.kind, redis: Boolean(env.REDIS_URL) }, "Jointly is listening");
if (demo) {
  process.stdout.write(`\nJointly demo on ${env.PUBLIC_URL}\nDemo logins (password for all: ${DEMO_LOGINS.password}):\n`);
  for (const login of DEMO_LOGINS.users) process.stdout.write(`  ${login.role.padEnd(7)} ${login.email}  (${login.note})\n`);
  process.stdout.write("\n");
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, "shutting down after an error");
  else logger.info({ signal }, "shutting down");
  await jointly.close();
  logger.info("closed cleanly");
});
