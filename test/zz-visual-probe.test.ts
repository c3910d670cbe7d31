import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { startTestServer, type TestServer } from "./server";

let server: TestServer;
beforeAll(async () => { server = await startTestServer({ pages: true }); });
afterAll(async () => { await server.close(); });

it("probe", async () => {
  const deps = makeDeps(server.app.deps.db);
  const s = server.app.services;
  const broker = await createUserWithRole(deps, "broker");
  const { id: networkId } = await s.networks.create(broker.actor, { name: "Sinos Valley footwear", sector: "1520", currency: "BRL", region: "Rio Grande do Sul", description: "Shoe makers, tanneries and component suppliers of the Sinos Valley." });
  const firms = [];
  for (const [name, link, tier] of [["Curtume Sinos", "processing", 2], ["Curtume Novo Hamburgo", "processing", 2], ["Calçados Bella", "assembly", 1], ["Componentes RS", "components", 3], ["Design Sul", "design", 1]] as const) {
    const f = await createFirmOwner(deps, { firmName: name, link, tier });
    firms.push(f);
  }
  for (const f of firms.slice(0, 4)) {
    await s.networks.invite(broker.actor, { networkId, firmId: f.firmId });
    await s.networks.respondToInvitation(f.actor, { networkId, decision: "accept", consent: true });
  }
  const applicant = firms[4];
  await s.networks.apply(applicant.actor, { networkId, consent: true });
  const other = await createFirmOwner(deps, { firmName: "Outra Fabrica" });
  await s.networks.invite(broker.actor, { networkId, firmId: other.firmId });
  await s.networks.invite(broker.actor, { networkId, email: "someone@example.com" });
  await s.networks.create(broker.actor, { name: "Second network", sector: "1511", currency: "BRL" });

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  async function visit(email: string, paths: string[], tag: string, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport, baseURL: server.url });
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${tag}: ${m.text()}`); });
    if (email) {
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/home/);
    }
    for (const path of paths) {
      await page.goto(path);
      await page.waitForTimeout(300);
      const res = await new AxeBuilder({ page }).analyze();
      for (const v of res.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) problems.push(`${tag} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(",")}`);
      await page.screenshot({ path: `/tmp/shots/${tag}-${path.replace(/[^a-z0-9]/gi, "_").slice(0, 40)}.png`, fullPage: true });
    }
    await context.close();
  }
  await visit(broker.email, ["/networks", `/networks/${networkId}`, "/networks/new", `/networks/${networkId}/edit`], "broker");
  await visit(broker.email, [`/networks/${networkId}`], "broker-phone", { width: 390, height: 844 });
  await visit(other.email, ["/networks"], "sme-invited");
  await visit(firms[0].email, [`/networks/${networkId}`], "sme-member");
  const { emailInvitations } = await s.networks.get(broker.actor, { networkId });
  await visit("", [`/invitations/${emailInvitations[0].token}`], "anon");
  await browser.close();
  console.log(problems.join("\n"), "\nCONSOLE:", consoleErrors.join("\n"));
}, 120_000);
