import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firm } from "../db/schema/firms";
import { initiative } from "../db/schema/initiatives";
import { fair, stand, standLead, standSpace, standTask } from "../db/schema/stands";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { browserless, signIn, startTestServer, withoutMessages, type TestServer } from "./server";
import { setEmployees } from "./stand-fixtures";

/**
 * The trade-fair pages through HTTP, as a browser without JavaScript uses them: the fairs list
 * and form, the stand form, and the stand page's forms (space, decisions, tasks, leads), with
 * invalid input answered by field messages and nothing written.
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

const page = (path: string, cookie?: string) => browserless(server.url).page(path, cookie);
const post = (path: string, cookie: string | undefined, fields: Record<string, string | string[]>) =>
  browserless(server.url).post(path, cookie, fields);
const html = async (path: string, cookie: string) => {
  const res = await page(path, cookie);
  expect(res.status, path).toBe(200);
  return withoutMessages(await res.text());
};

/** A calendar day `days` from today (the server runs on the real clock). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const fairFields = () => ({
  name: unique("GDS Düsseldorf"),
  venue: "Messe Düsseldorf, Hall 8",
  city: "Düsseldorf",
  country: "DE",
  startsOn: day(120),
  endsOn: day(123),
  organiser: "Messe Düsseldorf GmbH",
  website: "https://www.example.com/gds",
});

async function countRows(table: typeof fair | typeof stand | typeof standTask | typeof standLead) {
  return (await server.app.deps.db.select().from(table)).length;
}

/** A network with members, a fair and (optionally open) stand of 40 m² with SEBRAE paying 50% for small firms. */
async function standFixture(options: { members?: number; open?: boolean } = {}) {
  const { broker, networkId, smes } = await networkWithMembers(deps, options.members ?? 2);
  await setEmployees(
    deps,
    smes.map((s) => s.firmId),
    40,
  );
  const services = server.app.services;
  const created = await services.stands.createFair(broker.actor, fairFields());
  const { id } = await services.stands.createStand(broker.actor, {
    networkId,
    fairId: created.id,
    title: unique("Joint stand"),
    description: "Shared stand for the valley's manufacturers.",
    deadline: day(60),
    areaM2: "40",
    frontageM: "8",
    minAreaM2: "2",
    totalCost: { amount: "20000.00", currency: "BRL" },
    splitRule: "by_area",
    subsidies: [{ kind: "percent", sponsor: "SEBRAE", percent: 50, maxEmployees: 99 }],
  });
  if (options.open !== false) await services.initiatives.transition(broker.actor, { initiativeId: id, to: "open" });
  const brokerCookie = await signIn(server.url, broker.email, PASSWORD);
  const cookies = await Promise.all(smes.map((s) => signIn(server.url, s.email, PASSWORD)));
  return { broker, networkId, smes, initiativeId: id, fairId: created.id, brokerCookie, cookies, path: `/initiatives/${id}/stand` };
}

async function spaceOf(initiativeId: string, firmId: string) {
  const rows = await server.app.deps.db
    .select()
    .from(standSpace)
    .where(and(eq(standSpace.initiativeId, initiativeId), eq(standSpace.firmId, firmId)));
  return rows.find((r) => r.status === "requested" || r.status === "confirmed" || r.status === "waiting") ?? null;
}

