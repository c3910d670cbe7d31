import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRate, salesEntry } from "../db/schema/ledger";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { signIn, startTestServer, type TestServer } from "./server";

/** The ledger, dependence and exchange-rate pages through HTTP, as a browser without JavaScript would use them. */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

const page = (path: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) } });

const post = (path: string, cookie: string | undefined, fields: Record<string, string>) =>
  page(path, cookie, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
  });

/** The import form: multipart/form-data with the file, as the browser sends it. */
const upload = (path: string, cookie: string, csv: string | null, filename = "sales.csv") => {
  const body = new FormData();
  body.append("intent", "import");
  body.append("file", new Blob([csv ?? ""], { type: "text/csv" }), csv === null ? "" : filename);
  return page(path, cookie, { method: "POST", body, headers: { origin: server.url } });
};

const cookieOf = (user: { email: string }) => signIn(server.url, user.email, PASSWORD);
const entriesOf = (firmId: string) => server.app.deps.db.select().from(salesEntry).where(eq(salesEntry.firmId, firmId));
/** React escapes apostrophes and ampersands in text. */
const unescape = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&amp;", "&").replaceAll("&quot;", '"');

const validEntry = {
  intent: "add",
  period: "2026",
  customerFirmId: "",
  customerName: "Loja Central Ltda",
  amount: "125000.50",
  currency: "BRL",
  market: "domestic",
  channel: "direct",
  agentName: "",
  governance: "market",
};

/** An SME with a 80/10/10 ledger in 2026: 80% to a platform buyer. */
async function criticalSme(buyerName = unique("Stridewell Stores")) {
  const sme = await createFirmOwner(deps);
  const buyer = await createFirmOwner(deps, { role: "buyer", firmName: buyerName });
  await server.app.services.ledger.addEntries(sme.actor, {
    firmId: sme.firmId,
    entries: [
      { period: "2026", customerFirmId: buyer.firmId, amount: "800000", currency: "BRL", market: "export" },
      { period: "2026", customerName: "Loja Central Ltda", amount: "100000", currency: "BRL", market: "domestic" },
      { period: "2026", customerName: "Sapatos do Sul", amount: "100000", currency: "BRL", market: "domestic" },
    ],
  });
  return { sme, buyer, buyerName };
}

