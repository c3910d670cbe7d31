import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Db } from "../db/client";
import { account, session, user, verification } from "../db/schema/auth";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth-limits";
import { passwordSchema } from "./schemas/accounts";
import type { Logger } from "pino";
import type { Env } from "./env";

/** Express writes the socket's address here, overwriting anything a client sent (see STACK-NOTES). */
export const CLIENT_IP_HEADER = "x-jointly-client-ip";

/** better-auth endpoints that set a new password (`newPassword` in the body). */
const PASSWORD_PATHS = new Set(["/change-password", "/reset-password", "/set-password"]);

export function createAuth(db: Db, env: Env, logger?: Logger, events: { onSessionEnded?: (sessionId: string) => void } = {}) {
  return betterAuth({
    appName: "Jointly",
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.PUBLIC_URL,
    trustedOrigins: [env.PUBLIC_URL],
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      // Accounts are created by our own use cases (sign-up with a firm, admin-created brokers),
      // each in one transaction; better-auth's own sign-up endpoint stays closed.
      disableSignUp: true,
    },
    databaseHooks: {
      // Sign-out, a password change that signs other sessions out, or any other revocation:
      // the session's live sockets are dropped at once (server/realtime/server.ts).
      session: {
        delete: {
          after: (ended) => {
            events.onSessionEnded?.(ended.id);
            return Promise.resolve();
          },
        },
      },
    },
    hooks: {
      // better-auth's own password endpoints are reachable directly: they keep the same rule as
      // our forms (length and no common password), not only better-auth's length check.
      before: createAuthMiddleware((ctx) => {
        if (!PASSWORD_PATHS.has(ctx.path)) return Promise.resolve();
        const parsed = passwordSchema.safeParse((ctx.body as { newPassword?: unknown } | undefined)?.newPassword);
        if (parsed.success) return Promise.resolve();
        return Promise.reject(new APIError("BAD_REQUEST", { code: "PASSWORD_REJECTED", message: parsed.error.issues[0].message }));
      }),
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "sme", input: false },
        locale: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: env.AUTH_RATE_LIMIT,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/change-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // A session and its user in one query on every page (db/schema/auth.ts declares the relation).
      database: { generateId: () => crypto.randomUUID(), joins: true },
    },
    telemetry: { enabled: false },
    // better-auth's own messages go to the request log, not the console.
    logger: logger
      ? {
          log: (level: "info" | "success" | "warn" | "error" | "debug", message: string, ...args: unknown[]) =>
            logger[level === "success" ? "info" : level]({ args }, `better-auth: ${message}`),
        }
      : undefined,
  });
}

export type Auth = ReturnType<typeof createAuth>;
