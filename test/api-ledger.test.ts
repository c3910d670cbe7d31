import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRate, salesEntry } from "../db/schema/ledger";
import { expectDocumented, failure, openApiOf } from "./answers";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { api, signIn, startTestServer, type TestServer } from "./server";

/** The sales ledger, dependence figures and exchange rates over /api/v1. */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer();
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

type Client = ReturnType<typeof client>;

const client = (cookie?: string) => api(server.url, cookie);

const signedIn = async (email: string): Promise<Client> => client(await signIn(server.url, email, PASSWORD));

const line = (overrides: Record<string, unknown> = {}) => ({
  period: "2026",
  customerName: "Outside Customer Ltd",
  amount: "100000.00",
  currency: "BRL",
  market: "domestic",
  ...overrides,
});

/** Field names that would betray a ledger or a dependence figure. */
const CONFIDENTIAL_KEYS = [
  "sales",
  "entries",
  "ledger",
  "dependence",
  "figures",
  "measure",
  "shares",
  "topShareBp",
  "shareBp",
  "hhi",
  "level",
  "amountMinor",
  "turnover",
];
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

const rowsOf = async (firmId: string) => server.app.deps.db.select().from(salesEntry).where(eq(salesEntry.firmId, firmId));

/** A network whose first member sells 80/10/10 (one platform buyer and two outside customers). */
async function scene() {
  const { broker, networkId, smes } = await networkWithMembers(deps, 2);
  const [sme, peer] = smes;
  const buyer = await createFirmOwner(deps, { role: "buyer", firmName: unique("Stridewell Stores") });
  const secret = unique("Loja Segredo");
  const outsider = await createFirmOwner(deps);
  const otherBroker = await networkWithMembers(deps, 0);
  const admin = await createUserWithRole(deps, "admin");
  return {
    networkId,
    secret,
    sme: { ...sme, client: await signedIn(sme.email) },
    peer: { ...peer, client: await signedIn(peer.email) },
    buyer: { ...buyer, client: await signedIn(buyer.email) },
    outsider: { ...outsider, client: await signedIn(outsider.email) },
    broker: { ...broker, client: await signedIn(broker.email) },
    otherBroker: { ...otherBroker.broker, client: await signedIn(otherBroker.broker.email) },
    admin: { ...admin, client: await signedIn(admin.email) },
    anonymous: client(),
  };
}

