import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOperations } from "../server/api/all-operations";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, uniqueEmail } from "./factories";
import { loadActor } from "../server/services/accounts/load-actor";
import { api, signIn, startTestServer, type TestServer } from "./server";
import { expectDocumented, failure, openApiDocument } from "./answers";

let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer();
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

const validSme = {
  kind: "sme",
  name: "Componentes Sapiranga",
  country: "BR",
  region: "Sapiranga, RS",
  sector: "1520",
  employees: 42,
  turnover: { amount: "3400000", currency: "BRL" },
  link: "components",
  tier: 2,
  functions: ["production"],
  certifications: [{ code: "iso_9001", expiresOn: "2028-01-01" }],
  capacities: [{ product: "Rubber soles", unitsPerMonth: 120000, unit: "pairs", leadTimeDays: 15 }],
};

describe("/api/v1 authentication", () => {
  it("answers 401 with the JSON error shape to anonymous calls", async () => {
    for (const op of allOperations) {
      const path = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method: op.method.toUpperCase(),
        headers: { "content-type": "application/json" },
        body: op.method === "get" ? undefined : "{}",
      });
      expect(res.status, `${op.operationId}`).toBe(401);
      const body: unknown = await res.json();
      // Exactly a code and a message, no field messages.
      expect(body).toEqual({ error: { code: "unauthenticated", message: failure({ body }).message } });
    }
  });
});

describe("/api/v1 firms", () => {
  it("reads and updates one's own firm; invalid input is a 400 with fields and writes nothing", async () => {
    const owner = await createFirmOwner(deps);
    const client = api(server.url, await signIn(server.url, owner.email, PASSWORD));

    const mine = await client.get("/firms/me");
    expect(mine.status).toBe(200);
    const myFirm = expectDocumented("getMyFirm", mine.body);
    expect(myFirm.firm.id).toBe(owner.firmId);
    expect(myFirm.members).toEqual([
      expect.objectContaining({ userId: owner.userId, email: owner.email, status: "active", isOwner: true }),
    ]);
    expect(myFirm.permissions).toEqual({ update: true, decideMember: true });

    const updated = await client.put("/firms/me", validSme);
    expect(updated.status).toBe(200);
    const saved = expectDocumented("updateMyFirm", updated.body);
    expect(saved).toMatchObject({
      id: owner.firmId,
      name: "Componentes Sapiranga",
      region: "Sapiranga, RS",
      tier: 2,
      link: "components",
    });
    expect(saved.turnover).toEqual({ amountMinor: 340000000, currency: "BRL" });
    expect(saved.capacities).toEqual(validSme.capacities);

    const invalid = await client.put("/firms/me", { ...validSme, name: "", employees: -3, certifications: [{ code: "nope" }] });
    expect(invalid.status).toBe(400);
    expect(failure(invalid).code).toBe("invalid_input");
    expect(Object.keys(failure(invalid).fields ?? {}).sort()).toEqual(["certifications.0.code", "employees", "name"]);
    expect(expectDocumented("getMyFirm", (await client.get("/firms/me")).body).firm.name).toBe("Componentes Sapiranga");

    const malformed = await client.put("/firms/me", "{not json");
    expect(malformed.status).toBe(400);
    expect(failure(malformed).code).toBe("invalid_input");
  });

  it("shows another firm's public view only, and 404 for unknown or malformed ids", async () => {
    const owner = await createFirmOwner(deps);
    await api(server.url, await signIn(server.url, owner.email, PASSWORD)).put("/firms/me", validSme);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const client = api(server.url, await signIn(server.url, buyer.email, PASSWORD));

    const seen = await client.get(`/firms/${owner.firmId}`);
    expect(seen.status).toBe(200);
    const publicView = expectDocumented("getFirm", seen.body);
    expect(publicView.visibility).toBe("public");
    expect(publicView.firm).toMatchObject({ id: owner.firmId, name: "Componentes Sapiranga", country: "BR", employees: 42 });
    expect(publicView.firm).not.toHaveProperty("turnover");
    expect(publicView.firm).not.toHaveProperty("capacities");

    expect((await client.get(`/firms/${crypto.randomUUID()}`)).status).toBe(404);
    const malformed = await client.get("/firms/not-an-id");
    expect(malformed.status).toBe(400);
    expect(failure(malformed).fields).toEqual({ firmId: ["Not a firm id"] });
  });

  it("searches the directory with validated filters", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Searchable Tannery" });
    const client = api(server.url, await signIn(server.url, owner.email, PASSWORD));
    const found = await client.get("/firms?q=Searchable&kind=sme&pageSize=5");
    expect(found.status).toBe(200);
    const results = expectDocumented("searchFirms", found.body);
    expect(results.items.map((f) => f.name)).toContain("Searchable Tannery");
    expect(results).toMatchObject({ page: 1, pageSize: 5 });
    expect(results.items.every((f) => f.kind === "sme")).toBe(true);
    const bad = await client.get("/firms?tier=12&certification=unknown");
    expect(bad.status).toBe(400);
    expect(Object.keys(failure(bad).fields ?? {}).sort()).toEqual(["certification", "tier"]);
  });

  it("lets only the owner decide a join request over the API", async () => {
    const owner = await createFirmOwner(deps);
    const ownerClient = api(server.url, await signIn(server.url, owner.email, PASSWORD));
    const outsider = await createFirmOwner(deps);
    const outsiderClient = api(server.url, await signIn(server.url, outsider.email, PASSWORD));
    const { signUp } = await import("../server/services/accounts/sign-up");
    await signUp(deps, {
      firmChoice: "join",
      role: "sme",
      name: "Newcomer",
      email: uniqueEmail(),
      password: PASSWORD,
      firmId: owner.firmId,
    });
    const members = async () => expectDocumented("getMyFirm", (await ownerClient.get("/firms/me")).body).members;
    const pending = (await members()).find((m) => m.status === "pending")!;

    expect((await outsiderClient.post(`/firms/me/members/${pending.id}/decision`, { decision: "approve" })).status).toBe(404);
    expect((await ownerClient.post(`/firms/me/members/${pending.id}/decision`, { decision: "maybe" })).status).toBe(400);
    const ok = await ownerClient.post(`/firms/me/members/${pending.id}/decision`, { decision: "approve" });
    expect(ok.status).toBe(200);
    expect(expectDocumented("decideFirmMember", ok.body)).toEqual({ memberId: pending.id, decision: "approve" });
    expect((await members()).find((m) => m.id === pending.id)?.status).toBe("active");
    expect((await ownerClient.post(`/firms/me/members/${pending.id}/decision`, { decision: "approve" })).status).toBe(409);
  });
});

