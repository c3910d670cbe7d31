import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { network } from "../db/schema/networks";
import { originVerdict } from "../server/http/csrf";
import { createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { failure } from "./answers";
import { signIn, startTestServer, type TestServer } from "./server";

/**
 * Cross-site request forgery (ADR 012): a state-changing request carrying the session cookie is
 * served only when it comes from PUBLIC_URL's origin, whichever door it knocks on (a page's
 * form post, its `?_data=` request, /api/v1, the socket handshake); a refused one writes nothing.
 */
let server: TestServer;
let cookie: string;
const EVIL = "https://evil.example";

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  const broker = await createUserWithRole(makeDeps(server.app.deps.db), "broker");
  cookie = await signIn(server.url, broker.email, PASSWORD);
});
afterAll(async () => {
  await server.close();
});

const networks = async () => (await server.app.deps.db.select({ id: network.id }).from(network)).length;

function networkForm() {
  return new URLSearchParams({
    name: unique("Forged network"),
    sector: "1520",
    currency: "BRL",
    notableShare: "10",
    warningShare: "30",
    criticalShare: "50",
    hhiModerate: "1500",
    hhiHigh: "2500",
    systemicShare: "20",
    disclosureMinContributors: "5",
  });
}

const formPost = (path: string, headers: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    body: networkForm(),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
  });

const apiPost = (headers: Record<string, string>) =>
  fetch(`${server.url}/api/v1/networks`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: unique("Forged API network"), sector: "1520", currency: "BRL" }),
  });

describe("cross-site state-changing requests", () => {
  it("refuses a page's form post from another origin with a translated 403 page, writing nothing", async () => {
    const before = await networks();
    const res = await formPost("/networks/new", { origin: EVIL, "accept-language": "pt-BR" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Pedido recusado");
    expect(html).toContain('lang="pt-BR"');
    expect(await networks()).toBe(before);
  });

  it("refuses the same post to the action's ?_data= request with the JSON error shape", async () => {
    const before = await networks();
    const res = await formPost("/networks/new?_data=routes%2Fnetworks.new", { origin: EVIL });
    expect(res.status).toBe(403);
    const body: unknown = await res.json();
    const error = failure({ body });
    expect(error.code).toBe("forbidden");
    expect(error.message).toContain(server.url);
    expect(await networks()).toBe(before);
  });

  it("refuses /api/v1 writes from another origin", async () => {
    const before = await networks();
    const res = await apiPost({ origin: EVIL });
    expect(res.status).toBe(403);
    const body: unknown = await res.json();
    expect(failure({ body }).code).toBe("forbidden");
    expect(await networks()).toBe(before);
  });

  it("refuses by Sec-Fetch-Site or Referer when a browser sends no Origin", async () => {
    const before = await networks();
    expect((await formPost("/networks/new", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await formPost("/networks/new", { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await formPost("/networks/new", { referer: `${EVIL}/trap.html` })).status).toBe(403);
    expect((await apiPost({ origin: "null" })).status).toBe(403);
    expect(await networks()).toBe(before);
  });

  it("serves the same requests from the site itself, and from clients that are not browsers", async () => {
    const before = await networks();
    const page = await formPost("/networks/new", { origin: server.url });
    expect(page.status).toBe(302);
    expect((await formPost("/networks/new", { "sec-fetch-site": "same-origin" })).status).toBe(302);
    expect((await formPost("/networks/new", { referer: `${server.url}/networks/new` })).status).toBe(302);
    const data = await formPost("/networks/new?_data=routes%2Fnetworks.new", { origin: server.url });
    expect(data.status).toBeLessThan(400);
    expect((await apiPost({ origin: server.url })).status).toBe(201);
    // curl and scripts send none of the three headers: not a browser's forged request.
    expect((await apiPost({})).status).toBe(201);
    expect(await networks()).toBe(before + 6);
  });

  it("refuses better-auth's endpoints from another origin too", async () => {
    const res = await fetch(`${server.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie, origin: EVIL, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/networks`, { headers: { cookie } })).status).toBe(200);
  });
});

describe("socket handshake", () => {
  const handshake = (headers: Record<string, string>) =>
    new Promise<"connected" | "refused">((resolve) => {
      const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie, ...headers }, reconnection: false });
      socket.once("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.once("connect_error", () => {
        socket.close();
        resolve("refused");
      });
    });

  it("refuses a handshake from another origin even with a valid session, and accepts the site's own", async () => {
    expect(await handshake({ origin: EVIL })).toBe("refused");
    expect(await handshake({ origin: server.url })).toBe("connected");
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin: EVIL } });
    expect(polling.status).toBe(403);
    await polling.text();
  });
});

describe("originVerdict", () => {
  const site = "https://jointly.example";
  it("trusts Origin first, then Sec-Fetch-Site, then Referer, and lets header-less clients through", () => {
    expect(originVerdict({ origin: site }, site).allowed).toBe(true);
    expect(originVerdict({ origin: `${site}:8443` }, site).allowed).toBe(false);
    expect(originVerdict({ origin: "http://jointly.example" }, site).allowed).toBe(false);
    expect(originVerdict({ origin: site, "sec-fetch-site": "cross-site" }, site).allowed).toBe(true);
    expect(originVerdict({ "sec-fetch-site": "none" }, site).allowed).toBe(true);
    expect(originVerdict({ "sec-fetch-site": "same-origin", referer: "https://evil.example/" }, site).allowed).toBe(true);
    expect(originVerdict({ referer: `${site}/firm/edit?x=1` }, site).allowed).toBe(true);
    expect(originVerdict({ referer: "not a url" }, site).allowed).toBe(false);
    expect(originVerdict({}, site).allowed).toBe(true);
  });
});
