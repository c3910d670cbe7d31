import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salesEntry } from "../db/schema/ledger";
import { addSalesEntries } from "../server/services/ledger/add-sales-entries";
import { deleteSalesEntry } from "../server/services/ledger/delete-sales-entry";
import { listSalesEntries } from "../server/services/ledger/list-sales-entries";
import { setExchangeRate } from "../server/services/ledger/set-exchange-rate";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { createFirmOwner, createUserWithRole, makeDeps } from "./factories";
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

const line = (overrides: Record<string, unknown> = {}) => ({
  period: "2026",
  customerName: "Outside Customer Ltd",
  amount: "100000.00",
  currency: "BRL",
  market: "domestic",
  ...overrides,
});

describe("sales ledger", () => {
  it("lets the firm add lines, naming platform buyers, and read them back", async () => {
    const sme = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer", firmName: "Stride Test Stores" });
    const result = await addSalesEntries(deps, sme.actor, {
      firmId: sme.firmId,
      entries: [
        line({
          customerFirmId: buyer.firmId,
          customerName: "",
          amount: "800000",
          market: "export",
          governance: "quasi_hierarchy",
          exclusivity: true,
        }),
        line({ period: "2026-q2", channel: "agent", agentName: "Vale Export Agents", amount: "50000.50" }),
      ],
    });
    expect(result.added).toBe(2);
    const { entries } = await listSalesEntries(deps, sme.actor, { firmId: sme.firmId });
    expect(entries.map((e) => [e.period, e.customerName, e.amountMinor])).toEqual([
      ["2026-Q2", "Outside Customer Ltd", 5_000_050],
      ["2026", "Stride Test Stores", 80_000_000],
    ]);
  });

  it("rejects a batch with one bad line entirely, with row-level messages", async () => {
    const sme = await createFirmOwner(deps);
    const error = await refusal(
      addSalesEntries(deps, sme.actor, {
        firmId: sme.firmId,
        entries: [
          line(),
          line({ period: "26", channel: "agent" }),
          line({ amount: "1.001" }),
          line({ customerFirmId: crypto.randomUUID(), customerName: "" }),
        ],
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["entries.1.agentName", "entries.1.period"].sort());
    const second = await refusal(
      addSalesEntries(deps, sme.actor, {
        firmId: sme.firmId,
        entries: [line(), line({ amount: "1.001" }), line({ customerFirmId: crypto.randomUUID(), customerName: "" })],
      }),
    );
    expect(second.code).toBe("invalid_input");
    expect(Object.keys(second.fields ?? {}).sort()).toEqual(["entries.1.amount", "entries.2.customerFirmId"]);
    expect(await database.db.select().from(salesEntry).where(eq(salesEntry.firmId, sme.firmId))).toEqual([]);
  });

  it("is confidential: only the firm, its networks' brokers and admins", async () => {
    const { broker, smes } = await networkWithMembers(deps, 1);
    const owner = smes[0];
    await addSalesEntries(deps, owner.actor, { firmId: owner.firmId, entries: [line()] });
    const admin = await createUserWithRole(deps, "admin");
    const theLine = { customerName: "Outside Customer Ltd", amountMinor: 10000000, currency: "BRL", period: "2026", market: "domestic" };
    expect((await listSalesEntries(deps, broker.actor, { firmId: owner.firmId })).entries).toMatchObject([theLine]);
    expect((await listSalesEntries(deps, admin.actor, { firmId: owner.firmId })).entries).toMatchObject([theLine]);
    await addSalesEntries(deps, broker.actor, { firmId: owner.firmId, entries: [line({ amount: "5" })] });

    const otherSme = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const otherBroker = await createUserWithRole(deps, "broker");
    for (const actor of [otherSme.actor, buyer.actor, otherBroker.actor]) {
      await expect(listSalesEntries(deps, actor, { firmId: owner.firmId })).rejects.toMatchObject({ code: "not_found" });
      await expect(addSalesEntries(deps, actor, { firmId: owner.firmId, entries: [line()] })).rejects.toMatchObject({ code: "not_found" });
    }
    const before = (await listSalesEntries(deps, owner.actor, { firmId: owner.firmId })).entries;
    const [entry] = before;
    await expect(deleteSalesEntry(deps, otherSme.actor, { firmId: owner.firmId, entryId: entry.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await deleteSalesEntry(deps, owner.actor, { firmId: owner.firmId, entryId: entry.id });
    expect((await listSalesEntries(deps, owner.actor, { firmId: owner.firmId })).entries).toEqual(before.filter((e) => e.id !== entry.id));
  });

  it("lets only admins maintain exchange rates", async () => {
    const admin = await createUserWithRole(deps, "admin");
    const sme = await createFirmOwner(deps);
    await expect(
      setExchangeRate(deps, sme.actor, { currency: "USD", baseCurrency: "BRL", rate: "5.4", validFrom: "2026-01-01" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const sameCurrency = await refusal(
      setExchangeRate(deps, admin.actor, { currency: "USD", baseCurrency: "USD", rate: "1", validFrom: "2026-01-01" }),
    );
    expect(sameCurrency.code).toBe("invalid_input");
    expect(sameCurrency.fields?.baseCurrency?.length).toBeGreaterThan(0);
    expect(
      await setExchangeRate(deps, admin.actor, { currency: "usd", baseCurrency: "brl", rate: "5,4321", validFrom: "2026-01-01" }),
    ).toMatchObject({
      currency: "USD",
      rate: "5.4321",
    });
  });
});

describe("CSV import", () => {
  it("imports a valid file and rejects a file with bad rows entirely, naming each line", async () => {
    const { importSalesCsv, salesCsvTemplate } = await import("../server/services/ledger/import-sales-csv");
    const sme = await createFirmOwner(deps);
    const template = salesCsvTemplate();
    expect(template.split("\n")[0]).toBe("period,customer,customer_firm_id,amount,currency,market,channel,agent,governance,exclusivity");
    expect(await importSalesCsv(deps, sme.actor, { firmId: sme.firmId, csv: template })).toEqual({ firmId: sme.firmId, imported: 2 });

    const bad = [
      "period,customer,amount,currency,market",
      "2026,Good Customer,10.00,BRL,export",
      "20x6,Bad Period,10.00,BRL,export",
      "2026,Bad Amount,ten,BRL,domestic",
      "2026,Bad Market,5,BRL,abroad",
    ].join("\n");
    const error = await refusal(importSalesCsv(deps, sme.actor, { firmId: sme.firmId, csv: bad }));
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["rows.3.period", "rows.4.amount", "rows.5.market"]);
    // Nothing of the bad file was written: the two lines imported before are all there is.
    expect(
      (await listSalesEntries(deps, sme.actor, { firmId: sme.firmId })).entries.map((e) => [e.customerName, e.amountMinor, e.currency]),
    ).toEqual([
      ["Loja Central Ltda", 8400050, "BRL"],
      ["Stridewell Stores", 125000000, "USD"],
    ]);

    const other = await createFirmOwner(deps);
    await expect(importSalesCsv(deps, other.actor, { firmId: sme.firmId, csv: template })).rejects.toMatchObject({ code: "not_found" });
    const missingColumns = await refusal(importSalesCsv(deps, sme.actor, { firmId: sme.firmId, csv: "period,amount\n2026,5" }));
    expect(missingColumns.code).toBe("invalid_input");
    expect(missingColumns.fields?.csv?.length).toBeGreaterThan(0);
  });
});
