import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { network } from "../db/schema/networks";
import { PERMISSIONS_POLICY } from "../server/http/security-headers";
import { createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { failure } from "./answers";
import { signIn, startTestServer, type TestServer } from "./server";

/**
 * Headers of the edge: pages, their data and the API are never cached (they hold private data,
 * whatever a route says), static files are; every response disables browser features the
 * platform never uses. Oversized bodies are a 413, as JSON for the API.
 */
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  const broker = await createUserWithRole(makeDeps(server.app.deps.db), "broker");
  cookie = await signIn(server.url, broker.email, PASSWORD);
});
afterAll(async () => {
  await server.close();
});

describe("caching", () => {
  it("marks pages, data requests, API answers and exports no-store, even where a route set its own header", async () => {
    const sme = await createUserWithRole(makeDeps(server.app.deps.db), "sme");
    const feed = await server.app.services.calendar.getCalendarFeed(sme.actor);
    for (const path of [
      "/home",
      "/networks",
      "/login",
      "/home?_data=root",
      "/api/v1/firms",
      "/api/v1/openapi.json",
      feed.path,
      `/firms/${crypto.randomUUID()}`,
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("lets static files and fingerprinted build assets be cached", async () => {
    const favicon = await fetch(`${server.url}/favicon.svg`);
    await favicon.arrayBuffer();
    expect(favicon.headers.get("cache-control")).toBe("public, max-age=3600");
    const html = await (await fetch(`${server.url}/login`)).text();
    const asset = /\/build\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toMatch(/^\/build\/.+\.js$/);
    const built = await fetch(`${server.url}${asset}`);
    await built.arrayBuffer();
    expect(built.headers.get("cache-control")).toContain("immutable");
  });
});

describe("Permissions-Policy", () => {
  it("turns off camera, microphone, geolocation, payment, USB and the like on every response", async () => {
    for (const path of ["/login", "/api/v1/firms", "/favicon.svg"]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      const policy = res.headers.get("permissions-policy") ?? "";
      expect(policy, path).toBe(PERMISSIONS_POLICY);
      for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(policy).toContain(`${feature}=()`);
    }
  });
});

describe("oversized bodies", () => {
  const networks = async () => (await server.app.deps.db.select({ id: network.id }).from(network)).length;

  it("answers an API body over 1 MB with 413 and the JSON error shape, writing nothing", async () => {
    const before = await networks();
    const res = await fetch(`${server.url}/api/v1/networks`, {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(1_100_000), sector: "1520", currency: "BRL" }),
    });
    expect(res.status).toBe(413);
    const body: unknown = await res.json();
    // failure() holds the body against the documented error shape (code, message, fields?).
    expect(failure({ body }).code).toBe("payload_too_large");
    expect(await networks()).toBe(before);
  });

  it("answers a page post far over the upload limit with a translated 413 page", async () => {
    const before = await networks();
    const res = await fetch(`${server.url}/networks/new`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded", "accept-language": "es" },
      body: new URLSearchParams({ name: "x".repeat(11 * 1024 * 1024), sector: "1520", currency: "BRL" }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Demasiado grande");
    const data = await fetch(`${server.url}/networks/new?_data=routes%2Fnetworks.new`, {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "x".repeat(11 * 1024 * 1024) }),
    });
    expect(data.status).toBe(413);
    const dataBody: unknown = await data.json();
    expect(failure({ body: dataBody }).code).toBe("payload_too_large");
    expect(await networks()).toBe(before);
  });
});