describe("/api/v1 sales ledger and dependence", () => {
  it("adds, lists, imports and deletes ledger lines, and computes the figures (80/10/10 = HHI 6,600, critical)", async () => {
    const s = await scene();
    const path = `/firms/${s.sme.firmId}`;
    const added = await s.sme.client.post(`${path}/sales`, {
      entries: [
        line({
          customerFirmId: s.buyer.firmId,
          customerName: "",
          amount: "800000.00",
          market: "export",
          governance: "quasi_hierarchy",
          exclusivity: true,
        }),
        line({ customerName: s.secret }),
        line({ customerName: "Calçados Gaúcho", channel: "agent", agentName: "Vale Export Agents" }),
      ],
    });
    expect(added.status).toBe(201);
    const addedLines = expectDocumented("addSalesEntries", added.body);
    expect(addedLines).toMatchObject({ firmId: s.sme.firmId, added: 3 });
    expect(addedLines.ids).toHaveLength(3);

    const listed = await s.sme.client.get(`${path}/sales`);
    expect(listed.status).toBe(200);
    const { entries } = expectDocumented("listSalesEntries", listed.body);
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.customerFirmId === s.buyer.firmId)).toMatchObject({
      amountMinor: 80_000_000,
      market: "export",
      governance: "quasi_hierarchy",
      exclusivity: true,
    });
    const onePeriod = await s.sme.client.get(`${path}/sales?period=2025`);
    expect(expectDocumented("listSalesEntries", onePeriod.body).entries).toEqual([]);

    const figures = await s.sme.client.get(`${path}/dependence`);
    expect(figures.status).toBe(200);
    const { latest } = expectDocumented("getFirmDependence", figures.body);
    expect(latest).toMatchObject({ period: "2026", level: "critical", hhiLevel: "high" });
    expect(latest?.measure).toMatchObject({ topShareBp: 8000, top3ShareBp: 10_000, hhi: 6600, buyers: 3 });
    expect(latest?.measure.shares.find((x) => x.viaAgent)).toMatchObject({
      name: "Vale Export Agents",
      endCustomers: ["Calçados Gaúcho"],
    });

    // The network's brokers and admins read and write it too.
    expectDocumented("getFirmDependence", (await s.broker.client.get(`${path}/dependence`)).body);
    expect(expectDocumented("listSalesEntries", (await s.broker.client.get(`${path}/sales`)).body).entries).toHaveLength(3);
    expect((await s.admin.client.get(`${path}/sales`)).status).toBe(200);
    const byBroker = await s.broker.client.post(`${path}/sales`, { entries: [line({ period: "2025" })] });
    expect(byBroker.status).toBe(201);
    const [byBrokerId] = expectDocumented("addSalesEntries", byBroker.body).ids;

    const imported = await s.sme.client.post(`${path}/sales/import`, {
      csv: "period,customer,amount,currency,market\n2024,Loja A,1000.00,BRL,domestic\n2024-Q2,Loja B,2000,BRL,export\n",
    });
    expect(imported.status).toBe(201);
    expect(expectDocumented("importSalesCsv", imported.body)).toEqual({ firmId: s.sme.firmId, imported: 2 });
    expect(await rowsOf(s.sme.firmId)).toHaveLength(6);

    const deleted = await s.sme.client.delete(`${path}/sales/${byBrokerId}`);
    expect(deleted.status).toBe(200);
    expect(expectDocumented("deleteSalesEntry", deleted.body)).toEqual({ id: byBrokerId });
    const deletedAgain = await s.sme.client.delete(`${path}/sales/${byBrokerId}`);
    expect(deletedAgain.status).toBe(404);
    expect(failure(deletedAgain).code).toBe("not_found");
    expect(await rowsOf(s.sme.firmId)).toHaveLength(5);

    // The broker's view of the network: the buyer is systemic, with the member depending on it.
    const peerSales = await s.peer.client.post(`/firms/${s.peer.firmId}/sales`, {
      entries: [1, 2, 3, 4, 5].map((n) => line({ customerName: `Loja ${n}`, amount: "100000.00" })),
    });
    expect(peerSales.status).toBe(201);
    const network = await s.broker.client.get(`/networks/${s.networkId}/dependence?period=2026`);
    expect(network.status).toBe(200);
    const networkFigures = expectDocumented("getNetworkDependence", network.body);
    expect(networkFigures.period).toBe("2026");
    expect(networkFigures.members.map((m) => m.firmId)).toEqual([s.sme.firmId, s.peer.firmId]);
    expect(networkFigures.members[0]).toMatchObject({ level: "critical", topShareBp: 8000 });
    // One member sells to it: systemic, its combined figure (that member's own) withheld.
    expect(networkFigures.systemicBuyers[0]).toMatchObject({
      key: s.buyer.firmId,
      contributors: 1,
      amountMinor: null,
      shareBp: null,
      withheld: "too_few",
    });
    expect(networkFigures.disclosure).toEqual({ minContributors: 5 });
    expect(networkFigures.systemicBuyers[0].members).toEqual([expect.objectContaining({ firmId: s.sme.firmId, shareBp: 8000 })]);
    expectDocumented("getNetworkDependence", (await s.admin.client.get(`/networks/${s.networkId}/dependence`)).body);
  });

  it("never shows a ledger or a dependence figure to buyers, other SMEs or other brokers: 404, and 401 anonymously", async () => {
    const s = await scene();
    const path = `/firms/${s.sme.firmId}`;
    const added = await s.sme.client.post(`${path}/sales`, {
      entries: [line({ customerFirmId: s.buyer.firmId, customerName: "", amount: "800000.00" }), line({ customerName: s.secret })],
    });
    expect(added.status).toBe(201);
    const [entryId] = expectDocumented("addSalesEntries", added.body).ids;
    const csv = "period,customer,amount,currency,market\n2026,Loja A,1000.00,BRL,domestic\n";

    for (const [who, c] of [
      ["buyer", s.buyer.client],
      ["other SME", s.outsider.client],
      ["fellow member", s.peer.client],
      ["other broker", s.otherBroker.client],
    ] as const) {
      for (const res of [
        await c.get(`${path}/sales`),
        await c.get(`${path}/dependence`),
        await c.post(`${path}/sales`, { entries: [line()] }),
        await c.post(`${path}/sales/import`, { csv }),
        await c.delete(`${path}/sales/${entryId}`),
      ]) {
        expect(res.status, who).toBe(404);
        expect(failure(res).code, who).toBe("not_found");
        expect(JSON.stringify(res.body)).not.toContain(s.secret);
      }
    }
    expect(await rowsOf(s.sme.firmId)).toHaveLength(2);

    // A buyer's view of the firm and of the directory carries no ledger or dependence field.
    const publicView = await s.buyer.client.get(path);
    expect(publicView.status).toBe(200);
    const firmView = expectDocumented("getFirm", publicView.body);
    expect(firmView.visibility).toBe("public");
    const directory = expectDocumented("searchFirms", (await s.buyer.client.get("/firms?kind=sme&pageSize=100")).body);
    expect(directory.items.map((f) => f.id)).toContain(s.sme.firmId);
    for (const body of [firmView, directory]) {
      expect(JSON.stringify(body)).not.toContain(s.secret);
      expect(keysOf(body).filter((k) => CONFIDENTIAL_KEYS.includes(k))).toEqual([]);
    }

    // The network view: only its brokers and admins; members are refused, others told it does not exist.
    expect((await s.buyer.client.get(`/networks/${s.networkId}/dependence`)).status).toBe(404);
    expect((await s.outsider.client.get(`/networks/${s.networkId}/dependence`)).status).toBe(404);
    expect((await s.otherBroker.client.get(`/networks/${s.networkId}/dependence`)).status).toBe(404);
    expect((await s.peer.client.get(`/networks/${s.networkId}/dependence`)).status).toBe(403);

    for (const res of [
      await s.anonymous.get(`${path}/sales`),
      await s.anonymous.get(`${path}/dependence`),
      await s.anonymous.post(`${path}/sales`, { entries: [line()] }),
      await s.anonymous.post(`${path}/sales/import`, { csv }),
      await s.anonymous.delete(`${path}/sales/${entryId}`),
      await s.anonymous.get(`/networks/${s.networkId}/dependence`),
      await s.anonymous.get("/exchange-rates"),
      await s.anonymous.put("/exchange-rates", { currency: "USD", baseCurrency: "BRL", rate: "5", validFrom: "2026-01-01" }),
    ]) {
      expect(res.status).toBe(401);
      expect(failure(res).code).toBe("unauthenticated");
    }
  });

  it("answers invalid input with 400 and the fields, writing nothing", async () => {
    const s = await scene();
    const path = `/firms/${s.sme.firmId}`;

    const invalid = await s.sme.client.post(`${path}/sales`, {
      entries: [line(), line({ period: "26", channel: "agent" }), line({ market: "moon" }), line({ customerName: "" })],
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(failure(invalid).fields ?? {}).sort()).toEqual(
      ["entries.1.agentName", "entries.1.period", "entries.2.market", "entries.3.customerName"].sort(),
    );
    const badAmount = await s.sme.client.post(`${path}/sales`, {
      entries: [line(), line({ amount: "1.001" }), line({ customerFirmId: s.outsider.firmId, customerName: "" })],
    });
    expect(badAmount.status).toBe(400);
    expect(Object.keys(failure(badAmount).fields ?? {}).sort()).toEqual(["entries.1.amount", "entries.2.customerFirmId"]);
    expect(failure(await s.sme.client.post(`${path}/sales`, { entries: [] })).fields).toHaveProperty("entries");
    expect((await s.sme.client.post(`${path}/sales`, {})).status).toBe(400);
    expect(failure(await s.sme.client.get(`${path}/sales?period=someday`)).fields).toHaveProperty("period");

    const badFile = await s.sme.client.post(`${path}/sales/import`, {
      csv: "period,customer,amount,currency,market\n2026,Loja A,1000.00,BRL,domestic\n2026,Loja B,lots,BRL,domestic\n2026,,5,XXX,export\n",
    });
    expect(badFile.status).toBe(400);
    expect(Object.keys(failure(badFile).fields ?? {}).sort()).toEqual(["rows.3.amount", "rows.4.currency", "rows.4.customerName"]);
    const missingColumns = await s.sme.client.post(`${path}/sales/import`, { csv: "period,customer\n2026,Loja A\n" });
    expect(missingColumns.status).toBe(400);
    expect(failure(missingColumns).fields?.csv[0]).toContain("amount, currency, market");
    expect(failure(await s.sme.client.post(`${path}/sales/import`, { csv: "" })).fields).toHaveProperty("csv");
    expect((await s.sme.client.post(`${path}/sales/import`, {})).status).toBe(400);
    expect(await rowsOf(s.sme.firmId)).toHaveLength(0);

    expect((await s.sme.client.delete(`${path}/sales/not-an-id`)).status).toBe(400);
    expect(failure(await s.broker.client.get(`/networks/${s.networkId}/dependence?period=later`)).fields).toHaveProperty("period");
  });
});