describe("fairs", () => {
  it("lets a broker add a fair through the form and shows it on the fairs list", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    expect((await page("/fairs/new", cookie)).status).toBe(200);
    const fields = fairFields();
    const res = await post("/fairs/new", cookie, fields);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/fairs#fair-[0-9a-f-]{36}$/);
    const [row] = await server.app.deps.db.select().from(fair).where(eq(fair.name, fields.name));
    expect(row).toMatchObject({ city: "Düsseldorf", country: "DE", startsOn: fields.startsOn, website: fields.website });

    // An SME sees it among the upcoming fairs.
    const sme = await createFirmOwner(deps);
    const list = await html("/fairs", await signIn(server.url, sme.email, PASSWORD));
    expect(list).toContain(fields.name);
    expect(list).toContain("Starts in 120 days");
  });

  it("answers invalid input with field messages and writes nothing", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const before = await countRows(fair);
    const blank = await post("/fairs/new", cookie, { ...fairFields(), name: "", startsOn: "next spring", website: "ftp://x" });
    expect(blank.status).toBe(400);
    const text = await blank.text();
    expect(text).toContain("Required");
    expect(text).toContain("Must be a date");
    expect(text).toContain("Must be a web address starting with http:// or https://");
    const reversed = await post("/fairs/new", cookie, { ...fairFields(), startsOn: day(130), endsOn: day(120) });
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("The fair cannot end before it starts.");
    expect(await countRows(fair)).toBe(before);
  });

  it("goes back to the stand form with the new fair chosen, and only to this site", async () => {
    const broker = await createUserWithRole(deps, "broker");
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const back = await post(`/fairs/new?returnTo=${encodeURIComponent("/networks/abc/stands/new?title=Stand")}`, cookie, fairFields());
    expect(back.headers.get("location")).toMatch(/^\/networks\/abc\/stands\/new\?title=Stand&fairId=[0-9a-f-]{36}$/);
    const elsewhere = await post(`/fairs/new?returnTo=${encodeURIComponent("//evil.example/x")}`, cookie, fairFields());
    expect(elsewhere.headers.get("location")).toMatch(/^\/fairs#fair-/);
  });

  it("keeps adding fairs to brokers", async () => {
    const sme = await createFirmOwner(deps);
    const cookie = await signIn(server.url, sme.email, PASSWORD);
    const before = await countRows(fair);
    expect((await page("/fairs/new", cookie)).status).toBe(403);
    expect((await post("/fairs/new", cookie, fairFields())).status).toBe(403);
    expect(await countRows(fair)).toBe(before);
    const list = await html("/fairs", cookie);
    expect(list).not.toContain('href="/fairs/new"');
  });
});