describe("the sales ledger page", () => {
  it("lets the SME add a sale through the form, choosing a platform buyer or typing a name", async () => {
    const sme = await createFirmOwner(deps);
    const buyerName = unique("Bergmann Einkauf");
    const buyer = await createFirmOwner(deps, { role: "buyer", firmName: buyerName });
    const cookie = await cookieOf(sme);
    const path = `/firms/${sme.firmId}/ledger`;

    const form = await page(path, cookie);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain(`<option value="${buyer.firmId}">`);
    expect(html.toLowerCase()).toContain('enctype="multipart/form-data"');
    expect(html).toContain(`href="/firms/${sme.firmId}/ledger/template.csv"`);

    const added = await post(path, cookie, validEntry);
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(path);
    const toBuyer = await post(path, cookie, {
      ...validEntry,
      period: "2026-q2",
      customerFirmId: buyer.firmId,
      customerName: "",
      amount: "80000",
      market: "export",
      channel: "agent",
      agentName: "Vale Export Agents",
      exclusivity: "on",
    });
    expect(toBuyer.status).toBe(302);

    const rows = await entriesOf(sme.firmId);
    expect(rows.map((r) => [r.period, r.customerName, r.amountMinor, r.channel, r.agentName, r.exclusivity]).sort()).toEqual(
      [
        ["2026", "Loja Central Ltda", 12_500_050, "direct", null, false],
        ["2026-Q2", buyerName, 8_000_000, "agent", "Vale Export Agents", true],
      ].sort(),
    );
    expect(rows.find((r) => r.period === "2026-Q2")!.customerFirmId).toBe(buyer.firmId);

    const listed = unescape(await (await page(path, cookie)).text());
    expect(listed).toContain("Loja Central Ltda");
    expect(listed).toContain("R$125,000.50");
    expect(listed).toContain("Through an agent: Vale Export Agents");

    // Deleting a line.
    const id = rows.find((r) => r.period === "2026")!.id;
    expect((await post(path, cookie, { intent: "delete", entryId: id })).status).toBe(302);
    expect((await entriesOf(sme.firmId)).map((r) => r.period)).toEqual(["2026-Q2"]);
  });

  it("answers an invalid sale with 400 and messages at the fields, writing nothing", async () => {
    const sme = await createFirmOwner(deps);
    const cookie = await cookieOf(sme);
    const path = `/firms/${sme.firmId}/ledger`;
    const res = await post(path, cookie, { ...validEntry, period: "26", customerName: "", amount: "", channel: "agent", agentName: "" });
    expect(res.status).toBe(400);
    const html = unescape(await res.text());
    expect(html).toContain("A year (2026) or a quarter (2026-Q3)");
    expect(html).toContain("Required");

    const noCustomer = unescape(await (await post(path, cookie, { ...validEntry, customerName: "" })).text());
    expect(noCustomer).toContain("Name the customer or choose a buyer on Jointly");
    const noAgent = unescape(await (await post(path, cookie, { ...validEntry, channel: "agent" })).text());
    expect(noAgent).toContain("Name the agent for sales through an agent");

    // The service's own check (decimals of the currency) lands on the amount field too.
    const decimals = await post(path, cookie, { ...validEntry, amount: "10.505" });
    expect(decimals.status).toBe(400);
    const decimalsHtml = unescape(await decimals.text());
    expect(decimalsHtml).toContain("A positive amount with at most 2 decimals in BRL");
    expect(decimalsHtml).toMatch(/id="add-entry-amount-error"/);
    expect(await entriesOf(sme.firmId)).toEqual([]);

    // In the user's language.
    await server.app.services.accounts.setLocale(sme.actor, { locale: "pt-BR" });
    const pt = await post(path, cookie, { ...validEntry, period: "soon", customerName: "" });
    expect(pt.status).toBe(400);
    const ptHtml = unescape(await pt.text());
    expect(ptHtml).toContain("Um ano (2026) ou um trimestre (2026-Q3)");
    expect(ptHtml).toContain("Adicionar ao registro");
    expect(await entriesOf(sme.firmId)).toEqual([]);
  });

  it("imports a CSV file all or nothing, listing bad rows as Line N, column: message", async () => {
    const sme = await createFirmOwner(deps);
    const cookie = await cookieOf(sme);
    const path = `/firms/${sme.firmId}/ledger`;

    const template = await page(`${path}/template.csv`, cookie);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-type")).toContain("text/csv");
    expect(template.headers.get("content-disposition")).toBe('attachment; filename="sales-ledger-template.csv"');
    const templateCsv = await template.text();
    expect(templateCsv.split("\n")[0]).toBe("period,customer,customer_firm_id,amount,currency,market,channel,agent,governance,exclusivity");
    expect((await page(`${path}/template.csv`)).status).toBe(302);

    const bad = [
      "period,customer,amount,currency,market,channel,agent",
      "2026,Loja Central Ltda,1000.00,BRL,domestic,direct,",
      "2026,Loja Norte,lots,BRL,domestic,direct,",
      "2026,Loja Sul,500,BRL,domestic,agent,",
      "2026-Q5,Loja Oeste,500,BRL,abroad,direct,",
    ].join("\n");
    const rejected = await upload(path, cookie, bad);
    expect(rejected.status).toBe(400);
    const html = unescape(await rejected.text());
    expect(html).toContain("The file was not imported");
    expect(html).toContain("Line 3, amount: Must be a positive amount such as 125000.00");
    expect(html).toContain("Line 4, agent: Name the agent for sales through an agent");
    expect(html).toContain("Line 5, market:");
    expect(html).toContain("Line 5, period:");
    expect(html).not.toContain("Line 2,");
    expect(await entriesOf(sme.firmId)).toEqual([]);

    const noFile = await upload(path, cookie, null);
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain("Choose a CSV file to import.");
    const tooLarge = await upload(path, cookie, `period,customer,amount,currency,market\n${"2026,Loja,1,BRL,domestic\n".repeat(90_000)}`);
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("The file is larger than 2 MB.");
    const missingColumns = await upload(path, cookie, "period,customer\n2026,Loja\n");
    expect(missingColumns.status).toBe(400);
    expect(await missingColumns.text()).toContain("Missing columns: amount, currency, market");
    expect(await entriesOf(sme.firmId)).toEqual([]);

    const imported = await upload(path, cookie, templateCsv);
    expect(imported.status).toBe(302);
    expect(imported.headers.get("location")).toBe(path);
    expect((await entriesOf(sme.firmId)).map((r) => [r.period, r.customerName, r.amountMinor]).sort()).toEqual(
      [
        ["2026", "Stridewell Stores", 125_000_000],
        ["2026-Q1", "Loja Central Ltda", 8_400_050],
      ].sort(),
    );
  });

  it("links the ledger and the dependence panel from the SME's own firm page, not from a buyer's", async () => {
    const sme = await createFirmOwner(deps);
    const html = await (await page("/firm", await cookieOf(sme))).text();
    expect(html).toContain(`href="/firms/${sme.firmId}/ledger"`);
    expect(html).toContain(`href="/firms/${sme.firmId}/dependence"`);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const buyerHtml = await (await page("/firm", await cookieOf(buyer))).text();
    expect(buyerHtml).not.toContain("/ledger");
  });
});

