import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { network } from "../db/schema/networks";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { browserless, signIn, startTestServer, type TestServer } from "./server";

/** The network pages through HTTP, as a browser without JavaScript would use them. */
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

const validNetwork = {
  name: "Sinos Valley footwear",
  sector: "1520",
  region: "Rio Grande do Sul",
  description: "Shoe makers, tanneries and component suppliers.",
  currency: "BRL",
  notableShare: "10",
  warningShare: "30",
  criticalShare: "50",
  hhiModerate: "1500",
  hhiHigh: "2500",
  systemicShare: "20",
  disclosureMinContributors: "5",
};

async function brokerWithNetwork(name = unique("Network")) {
  const broker = await createUserWithRole(deps, "broker");
  const created = await server.app.services.networks.create(broker.actor, { name, sector: "1520", currency: "BRL", region: "RS" });
  return { broker, networkId: created.id, cookie: await signIn(server.url, broker.email, PASSWORD) };
}

/** The HTML of one value-chain column of the network page. */
function column(html: string, link: string): string | null {
  const match = html.match(new RegExp(`data-testid="link-column-${link}"[\\s\\S]*?</section>`));
  return match ? match[0] : null;
}

describe("creating and editing a network", () => {
  it("lets a broker create a network through the form, storing percents as basis points", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    expect((await page("/networks/new", cookie)).status).toBe(200);
    const res = await post("/networks/new", cookie, validNetwork);
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/networks\/[0-9a-f-]{36}$/);
    const { brokered } = await server.app.services.networks.list(broker.actor);
    expect(brokered.map((n) => n.name)).toEqual(["Sinos Valley footwear"]);
    const details = await server.app.services.networks.get(broker.actor, { networkId: location.split("/").pop() });
    expect(details.network).toMatchObject({ warningShareBp: 3000, notableShareBp: 1000, hhiHigh: 2500, region: "Rio Grande do Sul" });

    const toast = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const html = await (await page(location, `${cookie}; ${toast}`)).text();
    expect(html).toContain("Sinos Valley footwear");
    expect(html).toContain("Network created.");
  });

  it("answers invalid input with 400 and field messages, writing nothing", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const before = (await server.app.deps.db.select().from(network)).length;
    const res = await post("/networks/new", cookie, { ...validNetwork, name: "", sector: "", region: "x".repeat(121) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Required");
    expect(html).toContain("At most 120 characters");
    const unordered = await post("/networks/new", cookie, { ...validNetwork, warningShare: "60", hhiHigh: "1000" });
    expect(unordered.status).toBe(400);
    expect(await unordered.text()).toContain("Thresholds must rise from notable to critical");
    const outOfRange = await post("/networks/new", cookie, { ...validNetwork, criticalShare: "150" });
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.text()).toContain("Must be at most 100");
    expect((await server.app.deps.db.select().from(network)).length).toBe(before);
  });

  it("keeps new networks to brokers and prefills the edit form in percent", async () => {
    const sme = await createFirmOwner(deps);
    expect((await page("/networks/new", await signIn(server.url, sme.email, PASSWORD))).status).toBe(403);

    const { broker, networkId, cookie } = await brokerWithNetwork();
    const form = await (await page(`/networks/${networkId}/edit`, cookie)).text();
    expect(form).toMatch(/name="warningShare"[^>]*value="25"/);
    const res = await post(`/networks/${networkId}/edit`, cookie, { ...validNetwork, name: "Renamed network", systemicShare: "12.5" });
    expect(res.status).toBe(302);
    const details = await server.app.services.networks.get(broker.actor, { networkId });
    expect(details.network).toMatchObject({ name: "Renamed network", systemicShareBp: 1250 });
  });
});

