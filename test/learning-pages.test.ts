import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiative } from "../db/schema/initiatives";
import { benchmarkPeriod, clubMeeting, kpiDefinition, kpiSubmission, meetingAction } from "../db/schema/learning";
import { createFirmOwner, makeDeps, PASSWORD, unique } from "./factories";
import { openClub } from "./learning-fixtures";
import { networkWithMembers } from "./network-fixtures";
import { browserless, signIn, startTestServer, withoutMessages, type TestServer } from "./server";

/**
 * The learning-network pages through HTTP, as a browser without JavaScript uses them: the KPI
 * catalogue, a new club, the club page with its submission form, the benchmark report (and its
 * printable version and CSV), and the meetings. Confidentiality is checked on the HTML itself,
 * loader data included.
 */
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
const cookieOf = (user: { email: string }) => signIn(server.url, user.email, PASSWORD);
/** React escapes apostrophes, ampersands and quotes in text. */
const unescape = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&amp;", "&").replaceAll("&quot;", '"');
/**
 * Every id once, and every control's `form` attribute names a <form>: a control whose form id
 * points at another element is silently left out of the browser's submission.
 */
function expectWellFormedForms(text: string, path: string) {
  const ids = [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    `duplicate ids on ${path}`,
  ).toEqual([]);
  const formIds = new Set([...text.matchAll(/<form\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...text.matchAll(/<(?:input|select|textarea|button)\b[^>]*\sform="([^"]+)"/g)].map((m) => m[1]);
  expect(
    targets.filter((id) => !formIds.has(id)),
    `controls outside their form on ${path}`,
  ).toEqual([]);
}
const html = async (path: string, cookie: string) => {
  const res = await page(path, cookie);
  expect(res.status, path).toBe(200);
  const text = await res.text();
  expectWellFormedForms(text, path);
  return unescape(withoutMessages(text));
};
/** The page without its charts' SVG (coordinates are numbers too). */
const outsideCharts = (text: string) => text.replace(/<svg[\s\S]*?<\/svg>/g, "");
const upload = (path: string, cookie: string, fields: Record<string, string>, csv: string) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  body.append("file", new Blob([csv], { type: "text/csv" }), "values.csv");
  return page(path, cookie, { method: "POST", body, headers: { origin: server.url } });
};

/** A club with an open period 2026-Q3 (through the service, like the broker's form would). */
async function clubWithPeriod(options: Parameters<typeof openClub>[1] = { members: 4 }) {
  const club = await openClub(deps, options);
  const period = await server.app.services.learning.openBenchmarkPeriod(club.broker.actor, {
    initiativeId: club.initiativeId,
    label: "2026-Q3",
  });
  return { ...club, periodId: period.id };
}

describe("the KPI catalogue", () => {
  it("shows the shipped KPIs translated, and lets only brokers add one, with translated field errors", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const memberCookie = await cookieOf(smes[0]);
    const member = await html(`/networks/${networkId}/kpis`, memberCookie);
    expect(member).toContain("On-time delivery");
    expect(member).toContain("Parts rejected or returned by customers");
    expect(member).not.toContain('name="computation"');
    const ptBR = unescape(
      await (await page(`/networks/${networkId}/kpis`, memberCookie, { headers: { "accept-language": "pt-BR" } })).text(),
    );
    expect(ptBR).toContain("Catálogo de indicadores");

    const brokerCookie = await cookieOf(broker);
    expect(await html(`/networks/${networkId}/kpis`, brokerCookie)).toContain('name="computation"');
    const before = (await server.app.deps.db.select().from(kpiDefinition).where(eq(kpiDefinition.networkId, networkId))).length;
    const invalid = await post(`/networks/${networkId}/kpis`, brokerCookie, {
      name: "",
      unit: "h",
      direction: "lower",
      minValue: "10",
      maxValue: "5",
      description: "",
      computation: "",
    });
    expect(invalid.status).toBe(400);
    const text = unescape(await invalid.text());
    expect(text).toContain("Required");
    const unordered = await post(`/networks/${networkId}/kpis`, brokerCookie, {
      name: "Changeover",
      unit: "h",
      direction: "lower",
      minValue: "10",
      maxValue: "5",
    });
    expect(unordered.status).toBe(400);
    expect(await unordered.text()).toContain("The maximum must be above the minimum");
    const notNumber = await post(`/networks/${networkId}/kpis`, brokerCookie, {
      name: "Energy",
      unit: "kWh",
      direction: "lower",
      minValue: "abc",
      maxValue: "5",
    });
    expect(notNumber.status).toBe(400);
    expect(await notNumber.text()).toContain("Must be a number");
    expect((await server.app.deps.db.select().from(kpiDefinition).where(eq(kpiDefinition.networkId, networkId))).length).toBe(before);

    const created = await post(`/networks/${networkId}/kpis`, brokerCookie, {
      name: "Energy per pair",
      unit: "kWh per pair",
      direction: "lower",
      minValue: "0",
      maxValue: "50,5",
      description: "Electricity used per pair of shoes made.",
      computation: "kWh on the period's bills divided by pairs made.",
    });
    expect(created.status).toBe(302);
    const own = await server.app.deps.db.select().from(kpiDefinition).where(eq(kpiDefinition.networkId, networkId));
    expect(own).toMatchObject([{ name: "Energy per pair", unit: "kWh per pair", direction: "lower", minValue: 0, maxValue: 50.5 }]);
    expect(await html(`/networks/${networkId}/kpis`, memberCookie)).toContain("Energy per pair");
    // Members cannot post the form.
    expect(
      (
        await post(`/networks/${networkId}/kpis`, memberCookie, {
          name: "Sneaky",
          unit: "x",
          direction: "lower",
          minValue: "0",
          maxValue: "1",
        })
      ).status,
    ).toBe(403);
  });
});

