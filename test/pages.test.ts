import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { firm } from "../db/schema/firms";
import { translations } from "../i18n/i18n";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { browserless, signIn, startTestServer, type TestServer } from "./server";

/** The pages through HTTP as a browser without JavaScript would use them. */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

const page = (path: string, cookie?: string, init: RequestInit = {}) => browserless(server.url).page(path, cookie, init);
const post = (path: string, cookie: string | undefined, fields: Record<string, string | string[]>) =>
  browserless(server.url).post(path, cookie, fields);

describe("who may open which page", () => {
  it("sends anonymous visitors to the sign-in page, keeping where they were going", async () => {
    for (const path of ["/home", "/firm", "/firms", "/notifications", "/settings", "/admin/users"]) {
      const res = await page(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("answers 403 to a non-admin on the admin page and 404 for an unknown firm", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    expect((await page("/admin/users", cookie)).status).toBe(403);
    expect((await page(`/firms/${crypto.randomUUID()}`, cookie)).status).toBe(404);
    expect((await page("/firms/not-an-id", cookie)).status).toBe(404);
    const broker = await createUserWithRole(deps, "broker");
    expect((await page("/firm", await signIn(server.url, broker.email, PASSWORD))).status).toBe(403);
  });

  it("looks the signed-in user up once per page, however many loaders ask", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Calçados Uma Vez" });
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const lookups = vi.spyOn(server.app.services.accounts, "loadActor");
    try {
      const res = await page("/firm", cookie);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Calçados Uma Vez");
      // The root loader and the route's loader share one lookup (it was one each).
      expect(lookups.mock.calls).toEqual([[owner.userId]]);
    } finally {
      lookups.mockRestore();
    }
  });

  it("shows another firm's public profile without its private fields", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Curtume Privado" });
    await server.app.services.firms.updateMyFirm(owner.actor, {
      kind: "sme",
      name: "Curtume Privado",
      country: "BR",
      sector: "1511",
      link: "processing",
      tier: 2,
      turnover: { amount: "987654.32", currency: "BRL" },
      capacities: [{ product: "Secret hides", unitsPerMonth: 77, unit: "m²", leadTimeDays: 9 }],
    });
    const other = await createFirmOwner(deps);
    const html = await (await page(`/firms/${owner.firmId}`, await signIn(server.url, other.email, PASSWORD))).text();
    expect(html).toContain("Curtume Privado");
    // The turnover in any locale's shape (987,654.32 / 987.654,32 / 987654); a bare "987" could
    // be part of an id on the page.
    expect(html).not.toMatch(/987[\s.,\u00a0\u202f]?654/);
    expect(html).not.toContain("Secret hides");
  });
});

describe("forms without JavaScript", () => {
  it("rejects an invalid sign-up with 400 and field messages, writing nothing", async () => {
    const before = (await server.app.deps.db.select().from(firm)).length;
    const res = await post("/signup", undefined, {
      role: "sme",
      firmChoice: "create",
      name: "X",
      email: "nope",
      password: "123",
      firmName: "",
      country: "ZZ",
      sector: "1520",
      link: "assembly",
      tier: "1",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Must be an email address");
    expect(html).toContain("Unknown country");
    expect((await server.app.deps.db.select().from(firm)).length).toBe(before);
  });

  it("answers an invalid firm edit with 400 in the user's language and keeps the profile", async () => {
    const owner = await createFirmOwner(deps, { firmName: "Firma Original" });
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const res = await post("/firm/edit", cookie, {
      kind: "sme",
      name: "",
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "7",
    });
    expect(res.status).toBe(400);
    const mine = await server.app.services.firms.getMyFirm(owner.actor);
    expect(mine.firm.name).toBe("Firma Original");

    await post("/locale", cookie, { locale: "pt-BR", redirectTo: "/firm" });
    const translated = await post("/firm/edit", cookie, {
      kind: "sme",
      name: "",
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
    });
    expect(translated.status).toBe(400);
    expect(await translated.text()).toContain("Obrigatório");
  });

  it("saves a valid firm edit and redirects with a toast", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const res = await post("/firm/edit", cookie, {
      kind: "sme",
      name: "Firma Editada",
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
      functions: ["production", "design"],
      "certifications[0].code": "iso_9001",
      "certifications[0].expiresOn": "2028-02-01",
      "turnover.amount": "1000",
      "turnover.currency": "BRL",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/firm");
    const mine = await server.app.services.firms.getMyFirm(owner.actor);
    expect(mine.firm).toMatchObject({ name: "Firma Editada", functions: ["production", "design"], turnover: { amountMinor: 100000 } });
    expect(mine.firm.certifications.map((c) => c.code)).toEqual(["iso_9001"]);
  });

  it("keeps the toast for the page's script to clear: an interrupted data load cannot take it along", async () => {
    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const saved = await post("/firm/edit", cookie, {
      kind: "sme",
      name: "Firma Avisada",
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
    });
    expect(saved.status).toBe(302);
    const toast = saved.headers.getSetCookie().find((c) => c.startsWith("jointly_toast="));
    expect(toast).toBeDefined();
    expect(toast).not.toMatch(/HttpOnly/i);
    const withToast = `${cookie}; ${toast!.split(";")[0]}`;
    const clears = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith("jointly_toast=;"));
    // A script's data load (two of them may race, one aborted): both see the toast, neither clears it.
    for (let i = 0; i < 2; i++) {
      const data = await page("/firm.data", withToast, { headers: { "Sec-Fetch-Dest": "empty" } });
      expect(data.status).toBe(200);
      expect(await data.text()).toContain("firmSaved");
      expect(clears(data)).toBe(false);
    }
    // A page load without JavaScript shows it and clears it.
    const doc = await page("/firm", withToast, { headers: { "Sec-Fetch-Dest": "document" } });
    expect(await doc.text()).toContain('role="status"');
    expect(clears(doc)).toBe(true);
  });

  it("chooses the language from Accept-Language for visitors", async () => {
    const html = await (await page("/login", undefined, { headers: { "accept-language": "es-MX,es;q=0.9" } })).text();
    expect(html).toContain('lang="es"');
    expect(html).toContain("Iniciar sesión");
  });

  it("carries its own language's messages for the browser, and serves another on request", async () => {
    const html = await (await page("/login", undefined, { headers: { "accept-language": "es-MX,es;q=0.9" } })).text();
    const element = /<script id="page-messages" type="application\/json">(.*?)<\/script>/s.exec(html);
    const carried = JSON.parse(element?.[1] ?? "null") as { locale: string; messages: typeof translations.es };
    expect(carried.locale).toBe("es");
    expect(carried.messages).toEqual(translations.es);

    const other = await page("/locales/pt-BR");
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual(translations["pt-BR"]);
    expect((await page("/locales/fr")).status).toBe(404);
  });
});