describe("the disclosure threshold on the network form", () => {
  it("shows the threshold with its explanation, raises it, and refuses a value below 5 with a field message, writing nothing", async () => {
    const { broker, networkId, cookie } = await brokerWithNetwork();
    const form = await (await page(`/networks/${networkId}/edit`, cookie)).text();
    expect(form).toMatch(/name="disclosureMinContributors"[^>]*value="5"/);
    expect(form).toContain("never fewer than 5");
    const raised = await post(`/networks/${networkId}/edit`, cookie, { ...validNetwork, disclosureMinContributors: "9" });
    expect(raised.status).toBe(302);
    expect((await server.app.services.networks.get(broker.actor, { networkId })).network.disclosureMinContributors).toBe(9);
    const lowered = await post(`/networks/${networkId}/edit`, cookie, { ...validNetwork, name: "Lowered", disclosureMinContributors: "4" });
    expect(lowered.status).toBe(400);
    const html = await lowered.text();
    expect(html).toContain("At least 5: a network may raise the threshold, never lower it");
    expect(html).toMatch(/id="[^"]*disclosureMinContributors-error"/);
    const after = (await server.app.services.networks.get(broker.actor, { networkId })).network;
    expect(after).toMatchObject({ disclosureMinContributors: 9 });
    expect(after.name).not.toBe("Lowered");
  });
});