describe("/api/v1 users", () => {
  it("lets an admin create a broker; others get 403; invalid input is 400 and writes nothing", async () => {
    const admin = await createUserWithRole(deps, "admin");
    const adminClient = api(server.url, await signIn(server.url, admin.email, PASSWORD));
    const email = uniqueEmail("broker");

    const invalid = await adminClient.post("/users", { name: "B", email: "not-an-email", password: "short", role: "king" });
    expect(invalid.status).toBe(400);
    expect(Object.keys(failure(invalid).fields ?? {}).sort()).toEqual(["email", "name", "password", "role"]);

    const created = await adminClient.post("/users", { name: "Beatriz Broker", email, password: PASSWORD, role: "broker" });
    expect(created.status).toBe(201);
    const broker = expectDocumented("createUser", created.body);
    expect(broker).toMatchObject({ name: "Beatriz Broker", email, role: "broker" });
    const brokerSession = await signIn(server.url, email, PASSWORD);
    expect(brokerSession).toContain("session_token");

    const users = await adminClient.get("/users");
    expect(users.status).toBe(200);
    const listed = expectDocumented("listUsers", users.body);
    expect(listed).toContainEqual(expect.objectContaining({ id: broker.id, name: "Beatriz Broker", email, role: "broker" }));
    expect(listed).toContainEqual(expect.objectContaining({ id: admin.id, role: "admin" }));

    const duplicate = await adminClient.post("/users", { name: "Beatriz Again", email, password: PASSWORD, role: "broker" });
    expect(duplicate.status).toBe(409);
    expect(failure(duplicate).fields).toEqual({ email: ["This email is already registered"] });

    const sme = await createFirmOwner(deps);
    const smeClient = api(server.url, await signIn(server.url, sme.email, PASSWORD));
    expect((await smeClient.post("/users", { name: "Evil Broker", email: uniqueEmail(), password: PASSWORD, role: "broker" })).status).toBe(
      403,
    );
    expect((await smeClient.get("/users")).status).toBe(403);
  });
});

