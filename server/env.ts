import { isIP } from "node:net";
import { z } from "zod";
import { passwordSchema } from "./schemas/accounts";

/**
 * Every setting of the platform, read from the environment once at boot.
 * A wrong value stops the server with a message naming the variable (see README "Configuration").
 */
const DEV_SECRET = "jointly-development-secret-change-me-0123456789";

const boolish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Express's names for address ranges, usable in TRUST_PROXY's list. */
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For: `false` (none: the socket's
 * address is the client), a hop count, or a comma-separated list of proxy addresses/CIDRs.
 * `true` (believe any sender) is refused: a client could then pick its own rate-limit bucket.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === "false" || value === "0") return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 32) return hops;
    } else if (value !== "true") {
      const entries = value
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      if (entries.length > 0 && entries.every(isAddressOrCidr)) return entries;
    }
    ctx.addIssue({ code: "custom", message: "must be false, a hop count (1-32) or a comma-separated list of proxy IP addresses/CIDRs" });
    return z.NEVER;
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]+$/, "letters, digits, _ : . - only")
      .default("jointly"),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ADMIN_EMAIL: z.email().optional(),
    /** The same rule as every password: 10 characters at least, none of the common ones. */
    ADMIN_PASSWORD: passwordSchema.optional(),
    AUTH_RATE_LIMIT: boolish.optional(),
    TRUST_PROXY: trustProxy.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Load shedding: pages and /api/v1 running at once, waiting for a turn, and how long one waits. */
    MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(32),
    MAX_QUEUE: z.coerce.number().int().min(0).max(100_000).default(256),
    QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
    /** Turns on /metrics, readable only with `Authorization: Bearer <token>`. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "is required in production" });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
      });
    }
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    AUTH_RATE_LIMIT: env.AUTH_RATE_LIMIT ?? env.NODE_ENV === "production",
    TRUST_PROXY: env.TRUST_PROXY ?? false,
  }));

export type Env = z.output<typeof envSchema>;

/** A configuration that is wrong, or names a service that cannot be reached: the boot stops. */
export class EnvError extends Error {}

/** host:port of a service URL, for messages: never its user name or password. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(unparsable URL)";
  }
}

/** Parses the environment; throws an EnvError whose message names each wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}