describe("the network settings form's errors", () => {
  it("shows every invalid field's message under its field on the first submit", async () => {
    const { networkId, cookie } = await brokerWithNetwork();
    const res = await post(`/networks/${networkId}/edit`, cookie, {
      ...validNetwork,
      name: "",
      criticalShare: "150",
      hhiModerate: "0",
      disclosureMinContributors: "4",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ["name", "criticalShare", "hhiModerate", "disclosureMinContributors"]) {
      expect(html, field).toMatch(new RegExp(`name="${field}"[^>]*aria-invalid="true"`));
      expect(html, field).toMatch(new RegExp(`id="[^"]*-${field}-error"`));
    }
    expect(html).toContain("Required");
    expect(html).toContain("Must be at most 100");
    expect(html).toContain("At least 5: a network may raise the threshold, never lower it");
  });
});

describe("who sees a network", () => {
  it("answers 404 to an SME that is not a member, and for a malformed id", async () => {
    const { networkId } = await brokerWithNetwork();
    const outsider = await createFirmOwner(deps);
    const cookie = await signIn(server.url, outsider.email, PASSWORD);
    expect((await page(`/networks/${networkId}`, cookie)).status).toBe(404);
    expect((await page(`/networks/not-an-id`, cookie)).status).toBe(404);
    // It may apply from the list, though.
    const list = await (await page("/networks", cookie)).text();
    expect(list).toContain(`id="consent-${networkId}"`);
  });
});

describe("joining", () => {
  it("requires consent to accept an invitation, then makes the firm a member", async () => {
    const { broker, networkId } = await brokerWithNetwork();
    const sme = await createFirmOwner(deps, { firmName: unique("Calçados Invited") });
    await server.app.services.networks.invite(broker.actor, { networkId, firmId: sme.firmId });
    const cookie = await signIn(server.url, sme.email, PASSWORD);

    const refused = await post("/networks", cookie, { intent: "accept", networkId });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Consent is required to join");
    let mine = await server.app.services.networks.list(sme.actor);
    expect(mine.memberships.find((m) => m.id === networkId)?.status).toBe("invited");

    const accepted = await post("/networks", cookie, { intent: "accept", networkId, consent: "true" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/networks/${networkId}`);
    mine = await server.app.services.networks.list(sme.actor);
    expect(mine.memberships.find((m) => m.id === networkId)?.status).toBe("active");
    expect((await page(`/networks/${networkId}`, cookie)).status).toBe(200);
  });

  it("lets an SME apply with consent and the broker approve from the network page", async () => {
    const { broker, networkId, cookie: brokerCookie } = await brokerWithNetwork();
    const sme = await createFirmOwner(deps);
    const cookie = await signIn(server.url, sme.email, PASSWORD);
    expect((await post("/networks", cookie, { intent: "apply", networkId })).status).toBe(400);
    expect((await post("/networks", cookie, { intent: "apply", networkId, consent: "true" })).status).toBe(302);

    const html = await (await page(`/networks/${networkId}`, brokerCookie)).text();
    expect(html).toContain('data-testid="applications"');
    const approved = await post(`/networks/${networkId}`, brokerCookie, { intent: "decide", firmId: sme.firmId, decision: "approve" });
    expect(approved.status).toBe(302);
    const details = await server.app.services.networks.get(broker.actor, { networkId });
    expect(details.members.map((m) => m.firmId)).toContain(sme.firmId);
  });

  it("shows the link of an email invitation, which the invited SME accepts with consent", async () => {
    const { networkId, cookie: brokerCookie } = await brokerWithNetwork("Invitation network");
    const invalid = await post(`/networks/${networkId}`, brokerCookie, { intent: "inviteEmail", email: "nope" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Must be an email address");

    const sme = await createFirmOwner(deps);
    const res = await post(`/networks/${networkId}`, brokerCookie, { intent: "inviteEmail", email: sme.email });
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    const token = new URL(location, server.url).searchParams.get("invitation") ?? "";
    expect(token.length).toBeGreaterThan(20);
    const html = await (await page(location, brokerCookie)).text();
    expect(html).toContain(`${server.url}/invitations/${token}`);

    const anonymous = await (await page(`/invitations/${token}`)).text();
    expect(anonymous).toContain("Invitation network");
    expect(anonymous).toContain(`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);

    const cookie = await signIn(server.url, sme.email, PASSWORD);
    expect(await (await page(`/invitations/${token}`, cookie)).text()).toContain('name="consent"');
    expect((await post(`/invitations/${token}`, cookie, {})).status).toBe(400);
    const accepted = await post(`/invitations/${token}`, cookie, { consent: "true" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/networks/${networkId}`);
    expect(await (await page(`/invitations/${token}`, cookie)).text()).toContain("already used or has expired");
    expect((await page(`/invitations/${"x".repeat(32)}`, cookie)).status).toBe(404);
  });
});

describe("the network page", () => {
  it("arranges members in columns by value-chain link, in chain order", async () => {
    const { broker, networkId, cookie } = await brokerWithNetwork();
    const tanneryName = unique("Curtume Column");
    const tannery = await createFirmOwner(deps, { firmName: tanneryName, link: "processing", tier: 2 });
    const assembler = await createFirmOwner(deps, { firmName: unique("Fabrica Column"), link: "assembly", tier: 1 });
    for (const firm of [tannery, assembler]) {
      await server.app.services.networks.invite(broker.actor, { networkId, firmId: firm.firmId });
      await server.app.services.networks.respondToInvitation(firm.actor, { networkId, decision: "accept", consent: true });
    }
    const html = await (await page(`/networks/${networkId}`, cookie)).text();
    const processing = column(html, "processing");
    const assembly = column(html, "assembly");
    expect(processing).toContain(">Processing<");
    expect(processing).toContain(tanneryName);
    expect(processing).toContain("Tier 2");
    expect(processing).not.toContain("Fabrica Column");
    expect(assembly).toContain("Assembly (production)");
    expect(assembly).toContain("Fabrica Column");
    expect(column(html, "design")).toBeNull();
    expect(html.indexOf('data-testid="link-column-processing"')).toBeLessThan(html.indexOf('data-testid="link-column-assembly"'));
    // The activity log speaks the reader's language.
    expect(html).toContain("joined the network");
    // Brokers get the tools; the member SME gets the leave form instead.
    expect(html).toContain('name="intent" value="inviteFirm"');
    const memberHtml = await (await page(`/networks/${networkId}`, await signIn(server.url, tannery.email, PASSWORD))).text();
    expect(memberHtml).toContain('name="intent" value="leave"');
    expect(memberHtml).not.toContain('value="inviteFirm"');
  });
});
