import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notification } from "../db/schema/notifications";
import { addSalesEntries } from "../server/services/ledger/add-sales-entries";
import { getFirmDependence } from "../server/services/ledger/get-firm-dependence";
import { getNetworkDependence } from "../server/services/ledger/get-network-dependence";
import { setExchangeRate } from "../server/services/ledger/set-exchange-rate";
import { updateNetwork } from "../server/services/networks/update-network";
import { createTestDatabase, type TestDatabase } from "./db";
import { createFirmOwner, createUserWithRole, makeDeps, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const sale = (customerName: string, amount: string, extra: Record<string, unknown> = {}) => ({
  period: "2026",
  customerName,
  amount,
  currency: "BRL",
  market: "export",
  ...extra,
});

describe("firm dependence", () => {
  it("measures 80/10/10 as HHI 6,600 and critical, and notifies the crossing once", async () => {
    const { broker, smes } = await networkWithMembers(deps, 1);
    const sme = smes[0];
    await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [sale("Stride", "800"), sale("Schuh", "100"), sale("Casa", "100")],
    });
    const figures = await getFirmDependence(deps, sme.actor, { firmId: sme.firmId });
    expect(figures.latest).toMatchObject({
      period: "2026",
      level: "critical",
      hhiLevel: "high",
      measure: { topShareBp: 8000, top3ShareBp: 10000, hhi: 6600, buyers: 3, topBuyer: { name: "Stride" } },
    });
    const notes = async (userId: string) =>
      (await database.db.select().from(notification).where(eq(notification.userId, userId))).filter((n) =>
        n.type.startsWith("dependence_"),
      );
    expect((await notes(sme.userId)).map((n) => n.type)).toEqual(["dependence_critical"]);
    expect((await notes(broker.id)).map((n) => n.type)).toEqual(["dependence_critical"]);
    // Another edit that keeps it critical does not notify again.
    await addSalesEntries(deps, sme.actor, { firmId: sme.firmId, entries: [sale("Stride", "50")] });
    expect((await notes(sme.userId)).map((n) => n.type)).toEqual(["dependence_critical"]);
  });

  it("shows the trend over periods and counts sales through an agent against the agent", async () => {
    const sme = await createFirmOwner(deps);
    await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [
        sale("Alpha", "500", { period: "2025" }),
        sale("Beta", "500", { period: "2025" }),
        sale("Alpha", "300", { period: "2026", channel: "agent", agentName: "Vale Agents" }),
        sale("Gamma", "300", { period: "2026", channel: "agent", agentName: "Vale Agents" }),
        sale("Beta", "400", { period: "2026" }),
      ],
    });
    const figures = await getFirmDependence(deps, sme.actor, { firmId: sme.firmId });
    expect(figures.periods.map((p) => p.period)).toEqual(["2025", "2026"]);
    expect(figures.latest!.measure.topBuyer).toMatchObject({ name: "Vale Agents", shareBp: 6000, viaAgent: true });
    expect(figures.trend).toMatchObject({ topShareChangeBp: 1000, direction: "rising" });
  });

  it("converts currencies with the admin's rates and reports a missing rate instead of guessing", async () => {
    const sme = await createFirmOwner(deps);
    await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [sale("US Retail", "1000", { currency: "USD", period: "2024" }), sale("Local", "5000", { period: "2024" })],
    });
    let figures = await getFirmDependence(deps, sme.actor, { firmId: sme.firmId });
    expect(figures.periods[0]).toMatchObject({ period: "2024", measure: null, missingRates: ["USD"] });
    const admin = await createUserWithRole(deps, "admin");
    await setExchangeRate(deps, admin.actor, { currency: "USD", baseCurrency: "BRL", rate: "5", validFrom: "2024-01-01" });
    figures = await getFirmDependence(deps, sme.actor, { firmId: sme.firmId });
    expect(figures.currency).toBe("BRL");
    expect(figures.periods[0].measure).toMatchObject({ totalMinor: 1_000_000, topShareBp: 5000 });
  });

  it("is readable only by the firm, its networks' brokers and admins", async () => {
    const { broker, smes } = await networkWithMembers(deps, 1);
    const owner = smes[0];
    await addSalesEntries(deps, owner.actor, { firmId: owner.firmId, entries: [sale("Xavier", "1")] });
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const otherSme = await createFirmOwner(deps);
    const otherBroker = await createUserWithRole(deps, "broker");
    expect((await getFirmDependence(deps, broker.actor, { firmId: owner.firmId })).latest).toMatchObject({
      period: "2026",
      level: "critical",
      measure: { buyers: 1, topShareBp: 10000, totalMinor: 100, topBuyer: { name: "Xavier" } },
    });
    for (const actor of [buyer.actor, otherSme.actor, otherBroker.actor]) {
      await expect(getFirmDependence(deps, actor, { firmId: owner.firmId })).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("network dependence", () => {
  it("sorts members by risk and finds the systemic buyer with the members depending on it", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 3);
    const [a, b, c] = smes;
    const us = await createFirmOwner(deps, { role: "buyer", firmName: "Stride Systemic" });
    await addSalesEntries(deps, a.actor, {
      firmId: a.firmId,
      entries: [sale("", "850", { customerFirmId: us.firmId }), sale("Other", "150")],
    });
    await addSalesEntries(deps, b.actor, {
      firmId: b.firmId,
      entries: [sale("", "300", { customerFirmId: us.firmId }), sale("Other", "700")],
    });
    await addSalesEntries(deps, c.actor, { firmId: c.firmId, entries: [sale("Local 1", "500"), sale("Local 2", "500")] });
    const view = await getNetworkDependence(deps, broker.actor, { networkId });
    expect(view.period).toBe("2026");
    // 85% critical; 70% critical; 50/50 with HHI 5,000 is critical by its top share of 50%.
    expect(view.members.map((m) => m.firmId)).toEqual([a.firmId, b.firmId, c.firmId]);
    expect(view.members[0].firmId).toBe(a.firmId);
    expect(view.members[0]).toMatchObject({ topShareBp: 8500, level: "critical" });
    // Stride takes 1150 of 3000 = 38.33% of the members' sales: systemic (over 20%), but only two
    // members sell to it, so its combined figures are withheld; the members depending on it stay.
    expect(view.systemicBuyers[0]).toMatchObject({
      name: "Stride Systemic",
      contributors: 2,
      amountMinor: null,
      shareBp: null,
      withheld: "too_few",
    });
    expect(view.systemicBuyers[0].members.map((m) => m.firmId)).toEqual([a.firmId, b.firmId]);
    await expect(getNetworkDependence(deps, a.actor, { networkId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("publishes a buyer's combined sales only from 5 member firms (or the network's raised threshold), none above 85% of it", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 6);
    const us = await createFirmOwner(deps, { role: "buyer", firmName: unique("Stride Combined") });
    for (const [i, sme] of smes.slice(0, 5).entries()) {
      await addSalesEntries(deps, sme.actor, {
        firmId: sme.firmId,
        entries: [sale("", String(300 + 100 * i), { customerFirmId: us.firmId }), sale("Other", "500")],
      });
    }
    let view = await getNetworkDependence(deps, broker.actor, { networkId });
    // 300+400+500+600+700 = 2,500 of 5,000.
    expect(view.systemicBuyers[0]).toMatchObject({ key: us.firmId, contributors: 5, amountMinor: 250_000, shareBp: 5000, withheld: null });
    expect(view.disclosure).toEqual({ minContributors: 5 });

    // The network raises its threshold to 6: withheld, still systemic, members still listed.
    await updateNetwork(deps, broker.actor, {
      networkId,
      name: unique("Rede"),
      sector: "1520",
      currency: "BRL",
      disclosureMinContributors: 6,
    });
    view = await getNetworkDependence(deps, broker.actor, { networkId });
    expect(view.systemicBuyers[0]).toMatchObject({
      key: us.firmId,
      contributors: 5,
      amountMinor: null,
      shareBp: null,
      withheld: "too_few",
    });
    expect(view.systemicBuyers[0].members).toHaveLength(5);

    // A sixth member selling it 30,000: one firm makes up over 85% of the buyer's purchases.
    await addSalesEntries(deps, smes[5].actor, { firmId: smes[5].firmId, entries: [sale("", "30000", { customerFirmId: us.firmId })] });
    view = await getNetworkDependence(deps, broker.actor, { networkId });
    expect(view.systemicBuyers[0]).toMatchObject({
      key: us.firmId,
      contributors: 6,
      amountMinor: null,
      shareBp: null,
      withheld: "dominated",
    });
    expect(view.systemicBuyers[0].members[0]).toMatchObject({ firmId: smes[5].firmId, shareBp: 10_000 });
  });
});