describe("starting a club", () => {
  it("creates a draft club from the form, refusing a form without KPIs and writing nothing", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const brokerCookie = await cookieOf(broker);
    expect((await page(`/networks/${networkId}/clubs/new`, await cookieOf(smes[0]))).status).toBe(403);
    const form = await html(`/networks/${networkId}/clubs/new?title=Auto+parts+club&deadline=2027-03-31`, brokerCookie);
    expect(form).toMatch(/name="title"[^>]*value="Auto parts club"/);
    expect(form).toContain("Set-up time");

    const countClubs = async () => (await server.app.deps.db.select().from(initiative).where(eq(initiative.networkId, networkId))).length;
    const none = await post(`/networks/${networkId}/clubs/new`, brokerCookie, {
      title: "Auto parts club",
      description: "",
      deadline: "2027-03-31",
      periodKind: "quarter",
    });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choose at least one KPI");
    const badDate = await post(`/networks/${networkId}/clubs/new`, brokerCookie, { title: "x", deadline: "soon", periodKind: "decade" });
    expect(badDate.status).toBe(400);
    const badText = await badDate.text();
    expect(badText).toContain("At least 3 characters");
    expect(badText).toContain("Must be a date");
    expect(badText).toContain("Choose one of the options");
    expect(await countClubs()).toBe(0);

    const kpis = await server.app.services.learning.listKpis(broker.actor, { networkId });
    const ids = kpis.kpis.filter((k) => k.key === "on_time_delivery" || k.key === "defects_ppm").map((k) => k.id);
    const created = await post(`/networks/${networkId}/clubs/new`, brokerCookie, {
      title: "Auto parts club",
      description: "Plants compare.",
      deadline: "2027-03-31",
      periodKind: "half",
      kpiIds: ids,
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/initiatives\/[0-9a-f-]{36}$/);
    const initiativePage = await html(location, brokerCookie);
    expect(initiativePage).toContain('data-testid="club-panel"');
    expect(initiativePage).toContain("Half-years");
    const club = await server.app.services.learning.getBenchmarkClub(broker.actor, { initiativeId: location.split("/").pop() });
    expect(club.club).toMatchObject({ status: "draft", periodKind: "half" });
    expect(club.kpis.map((k) => k.key).sort()).toEqual(["defects_ppm", "on_time_delivery"]);
  });

  it("sends a learning network from the new-initiative form to the club form, keeping what was typed", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const res = await post(`/networks/${networkId}/initiatives/new`, await cookieOf(broker), {
      objective: "learning_network",
      title: "Lean club",
      description: "",
      deadline: "2027-01-31",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/networks/${networkId}/clubs/new?title=Lean+club&deadline=2027-01-31`);
  });
});

describe("the club page", () => {
  it("lets a member submit and correct values without JavaScript, refusing an out-of-range value with a field error", async () => {
    const { members, initiativeId, periodId, kpi } = await clubWithPeriod({ members: 3 });
    const cookie = await cookieOf(members[0]);
    const here = `/initiatives/${initiativeId}/club`;
    const form = await html(here, cookie);
    expect(form).toContain(`name="values.${kpi("on_time_delivery")}"`);
    expect(form).toContain("Valid: 0–100");

    const outOfRange = await post(here, cookie, {
      intent: "submit",
      periodId,
      [`values.${kpi("on_time_delivery")}`]: "120",
      [`values.${kpi("scrap_rate")}`]: "2.5",
    });
    expect(outOfRange.status).toBe(400);
    const text = unescape(await outOfRange.text());
    expect(text).toContain("Out of range: enter a value from 0 to 100 (%).");
    expect(text).toMatch(/name="values\.[0-9a-f-]+"[^>]*value="120"/);
    const empty = await post(here, cookie, { intent: "submit", periodId, [`values.${kpi("on_time_delivery")}`]: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter at least one value.");
    const rows = () => server.app.deps.db.select().from(kpiSubmission).where(eq(kpiSubmission.firmId, members[0].firmId));
    expect(await rows()).toEqual([]);

    const saved = await post(here, cookie, {
      intent: "submit",
      periodId,
      [`values.${kpi("on_time_delivery")}`]: "92,5",
      [`values.${kpi("scrap_rate")}`]: "",
    });
    expect(saved.status).toBe(302);
    expect((await rows()).map((r) => r.value)).toEqual([92.5]);
    expect(await html(here, cookie)).toMatch(/value="92.5"/);
    const corrected = await post(here, cookie, { intent: "submit", periodId, [`values.${kpi("on_time_delivery")}`]: "93" });
    expect(corrected.status).toBe(302);
    expect((await rows()).map((r) => r.value)).toEqual([93]);
  });

  it("lets the broker open, import and close periods through the forms, all-or-nothing for CSV", async () => {
    const { broker, members, initiativeId, periodId } = await clubWithPeriod({ members: 3 });
    const cookie = await cookieOf(broker);
    const here = `/initiatives/${initiativeId}/club`;
    const page0 = await html(here, cookie);
    expect(page0).toContain("Open a period");
    expect(page0).toMatch(/name="label"[^>]*value="2026-Q4"/);

    const badLabel = await post(here, cookie, { intent: "openPeriod", label: "2026-H1", submissionDue: "" });
    expect(badLabel.status).toBe(400);
    expect(await badLabel.text()).toContain("Write a quarter like 2026-Q3");
    const duplicate = await post(here, cookie, { intent: "openPeriod", label: "2026-Q3" });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("This period exists already");
    const opened = await post(here, cookie, { intent: "openPeriod", label: "2026-Q4", submissionDue: "2027-02-15" });
    expect(opened.status).toBe(302);
    const periods = await server.app.deps.db.select().from(benchmarkPeriod).where(eq(benchmarkPeriod.initiativeId, initiativeId));
    expect(periods.map((p) => p.label).sort()).toEqual(["2026-Q3", "2026-Q4"]);
    expect(periods.find((p) => p.label === "2026-Q4")?.submissionDue).toBe("2027-02-15");

    const [a, b] = members;
    const names = await server.app.services.learning.getBenchmarkClub(broker.actor, { initiativeId });
    const nameOf = (firmId: string) => names.members.find((m) => m.firmId === firmId)!.name;
    const bad = await upload(
      here,
      cookie,
      { intent: "import", periodId },
      `firm,kpi,value\n"${nameOf(a.firmId)}",on_time_delivery,95\nNobody Ltd,on_time_delivery,80\n"${nameOf(b.firmId)}",scrap_rate,140\n`,
    );
    expect(bad.status).toBe(400);
    const badText = unescape(await bad.text());
    expect(badText).toContain("Nothing was imported");
    expect(badText).toContain("Line 3, firm: not a member firm of this club");
    expect(badText).toContain("Line 4, value: must be at most 100 (% of material)");
    // In the reader's language: the unit of a shipped KPI translated, an unreadable file by its line.
    const uploadAs = (language: string, csv: string) => {
      const body = new FormData();
      body.append("intent", "import");
      body.append("periodId", periodId);
      body.append("file", new Blob([csv], { type: "text/csv" }), "values.csv");
      return page(here, cookie, { method: "POST", body, headers: { origin: server.url, "accept-language": language } });
    };
    const ptRange = unescape(await (await uploadAs("pt-BR", `firm,kpi,value\n"${nameOf(b.firmId)}",scrap_rate,"140,5"\n`)).text());
    expect(ptRange).toContain("deve ser no máximo 100 (% do material)");
    expect(ptRange).not.toContain("(% of material)");
    const unreadable = `firm,kpi,value\n"${nameOf(a.firmId)}",on_time_delivery,95\n"${nameOf(b.firmId)},scrap_rate,1\n`;
    const enUnreadable = await uploadAs("en", unreadable);
    expect(enUnreadable.status).toBe(400);
    const enText = unescape(await enUnreadable.text());
    expect(enText).toContain("This is not a readable CSV file: see line 3");
    expect(enText).not.toContain("Quote Not Closed");
    const esText = unescape(await (await uploadAs("es", unreadable)).text());
    expect(esText).toContain("Este no es un archivo CSV legible: vea la línea 3");
    const count = async () => (await server.app.deps.db.select().from(kpiSubmission).where(eq(kpiSubmission.periodId, periodId))).length;
    expect(await count()).toBe(0);
    const good = await upload(
      here,
      cookie,
      { intent: "import", periodId },
      `firm,kpi,value\n"${nameOf(a.firmId)}",on_time_delivery,95\n"${nameOf(b.firmId)}",scrap_rate,1.5\n`,
    );
    expect(good.status).toBe(302);
    expect(await count()).toBe(2);

    const closed = await post(here, cookie, { intent: "closePeriod", periodId });
    expect(closed.status).toBe(302);
    const [row] = await server.app.deps.db.select().from(benchmarkPeriod).where(eq(benchmarkPeriod.id, periodId));
    expect(row.status).toBe("closed");
    // A member's late correction is refused, and nothing changes.
    const late = await post(here, await cookieOf(a), { intent: "submit", periodId, [`values.${names.kpis[0].id}`]: "50" });
    expect(late.status).toBe(409);
    const [kept] = await server.app.deps.db
      .select()
      .from(kpiSubmission)
      .where(and(eq(kpiSubmission.periodId, periodId), eq(kpiSubmission.firmId, a.firmId)));
    expect(kept.value).toBe(95);
    // Members cannot open periods.
    expect((await post(here, await cookieOf(a), { intent: "openPeriod", label: "2027-Q1" })).status).toBe(403);
  });

  it("lets the broker set a reference value, shown on the report with its source", async () => {
    const { broker, members, initiativeId, periodId, kpi } = await clubWithPeriod({ members: 3 });
    const cookie = await cookieOf(broker);
    const here = `/initiatives/${initiativeId}/club`;
    const outOfRange = await post(here, cookie, {
      intent: "reference",
      periodId,
      kpiId: kpi("on_time_delivery"),
      value: "101",
      source: "International benchmark 2025",
    });
    expect(outOfRange.status).toBe(400);
    expect(unescape(await outOfRange.text())).toContain("Out of range: enter a value from 0 to 100 (%).");
    const noSource = await post(here, cookie, { intent: "reference", periodId, kpiId: kpi("on_time_delivery"), value: "97", source: "" });
    expect(noSource.status).toBe(400);
    expect(await noSource.text()).toContain("Required");
    const set = await post(here, cookie, {
      intent: "reference",
      periodId,
      kpiId: kpi("on_time_delivery"),
      value: "97,5",
      source: "International benchmark 2025",
    });
    expect(set.status).toBe(302);
    const report = await html(`/initiatives/${initiativeId}/benchmark?period=${periodId}`, await cookieOf(members[0]));
    expect(report).toContain("International benchmark 2025: 97.5%");
  });
});

describe("the benchmark report", () => {
  /**
   * Six members with distinctive names; on-time delivery reported by five (quartiles once
   * published), scrap by two (below the threshold: the count and one's own value); published.
   */
  async function reportedClub() {
    const club = await clubWithPeriod({ members: 6 });
    const [a, b, c, d, e, f] = club.members;
    const submit = (actor: typeof a.actor, values: Record<string, number>) =>
      server.app.services.learning.submitKpiValues(actor, { initiativeId: club.initiativeId, periodId: club.periodId, values });
    const otd = club.kpi("on_time_delivery");
    const scrap = club.kpi("scrap_rate");
    await submit(a.actor, { [otd]: 81.3, [scrap]: 2.17 });
    await submit(b.actor, { [otd]: 87.9, [scrap]: 47.86 });
    await submit(c.actor, { [otd]: 96.1 });
    await submit(e.actor, { [otd]: 90.2 });
    await submit(f.actor, { [otd]: 84.4 });
    await server.app.services.learning.publishBenchmarkPeriod(club.broker.actor, {
      initiativeId: club.initiativeId,
      periodId: club.periodId,
    });
    const view = await server.app.services.learning.getBenchmarkClub(club.broker.actor, { initiativeId: club.initiativeId });
    const name = (firmId: string) => view.members.find((m) => m.firmId === firmId)!.name;
    return { ...club, a, b, c, d, names: { a: name(a.firmId), b: name(b.firmId), c: name(c.firmId), d: name(d.firmId) } };
  }

  it("shows a member its quarter and the published quartiles, never another member's value or firm, nor an extreme", async () => {
    const { a, initiativeId, periodId, names } = await reportedClub();
    const cookie = await cookieOf(a);
    for (const path of [
      `/initiatives/${initiativeId}/benchmark?period=${periodId}`,
      `/initiatives/${initiativeId}/benchmark/print?period=${periodId}`,
    ]) {
      const report = await html(path, cookie);
      // On-time delivery: 5 firms published (81.3 84.4 87.9 90.2 96.1), with "you" marked.
      expect(report).toContain('data-testid="distribution-chart"');
      expect(report).toMatch(/data-testid="figure-n">5</);
      expect(report).toContain("81.3%");
      expect(report).toContain("87.9%");
      expect(report).toContain("4th quartile (last quarter)");
      // The highest value is one firm's own: never shown.
      expect(report).not.toContain("96.1");
      expect(report).not.toMatch(/Best in class|Lowest|Highest/);
      // Scrap: 2 members, so the count only and nothing of the other member.
      expect(report).toContain("Published from fewer than 5 firms: only the count is shown.");
      expect(report).toContain("2 submissions received so far.");
      expect(report).toContain("A statistic is shown only when at least 5 firms contributed to it");
      expect(report).toContain("2.17");
      expect(outsideCharts(report)).not.toContain("47.86");
      // No other member's firm anywhere on the page, loader data included.
      for (const other of [names.b, names.c, names.d]) expect(report).not.toContain(other);
      expect(report).not.toContain('data-testid="raw-values"');
    }
    expect(await html(`/initiatives/${initiativeId}/benchmark`, cookie)).toContain("How the figures are computed");
    // The raw values' CSV is for brokers only.
    expect((await page(`/initiatives/${initiativeId}/benchmark.csv`, cookie)).status).toBe(403);
  });

  it("shows a member without values the aggregates only, and an outsider nothing", async () => {
    const { d, initiativeId, names, networkId } = await reportedClub();
    const report = await html(`/initiatives/${initiativeId}/benchmark`, await cookieOf(d));
    expect(report).toContain('data-testid="distribution-chart"');
    expect(report).toContain("You did not report a value for this period.");
    for (const other of [names.a, names.b, names.c]) expect(report).not.toContain(other);
    expect(report).not.toContain('data-testid="publish"');
    // Scrap has 2 values: neither shows, in any form.
    for (const value of ["47.86", "2.17"]) expect(outsideCharts(report)).not.toContain(value);

    const stranger = await createFirmOwner(deps);
    expect((await page(`/initiatives/${initiativeId}/benchmark`, await cookieOf(stranger))).status).toBe(404);
    void networkId;
  });

  it("shows the broker every value with its firm, and exports them as CSV", async () => {
    const { broker, initiativeId, periodId, names } = await reportedClub();
    const cookie = await cookieOf(broker);
    const report = await html(`/initiatives/${initiativeId}/benchmark?period=${periodId}`, cookie);
    expect(report).toContain('data-testid="raw-values"');
    for (const name of [names.a, names.b, names.c]) expect(report).toContain(name);
    // The broker publishes from here and sees what publishing again would do.
    expect(report).toContain('data-testid="publish"');
    expect(report).toContain("Publish 2026-Q3");
    expect(report).toContain("Publishing now would keep this KPI as it is: only 0 firms are new to it.");
    expect(report).toContain("47.86");
    const csv = await page(`/initiatives/${initiativeId}/benchmark.csv?period=${periodId}`, cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const body = await csv.text();
    expect(body.split("\n")[0]).toBe("period,firm_id,firm,kpi,kpi_name,unit,value,updated_at");
    expect(body).toContain(names.b);
    expect(body).toContain("47.86");
  });

  it("falls back to the latest period for an unknown one, and answers 404 for a malformed club id", async () => {
    const { a, initiativeId } = await reportedClub();
    const cookie = await cookieOf(a);
    expect(await html(`/initiatives/${initiativeId}/benchmark?period=nonsense`, cookie)).toContain("Benchmark report 2026-Q3");
    expect((await page(`/initiatives/not-an-id/benchmark`, cookie)).status).toBe(404);
    expect((await page(`/initiatives/not-an-id/club`, cookie)).status).toBe(404);
  });
});

describe("meetings", () => {
  it("shows an invalid meeting form's field errors under their fields on the first submit", async () => {
    const { broker, members, initiativeId } = await openClub(deps, { members: 1 });
    const cookie = await cookieOf(broker);
    const list = `/initiatives/${initiativeId}/meetings`;
    const fieldError = (text: string, field: string, message: string) =>
      new RegExp(`id="[^"]*-${field}-error"><li>${message}</li>`).test(text);
    const first = await post(list, cookie, {
      title: "ab",
      hostFirmId: "",
      startsAt: "",
      endsAt: "2030-03-04T17:00",
      timeZone: "UTC",
      place: "",
      agenda: "",
    });
    expect(first.status).toBe(400);
    const text = unescape(await first.text());
    expect(fieldError(text, "title", "At least 3 characters")).toBe(true);
    expect(fieldError(text, "startsAt", "Required")).toBe(true);
    expect(fieldError(text, "place", "Required")).toBe(true);
    expect(text).toMatch(/name="title"[^>]*value="ab"/);

    const meeting = await server.app.services.learning.scheduleMeeting(broker.actor, {
      initiativeId,
      title: "Plant visit",
      hostFirmId: members[0].firmId,
      startsAt: "2030-03-04T09:00",
      endsAt: "2030-03-04T12:00",
      place: "Hall 1",
    });
    const here = `${list}/${meeting.id}`;
    const moved = await post(here, cookie, {
      intent: "reschedule",
      title: "Plant visit",
      startsAt: "2030-03-04T09:00",
      endsAt: "2030-03-04T08:00",
      timeZone: "UTC",
      place: "Hall 1",
      agenda: "",
    });
    expect(moved.status).toBe(400);
    expect(fieldError(unescape(await moved.text()), "endsAt", "The meeting must end after it starts")).toBe(true);
    const action = await post(here, cookie, { intent: "addAction", description: "x", ownerFirmId: "", dueOn: "0001-01-01" });
    expect(action.status).toBe(400);
    const actionText = unescape(await action.text());
    expect(fieldError(actionText, "description", "At least 3 characters")).toBe(true);
    expect(fieldError(actionText, "dueOn", "Must be a date between the years 1900 and 9999")).toBe(true);
  });

  it("lets the broker schedule a meeting, members answer, and the broker record minutes and actions", async () => {
    const { broker, members, initiativeId } = await openClub(deps, { members: 2 });
    const brokerCookie = await cookieOf(broker);
    const list = `/initiatives/${initiativeId}/meetings`;
    expect(await html(list, brokerCookie)).toContain("Schedule a meeting");
    const memberCookie = await cookieOf(members[0]);
    expect(await html(list, memberCookie)).not.toContain("Schedule a meeting");

    const fields = {
      title: "Set-up time workshop",
      hostFirmId: members[1].firmId,
      startsAt: "2030-03-04T09:00",
      endsAt: "2030-03-04T08:00",
      timeZone: "America/Sao_Paulo",
      place: "Rua das Indústrias 100",
      agenda: "SMED at the press line",
    };
    const backwards = await post(list, brokerCookie, fields);
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("The meeting must end after it starts");
    const badZone = await post(list, brokerCookie, { ...fields, endsAt: "2030-03-04T17:00", timeZone: "Mars/Olympus" });
    expect(badZone.status).toBe(400);
    expect(await badZone.text()).toContain("Unknown time zone");
    expect(await server.app.deps.db.select().from(clubMeeting).where(eq(clubMeeting.initiativeId, initiativeId))).toEqual([]);

    const created = await post(list, brokerCookie, { ...fields, endsAt: "2030-03-04T17:00" });
    expect(created.status).toBe(302);
    const here = created.headers.get("location") ?? "";
    expect(here).toMatch(new RegExp(`^/initiatives/${initiativeId}/meetings/[0-9a-f-]{36}$`));
    const [meeting] = await server.app.deps.db.select().from(clubMeeting).where(eq(clubMeeting.initiativeId, initiativeId));
    // 09:00 in São Paulo is 12:00 UTC.
    expect(meeting.startsAt.toISOString()).toBe("2030-03-04T12:00:00.000Z");

    expect((await post(here, memberCookie, { intent: "respond", response: "yes" })).status).toBe(302);
    const memberView = await html(here, memberCookie);
    expect(memberView).toContain("You said you will come.");
    expect(memberView).toMatch(/data-testid="coming"[\s\S]*Test Person/);
    // Members read the minutes but do not write them.
    expect((await post(here, memberCookie, { intent: "minutes", minutes: "Mine" })).status).toBe(403);

    expect((await post(here, brokerCookie, { intent: "minutes", minutes: "Changeovers cut from 40 to 12 minutes." })).status).toBe(302);
    const noDescription = await post(here, brokerCookie, { intent: "addAction", description: "", ownerFirmId: "", dueOn: "" });
    expect(noDescription.status).toBe(400);
    expect(await noDescription.text()).toContain("Required");
    expect(
      (
        await post(here, brokerCookie, {
          intent: "addAction",
          description: "Film one changeover",
          ownerFirmId: members[0].firmId,
          dueOn: "2030-04-01",
        })
      ).status,
    ).toBe(302);
    const [action] = await server.app.deps.db.select().from(meetingAction).where(eq(meetingAction.meetingId, meeting.id));
    expect(action).toMatchObject({
      description: "Film one changeover",
      ownerFirmId: members[0].firmId,
      dueOn: "2030-04-01",
      status: "open",
    });
    expect((await post(here, brokerCookie, { intent: "actionStatus", actionId: action.id, status: "done" })).status).toBe(302);

    const after = await html(here, memberCookie);
    expect(after).toContain("Changeovers cut from 40 to 12 minutes.");
    expect(after).toContain("Film one changeover");
    expect(after).toContain("Done");
    // Moving the meeting: a new local time in another zone.
    const moved = await post(here, brokerCookie, {
      intent: "reschedule",
      ...fields,
      startsAt: "2030-03-05T10:00",
      endsAt: "2030-03-05T16:00",
      timeZone: "UTC",
      agenda: "",
    });
    expect(moved.status).toBe(302);
    const [again] = await server.app.deps.db.select().from(clubMeeting).where(eq(clubMeeting.id, meeting.id));
    expect(again.startsAt.toISOString()).toBe("2030-03-05T10:00:00.000Z");
    expect(again.agenda).toBe("");
    // Held only once started; cancelling works.
    expect((await post(here, brokerCookie, { intent: "status", status: "held" })).status).toBe(409);
    expect((await post(here, brokerCookie, { intent: "status", status: "cancelled" })).status).toBe(302);

    const ics = await page(`/initiatives/${initiativeId}/meetings.ics`, memberCookie);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    const outsider = await createFirmOwner(deps, { firmName: unique("Outsider") });
    expect((await page(`/initiatives/${initiativeId}/meetings.ics`, await cookieOf(outsider))).status).toBe(404);
  });
});