describe("the dependence panel", () => {
  it("shows an 80/10/10 ledger as critical, with the figures, the explanation and the chart", async () => {
    const { sme, buyerName } = await criticalSme();
    const res = await page(`/firms/${sme.firmId}/dependence`, await cookieOf(sme));
    expect(res.status).toBe(200);
    const html = unescape(await res.text());
    expect(html).toMatch(/data-level="critical"[^>]*>.*Critical/);
    expect(html).toContain("more than half of your income depends on one buyer");
    expect(html).toContain("Sinos Valley");
    expect(html).toContain("Make diversification a priority");
    expect(html).toMatch(/data-testid="top-share">80%/);
    expect(html).toMatch(/data-testid="hhi">6,600/);
    expect(html).toContain("Highly concentrated");
    expect(html).toContain("notable from 10%, warning from 25%, critical from 50%");
    // The chart: an SVG with a title and a description, a legend and the same data as a table.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain('<title id="chart-title">');
    expect(html).toContain(buyerName);
    expect(html).toMatch(/<table data-testid="chart-table">[\s\S]*<th scope="row">2026<\/th><td class="num">80%<\/td>/);
  });

  it("reports a missing exchange rate per period, flags sales through agents and shows the trend", async () => {
    const sme = await createFirmOwner(deps);
    const cookie = await cookieOf(sme);
    await server.app.services.ledger.addEntries(sme.actor, {
      firmId: sme.firmId,
      entries: [
        { period: "2017", customerName: "Loja A", amount: "500", currency: "BRL", market: "domestic" },
        { period: "2017", customerName: "Loja B", amount: "500", currency: "BRL", market: "domestic" },
        { period: "2018", customerName: "Loja A", amount: "300", currency: "BRL", market: "domestic" },
        {
          period: "2018",
          customerName: "Mall Store",
          amount: "700",
          currency: "BRL",
          market: "export",
          channel: "agent",
          agentName: "Porto Agents",
        },
        { period: "2018", customerName: "Zurich Shoes", amount: "100", currency: "CHF", market: "export" },
      ],
    });
    let html = unescape(await (await page(`/firms/${sme.firmId}/dependence`, cookie)).text());
    expect(html).toContain("No rate for CHF in 2018 (figures are in BRL): ask an administrator.");
    // The latest period with figures is 2017 until the rate exists.
    expect(html).toContain("Period 2017");

    const admin = await createUserWithRole(deps, "admin");
    // Recorded the other way round (1 BRL = 0.5 CHF): the inverse applies.
    await server.app.services.ledger.setExchangeRate(admin.actor, {
      currency: "BRL",
      baseCurrency: "CHF",
      rate: "0.5",
      validFrom: "2018-01-01",
    });
    html = unescape(await (await page(`/firms/${sme.firmId}/dependence`, cookie)).text());
    expect(html).not.toContain("No rate for CHF");
    expect(html).toContain("Period 2018");
    // 700 of 1,200 through the agent: 58.33%, counted against the agent and flagged.
    expect(html).toContain("Porto Agents: 58.33% of sales (end customers: Mall Store)");
    expect(html).toMatch(
      /class="trend trend-rising">Rising\.<\/span> (<!-- -->)?From 2017 to 2018 the top buyer's share changed by \+8\.33 percentage points/,
    );
  });

  it("says so when there are no sales yet", async () => {
    const sme = await createFirmOwner(deps);
    const html = await (await page(`/firms/${sme.firmId}/dependence`, await cookieOf(sme))).text();
    expect(html).toContain("No sales recorded yet: add them to the sales ledger to see the figures.");
  });
});

