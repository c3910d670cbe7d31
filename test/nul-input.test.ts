import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { expectDocumented, failure } from "./answers";
import { api, browserless, signIn, startTestServer, type TestServer } from "./server";

/**
 * PostgreSQL's text refuses the NUL character, so a "\u0000" that reached a query answered 500.
 * parseInput refuses it for every use case: a 400 naming the field, translated on the pages.
 */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

const firmBody = (name: string) => ({ kind: "sme", name, country: "BR", sector: "1520", link: "assembly", tier: 1 });

describe("a NUL character in any field", () => {
  it("is a 400 naming the field on the API, and nothing is written", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Firma Antes" });
    const client = api(server.url, await signIn(server.url, owner.email, PASSWORD));

    const update = await client.put("/firms/me", { ...firmBody("Firma\u0000Depois"), website: "https://a.example/\u0000" });
    expect(update.status).toBe(400);
    expect(update.body).toEqual({
      error: {
        code: "invalid_input",
        message: "Invalid input",
        fields: { name: ["Must not contain a NUL character"], website: ["Must not contain a NUL character"] },
      },
    });
    expect(expectDocumented("getMyFirm", (await client.get("/firms/me")).body).firm.name).toBe("Firma Antes");

    // Nested fields are named by their path; query strings and path parameters are fields too.
    const nested = await client.put("/firms/me", {
      ...firmBody("Firma"),
      capacities: [{ product: "Sandals\u0000", unitsPerMonth: 10, unit: "pairs", leadTimeDays: 3 }],
    });
    expect(nested.status).toBe(400);
    expect(Object.keys(failure(nested).fields ?? {})).toEqual(["capacities.0.product"]);
    const search = await client.get(`/firms?q=${encodeURIComponent("sand\u0000")}`);
    expect(search.status).toBe(400);
    expect(Object.keys(failure(search).fields ?? {})).toEqual(["q"]);
    const token = await client.post(`/invitations/${encodeURIComponent("abc\u0000def")}/accept`, { consent: true });
    expect(token.status).toBe(400);
    expect(Object.keys(failure(token).fields ?? {})).toEqual(["token"]);
  });

  it("is a 400 on a broker's form too (invitation by email, network settings)", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const client = api(server.url, await signIn(server.url, broker.email, PASSWORD));
    const invite = await client.post(`/networks/${networkId}/invitations`, { email: "a\u0000@b.example" });
    expect(invite.status).toBe(400);
    expect(failure(invite).fields).toEqual({ email: ["Must not contain a NUL character"] });
    const rename = await client.put(`/networks/${networkId}`, { name: "Rede\u0000", sector: "1520", region: "RS", currency: "BRL" });
    expect(rename.status).toBe(400);
    expect(failure(rename).fields).toEqual({ name: ["Must not contain a NUL character"] });
  });

  it("is a 400 with the translated message on a page's form, and nothing is written", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Firma Original" });
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const { post } = browserless(server.url);
    const fields = { kind: "sme", name: "Firma\u0000Nova", country: "BR", sector: "1520", link: "assembly", tier: "1" };

    const english = await post("/firm/edit", cookie, fields);
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("Must not contain a NUL character");
    for (const [locale, message] of [
      ["pt-BR", "Não pode conter o caractere NUL"],
      ["es", "No puede contener el carácter NUL"],
    ]) {
      await post("/locale", cookie, { locale, redirectTo: "/firm" });
      const res = await post("/firm/edit", cookie, fields);
      expect(res.status, locale).toBe(400);
      expect(await res.text(), locale).toContain(message);
    }
    expect((await server.app.services.firms.getMyFirm(owner.actor)).firm.name).toBe("Firma Original");
  });

  it("is never a 500 on a page's query string or an invitation link", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const { page } = browserless(server.url);
    for (const path of [
      `/firms?q=${encodeURIComponent("a\u0000")}`,
      `/signup?lead=${encodeURIComponent("abcdefghijklmnop\u0000")}`,
      "/invitations/%00abc",
    ]) {
      const res = await page(path, cookie);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it("cannot reach the database through a socket's room name", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie, origin: server.url }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const join = (room: string) => new Promise<{ error?: { code: string } }>((resolve) => socket.emit("room:join", { room }, resolve));
      for (const room of ["firm:\u0000", "firm:not-a-uuid", "network:x", "initiative:1", "need:abc"]) {
        const reply = await join(room);
        expect(reply.error?.code, room).toMatch(/^(invalid_input|forbidden)$/);
      }
    } finally {
      socket.close();
    }
  });
});

describe("an address that is not percent-encoded UTF-8", () => {
  it("is a 400 in the documented shape on the API (the fuzzer's 500), and never a 500 on a page", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const res = await fetch(`${server.url}/api/v1/initiatives/%ED%A0%80/messages`, {
      method: "POST",
      headers: { cookie, origin: server.url, "content-type": "application/json" },
      body: JSON.stringify({ body: "Hello" }),
    });
    expect(res.status).toBe(400);
    const answer: unknown = await res.json();
    expect(answer).toEqual({
      error: { code: "invalid_input", message: "Malformed URL", fields: { _: ["The address is not valid percent-encoded UTF-8"] } },
    });
    const { page } = browserless(server.url);
    for (const path of ["/firms/%ED%A0%80", "/initiatives/%ED%A0%80", "/networks/%E0%A4%A", "/needs/%ff"]) {
      expect((await page(path, cookie)).status, path).toBeLessThan(500);
    }
  });
});