describe("/api/v1 exchange rates", () => {
  it("lets admins record rates, validated, and lists them to admins, brokers and SMEs", async () => {
    const s = await scene();
    const before = (await server.app.deps.db.select().from(exchangeRate)).length;
    const invalid = await s.admin.client.put("/exchange-rates", { currency: "XYZ", baseCurrency: "BRL", rate: "-1", validFrom: "soon" });
    expect(invalid.status).toBe(400);
    expect(Object.keys(failure(invalid).fields ?? {}).sort()).toEqual(["currency", "rate", "validFrom"]);
    const same = await s.admin.client.put("/exchange-rates", { currency: "BRL", baseCurrency: "BRL", rate: "1", validFrom: "2026-01-01" });
    expect(same.status).toBe(400);
    expect(Object.keys(failure(same).fields ?? {})).toEqual(["baseCurrency"]);
    const zeroRate = await s.admin.client.put("/exchange-rates", {
      currency: "USD",
      baseCurrency: "BRL",
      rate: "0",
      validFrom: "2026-01-01",
    });
    expect(failure(zeroRate).fields).toHaveProperty("rate");
    expect(
      (await s.broker.client.put("/exchange-rates", { currency: "USD", baseCurrency: "BRL", rate: "5", validFrom: "2026-01-01" })).status,
    ).toBe(403);
    expect(
      (await s.sme.client.put("/exchange-rates", { currency: "USD", baseCurrency: "BRL", rate: "5", validFrom: "2026-01-01" })).status,
    ).toBe(403);
    expect((await server.app.deps.db.select().from(exchangeRate)).length).toBe(before);

    // A sale in dollars has no figure until the rate exists; then it converts.
    const path = `/firms/${s.sme.firmId}`;
    await s.sme.client.post(`${path}/sales`, {
      entries: [
        line({ period: "2019", amount: "600.00" }),
        line({ period: "2019", customerName: "US Importer", currency: "USD", amount: "100.00" }),
      ],
    });
    const withoutRate = expectDocumented("getFirmDependence", (await s.sme.client.get(`${path}/dependence`)).body);
    expect(withoutRate.periods.find((p) => p.period === "2019")).toMatchObject({
      measure: null,
      missingRates: ["USD"],
    });

    const saved = await s.admin.client.put("/exchange-rates", {
      currency: "USD",
      baseCurrency: "BRL",
      rate: "4,00",
      validFrom: "2019-01-01",
    });
    expect(saved.status).toBe(200);
    expect(expectDocumented("setExchangeRate", saved.body)).toEqual({
      currency: "USD",
      baseCurrency: "BRL",
      rate: "4.00",
      validFrom: "2019-01-01",
      setBy: s.admin.id,
    });
    const withRate = expectDocumented("getFirmDependence", (await s.sme.client.get(`${path}/dependence`)).body);
    expect(withRate.periods.find((p) => p.period === "2019")?.measure).toMatchObject({
      totalMinor: 100_000,
      topShareBp: 6000,
    });

    for (const c of [s.admin.client, s.broker.client, s.sme.client]) {
      const listed = await c.get("/exchange-rates");
      expect(listed.status).toBe(200);
      expect(expectDocumented("listExchangeRates", listed.body).rates).toContainEqual(
        expect.objectContaining({ currency: "USD", baseCurrency: "BRL", rate: "4", validFrom: "2019-01-01", setByName: "Test admin" }),
      );
    }
    expect((await s.buyer.client.get("/exchange-rates")).status).toBe(403);
  });
});

describe("OpenAPI document for the ledger", () => {
  it("lists the ledger, dependence and exchange-rate operations", async () => {
    const { operationIds: ids, operation, bodyFields, paramsOf } = await openApiOf(server.url);
    for (const id of [
      "addSalesEntries",
      "listSalesEntries",
      "deleteSalesEntry",
      "importSalesCsv",
      "getFirmDependence",
      "getNetworkDependence",
      "setExchangeRate",
      "listExchangeRates",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(bodyFields("/firms/{firmId}/sales", "post")).toEqual(["entries"]);
    expect(operation("/firms/{firmId}/sales", "post").responses).toHaveProperty("201");
    expect(paramsOf("/networks/{networkId}/dependence", "get")).toEqual(["path:networkId", "query:period"]);
  });
});