describe("confidentiality of the ledger pages", () => {
  it("answers 404 to buyers (even the customer), other SMEs and other brokers, on both pages and their forms", async () => {
    const { sme, buyer } = await criticalSme();
    const outsider = await createFirmOwner(deps);
    const otherBroker = (await networkWithMembers(deps, 0)).broker;
    const before = (await entriesOf(sme.firmId)).length;
    for (const user of [buyer, outsider, otherBroker]) {
      const cookie = await cookieOf(user);
      for (const path of [`/firms/${sme.firmId}/ledger`, `/firms/${sme.firmId}/dependence`]) {
        const res = await page(path, cookie);
        expect(res.status, `${user.email} ${path}`).toBe(404);
        const html = await res.text();
        expect(html).not.toContain("Loja Central Ltda");
        expect(html).toContain("Not found");
      }
      expect((await post(`/firms/${sme.firmId}/ledger`, cookie, validEntry)).status).toBe(404);
      expect(
        (await upload(`/firms/${sme.firmId}/ledger`, cookie, "period,customer,amount,currency,market\n2026,X,1,BRL,domestic\n")).status,
      ).toBe(404);
      const [entry] = await entriesOf(sme.firmId);
      expect((await post(`/firms/${sme.firmId}/ledger`, cookie, { intent: "delete", entryId: entry.id })).status).toBe(404);
    }
    expect((await entriesOf(sme.firmId)).length).toBe(before);
    expect((await page(`/firms/not-an-id/ledger`, await cookieOf(sme))).status).toBe(404);
    expect((await page(`/firms/${sme.firmId}/dependence`)).status).toBe(302);
  });
});

describe("the network's dependence page", () => {
  it("shows the brokers their members by risk and the systemic buyer with the members depending on it", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const [critical, diversified, silent] = smes;
    const buyer = await createFirmOwner(deps, { role: "buyer", firmName: unique("US Retail Chain") });
    await server.app.services.ledger.addEntries(critical.actor, {
      firmId: critical.firmId,
      entries: [
        { period: "2029", customerFirmId: buyer.firmId, amount: "850000", currency: "BRL", market: "export" },
        { period: "2029", customerName: "Loja Gaúcha", amount: "150000", currency: "BRL", market: "domestic" },
      ],
    });
    await server.app.services.ledger.addEntries(diversified.actor, {
      firmId: diversified.firmId,
      entries: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
        period: "2029",
        customerName: `Cliente ${n}`,
        amount: "100000",
        currency: "BRL",
        market: "domestic",
      })),
    });

    const cookie = await cookieOf(broker);
    const network = await (await page(`/networks/${networkId}`, cookie)).text();
    expect(network).toContain(`href="/networks/${networkId}/dependence"`);
    expect(network).toContain(`href="/firms/${critical.firmId}/dependence"`);

    const res = await page(`/networks/${networkId}/dependence?period=2029`, cookie);
    expect(res.status).toBe(200);
    const html = unescape(await res.text());
    const members = html.match(/data-testid="members-by-risk"[\s\S]*?<\/table>/)![0];
    expect(members.indexOf(`/firms/${critical.firmId}/dependence`)).toBeLessThan(
      members.indexOf(`/firms/${diversified.firmId}/dependence`),
    );
    expect(members).toMatch(/data-level="critical"/);
    const systemic = html.match(/data-testid="systemic-buyers"[\s\S]*?<\/section>/)![0];
    expect(systemic).toContain("US Retail Chain");
    // 850,000 of 1,800,000 (47.22%) comes from one member: systemic, but the combined figure
    // is that member's own, so it is withheld with the reason.
    expect(systemic).not.toContain("47.22%");
    expect(systemic).not.toContain("850,000");
    expect(systemic).toContain("Systemic: at least 20% of the network's combined sales.");
    expect(systemic).toContain("Its combined figure is withheld: only 1 member sells to it, and combined figures need at least 5.");
    expect(systemic).toContain("1 member sells to this buyer:");
    const portuguese = unescape(
      await (await page(`/networks/${networkId}/dependence?period=2029`, cookie, { headers: { "accept-language": "pt-BR" } })).text(),
    );
    expect(portuguese).toContain("O número somado não aparece: só 1 membro vende a ele");
    expect(systemic).toContain(`href="/firms/${critical.firmId}/dependence"`);
    expect(systemic).toContain("85% of its sales");
    expect(html).toContain("No sales recorded for this period:");
    expect(html).toContain('<select id="period-select" name="period"');
    expect(silent.firmId).not.toBe(critical.firmId);

    // A member is refused; an SME or broker from elsewhere is told it does not exist.
    expect((await page(`/networks/${networkId}/dependence`, await cookieOf(critical))).status).toBe(403);
    expect((await page(`/networks/${networkId}/dependence`, await cookieOf(buyer))).status).toBe(404);
    const otherBroker = (await networkWithMembers(deps, 0)).broker;
    expect((await page(`/networks/${networkId}/dependence`, await cookieOf(otherBroker))).status).toBe(404);
  });
});