describe("/api/v1 language", () => {
  it("stores the language one chooses; an unknown one is a 400", async () => {
    const owner = await createFirmOwner(deps);
    const client = api(server.url, await signIn(server.url, owner.email, PASSWORD));
    const chosen = await client.put("/me/locale", { locale: "pt-BR" });
    expect(chosen.status).toBe(200);
    expect(expectDocumented("setMyLocale", chosen.body)).toEqual({ locale: "pt-BR" });
    expect((await loadActor(server.app.deps.db, owner.userId))?.locale).toBe("pt-BR");
    const unknown = await client.put("/me/locale", { locale: "fr" });
    expect(unknown.status).toBe(400);
    expect(Object.keys(failure(unknown).fields ?? {})).toEqual(["locale"]);
    expect((await loadActor(server.app.deps.db, owner.userId))?.locale).toBe("pt-BR");
  });
});

describe("/api/v1 notifications", () => {
  it("lists one's own notifications and marks them read; another user's is a 404", async () => {
    const owner = await createFirmOwner(deps);
    const { signUp } = await import("../server/services/accounts/sign-up");
    await signUp(deps, { firmChoice: "join", role: "sme", name: "Asker", email: uniqueEmail(), password: PASSWORD, firmId: owner.firmId });
    const client = api(server.url, await signIn(server.url, owner.email, PASSWORD));
    const list = await client.get("/notifications");
    expect(list.status).toBe(200);
    const notifications = expectDocumented("listNotifications", list.body);
    expect(notifications.unread).toBe(1);
    const id = notifications.items[0].id;
    expect(notifications.items[0]).toMatchObject({ type: "firm_join_requested", params: { person: "Asker" } });

    const stranger = await createFirmOwner(deps);
    const strangerClient = api(server.url, await signIn(server.url, stranger.email, PASSWORD));
    expect((await strangerClient.post(`/notifications/${id}/read`)).status).toBe(404);
    expect((await client.post(`/notifications/not-a-uuid/read`)).status).toBe(400);

    const read = await client.post(`/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(expectDocumented("markNotificationRead", read.body)).toEqual({ ids: [id] });
    const listed = async (query = "") => expectDocumented("listNotifications", (await client.get(`/notifications${query}`)).body);
    expect((await listed()).unread).toBe(0);
    expect((await listed("?unreadOnly=true")).items).toEqual([]);

    await signUp(deps, {
      firmChoice: "join",
      role: "sme",
      name: "Second Asker",
      email: uniqueEmail(),
      password: PASSWORD,
      firmId: owner.firmId,
    });
    await signUp(deps, {
      firmChoice: "join",
      role: "sme",
      name: "Third Asker",
      email: uniqueEmail(),
      password: PASSWORD,
      firmId: owner.firmId,
    });
    const unread = (await listed("?unreadOnly=true")).items.map((n) => n.id);
    expect(unread).toHaveLength(2);
    const all = await client.post("/notifications/read-all");
    expect(all.status).toBe(200);
    expect([...expectDocumented("markAllNotificationsRead", all.body).ids].sort()).toEqual([...unread].sort());
    expect(await listed()).toMatchObject({ unread: 0 });
    expect((await client.post("/notifications/read-all")).body).toEqual({ ids: [] });
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with the required operationIds and public", async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = openApiDocument.parse(await res.json());
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    for (const id of ["getMyFirm", "updateMyFirm", "searchFirms", "getFirm", "listNotifications", "markNotificationRead", "createUser"]) {
      expect(ids).toContain(id);
    }
    const update = doc.paths["/firms/me"].put.requestBody?.content["application/json"].schema;
    // One variant per kind of firm, each with the fields that kind requires.
    const variants = update?.oneOf ?? update?.anyOf ?? [];
    expect(variants.map((v) => [v.properties?.kind.const, v.required])).toEqual([
      ["sme", ["kind", "name", "country", "sector", "link", "tier"]],
      ["buyer", ["kind", "name", "country", "sector", "buyerType"]],
      ["agency", ["kind", "name", "country", "sector"]],
    ]);
    expect(doc.paths["/firms"].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["q", "sector", "link", "tier", "country", "certification", "page"]),
    );
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    const body: unknown = await res.json();
    expect(failure({ body }).code).toBe("not_found");
  });
});

describe("security headers", () => {
  it("sends a CSP with a nonce and the usual helmet headers", async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});
