import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { account, session, user } from "../db/schema/auth";
import { firm, firmMember } from "../db/schema/firms";
import { notification } from "../db/schema/notifications";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, uniqueEmail, unique } from "./factories";
import { api, browserless, signIn, startTestServer, type TestServer } from "./server";

// Sign-up must not tell whether an email has an account; every new password follows one rule.
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, cookie: string | undefined, fields: Record<string, string>) =>
  browserless(server.url).post(path, cookie, fields);

async function rowCounts() {
  const db = server.app.deps.db;
  const n = async (table: typeof user | typeof account | typeof session | typeof firm | typeof firmMember | typeof notification) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return {
    users: await n(user),
    accounts: await n(account),
    sessions: await n(session),
    firms: await n(firm),
    members: await n(firmMember),
    notifications: await n(notification),
  };
}

const smeFields = (email: string, password = "a-new-and-long-passphrase") => ({
  role: "sme",
  firmChoice: "create",
  name: "Paula Pereira",
  email,
  password,
  firmName: unique("Calçados"),
  country: "BR",
  sector: "1520",
  link: "assembly",
  tier: "1",
});

/** What a client can observe of an answer, less what differs on every answer (the toast's id). */
async function observable(res: Response) {
  const cookies = res.headers.getSetCookie().map((c) => {
    const [pair, ...attributes] = c.split("; ");
    const [name, value] = pair.split("=");
    // The toast cookie holds "key|random id": keep the key.
    const decoded =
      name === "jointly_toast"
        ? z
            .string()
            .parse(JSON.parse(Buffer.from(decodeURIComponent(value), "base64").toString()))
            .split("|")[0]
        : value;
    return { name, value: decoded, attributes: attributes.filter((a) => !a.startsWith("Expires=")) };
  });
  const headers = [...res.headers.keys()].filter((h) => !["date", "set-cookie", "content-length"].includes(h)).sort();
  return { status: res.status, location: res.headers.get("location"), cookies, headers, body: await res.text() };
}

describe("sign-up does not disclose registered emails", () => {
  it("answers an existing email exactly as a new one, creating nothing and signing no one in", async () => {
    const owner = await createFirmOwner(deps);
    const fresh = await post("/signup", undefined, smeFields(uniqueEmail("fresh")));
    const before = await rowCounts();
    const existing = await post("/signup", undefined, smeFields(owner.email));
    const afterExisting = await rowCounts();
    const freshSeen = await observable(fresh);
    expect(freshSeen).toMatchObject({ status: 302, location: "/login" });
    expect(freshSeen.cookies.map((c) => c.name)).toEqual(["jointly_toast"]);
    expect(freshSeen.cookies[0].value).toBe("signUpReceived");
    expect(await observable(existing)).toEqual(freshSeen);
    expect(afterExisting).toEqual(before);
    // The owner's password still works; the one typed at the sign-up does not.
    await signIn(server.url, owner.email, PASSWORD);
    await expect(signIn(server.url, owner.email, "a-new-and-long-passphrase")).rejects.toThrow(/401/);

    // Joining a firm: the same again.
    const join = (email: string) =>
      post("/signup", undefined, {
        role: "sme",
        firmChoice: "join",
        name: "Jo Joiner",
        email,
        password: "a-new-and-long-passphrase",
        firmId: owner.firmId,
      });
    const joinFresh = await observable(await join(uniqueEmail("joiner")));
    const beforeJoin = await rowCounts();
    expect(await observable(await join(owner.email))).toEqual(joinFresh);
    expect(await rowCounts()).toEqual(beforeJoin);

    // The toast tells both what to do without saying which case it is.
    const login = await browserless(server.url).page(
      "/login",
      `jointly_toast=${existing.headers.getSetCookie()[0].split(";")[0].split("=")[1]}`,
    );
    expect(await login.text()).toContain("If this email is new to Jointly");
  });

  it("keeps better-auth's own sign-up endpoint closed and silent about emails", async () => {
    const owner = await createFirmOwner(deps);
    const signUpEmail = (email: string) =>
      fetch(`${server.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email, password: "a-new-and-long-passphrase", name: "Someone" }),
      });
    const before = await rowCounts();
    const fresh = await signUpEmail(uniqueEmail("direct"));
    const existing = await signUpEmail(owner.email);
    expect(fresh.status).toBe(400);
    expect(existing.status).toBe(fresh.status);
    expect(await existing.text()).toBe(await fresh.text());
    expect(await rowCounts()).toEqual(before);
  });
});

describe("passwords: 10 characters at least and none of the common ones", () => {
  it("refuses short and common passwords at sign-up, in the user's language, writing nothing", async () => {
    const before = await rowCounts();
    const short = await post("/signup", undefined, smeFields(uniqueEmail(), "ninechars"));
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("At least 10 characters");
    const common = await post("/signup", undefined, smeFields(uniqueEmail(), "Password123"));
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("This password is too common: choose another");
    const res = await browserless(server.url).page("/signup", undefined, {
      method: "POST",
      body: new URLSearchParams(smeFields(uniqueEmail(), "qwertyuiop")),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, "accept-language": "pt-BR" },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Esta senha é comum demais: escolha outra");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a common password when an admin creates an account or a user changes theirs, even through better-auth directly", async () => {
    // An admin creating an account.
    const admin = await createUserWithRole(deps, "admin");
    const adminApi = api(server.url, await signIn(server.url, admin.email, PASSWORD));
    const usersBefore = await rowCounts();
    const refused = await adminApi.post("/users", {
      name: "Bruno Broker",
      email: uniqueEmail("broker"),
      password: "1qaz2wsx3edc",
      role: "broker",
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { fields: { password: ["This password is too common: choose another"] } } },
    });
    expect(await rowCounts()).toEqual(usersBefore);
    expect(
      (
        await adminApi.post("/users", {
          name: "Bruno Broker",
          email: uniqueEmail("broker"),
          password: "brokers-of-the-valley",
          role: "broker",
        })
      ).status,
    ).toBe(201);

    const owner = await createFirmOwner(deps);
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    // The settings form.
    const form = await post("/settings", cookie, { currentPassword: PASSWORD, newPassword: "iloveyou12", confirmPassword: "iloveyou12" });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain("This password is too common: choose another");
    // better-auth's endpoint, called directly.
    const direct = await fetch(`${server.url}/api/auth/change-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, cookie },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "password1234" }),
    });
    expect(direct.status).toBe(400);
    expect(await direct.json()).toMatchObject({ code: "PASSWORD_REJECTED" });
    await signIn(server.url, owner.email, PASSWORD);
    await expect(signIn(server.url, owner.email, "password1234")).rejects.toThrow(/401/);
    // A good one goes through both ways.
    const ok = await fetch(`${server.url}/api/auth/change-password`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url, cookie },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "tannery-ledger-sandals" }),
    });
    expect(ok.status).toBe(200);
    await signIn(server.url, owner.email, "tannery-ledger-sandals");
  });
});