describe("the exchange-rates page", () => {
  it("lets an admin record a rate and lists it; refuses invalid ones and non-admins", async () => {
    const admin = await createUserWithRole(deps, "admin");
    const cookie = await cookieOf(admin);
    const home = await (await page("/home", cookie)).text();
    expect(home).toContain('href="/admin/exchange-rates"');
    const before = (await server.app.deps.db.select().from(exchangeRate)).length;
    const same = await post("/admin/exchange-rates", cookie, { currency: "EUR", baseCurrency: "EUR", rate: "1", validFrom: "2026-01-01" });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain("Choose two different currencies");
    const invalid = await post("/admin/exchange-rates", cookie, { currency: "", baseCurrency: "BRL", rate: "abc", validFrom: "" });
    expect(invalid.status).toBe(400);
    expect((await server.app.deps.db.select().from(exchangeRate)).length).toBe(before);

    const saved = await post("/admin/exchange-rates", cookie, {
      currency: "EUR",
      baseCurrency: "BRL",
      rate: "6.125",
      validFrom: "2026-01-01",
    });
    expect(saved.status).toBe(302);
    const html = await (await page("/admin/exchange-rates", cookie)).text();
    expect(html).toContain("1 EUR = 6.125 BRL");
    expect(html).toContain("Jan 1, 2026");

    const sme = await createFirmOwner(deps);
    expect((await page("/admin/exchange-rates", await cookieOf(sme))).status).toBe(403);
    expect(
      (
        await post("/admin/exchange-rates", await cookieOf(sme), {
          currency: "EUR",
          baseCurrency: "BRL",
          rate: "6",
          validFrom: "2026-01-02",
        })
      ).status,
    ).toBe(403);
  });
});

describe("the firm's own page", () => {
  it("shows the dependence headline figures with a link to the full panel", async () => {
    const { addSalesEntries } = await import("../server/services/ledger/add-sales-entries");
    const sme = await createFirmOwner(deps);
    await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [
        { period: "2026", customerName: "Big Buyer Ltd", amount: "800", currency: "BRL", market: "export" },
        { period: "2026", customerName: "Small Shop", amount: "200", currency: "BRL", market: "domestic" },
      ],
    });
    const cookie = await signIn(server.url, sme.email, PASSWORD);
    const html = await (await fetch(`${server.url}/firm`, { headers: { cookie } })).text();
    expect(html).toContain("Dependence on buyers");
    expect(html).toContain("Big Buyer Ltd");
    expect(html).toContain("6,800");
    expect(html).toContain(`/firms/${sme.firmId}/dependence`);
  });
});