describe("the stand form", () => {
  const standFields = (fairId: string, extra: Record<string, string> = {}) => ({
    fairId,
    title: "Sinos Valley stand at GDS",
    description: "Eight manufacturers, one stand.",
    deadline: day(60),
    areaM2: "40",
    frontageM: "8",
    minAreaM2: "2",
    "totalCost.amount": "20000.00",
    "totalCost.currency": "BRL",
    splitRule: "fee_plus_area",
    fixedFee: "500.00",
    "subsidies[0].sponsor": "SEBRAE",
    "subsidies[0].kind": "percent",
    "subsidies[0].value": "50",
    "subsidies[0].maxEmployees": "99",
    "subsidies[1].sponsor": "Prefeitura",
    "subsidies[1].kind": "fixed",
    "subsidies[1].value": "1000",
    "subsidies[1].capPerFirm": "250",
    shareCosts: "on",
    ...extra,
  });

  it("creates a draft stand with its subsidies from a form post", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 1);
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const created = await server.app.services.stands.createFair(broker.actor, fairFields());
    const form = await html(`/networks/${networkId}/stands/new?fairId=${created.id}`, cookie);
    expect(form).toMatch(new RegExp(`<option value="${created.id}" selected=""`));
    expect(form).toContain(`/fairs/new?returnTo=${encodeURIComponent(`/networks/${networkId}/stands/new`)}`);

    const res = await post(`/networks/${networkId}/stands/new`, cookie, standFields(created.id));
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/initiatives\/[0-9a-f-]{36}\/stand$/);
    const initiativeId = location.split("/")[2];
    const view = await server.app.services.stands.getStand(broker.actor, { initiativeId });
    expect(view.initiative).toMatchObject({ status: "draft", title: "Sinos Valley stand at GDS" });
    expect(view.stand).toMatchObject({
      areaDm2: 4000,
      frontageDm: 80,
      minAreaDm2: 200,
      totalCostMinor: 2_000_000,
      fixedFeeMinor: 50_000,
      shareCosts: true,
      shareLeads: false,
    });
    expect(view.subsidies).toMatchObject([
      { sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000, maxEmployees: 99, capPerFirmMinor: null },
      { sponsor: "Prefeitura", kind: "fixed", amountMinor: 100_000, capPerFirmMinor: 25_000 },
    ]);
    const [row] = await server.app.deps.db.select().from(initiative).where(eq(initiative.id, initiativeId));
    expect(row.objective).toBe("joint_selling");
    // The stand page shows the draft notice to its broker.
    expect(await html(location, cookie)).toContain('data-testid="draft-notice"');
  });

  it("answers invalid input with translated field messages and writes nothing", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 1);
    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const created = await server.app.services.stands.createFair(broker.actor, fairFields());
    const before = await countRows(stand);

    const shape = await post(
      `/networks/${networkId}/stands/new`,
      cookie,
      standFields(created.id, { title: "", areaM2: "forty", "subsidies[0].value": "150" }),
    );
    expect(shape.status).toBe(400);
    const shapeText = await shape.text();
    expect(shapeText).toContain("Required");
    expect(shapeText).toContain("An area in m² above 0, at most two decimals (e.g. 12.5)");
    expect(shapeText).toContain("Must be at most 100");

    // Rules the service checks: the minimum fits the stand, the deadline is not after the fair.
    const rules = await post(`/networks/${networkId}/stands/new`, cookie, standFields(created.id, { minAreaM2: "50", deadline: day(125) }));
    expect(rules.status).toBe(400);
    const rulesText = await rules.text();
    expect(rulesText).toContain("The minimum cannot exceed the stand");
    expect(rulesText).toContain("Check the fields marked below.");

    const late = await post(`/networks/${networkId}/stands/new`, cookie, standFields(created.id, { deadline: day(125) }));
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("The booking deadline must not fall after the fair starts");
    expect(await countRows(stand)).toBe(before);
  });

  it("is for the network's brokers only, and the new-initiative form sends joint selling there", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const member = await signIn(server.url, smes[0].email, PASSWORD);
    expect((await page(`/networks/${networkId}/stands/new`, member)).status).toBe(403);
    const other = await createUserWithRole(deps, "broker");
    // Another network's broker does not even see this network.
    expect((await page(`/networks/${networkId}/stands/new`, await signIn(server.url, other.email, PASSWORD))).status).toBe(404);

    const cookie = await signIn(server.url, broker.email, PASSWORD);
    const res = await post(`/networks/${networkId}/initiatives/new`, cookie, {
      objective: "joint_selling",
      title: "Stand at GDS",
      description: "",
      deadline: day(30),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/networks/${networkId}/stands/new?title=Stand+at+GDS&deadline=${day(30)}`);
    const form = await html(res.headers.get("location")!, cookie);
    expect(form).toMatch(/name="title"[^>]*value="Stand at GDS"/);
  });
});

describe("the stand page", () => {
  it("lets a member take space without JavaScript and shows the plan, its space and its cost", async () => {
    const { smes, initiativeId, cookies, path } = await standFixture();
    const res = await post(path, cookies[0], { intent: "request", areaM2: "12" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${path}#my-space`);
    expect(await spaceOf(initiativeId, smes[0].firmId)).toMatchObject({ status: "requested", grantedDm2: 1200 });

    const text = await html(path, cookies[0]);
    expect(text).toContain('data-testid="stand-plan"');
    expect(text).toContain('role="img"');
    expect(text).toContain("28 m² free");
    expect(text).toContain("Your space");
    expect(text).toContain("8 m × 5 m");
    expect(text).toMatch(/data-testid="own-gross">R\$(\s|&nbsp;)?20,000\.00</);
    // 40 employees: SEBRAE pays half.
    expect(text).toMatch(/data-testid="own-cost">R\$(\s|&nbsp;)?10,000\.00</);

    // The second member asks for more than is free: it waits, and sees its place.
    expect((await post(path, cookies[1], { intent: "request", areaM2: "30" })).status).toBe(302);
    expect(await spaceOf(initiativeId, smes[1].firmId)).toMatchObject({ status: "waiting", grantedDm2: 0, requestedDm2: 3000 });
    expect(await html(path, cookies[1])).toContain("Your firm is number 1 of 1 on the waiting list, for 30 m².");

    // The first member releases its space before the deadline: the waiting firm is served.
    const released = await post(path, cookies[0], { intent: "release" });
    expect(released.status).toBe(302);
    expect(await spaceOf(initiativeId, smes[0].firmId)).toBeNull();
    expect(await spaceOf(initiativeId, smes[1].firmId)).toMatchObject({ status: "requested", grantedDm2: 3000 });
    expect(await html(path, cookies[0])).toContain("Your firm holds no space on this stand.");
  });

  it("keeps another exhibitor's cost private: no totals below five firms or when one firm dominates, a translated note instead", async () => {
    const { smes, cookies, brokerCookie, path } = await standFixture({ members: 5 });
    await setEmployees(deps, [smes[1].firmId], 250);
    expect((await post(path, cookies[0], { intent: "request", areaM2: "10" })).status).toBe(302);
    expect((await post(path, cookies[1], { intent: "request", areaM2: "10" })).status).toBe(302);

    const mine = await html(path, cookies[0]);
    expect(mine).toMatch(/data-testid="own-cost">R\$(\s|&nbsp;)?5,000\.00</);
    expect(mine).toContain('data-testid="totals-withheld"');
    expect(mine).toContain("Totals are shown once 5 exhibitors hold space (2 now)");
    expect(mine).not.toContain('data-testid="total-net"');
    expect(mine).not.toMatch(/Pays [^<]* now/);
    // The other firm's net (10,000.00, not small) appears nowhere, nor the subsidy's total.
    expect(mine).not.toMatch(/15,000\.00|R\$(\s|&nbsp;)?5,000\.00 now/);
    const portuguese = await (await browserless(server.url).page(path, cookies[0], { headers: { "accept-language": "pt-BR" } })).text();
    expect(portuguese).toContain("Os totais aparecem quando 5 expositores ocupam espaço (2 agora)");

    // The broker sees every line and the totals.
    const broker = await html(path, brokerCookie);
    expect(broker).toContain('data-testid="total-net"');
    expect(broker).not.toContain('data-testid="totals-withheld"');

    // Five exhibitors: the totals appear, still nothing per subsidy.
    for (const cookie of cookies.slice(2, 5)) expect((await post(path, cookie, { intent: "request", areaM2: "6" })).status).toBe(302);
    const five = await html(path, cookies[0]);
    expect(five).toContain('data-testid="total-net"');
    expect(five).not.toContain('data-testid="totals-withheld"');
    expect(five).not.toMatch(/Pays [^<]* now/);

    // Only one other firm subsidised: the subsidy total minus one's own would be its subsidy.
    await setEmployees(deps, [smes[3].firmId, smes[4].firmId], 250);
    const dominated = await html(path, cookies[0]);
    expect(dominated).not.toContain('data-testid="total-net"');
    expect(dominated).toContain("Totals are not shown: one firm makes up more than 85% of them");
    const spanish = await (await browserless(server.url).page(path, cookies[0], { headers: { "accept-language": "es" } })).text();
    expect(spanish).toContain("Los totales no se muestran: una empresa representa más del 85");
  });

  it("answers an invalid request with a field message and writes nothing", async () => {
    const { smes, initiativeId, cookies, path } = await standFixture();
    const bad = await post(path, cookies[0], { intent: "request", areaM2: "a lot" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("An area in m² above 0, at most two decimals (e.g. 12.5)");
    const small = await post(path, cookies[0], { intent: "request", areaM2: "1.5" });
    expect(small.status).toBe(400);
    expect(await small.text()).toContain("At least 2 m² per exhibitor.");
    const big = await post(path, cookies[0], { intent: "request", areaM2: "41" });
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("The whole stand has 40 m².");
    expect(await spaceOf(initiativeId, smes[0].firmId)).toBeNull();
  });

  it("shows the broker's decision controls to the broker only; the broker trims and the waiting list is served", async () => {
    const { smes, initiativeId, cookies, brokerCookie, path } = await standFixture({ members: 3 });
    await post(path, cookies[0], { intent: "request", areaM2: "20" });
    await post(path, cookies[1], { intent: "request", areaM2: "16" });
    await post(path, cookies[2], { intent: "request", areaM2: "8" });
    expect(await spaceOf(initiativeId, smes[2].firmId)).toMatchObject({ status: "waiting" });
    const first = (await spaceOf(initiativeId, smes[0].firmId))!;

    const memberView = await html(path, cookies[1]);
    expect(memberView).not.toContain('name="decision"');
    expect(memberView).not.toContain('data-testid="requests"');
    // A member posting a decision is refused, and nothing changes.
    const refused = await post(path, cookies[1], { intent: "decide", target: first.id, spaceId: first.id, decision: "decline" });
    expect(refused.status).toBe(403);
    expect(await spaceOf(initiativeId, smes[0].firmId)).toMatchObject({ status: "requested", grantedDm2: 2000 });

    const brokerView = await html(path, brokerCookie);
    expect(brokerView).toContain('data-testid="requests"');
    expect(brokerView).toContain('data-testid="waiting-list"');
    expect(brokerView).toContain('name="decision" value="trim"');

    // Trimming to a larger area is refused with a field message.
    const wrong = await post(path, brokerCookie, { intent: "decide", target: first.id, spaceId: first.id, decision: "trim", areaM2: "25" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Trim to less than the area held now.");

    const trimmed = await post(path, brokerCookie, {
      intent: "decide",
      target: first.id,
      spaceId: first.id,
      decision: "trim",
      areaM2: "16",
    });
    expect(trimmed.status).toBe(302);
    expect(await spaceOf(initiativeId, smes[0].firmId)).toMatchObject({ status: "confirmed", grantedDm2: 1600 });
    // 4 m² freed + 4 m² free = 8 m²: the waiting firm is served.
    expect(await spaceOf(initiativeId, smes[2].firmId)).toMatchObject({ status: "requested", grantedDm2: 800 });

    const second = (await spaceOf(initiativeId, smes[1].firmId))!;
    expect((await post(path, brokerCookie, { intent: "decide", target: second.id, spaceId: second.id, decision: "confirm" })).status).toBe(
      302,
    );
    expect(await spaceOf(initiativeId, smes[1].firmId)).toMatchObject({ status: "confirmed", grantedDm2: 1600 });
    // Every line for the broker, reconciled to the cent.
    const costs = await html(path, brokerCookie);
    expect(costs).toMatch(/data-testid="total-gross">R\$(\s|&nbsp;)?20,000\.00</);
    expect(costs).toMatch(/data-testid="total-net">R\$(\s|&nbsp;)?10,000\.00</);
  });

  it("keeps the task list: add, invalid input, status change, overdue tasks stand out", async () => {
    const { broker, smes, initiativeId, cookies, brokerCookie, path } = await standFixture();
    await post(path, cookies[0], { intent: "request", areaM2: "10" });
    const before = await countRows(standTask);
    const invalid = await post(path, brokerCookie, { intent: "addTask", title: "", category: "samples", dueOn: "soon", status: "todo" });
    expect(invalid.status).toBe(400);
    const invalidText = await invalid.text();
    expect(invalidText).toContain("Required");
    expect(invalidText).toContain("Must be a date");
    expect(await countRows(standTask)).toBe(before);

    const added = await post(path, brokerCookie, {
      intent: "addTask",
      title: "Ship samples to Düsseldorf",
      category: "samples",
      ownerUserId: smes[0].userId,
      dueOn: day(40),
      status: "todo",
    });
    expect(added.status).toBe(302);
    const [task] = await server.app.deps.db.select().from(standTask).where(eq(standTask.initiativeId, initiativeId));
    expect(task).toMatchObject({ title: "Ship samples to Düsseldorf", ownerUserId: smes[0].userId, status: "todo" });

    // The owner (a participant) moves it on.
    const moved = await post(path, cookies[0], {
      intent: "updateTask",
      target: task.id,
      taskId: task.id,
      status: "in_progress",
      ownerUserId: smes[0].userId,
      dueOn: day(40),
    });
    expect(moved.status).toBe(302);
    const [after] = await server.app.deps.db.select().from(standTask).where(eq(standTask.id, task.id));
    expect(after.status).toBe("in_progress");

    await server.app.services.stands.addStandTask(broker.actor, {
      initiativeId,
      title: "Book the hotel",
      category: "travel",
      dueOn: day(-2),
    });
    const text = await html(path, cookies[0]);
    expect(text).toContain("1 task is overdue.");
    expect(text).toMatch(/class="task-overdue"[^>]*>[\s\S]*?Book the hotel[\s\S]*?Overdue/);
  });

  it("refuses a task's impossible due date with a field message on the first post", async () => {
    const { broker, initiativeId, brokerCookie, path } = await standFixture();
    const { taskId } = await server.app.services.stands.addStandTask(broker.actor, {
      initiativeId,
      title: "Print the catalogue",
      category: "other",
      dueOn: day(30),
    });
    const bad = await post(path, brokerCookie, {
      intent: "updateTask",
      target: taskId,
      taskId,
      status: "todo",
      ownerUserId: "",
      dueOn: "0001-01-01",
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    // The message sits under the due date of this task's form, which stays open to show it.
    expect(text).toMatch(
      new RegExp(`id="task-form-${taskId}-[^"]*dueOn-error"[^>]*><li>Must be a date between the years 1900 and 9999</li>`),
    );
    expect(text).toMatch(/<details class="task-more" open="">/);
    const [task] = await server.app.deps.db.select().from(standTask).where(eq(standTask.id, taskId));
    expect(task.dueOn).toBe(day(30));

    const added = await post(path, brokerCookie, {
      intent: "addTask",
      title: "Book the hotel",
      category: "travel",
      dueOn: "0001-01-01",
      status: "todo",
    });
    expect(added.status).toBe(400);
    expect(await added.text()).toMatch(/id="add-task-[^"]*dueOn-error"[^>]*><li>Must be a date between the years 1900 and 9999<\/li>/);
  });

  it("logs leads, turns one into an invitation link and prefills the buyer's sign-up", async () => {
    const { smes, initiativeId, networkId, cookies, brokerCookie, path } = await standFixture();
    await post(path, cookies[0], { intent: "request", areaM2: "10" });
    // Without space, no lead form.
    expect(await html(path, cookies[1])).not.toContain('name="intent" value="addLead"');

    const before = await countRows(standLead);
    const invalid = await post(path, cookies[0], { intent: "addLead", buyerName: "", country: "XX", buyerType: "retailer" });
    expect(invalid.status).toBe(400);
    const invalidText = await invalid.text();
    expect(invalidText).toContain("Required");
    expect(invalidText).toContain("Unknown country");
    expect(await countRows(standLead)).toBe(before);

    const logged = await post(path, cookies[0], {
      intent: "addLead",
      buyerName: "Schuhhaus Müller",
      country: "DE",
      buyerType: "retailer",
      products: "Women's leather boots",
      nextStep: "Send the catalogue",
      followUpOn: day(70),
      contactEmail: "einkauf@schuhhaus.example",
    });
    expect(logged.status).toBe(302);
    const [lead] = await server.app.deps.db.select().from(standLead).where(eq(standLead.initiativeId, initiativeId));
    expect(lead).toMatchObject({ buyerName: "Schuhhaus Müller", firmId: smes[0].firmId, invitationToken: null });

    // The broker sees every lead.
    expect(await html(path, brokerCookie)).toContain("Schuhhaus Müller");

    const invited = await post(path, cookies[0], { intent: "invite", leadId: lead.id });
    expect(invited.status).toBe(302);
    const [withToken] = await server.app.deps.db.select().from(standLead).where(eq(standLead.id, lead.id));
    // 24 random bytes, URL-safe.
    expect(withToken.invitationToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const text = await html(path, cookies[0]);
    expect(text).toContain(`${server.url}/signup?lead=${withToken.invitationToken}`);

    const signup = await (await page(`/signup?lead=${withToken.invitationToken}`)).text();
    expect(signup).toContain('data-testid="lead-invitation"');
    expect(signup).toMatch(/name="firmName"[^>]*value="Schuhhaus Müller"/);
    expect(signup).toMatch(/<option value="DE" selected="">/);
    expect(signup).toMatch(/name="leadToken" value="[^"]+"/);

    // The buyer signs up through the link: the lead records its new firm and shows it joined.
    const joined = await post(`/signup?lead=${withToken.invitationToken}`, undefined, {
      role: "buyer",
      name: "Greta Müller",
      email: `${unique("greta")}@schuhhaus.example`.toLowerCase(),
      password: PASSWORD,
      firmChoice: "create",
      firmName: "Schuhhaus Müller",
      country: "DE",
      sector: "4772",
      buyerType: "global_retailer",
      leadToken: withToken.invitationToken!,
    });
    expect(joined.status).toBe(302);
    const [linked] = await server.app.deps.db.select().from(standLead).where(eq(standLead.id, lead.id));
    const [joinedFirm] = await server.app.deps.db.select({ id: firm.id }).from(firm).where(eq(firm.name, "Schuhhaus Müller"));
    expect(linked.joinedFirmId).toBe(joinedFirm.id);
    expect(await html(path, cookies[0])).toContain("Joined Jointly");

    // The broker's network page tells the stand's story in words, never as action names.
    const networkPage = await html(`/networks/${networkId}`, brokerCookie);
    const activity = /<ol[^>]*data-testid="activity">([\s\S]*?)<\/ol>/.exec(networkPage)?.[1] ?? "";
    for (const words of [
      "requested space on the stand",
      "logged a lead met at the fair",
      "invited a lead to Jointly",
      "a buyer met at the fair joined Jointly through its invitation",
    ]) {
      expect(activity).toContain(words);
    }
    expect(activity).not.toMatch(/stand\.[a-z_]+/);
  });

  it("offers the calendar as an ICS file, the initiative page links to the stand, and outsiders get 404", async () => {
    const { initiativeId, cookies, path } = await standFixture();
    const ics = await page(`${path}/calendar.ics`, cookies[0]);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");

    const initiativePage = await html(`/initiatives/${initiativeId}`, cookies[0]);
    expect(initiativePage).toContain('data-testid="stand-panel"');
    expect(initiativePage).toContain(`href="${path}"`);

    const outsider = await createFirmOwner(deps);
    const outsiderCookie = await signIn(server.url, outsider.email, PASSWORD);
    expect((await page(path, outsiderCookie)).status).toBe(404);
    expect((await page(`${path}/calendar.ics`, outsiderCookie)).status).toBe(404);
    expect((await page("/initiatives/not-an-id/stand", outsiderCookie)).status).toBe(404);
  });
});
