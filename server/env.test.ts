import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has working defaults for a development machine", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe("./data");
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_RATE_LIMIT).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.example" })).toThrow(/ADMIN_PASSWORD/);
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "short" })).toThrow(/ADMIN_PASSWORD: At least 10 characters/);
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "ninechars" })).toThrow(/ADMIN_PASSWORD: At least 10 characters/);
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "password123" })).toThrow(
      /ADMIN_PASSWORD: This password is too common/,
    );
    expect(parseEnv({ ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "a long password" }).ADMIN_PASSWORD).toBe("a long password");
  });

  it("requires a real secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET/);
    const env = parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) });
    expect(env.AUTH_RATE_LIMIT).toBe(true);
  });

  it("bounds the load-shedding queue, with defaults for a small machine", () => {
    expect(parseEnv({})).toMatchObject({ MAX_IN_FLIGHT: 32, MAX_QUEUE: 256, QUEUE_TIMEOUT_MS: 10_000 });
    expect(parseEnv({ MAX_IN_FLIGHT: "4", MAX_QUEUE: "0", QUEUE_TIMEOUT_MS: "500" })).toMatchObject({
      MAX_IN_FLIGHT: 4,
      MAX_QUEUE: 0,
      QUEUE_TIMEOUT_MS: 500,
    });
    expect(() => parseEnv({ MAX_IN_FLIGHT: "0" })).toThrow(/MAX_IN_FLIGHT/);
    expect(() => parseEnv({ MAX_QUEUE: "-1" })).toThrow(/MAX_QUEUE/);
    expect(() => parseEnv({ QUEUE_TIMEOUT_MS: "1.5" })).toThrow(/QUEUE_TIMEOUT_MS/);
  });

  it("keeps /metrics off unless a long enough token is set", () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(parseEnv({ METRICS_TOKEN: "a".repeat(16) }).METRICS_TOKEN).toBe("a".repeat(16));
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", REDIS_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told, and takes a hop count or a list of proxy addresses", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "192.168.1.7",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses `true` (any client could choose its address) and anything that is not an address", () => {
    for (const value of ["true", "yes", "10.0.0.0/33", "300.1.1.1", "10.0.0.1/8/1", "99"]) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: must be false, a hop count/);
    }
  });
});
