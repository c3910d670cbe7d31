import { describe, expect, it } from "vitest";
import { readiness, type ReadinessCheck } from "./health";

const ok: ReadinessCheck = () => Promise.resolve("ok");
const off: ReadinessCheck = () => Promise.resolve("off");
const failing: ReadinessCheck = () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432"));
const hanging: ReadinessCheck = () => new Promise(() => {});

describe("readiness", () => {
  it("is ready when every check answers, a service that is not configured counting as answered", async () => {
    expect(await readiness({ database: ok, redis: off }, false)).toEqual({ ready: true, checks: { database: "ok", redis: "off" } });
  });

  it("is not ready when a check fails, and names the check but not the error (the probe is public)", async () => {
    expect(await readiness({ database: failing, redis: ok }, false)).toEqual({
      ready: false,
      checks: { database: "unreachable", redis: "ok" },
    });
  });

  it("gives up on a check that does not answer within the timeout", async () => {
    const started = Date.now();
    expect(await readiness({ database: hanging, redis: ok }, false, 50)).toEqual({
      ready: false,
      checks: { database: "unreachable", redis: "ok" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("is not ready while the process drains, whatever the checks say", async () => {
    expect(await readiness({ database: ok }, true)).toEqual({ ready: false, checks: { database: "ok", process: "draining" } });
  });
});
