import { eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiative } from "../db/schema/initiatives";
import { standOperations } from "../server/api/operations-stands";
import { userRoom } from "../server/realtime/events";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { expectDocumented, failure, openApiOf } from "./answers";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { api, signIn, startTestServer, type TestServer } from "./server";
import { setEmployees, standInput } from "./stand-fixtures";

let server: TestServer;
let deps: ReturnType<typeof makeDeps>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // The server's own database and publisher, for the fixtures HTTP does not need to prove.
  deps = { ...makeDeps(server.app.deps.db, () => new Date()), publisher: server.app.deps.publisher } as ReturnType<typeof makeDeps>;
});
afterAll(async () => {
  for (const s of sockets) s.close();
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

/** Dates relative to the real clock (the server's), so the fair is always ahead. */
function daysFromNow(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const fairBody = (extra: Record<string, unknown> = {}) => ({
  name: "GDS Düsseldorf",
  venue: "Messe Düsseldorf",
  city: "Düsseldorf",
  country: "DE",
  startsOn: daysFromNow(100),
  endsOn: daysFromNow(102),
  organiser: "Messe Düsseldorf GmbH",
  website: "https://www.example.com/gds",
  ...extra,
});

type Network = Awaited<ReturnType<typeof networkWithMembers>>;
type Member = Network["smes"][number];

describe("/api/v1 stands", () => {
  // One stand through its life, in steps that build on each other (vitest runs them in order):
  // every operation documented, each role allowed only its part.
  describe("a stand runs from fair to release over HTTP, each role allowed only its part", () => {
    let broker: Network["broker"];
    let networkId: string;
    let first: Member;
    let second: Member;
    let third: Member;
    let bystander: Member;
    let brokerClient: Client;
    let a: Client;
    let b: Client;
    let c: Client;
    let member: Client;
    let outsider: Client;
    let buyer: Client;
    let fairId: string;
    let body: ReturnType<typeof standInput>;
    let id: string;
    let thirdSpaceId: string;
    let leadId: string;

    beforeAll(async () => {
      const network = await networkWithMembers(deps, 4);
      ({ broker, networkId } = network);
      [first, second, third, bystander] = network.smes;
      await setEmployees(
        deps,
        network.smes.map((s) => s.firmId),
        40,
      );
      const outsiderAccount = await createFirmOwner(deps);
      const buyerAccount = await createFirmOwner(deps, { role: "buyer" });
      brokerClient = await signedIn(broker.email);
      a = await signedIn(first.email);
      b = await signedIn(second.email);
      c = await signedIn(third.email);
      member = await signedIn(bystander.email);
      outsider = await signedIn(outsiderAccount.email);
      buyer = await signedIn(buyerAccount.email);
    }, 120_000);

    it("records fairs for brokers only, refusing bad fields by name (a year PostgreSQL cannot store too); brokers and SMEs list them, buyers cannot", async () => {
      // Fairs: brokers record them, brokers and SMEs list them, buyers neither.
      expect((await a.post("/fairs", fairBody())).status).toBe(403);
      const invalidFair = await brokerClient.post("/fairs", fairBody({ country: "XX", startsOn: "soon" }));
      expect(invalidFair.status).toBe(400);
      expect(Object.keys(failure(invalidFair).fields ?? {}).sort()).toEqual(["country", "startsOn"]);
      // A year PostgreSQL cannot store is a 400 naming the field, not a 500.
      const yearZero = await brokerClient.post("/fairs", fairBody({ startsOn: "0000-02-01" }));
      expect(yearZero.status).toBe(400);
      expect(Object.keys(failure(yearZero).fields ?? {})).toEqual(["startsOn"]);
      const recorded = await brokerClient.post("/fairs", fairBody());
      expect(recorded.status).toBe(201);
      const fair = expectDocumented("createFair", recorded.body);
      fairId = fair.id;
      const fairs = await a.get("/fairs");
      expect(fairs.status).toBe(200);
      expect(expectDocumented("listFairs", fairs.body).items.map((f) => f.id)).toContain(fair.id);
      expectDocumented("listFairs", (await brokerClient.get("/fairs?includePast=true")).body);
      expect((await buyer.get("/fairs")).status).toBe(403);
    });

    it("creates the stand for the broker only: the generic form refuses joint_selling, invalid stands are refused by field and write nothing", async () => {
      // The stand: the generic initiative form refuses joint_selling; invalid input writes nothing.
      const generic = await brokerClient.post("/initiatives", {
        networkId,
        objective: "joint_selling",
        title: "A stand",
        deadline: daysFromNow(60),
      });
      expect(generic.status).toBe(400);
      expect(failure(generic).fields?.objective[0]).toMatch(/createStand/);
      body = standInput(networkId, fairId, { title: "Joint stand at GDS", deadline: daysFromNow(60) });
      const invalid = await brokerClient.post("/stands", {
        ...body,
        areaM2: "0",
        subsidies: [{ kind: "percent", sponsor: "SEBRAE", percent: 150 }],
      });
      expect(invalid.status).toBe(400);
      expect(Object.keys(failure(invalid).fields ?? {}).sort()).toEqual(["subsidies.0.percent"]);
      const zero = await brokerClient.post("/stands", { ...body, areaM2: "0" });
      expect(zero.status).toBe(400);
      expect(Object.keys(failure(zero).fields ?? {})).toEqual(["areaM2"]);
      expect(await deps.db.select().from(initiative).where(eq(initiative.networkId, networkId))).toEqual([]);
      expect((await a.post("/stands", body)).status).toBe(403);
      expect((await outsider.post("/stands", body)).status).toBe(404);
      const created = await brokerClient.post("/stands", body);
      expect(created.status).toBe(201);
      ({ id } = expectDocumented("createStand", created.body));
    });

    it("keeps the draft the brokers' own: members do not see it, the broker reads and updates it, then opens it", async () => {
      // A draft is the brokers' own.
      expect((await a.get(`/initiatives/${id}/stand`)).status).toBe(404);
      expectDocumented("getStand", (await brokerClient.get(`/initiatives/${id}/stand`)).body);
      const updated = await brokerClient.put(`/initiatives/${id}/stand`, { ...body, networkId: undefined, areaM2: "40", frontageM: "8" });
      expect(updated.status).toBe(200);
      expectDocumented("updateStand", updated.body);
      await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" });
    });

    it("fills the 40 m² stand with 12, 8 and 20 m² (two exhibitors get no totals), puts the next firm on the waiting list; others cannot request", async () => {
      // Space: 12, 8 and 20 m² fill the 40 m² stand.
      const requested = await a.put(`/initiatives/${id}/stand/space`, { areaM2: "12" });
      expect(requested.status).toBe(200);
      expect(expectDocumented("requestStandSpace", requested.body)).toMatchObject({
        status: "requested",
        grantedDm2: 1200,
        holds: true,
        position: null,
      });
      await b.put(`/initiatives/${id}/stand/space`, { areaM2: "8" });
      // With two exhibitors and private costs, neither gets totals or figures per subsidy (the
      // other's line would be the totals minus its own).
      const twoFirms = expectDocumented("getStandCosts", (await b.get(`/initiatives/${id}/stand/costs`)).body);
      expect(twoFirms).toMatchObject({
        seesAll: false,
        totals: null,
        totalsWithheld: "too_few",
        bySubsidy: null,
        totalsFromExhibitors: 5,
        exhibitorCount: 2,
        totalCostMinor: 2_000_000,
      });
      expect(twoFirms.lines).toHaveLength(1);
      expect(expectDocumented("getStand", (await a.get(`/initiatives/${id}/stand`)).body).costs).toMatchObject({
        totals: null,
        bySubsidy: null,
      });
      await c.put(`/initiatives/${id}/stand/space`, { areaM2: "20" });
      const waiting = await member.put(`/initiatives/${id}/stand/space`, { areaM2: "4" });
      expect(expectDocumented("requestStandSpace", waiting.body)).toMatchObject({ status: "waiting", position: 1, holds: false });
      expect((await member.put(`/initiatives/${id}/stand/space`, { areaM2: "1" })).status).toBe(400);
      expect((await brokerClient.put(`/initiatives/${id}/stand/space`, { areaM2: "4" })).status).toBe(403);
      expect((await outsider.put(`/initiatives/${id}/stand/space`, { areaM2: "4" })).status).toBe(404);
      expect((await buyer.put(`/initiatives/${id}/stand/space`, { areaM2: "4" })).status).toBe(404);
    });

    it("shows the broker every cost line and an exhibitor its own (totals withheld below five firms), all lines with shareCosts; the plan is shared", async () => {
      // Costs: the broker sees every line; with three firms an exhibitor its own line only (the totals need five), all of them only with shareCosts.
      const costsAnswer = await brokerClient.get(`/initiatives/${id}/stand/costs`);
      expect(costsAnswer.status).toBe(200);
      const costs = expectDocumented("getStandCosts", costsAnswer.body);
      expect(costs.lines.map((l) => l.netMinor).sort((x, y) => x - y)).toEqual([200_000, 300_000, 500_000]);
      const own = expectDocumented("getStandCosts", (await b.get(`/initiatives/${id}/stand/costs`)).body);
      expect(own.lines).toEqual([
        expect.objectContaining({ firmId: second.firmId, grossMinor: 400_000, subsidyMinor: 200_000, netMinor: 200_000 }),
      ]);
      expect(own).toMatchObject({ totals: null, totalsWithheld: "too_few", exhibitorCount: 3 });
      expect(costs).toMatchObject({
        totals: { grossMinor: 2_000_000, subsidyMinor: 1_000_000, netMinor: 1_000_000 },
        totalsWithheld: null,
      });
      expect(own.bySubsidy).toBeNull();
      const page = expectDocumented("getStand", (await b.get(`/initiatives/${id}/stand`)).body);
      expect(page.costs.lines).toHaveLength(1);
      // The plan is shared: names and areas of every exhibitor.
      expect(page.plan.spaces).toHaveLength(3);
      expect(page.waitingList).toEqual([]);
      expect(page.waitingCount).toBe(1);
      thirdSpaceId = page.plan.spaces.find((s) => s.firmId === third.firmId)!.spaceId;
      await brokerClient.put(`/initiatives/${id}/stand`, { ...body, networkId: undefined, shareCosts: true });
      const sharedCosts = expectDocumented("getStandCosts", (await b.get(`/initiatives/${id}/stand/costs`)).body);
      expect(sharedCosts.seesAll).toBe(true);
      expect(sharedCosts.lines).toHaveLength(3);
      // A member without space sees the totals only.
      expect(expectDocumented("getStandCosts", (await member.get(`/initiatives/${id}/stand/costs`)).body).lines).toEqual([]);
    });

    it("does not let outsiders or buyers learn the stand exists: page, costs and calendar are 404", async () => {
      // Outsiders and buyers do not learn the stand exists.
      for (const reader of [outsider, buyer]) {
        expect((await reader.get(`/initiatives/${id}/stand`)).status).toBe(404);
        expect((await reader.get(`/initiatives/${id}/stand/costs`)).status).toBe(404);
        expect((await reader.raw(`/initiatives/${id}/stand/calendar.ics`)).status).toBe(404);
      }
    });

    it("lets only the broker decide on a space: trimming frees area that serves the waiting list, and a decided space cannot be decided again", async () => {
      // Decisions: members may not decide; the broker trims, and the freed area serves the waiting list.
      const decision = `/initiatives/${id}/stand/spaces/${thirdSpaceId}/decision`;
      expect((await a.post(decision, { decision: "decline" })).status).toBe(403);
      expect((await outsider.post(decision, { decision: "decline" })).status).toBe(404);
      const trimmed = await brokerClient.post(decision, { decision: "trim", areaM2: "16" });
      expect(trimmed.status).toBe(200);
      expect(expectDocumented("decideStandSpace", trimmed.body)).toMatchObject({
        status: "confirmed",
        grantedDm2: 1600,
        served: [{ firmId: bystander.firmId, grantedDm2: 400 }],
      });
      const confirmedAgain = await brokerClient.post(decision, { decision: "confirm" });
      expect(confirmedAgain.status).toBe(409);
    });

    it("lets the broker and participants keep the task list, not outsiders; a year-zero due or follow-up date is refused", async () => {
      // Tasks: the broker and the participants; a member without a stake neither.
      const task = await brokerClient.post(`/initiatives/${id}/stand/tasks`, {
        title: "Ship the samples",
        category: "samples",
        ownerUserId: first.userId,
        dueOn: daysFromNow(30),
      });
      expect(task.status).toBe(201);
      const { taskId } = expectDocumented("addStandTask", task.body);
      const taskUpdate = await a.put(`/initiatives/${id}/stand/tasks/${taskId}`, { status: "in_progress" });
      expect(taskUpdate.status).toBe(200);
      expectDocumented("updateStandTask", taskUpdate.body);
      expect((await outsider.post(`/initiatives/${id}/stand/tasks`, { title: "Spam", dueOn: daysFromNow(30) })).status).toBe(404);
      expect((await brokerClient.post(`/initiatives/${id}/stand/tasks`, { title: "Year zero", dueOn: "0000-01-01" })).status).toBe(400);
      expect(
        (
          await a.post(`/initiatives/${id}/stand/leads`, {
            buyerName: "Year zero",
            country: "DE",
            buyerType: "retailer",
            followUpOn: "0000-01-01",
          })
        ).status,
      ).toBe(400);
    });

    it("keeps each exhibitor's leads its own until the stand shares them (without contacts); the broker sees all; only the lead's owner invites the buyer", async () => {
      // Leads: each exhibitor its own unless the stand shares them; the broker all.
      const lead = await a.post(`/initiatives/${id}/stand/leads`, {
        buyerName: "Schuhhaus Becker",
        country: "DE",
        buyerType: "retailer",
        products: "Boots",
        contactEmail: "einkauf@becker.example",
      });
      expect(lead.status).toBe(201);
      ({ leadId } = expectDocumented("addStandLead", lead.body));
      await b.post(`/initiatives/${id}/stand/leads`, { buyerName: "Importadora Andina", country: "CL", buyerType: "importer" });
      expect(
        (await brokerClient.post(`/initiatives/${id}/stand/leads`, { buyerName: "Broker Buyer GmbH", country: "DE", buyerType: "agent" }))
          .status,
      ).toBe(403);
      const leadsOf = async (reader: Client) =>
        (expectDocumented("getStand", (await reader.get(`/initiatives/${id}/stand`)).body).leads ?? []).map((l) => l.buyerName).sort();
      expect(await leadsOf(a)).toEqual(["Schuhhaus Becker"]);
      expect(await leadsOf(b)).toEqual(["Importadora Andina"]);
      expect(await leadsOf(brokerClient)).toEqual(["Importadora Andina", "Schuhhaus Becker"]);
      expect((await b.post(`/initiatives/${id}/stand/leads/${leadId}/invitation`)).status).toBe(404);
      await brokerClient.put(`/initiatives/${id}/stand`, { ...body, networkId: undefined, shareCosts: true, shareLeads: true });
      expect(await leadsOf(b)).toEqual(["Importadora Andina", "Schuhhaus Becker"]);
      const shared = expectDocumented("getStand", (await b.get(`/initiatives/${id}/stand`)).body);
      expect(shared.leads?.find((l) => l.buyerName === "Schuhhaus Becker")?.contactEmail).toBeNull();
      expect((await b.post(`/initiatives/${id}/stand/leads/${leadId}/invitation`)).status).toBe(403);
      const invitation = await a.post(`/initiatives/${id}/stand/leads/${leadId}/invitation`);
      expect(invitation.status).toBe(200);
      const sent = expectDocumented("inviteLeadBuyer", invitation.body);
      expect(sent.signUpPath).toBe(`/signup?lead=${sent.token}`);
    });

    it("exports the calendar as text/calendar with the fair's days and the open task, to members too", async () => {
      // Calendar: text/calendar with the fair's days and the open task.
      const ics = await a.raw(`/initiatives/${id}/stand/calendar.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
      expect(ics.headers.get("content-disposition")).toMatch(/attachment; filename="joint-stand-at-gds\.ics"/);
      const text = await ics.text();
      expectDocumented("exportStandCalendar", text);
      expect(text).toContain(`DTSTART;VALUE=DATE:${daysFromNow(100).replace(/-/g, "")}`);
      expect(text).toContain("Due: Ship the samples");
      expect((await member.raw(`/initiatives/${id}/stand/calendar.ics`)).status).toBe(200);
    });

    it("lets an exhibitor give its space back once", async () => {
      // Release: an exhibitor gives its space back.
      const released = await b.delete(`/initiatives/${id}/stand/space`);
      expect(released.status).toBe(200);
      expectDocumented("releaseStandSpace", released.body);
      expect((await b.delete(`/initiatives/${id}/stand/space`)).status).toBe(404);
    });

    it("shows the stand's summary, with the reader's own space, on the initiative page", async () => {
      // The initiative page shows the stand's summary.
      const initiativePage = await member.get(`/initiatives/${id}`);
      expect(expectDocumented("getInitiative", initiativePage.body).stand).toMatchObject({
        areaDm2: 4000,
        mySpace: { status: "requested", grantedDm2: 400 },
      });
    });
  });

  it("answers 401 to anonymous calls on every stand endpoint", async () => {
    const anonymous = client();
    expect(standOperations.map((op) => op.operationId).sort()).toEqual(
      [
        "addStandLead",
        "addStandTask",
        "createFair",
        "createStand",
        "decideStandSpace",
        "exportStandCalendar",
        "getStand",
        "getStandCosts",
        "inviteLeadBuyer",
        "listFairs",
        "releaseStandSpace",
        "requestStandSpace",
        "updateStand",
        "updateStandTask",
      ].sort(),
    );
    for (const op of standOperations) {
      const path = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const res =
        op.method === "get"
          ? await anonymous.get(path).catch(async () => ({ status: (await anonymous.raw(path)).status, body: null }))
          : op.method === "put"
            ? await anonymous.put(path, {})
            : op.method === "delete"
              ? await anonymous.delete(path)
              : await anonymous.post(path, {});
      expect(res.status, op.operationId).toBe(401);
    }
  });
});

describe("OpenAPI document for stands", () => {
  it("lists the stand operations, with bodies without path parameters and the calendar as text/calendar", async () => {
    const { operationIds: ids, operation, bodyOf, bodyFields, paramsOf } = await openApiOf(server.url);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "createFair",
      "createStand",
      "getStand",
      "requestStandSpace",
      "decideStandSpace",
      "releaseStandSpace",
      "getStandCosts",
      "addStandTask",
      "addStandLead",
      "exportStandCalendar",
      "listFairs",
      "updateStand",
      "updateStandTask",
      "inviteLeadBuyer",
    ]) {
      expect(ids).toContain(id);
    }
    expect(bodyFields("/initiatives/{initiativeId}/stand/space", "put")).toEqual(["areaM2"]);
    expect(bodyFields("/initiatives/{initiativeId}/stand/spaces/{spaceId}/decision", "post").sort()).toEqual(["areaM2", "decision"]);
    expect(paramsOf("/initiatives/{initiativeId}/stand/spaces/{spaceId}/decision", "post")).toEqual(["path:initiativeId", "path:spaceId"]);
    const standFields = bodyFields("/initiatives/{initiativeId}/stand", "put");
    expect(standFields).toContain("areaM2");
    expect(standFields).not.toContain("initiativeId");
    expect(bodyOf("/stands", "post").required).toEqual(
      expect.arrayContaining(["networkId", "fairId", "title", "deadline", "areaM2", "totalCost", "splitRule"]),
    );
    const calendar = operation("/initiatives/{initiativeId}/stand/calendar.ics", "get");
    expect(calendar.operationId).toBe("exportStandCalendar");
    expect(Object.keys(calendar.responses["200"].content)).toEqual(["text/calendar"]);
    expect(operation("/stands", "post").responses).toHaveProperty("201");
    expect(operation("/initiatives/{initiativeId}/stand/space", "put").responses).toHaveProperty("409");
  });
});

describe("live stands", () => {
  function open(cookie: string): Socket {
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    sockets.push(socket);
    return socket;
  }
  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (err) => reject(err));
    });
  const join = (socket: Socket, room: string) =>
    new Promise<{ data?: { room: string }; error?: { code: string } }>((resolve) => socket.emit("room:join", { room }, resolve));
  const next = <T>(socket: Socket, event: string, timeoutMs = 3000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      socket.once(event, (payload: T) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });

  it("pushes stand:updated to the initiative room when a member requests space, and to nobody outside", { timeout: 90_000 }, async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 2);
    const brokerClient = await signedIn(broker.email);
    const fair = expectDocumented("createFair", (await brokerClient.post("/fairs", fairBody())).body);
    const { id } = expectDocumented(
      "createStand",
      (await brokerClient.post("/stands", standInput(networkId, fair.id, { deadline: daysFromNow(60) }))).body,
    );
    await transitionInitiative(deps, broker.actor, { initiativeId: id, to: "open" });
    const outsiderAccount = await createFirmOwner(deps);
    const strangerBroker = await createUserWithRole(deps, "broker");

    // Attach the listener before the socket can connect: open and wait in one step.
    const openConnected = async (email: string) => {
      const socket = open(await signIn(server.url, email, PASSWORD));
      await connected(socket);
      return socket;
    };
    const watcher = await openConnected(smes[1].email);
    const brokerSocket = await openConnected(broker.email);
    const stranger = await openConnected(outsiderAccount.email);
    const otherBroker = await openConnected(strangerBroker.email);
    expect(await join(watcher, `initiative:${id}`)).toEqual({ data: { room: `initiative:${id}` } });
    expect(await join(brokerSocket, `initiative:${id}`)).toEqual({ data: { room: `initiative:${id}` } });
    expect(await join(stranger, `initiative:${id}`)).toMatchObject({ error: { code: "forbidden" } });
    expect(await join(otherBroker, `initiative:${id}`)).toMatchObject({ error: { code: "forbidden" } });
    const strangersHeard: string[] = [];
    stranger.on("stand:updated", (payload: { initiativeId: string }) => strangersHeard.push(payload.initiativeId));
    otherBroker.on("stand:updated", (payload: { initiativeId: string }) => strangersHeard.push(payload.initiativeId));

    // Signed in first, so the listeners' time limit covers the request alone.
    const requester = await signedIn(smes[0].email);
    const memberHears = next<{ initiativeId: string }>(watcher, "stand:updated");
    const brokerHears = next<{ initiativeId: string }>(brokerSocket, "stand:updated");
    expect((await requester.put(`/initiatives/${id}/stand/space`, { areaM2: "6" })).status).toBe(200);
    // Ids only: no area, no cost.
    expect(await memberHears).toEqual({ initiativeId: id });
    expect(await brokerHears).toEqual({ initiativeId: id });
    // Sentinels: a marker pushed to each stranger's own room after the update's push; a
    // connection keeps the server's order, so a leaked update would have been heard first.
    const markers = [crypto.randomUUID(), crypto.randomUUID()];
    const sentinels = [
      next<{ initiativeId: string }>(stranger, "stand:updated"),
      next<{ initiativeId: string }>(otherBroker, "stand:updated"),
    ];
    server.app.deps.publisher.toRoom(userRoom(outsiderAccount.userId), "stand:updated", { initiativeId: markers[0] });
    server.app.deps.publisher.toRoom(userRoom(strangerBroker.id), "stand:updated", { initiativeId: markers[1] });
    expect(await Promise.all(sentinels)).toEqual([{ initiativeId: markers[0] }, { initiativeId: markers[1] }]);
    expect(strangersHeard.sort()).toEqual([...markers].sort());
  });
});
