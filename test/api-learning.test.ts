import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiSubmission } from "../db/schema/learning";
import type { ResponseOf } from "../server/api/all-operations";
import { learningOperations } from "../server/api/operations-learning";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { submitKpiValues } from "../server/services/learning/submit-kpi-values";
import { createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { shippedKpiIds } from "./learning-fixtures";
import { networkWithMembers } from "./network-fixtures";
import { api, signIn, startTestServer, type TestServer } from "./server";
import { documentedOperations, expectDocumented, failure, openApiOf } from "./answers";

let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer();
  // The services on the server's own database, for fixtures HTTP does not need to prove.
  deps = makeDeps(server.app.deps.db, () => new Date());
});
afterAll(async () => {
  await server.close();
});

type Client = ReturnType<typeof client>;

function client(cookie?: string) {
  const headers = { ...(cookie ? { cookie } : {}), origin: server.url };
  return {
    ...api(server.url, cookie),
    raw: (pathname: string) => fetch(`${server.url}/api/v1${pathname}`, { headers }),
  };
}

async function signedIn(email: string): Promise<Client> {
  return client(await signIn(server.url, email, PASSWORD));
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe("/api/v1 learning networks", () => {
  describe("a benchmarking club over HTTP: KPIs, club, periods, values, CSV, references, report, export, meetings, calendar", () => {
    type Member = Awaited<ReturnType<typeof networkWithMembers>>["smes"][number];
    let networkId: string;
    let a: Member, b: Member, c: Member, outside: Member, d: Member, e: Member;
    let kpis: Awaited<ReturnType<typeof shippedKpiIds>>;
    let asBroker: Client, asA: Client, asB: Client, asC: Client, asOutside: Client, asAdmin: Client;
    // Set by the steps that create them.
    let kpiId: string;
    let initiativeId: string;
    let period: ResponseOf<"openBenchmarkPeriod">;
    let q3: ResponseOf<"openBenchmarkPeriod">;
    let meetings: string;
    let visitId: string;
    const values = (periodId: string) => `/initiatives/${initiativeId}/club/periods/${periodId}/values`;

    beforeAll(async () => {
      const network = await networkWithMembers(deps, 6);
      networkId = network.networkId;
      [a, b, c, outside, d, e] = network.smes;
      kpis = await shippedKpiIds(deps.db);
      const admin = await createUserWithRole(deps, "admin");
      asBroker = await signedIn(network.broker.email);
      asA = await signedIn(a.email);
      asB = await signedIn(b.email);
      asC = await signedIn(c.email);
      asOutside = await signedIn(outside.email);
      asAdmin = await signedIn(admin.email);
    });

    it("lists the shipped KPIs to a member; only a broker adds one, with a range that is not inverted", async () => {
      // KPIs: the catalogue and the network's own.
      const list = await asA.get(`/networks/${networkId}/kpis`);
      expect(list.status).toBe(200);
      expect(expectDocumented("listKpis", list.body).kpis.filter((k) => k.shipped)).toHaveLength(7);
      expect(
        (await asA.post(`/networks/${networkId}/kpis`, { name: "Energy", unit: "kWh", direction: "lower", minValue: 0, maxValue: 9 }))
          .status,
      ).toBe(403);
      const inverted = await asBroker.post(`/networks/${networkId}/kpis`, {
        name: "Energy",
        unit: "kWh",
        direction: "lower",
        minValue: 9,
        maxValue: 1,
      });
      expect(inverted.status).toBe(400);
      expect(Object.keys(failure(inverted).fields ?? {})).toEqual(["maxValue"]);
      const kpi = await asBroker.post(`/networks/${networkId}/kpis`, {
        name: "Energy per part",
        unit: "kWh per part",
        direction: "lower",
        minValue: 0,
        maxValue: 50,
        computation: "kWh ÷ parts",
        networkId: crypto.randomUUID(),
      });
      expect(kpi.status).toBe(201);
      kpiId = expectDocumented("createKpi", kpi.body).id;
    });

    it("creates the club through createBenchmarkClub only and for brokers only, opens it, and lets members join", async () => {
      // The club: created as a draft, opened and joined through the initiatives API.
      const generic = await asBroker.post("/initiatives", {
        networkId,
        objective: "learning_network",
        title: "Club",
        deadline: "2027-06-30",
      });
      expect(generic.status).toBe(400);
      expect(failure(generic).fields?.objective[0]).toContain("createBenchmarkClub");
      const created = await asBroker.post(`/networks/${networkId}/benchmark-clubs`, {
        title: "Components benchmarking club",
        description: "Quarterly benchmarking",
        deadline: "2027-06-30",
        periodKind: "quarter",
        kpiIds: [kpis.on_time_delivery, kpis.scrap_rate, kpiId],
      });
      expect(created.status).toBe(201);
      initiativeId = expectDocumented("createBenchmarkClub", created.body).id;
      expect(
        (
          await asA.post(`/networks/${networkId}/benchmark-clubs`, {
            title: "My club",
            deadline: "2027-06-30",
            periodKind: "year",
            kpiIds: [kpis.scrap_rate],
          })
        ).status,
      ).toBe(403);
      expect((await asBroker.post(`/initiatives/${initiativeId}/transitions`, { to: "open" })).status).toBe(200);
      for (const member of [asA, asB, asC]) expect((await member.post(`/initiatives/${initiativeId}/participants`)).status).toBe(201);
    });

    it("shows a member the club with its permissions, an outsider a documented view, and the initiative its club", async () => {
      const club = await asA.get(`/initiatives/${initiativeId}/club`);
      expect(club.status).toBe(200);
      const clubView = expectDocumented("getBenchmarkClub", club.body);
      expect(clubView.members).toHaveLength(3);
      expect(clubView.permissions).toMatchObject({ submit: true, manage: false, readReport: true, readRaw: false });
      expectDocumented("getBenchmarkClub", (await asOutside.get(`/initiatives/${initiativeId}/club`)).body);
      const page = expectDocumented("getInitiative", (await asA.get(`/initiatives/${initiativeId}`)).body);
      expect(page.club).toMatchObject({ periodKind: "quarter", kpiCount: 3, openPeriod: null });
    });

    it("opens periods for brokers only, each label of the club's kind and once", async () => {
      // Two more members, so that a period can reach the five firms statistics need.
      for (const sme of [d, e]) await joinInitiative(deps, sme.actor, { initiativeId });

      expect((await asA.post(`/initiatives/${initiativeId}/club/periods`, { label: "2026-Q2" })).status).toBe(403);
      expect(failure(await asBroker.post(`/initiatives/${initiativeId}/club/periods`, { label: "2026-H2" })).fields).toHaveProperty(
        "label",
      );
      const q2 = await asBroker.post(`/initiatives/${initiativeId}/club/periods`, { label: "2026-Q2", initiativeId: crypto.randomUUID() });
      expect(q2.status).toBe(201);
      period = expectDocumented("openBenchmarkPeriod", q2.body);
      expect(period).toMatchObject({ initiativeId, label: "2026-Q2", status: "open" });
      expect((await asBroker.post(`/initiatives/${initiativeId}/club/periods`, { label: "2026-Q2" })).status).toBe(409);
      q3 = expectDocumented(
        "openBenchmarkPeriod",
        (await asBroker.post(`/initiatives/${initiativeId}/club/periods`, { label: "2026-Q3" })).body,
      );
    });

    it("takes a member's values range-checked per KPI, all or nothing, and its corrections; not a broker's or an outsider's", async () => {
      // Values: range-checked per KPI, all or nothing; corrections until closed.
      const tooHigh = await asA.put(values(period.id), { values: { [kpis.on_time_delivery]: 140, [kpis.scrap_rate]: 1 } });
      expect(tooHigh.status).toBe(400);
      expect(Object.keys(failure(tooHigh).fields ?? {})).toEqual([`values.${kpis.on_time_delivery}`]);
      expect(await deps.db.select().from(kpiSubmission).where(eq(kpiSubmission.periodId, period.id))).toEqual([]);
      const submitted = await asA.put(values(period.id), { values: { [kpis.on_time_delivery]: 78, [kpis.scrap_rate]: "1,5" } });
      expect(submitted.status).toBe(200);
      expect(expectDocumented("submitKpiValues", submitted.body)).toMatchObject({
        firmId: a.firmId,
        saved: 2,
        values: { [kpis.on_time_delivery]: 78, [kpis.scrap_rate]: 1.5 },
      });
      expect((await asBroker.put(values(period.id), { values: { [kpis.on_time_delivery]: 80 } })).status).toBe(403);
      expect((await asOutside.put(values(period.id), { values: { [kpis.on_time_delivery]: 80 } })).status).toBe(403);
      await asB.put(values(period.id), { values: { [kpis.on_time_delivery]: 90 } });
      await asB.put(values(period.id), { values: { [kpis.on_time_delivery]: 87 } });
    });

    it("lets the broker import a member's figures from CSV, refusing a file with a bad row by its line, and set a reference", async () => {
      // The broker imports C's figures from CSV; a bad row rejects the file with its line.
      const importPath = `/initiatives/${initiativeId}/club/periods/${period.id}/import`;
      const badImport = await asBroker.post(importPath, {
        csv: `firm_id,kpi,value\n${c.firmId},on_time_delivery,92\n${outside.firmId},on_time_delivery,95\n`,
      });
      expect(badImport.status).toBe(400);
      expect(failure(badImport).fields).toEqual({ "rows.3.firm": ["Not a member firm of this club"] });
      expect((await asA.post(importPath, { csv: "firm,kpi,value\nx,y,1" })).status).toBe(403);
      const imported = await asBroker.post(importPath, {
        csv: `firm_id,kpi,value\n${c.firmId},on_time_delivery,92\n${c.firmId},scrap_rate,0.4\n`,
      });
      expect(imported.status).toBe(201);
      expect(expectDocumented("importKpiCsv", imported.body)).toMatchObject({ imported: 2, firms: 1 });

      const reference = await asBroker.put(`/initiatives/${initiativeId}/club/periods/${period.id}/references`, {
        kpiId: kpis.on_time_delivery,
        value: 97,
        source: "International benchmark (2024)",
      });
      expect(reference.status).toBe(200);
      expectDocumented("setKpiReference", reference.body);
    });

    it("shows nothing but the count before publishing, and lets only the club's broker publish", async () => {
      // Nothing but the count before the broker publishes; then the quartiles of the five.
      for (const [sme, value] of [
        [d, 70],
        [e, 95],
      ] as const)
        await submitKpiValues(deps, sme.actor, { initiativeId, periodId: period.id, values: { [kpis.on_time_delivery]: value } });
      const unpublished = expectDocumented(
        "getBenchmarkReport",
        (await asA.get(`/initiatives/${initiativeId}/club/report?periodId=${period.id}`)).body,
      ).kpis[0];
      expect(unpublished).toMatchObject({ submissions: 5, published: null, own: { value: 78, band: null } });
      const publishPath = `/initiatives/${initiativeId}/club/periods/${period.id}/publish`;
      expect((await asA.post(publishPath)).status).toBe(403);
      expect((await asAdmin.post(publishPath)).status).toBe(403);
      const published = await asBroker.post(publishPath);
      expect(published.status).toBe(200);
      expect(expectDocumented("publishBenchmarkPeriod", published.body)).toMatchObject({
        periodId: period.id,
        label: "2026-Q2",
        first: [kpis.on_time_delivery, kpis.scrap_rate, kpiId],
        refreshed: [],
        kept: [],
      });
    });

    it("reports to a member the latest period by default, another by query: quartiles, its band, references, no extremes", async () => {
      // The report: the latest period by default, another one by query.
      const latest = await asA.get(`/initiatives/${initiativeId}/club/report`);
      expect(latest.status).toBe(200);
      expect(expectDocumented("getBenchmarkReport", latest.body).period?.id).toBe(q3.id);
      const report = expectDocumented(
        "getBenchmarkReport",
        (await asA.get(`/initiatives/${initiativeId}/club/report?periodId=${period.id}`)).body,
      );
      const delivery = report.kpis.find((k) => k.id === kpis.on_time_delivery)!;
      // 70 78 87 92 95: the quartiles are 78, 87 and 92; no lowest, highest or best.
      expect(delivery.published).toMatchObject({ n: 5, quartiles: { p25: 78, median: 87, p75: 92 }, tails: null });
      expect(delivery.own).toEqual({ value: 78, band: 3 });
      expect(JSON.stringify(report)).not.toMatch(/"(min|max|best|mean|fromBest|percentile)":/);
      expect(delivery.references).toEqual([{ value: 97, source: "International benchmark (2024)" }]);
      expect(delivery.raw).toBeNull();
      const energy = report.kpis.find((k) => k.id === kpiId);
      expect(energy).toMatchObject({
        key: null,
        name: "Energy per part",
        submissions: 0,
        published: { n: 0, quartiles: null, tails: null },
        own: null,
      });
    });

    it("reports the raw values to the broker, only the statistics to an admin, nothing to an outsider", async () => {
      const brokerReport = expectDocumented(
        "getBenchmarkReport",
        (await asBroker.get(`/initiatives/${initiativeId}/club/report?periodId=${period.id}`)).body,
      );
      expect(brokerReport.kpis[0].raw?.map((r) => r.value).sort()).toEqual([70, 78, 87, 92, 95]);
      expect(brokerReport.kpis[0].pending).toEqual({ newContributors: 0, outcome: "kept" });
      const adminReport = expectDocumented(
        "getBenchmarkReport",
        (await asAdmin.get(`/initiatives/${initiativeId}/club/report?periodId=${period.id}`)).body,
      );
      expect(adminReport.kpis[0]).toMatchObject({ raw: null, own: null, pending: null, published: { n: 5, quartiles: { median: 87 } } });
      expect((await asOutside.get(`/initiatives/${initiativeId}/club/report`)).status).toBe(403);
      expect((await asA.get(`/initiatives/${initiativeId}/club/report?periodId=nope`)).status).toBe(400);
    });

    it("exports the raw values as CSV to the brokers, not to a member or an admin", async () => {
      // The brokers' CSV of raw values.
      const csv = await asBroker.raw(`/initiatives/${initiativeId}/club/values.csv?periodId=${period.id}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="components-benchmarking-club-2026-q2-values\.csv"/);
      expect(csv.headers.get("cache-control")).toBe("no-store");
      const text = await csv.text();
      expect(text.split("\n")[0]).toBe("period,firm_id,firm,kpi,kpi_name,unit,value,updated_at");
      expectDocumented("exportBenchmarkCsv", text);
      expect(text).toContain(`2026-Q2,${b.firmId},`);
      expect((await asA.raw(`/initiatives/${initiativeId}/club/values.csv`)).status).toBe(403);
      expect((await asAdmin.raw(`/initiatives/${initiativeId}/club/values.csv`)).status).toBe(403);
    });

    it("closes the period, after which a member's correction is refused", async () => {
      // Closing: no more corrections.
      const closed = await asBroker.post(`/initiatives/${initiativeId}/club/periods/${period.id}/close`, {});
      expect(closed.status).toBe(200);
      expect(expectDocumented("closeBenchmarkPeriod", closed.body)).toMatchObject({ status: "closed", reportReady: true });
      expect((await asA.put(values(period.id), { values: { [kpis.on_time_delivery]: 80 } })).status).toBe(409);
    });

    it("schedules meetings for brokers only, hosted by a member firm, at local times read in their time zone", async () => {
      // Meetings: a past workshop held with minutes and actions, a coming plant visit.
      meetings = `/initiatives/${initiativeId}/club/meetings`;
      const visit = await asBroker.post(meetings, {
        title: "Plant visit: set-up reduction",
        hostFirmId: a.firmId,
        startsAt: hoursFromNow(24 * 10),
        endsAt: hoursFromNow(24 * 10 + 4),
        place: "Host plant, Gqeberha",
        agenda: "SMED on the press line",
      });
      expect(visit.status).toBe(201);
      visitId = expectDocumented("scheduleMeeting", visit.body).id;
      expect((await asA.post(meetings, { title: "Mine", startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), place: "Here" })).status).toBe(
        403,
      );
      const badHost = await asBroker.post(meetings, {
        title: "Visit",
        hostFirmId: outside.firmId,
        startsAt: hoursFromNow(1),
        endsAt: hoursFromNow(2),
        place: "Here",
      });
      expect(Object.keys(failure(badHost).fields ?? {})).toEqual(["hostFirmId"]);
      const local = await asBroker.post(meetings, {
        title: "Local time",
        startsAt: "2027-05-04T09:00",
        endsAt: "2027-05-04T11:00",
        timeZone: "Africa/Johannesburg",
        place: "Club office",
      });
      expect(expectDocumented("scheduleMeeting", local.body)).toMatchObject({ startsAt: "2027-05-04T07:00:00.000Z" });
    });

    it("takes a member's answer to a meeting, not an outsider's", async () => {
      const answer = await asB.put(`${meetings}/${visitId}/attendance`, { response: "yes" });
      expect(answer.status).toBe(200);
      expectDocumented("respondToMeeting", answer.body);
      expect((await asOutside.put(`${meetings}/${visitId}/attendance`, { response: "yes" })).status).toBe(403);
    });

    it("records a past meeting as held with minutes and a done action, which the members see; a coming one cannot be held", async () => {
      const past = expectDocumented(
        "scheduleMeeting",
        (
          await asBroker.post(meetings, {
            title: "Quality workshop",
            hostFirmId: b.firmId,
            startsAt: hoursFromNow(-30),
            endsAt: hoursFromNow(-26),
            place: "B's plant",
          })
        ).body,
      );
      expect((await asBroker.put(`${meetings}/${visitId}`, { status: "held" })).status).toBe(409);
      const held = await asBroker.put(`${meetings}/${past.id}`, {
        status: "held",
        minutes: "Scrap down by a third at the host.",
        meetingId: visitId,
      });
      expect(held.status).toBe(200);
      expect(expectDocumented("updateMeeting", held.body)).toEqual({ id: past.id, initiativeId, status: "held" });
      const action = await asBroker.post(`${meetings}/${past.id}/actions`, {
        description: "Share the scrap tracking sheet",
        ownerFirmId: b.firmId,
        dueOn: "2027-01-31",
      });
      expect(action.status).toBe(201);
      const actionId = expectDocumented("addMeetingAction", action.body).id;
      const done = await asBroker.put(`/initiatives/${initiativeId}/club/actions/${actionId}`, { status: "done" });
      expect(done.status).toBe(200);
      expect(expectDocumented("updateMeetingAction", done.body).status).toBe("done");
      const clubAfter = expectDocumented("getBenchmarkClub", (await asC.get(`/initiatives/${initiativeId}/club`)).body);
      expect(clubAfter.meetings.find((m) => m.id === past.id)).toMatchObject({
        status: "held",
        minutes: "Scrap down by a third at the host.",
        actions: [{ status: "done" }],
      });
    });

    it("exports the meetings as a calendar to members, not to an outsider", async () => {
      const ics = await asC.raw(`/initiatives/${initiativeId}/club/meetings.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get("content-type")).toContain("text/calendar");
      expect(ics.headers.get("content-disposition")).toContain("-meetings.ics");
      const calendar = await ics.text();
      expectDocumented("exportClubCalendar", calendar);
      expect(calendar).toContain(`UID:club-meeting-${visitId}@jointly`);
      expect(calendar).toContain("SUMMARY:Plant visit: set-up reduction");

      expect((await asOutside.raw(`/initiatives/${initiativeId}/club/meetings.ics`)).status).toBe(403);
    });

    it("has exercised and documented every learning operation", () => {
      // Every learning operation was exercised and documented.
      expect(learningOperations.map((op) => op.operationId).filter((id) => !documentedOperations.has(id))).toEqual([]);
    });
  });

  it("answers 401 without a session and 404 for a club of another network or a non-club initiative", async () => {
    const anonymous = client();
    expect((await anonymous.get(`/initiatives/${crypto.randomUUID()}/club`)).status).toBe(401);
    const { broker, networkId } = await networkWithMembers(deps, 1);
    const stranger = await networkWithMembers(deps, 1);
    const asBroker = await signedIn(broker.email);
    const kpis = await shippedKpiIds(deps.db);
    const { id } = expectDocumented(
      "createBenchmarkClub",
      (
        await asBroker.post(`/networks/${networkId}/benchmark-clubs`, {
          title: "Club",
          deadline: "2027-06-30",
          periodKind: "year",
          kpiIds: [kpis.scrap_rate],
        })
      ).body,
    );
    const asStranger = await signedIn(stranger.smes[0].email);
    for (const path of [
      `/initiatives/${id}/club`,
      `/initiatives/${id}/club/report`,
      `/initiatives/${id}/club/meetings.ics`,
      `/initiatives/${id}/club/values.csv`,
    ]) {
      expect((await asStranger.raw(path)).status, path).toBe(404);
    }
    // A draft is its brokers' own; the members of its network get 404 too.
    const member = await signedIn((await networkWithMembers(deps, 0)).broker.email);
    expect((await member.get(`/initiatives/${id}/club`)).status).toBe(404);
    const other = expectDocumented(
      "createInitiative",
      (
        await asBroker.post("/initiatives", {
          networkId,
          objective: "process_improvement",
          title: "Lean consultant",
          deadline: "2027-06-30",
        })
      ).body,
    );
    expect((await asBroker.get(`/initiatives/${other.id}/club`)).status).toBe(404);
  });
});

describe("OpenAPI document for learning networks", () => {
  it("lists every learning operation, bodies without path parameters", async () => {
    const { operationIds: ids, bodyFields, paramsOf, operation } = await openApiOf(server.url);
    for (const id of [
      "createKpi",
      "createBenchmarkClub",
      "openBenchmarkPeriod",
      "submitKpiValues",
      "getBenchmarkReport",
      "closeBenchmarkPeriod",
      "scheduleMeeting",
      "exportClubCalendar",
      "listKpis",
      "getBenchmarkClub",
      "importKpiCsv",
      "setKpiReference",
      "exportBenchmarkCsv",
      "publishBenchmarkPeriod",
      "updateMeeting",
      "respondToMeeting",
      "addMeetingAction",
      "updateMeetingAction",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(bodyFields("/initiatives/{initiativeId}/club/periods/{periodId}/values", "put")).toEqual(["values"]);
    expect(paramsOf("/initiatives/{initiativeId}/club/periods/{periodId}/values", "put")).toEqual(["path:initiativeId", "path:periodId"]);
    expect(bodyFields("/networks/{networkId}/benchmark-clubs", "post").sort()).toEqual([
      "deadline",
      "description",
      "kpiIds",
      "periodKind",
      "title",
    ]);
    expect(bodyFields("/networks/{networkId}/kpis", "post")).not.toContain("networkId");
    expect(paramsOf("/initiatives/{initiativeId}/club/report", "get")).toEqual(["path:initiativeId", "query:periodId"]);
    expect(operation("/initiatives/{initiativeId}/club/values.csv", "get").responses["200"].content["text/csv"]).toBeDefined();
    expect(operation("/initiatives/{initiativeId}/club/meetings.ics", "get").responses["200"].content["text/calendar"]).toBeDefined();
    // The documented report: the published statistics, the live count, raw values for brokers; no summary.
    const kpi = operation("/initiatives/{initiativeId}/club/report", "get").responses["200"].content["application/json"]?.schema.properties
      ?.kpis.items;
    expect(Object.keys(kpi?.properties ?? {})).toEqual(
      expect.arrayContaining(["submissions", "published", "own", "raw", "pending", "trend", "references"]),
    );
    expect(kpi?.properties).not.toHaveProperty("summary");
    expect(operation("/initiatives/{initiativeId}/club/periods/{periodId}/publish", "post").summary).toMatch(/at least 3 firms are new/);
  });
});
