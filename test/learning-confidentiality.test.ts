import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOperations } from "../server/api/all-operations";
import type { Actor } from "../server/authz/actor";
import { userRoom } from "../server/realtime/events";
import type { Deps } from "../server/services/deps";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { openClub } from "./learning-fixtures";
import { expectDocumented } from "./answers";
import { api, signIn, startTestServer, type TestServer } from "./server";

/**
 * THE PERMISSION PROOF of benchmarking clubs (issue 6, section 3 and 5; issue 11): with 2 and
 * then 5 submissions, before and after the broker publishes, as every other member, a network
 * member outside the club, an SME of no network, a buyer, an administrator and another network's
 * broker, through the services, every GET route of the API (JSON, CSV and ICS) and the socket
 * rooms: nobody obtains another member's value or the firm behind a value, no statistic before
 * a publication of at least 5 firms, never a lowest, highest or best value, and pushes carry ids
 * only. The network's brokers do get the raw values (and the detector finds them there, so it
 * works). test/benchmark-adversary.test.ts attacks the figures themselves.
 */

let server: TestServer;
let deps: Deps;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // The server's own publisher, so the services' pushes go through socket.io.
  deps = { ...makeDeps(server.app.deps.db, () => new Date()), publisher: server.app.deps.publisher };
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

// Distinctive values, none a substring of another. A's and B's are the highest and the lowest of
// the five, so no published quartile equals them; C's, D's and E's are the quartiles.
const A_ONTIME = 97.654321;
const A_SCRAP = 2.718281;
const B_ONTIME = 56.543219;
const C_ONTIME = 91.234567;
const D_ONTIME = 66.789123;
const E_ONTIME = 78.912345;
const text = (value: number) => String(value);

type Reader = {
  who: string;
  email: string;
  actor: Actor;
  client: ReturnType<typeof api> & { raw: (p: string) => Promise<Response> };
  socket: Socket;
  heard: Array<{ event: string; payload: unknown }>;
};

async function openSocket(cookie: string): Promise<{ socket: Socket; heard: Reader["heard"] }> {
  const heard: Reader["heard"] = [];
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, heard };
}

const join = (socket: Socket, room: string) =>
  new Promise<{ data?: { room: string }; error?: { code: string } }>((resolve) => socket.emit("room:join", { room }, resolve));

async function reader(who: string, email: string, actor: Actor): Promise<Reader> {
  const cookie = await signIn(server.url, email, PASSWORD);
  const headers = { cookie, origin: server.url };
  const { socket, heard } = await openSocket(cookie);
  return {
    who,
    email,
    actor,
    client: { ...api(server.url, cookie), raw: (p: string) => fetch(`${server.url}/api/v1${p}`, { headers }) },
    socket,
    heard,
  };
}

/** JSON paths where a value sits beside a firm (a submission row), or an aggregate/count exists. */
function structuralLeaks(value: unknown, options: { aggregatesAllowed: boolean }, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => structuralLeaks(v, options, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const leaks: string[] = [];
  if ("value" in record && ("firmId" in record || "firmName" in record)) leaks.push(`${path}: a value with its firm`);
  if ("raw" in record && record.raw !== null) leaks.push(`${path}.raw`);
  if ("progress" in record && record.progress !== null) leaks.push(`${path}.progress`);
  // Never an extreme, a best value, a mean or a rank among the others, whatever the count.
  for (const key of ["min", "max", "best", "mean", "fromBest", "percentile"]) if (key in record) leaks.push(`${path}.${key}`);
  if ("pending" in record && record.pending !== null) leaks.push(`${path}.pending`);
  if (!options.aggregatesAllowed) {
    if (
      "published" in record &&
      record.published !== null &&
      typeof record.published === "object" &&
      (record.published as { quartiles: unknown }).quartiles !== null
    )
      leaks.push(`${path}.published`);
    if ("n" in record) leaks.push(`${path}.n`);
    for (const key of ["median", "p10", "p90", "spread"]) {
      const figure = record[key];
      if (typeof figure === "number") leaks.push(`${path}.${key}`);
      // The trend of the median or the spread over periods that have one.
      if (figure !== null && typeof figure === "object" && ((figure as { points?: number }).points ?? 0) > 0)
        leaks.push(`${path}.${key}.points`);
    }
  }
  return [...leaks, ...Object.entries(record).flatMap(([k, v]) => structuralLeaks(v, options, `${path}.${k}`))];
}

type Club = Awaited<ReturnType<typeof openClub>>;
type Sweep = Array<{ where: string; status: number; text: string; json: unknown }>;

/**
 * Instead of a pause before asserting what was (not) heard: a marker pushed to every reader's own
 * room after the action. Its pushes went out before the action answered (after commit), and one
 * server keeps the order on each connection, so once a reader has the marker it has heard all it
 * ever will of the action. The markers are then taken out of what was heard.
 */
async function settle(readers: Reader[]) {
  const marker = crypto.randomUUID();
  const isMarker = (h: Reader["heard"][number]) => h.event === "notification:created" && (h.payload as { id?: string }).id === marker;
  const arrived = readers.map(
    (r) =>
      new Promise<void>((resolve) => {
        const onPush = (payload: { id: string }) => {
          if (payload.id !== marker) return;
          r.socket.off("notification:created", onPush);
          resolve();
        };
        r.socket.on("notification:created", onPush);
      }),
  );
  for (const r of readers) server.app.deps.publisher.toRoom(userRoom(r.actor.userId), "notification:created", { id: marker });
  await Promise.all(arrived);
  for (const r of readers) r.heard.splice(0, r.heard.length, ...r.heard.filter((h) => !isMarker(h)));
}

function leaksOf(bodies: Sweep, secrets: number[], options: { aggregatesAllowed: boolean }) {
  const leaks: string[] = [];
  for (const body of bodies) {
    for (const secret of secrets) if (body.text.includes(text(secret))) leaks.push(`${body.where} (${body.status}) contains ${secret}`);
    if (body.json !== null) for (const leak of structuralLeaks(body.json, options)) leaks.push(`${body.where} ${leak}`);
  }
  return leaks;
}

// One scenario in steps sharing the club: each step builds on the one before (vitest runs them
// in order), so a failure names the phase where a value leaked.
describe("benchmark confidentiality: nobody sees another member's value or identity, nor a statistic before a publication of 5, by any route or event", () => {
  let club: Club;
  let periodId: string;
  let victim: Reader;
  let readers: Record<
    "memberB" | "memberC" | "memberD" | "memberE" | "networkMember" | "loner" | "buyer" | "admin" | "otherBroker",
    Reader
  >;
  let brokerReader: Reader;
  let insiders: Reader[];
  let outsiders: Reader[];
  let urls: Array<{ operationId: string; path: string }>;
  const initiativeId = () => club.initiativeId;
  const kpi = (key: string) => club.kpi(key);
  const everyone = () => [...Object.values(readers), victim, brokerReader];
  const clearHeard = () => {
    for (const r of everyone()) r.heard.length = 0;
  };
  /** The values a reader may read: its own. */
  const ownValues = (r: Reader) => (r === readers.memberB ? [B_ONTIME] : r === victim ? [A_ONTIME, A_SCRAP] : []);
  const othersValues = (r: Reader) => [A_ONTIME, A_SCRAP, B_ONTIME].filter((s) => !ownValues(r).includes(s));

  /** Everything a reader can read: every GET route, and the services the pages call. */
  async function readAll(r: Reader): Promise<Sweep> {
    const bodies: Sweep = [];
    for (const { operationId, path } of urls) {
      const res = await r.client.raw(path);
      const body = await res.text();
      const json: unknown = (res.headers.get("content-type") ?? "").includes("json") && body ? JSON.parse(body) : null;
      bodies.push({ where: `${operationId} ${path}`, status: res.status, text: body, json });
    }
    const services = server.app.services;
    const id = initiativeId();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["services.getBenchmarkReport", () => services.learning.getBenchmarkReport(r.actor, { initiativeId: id })],
      ["services.getBenchmarkReport(period)", () => services.learning.getBenchmarkReport(r.actor, { initiativeId: id, periodId })],
      ["services.getBenchmarkClub", () => services.learning.getBenchmarkClub(r.actor, { initiativeId: id })],
      ["services.exportBenchmarkCsv", () => services.learning.exportBenchmarkCsv(r.actor, { initiativeId: id })],
      ["services.exportClubCalendar", () => services.learning.exportClubCalendar(r.actor, { initiativeId: id })],
      ["services.initiatives.get", () => services.initiatives.get(r.actor, { initiativeId: id })],
      ["services.notifications.list", () => services.notifications.list(r.actor, {})],
    ];
    for (const [where, call] of calls) {
      try {
        const out = await call();
        bodies.push({ where, status: 200, text: JSON.stringify(out), json: out });
      } catch (error) {
        bodies.push({ where, status: (error as { status?: number }).status ?? 500, text: "", json: null });
      }
    }
    expect(
      bodies.filter((b) => b.status >= 500).map((b) => b.where),
      r.who,
    ).toEqual([]);
    return bodies;
  }

  it("opens a club of five with ten readers; only who may read the initiative watches its room", async () => {
    club = await openClub(deps, { members: 5, outsideMembers: 1, kpis: ["on_time_delivery", "scrap_rate"] });
    const { broker, networkId } = club;
    const [a, b, c, d, e5] = club.members;
    const [e] = club.outsiders;
    const loner = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const admin = await createUserWithRole(deps, "admin");
    const otherBroker = (await openClub(deps, { members: 1 })).broker;
    const opened = await api(server.url, await signIn(server.url, broker.email, PASSWORD)).post(
      `/initiatives/${initiativeId()}/club/periods`,
      {
        label: "2026-Q3",
      },
    );
    periodId = expectDocumented("openBenchmarkPeriod", opened.body).id;
    const room = `initiative:${initiativeId()}`;

    victim = await reader("member A (the victim)", a.email, a.actor);
    readers = {
      memberB: await reader("member B", b.email, b.actor),
      memberC: await reader("member C", c.email, c.actor),
      memberD: await reader("member D", d.email, d.actor),
      memberE: await reader("member E", e5.email, e5.actor),
      networkMember: await reader("a network member outside the club", e.email, e.actor),
      loner: await reader("an SME of no network", loner.email, loner.actor),
      buyer: await reader("a buyer", buyer.email, buyer.actor),
      admin: await reader("an administrator", admin.email, admin.actor),
      otherBroker: await reader("another network's broker", otherBroker.email, otherBroker.actor),
    };
    brokerReader = await reader("the network's broker", broker.email, broker.actor);
    insiders = [readers.memberB, readers.memberC, readers.memberD, readers.memberE, readers.networkMember, readers.admin];
    outsiders = [readers.loner, readers.buyer, readers.otherBroker];

    // Rooms: whoever may read the initiative may watch it; the others are refused, and no one but
    // the firm's own people and its brokers watches the victim's firm.
    for (const r of [...insiders, victim, brokerReader]) expect((await join(r.socket, room)).data, r.who).toEqual({ room });
    for (const r of outsiders) expect((await join(r.socket, room)).error?.code, r.who).toBe("forbidden");
    for (const r of [...insiders.filter((x) => x !== readers.admin), ...outsiders])
      expect((await join(r.socket, `firm:${a.firmId}`)).error?.code, r.who).toBe("forbidden");
    for (const r of [...insiders, ...outsiders, brokerReader]) await join(r.socket, `network:${networkId}`);

    // Every GET route, with the club's ids for every parameter and the period in the query.
    const guesses: Record<string, string> = { networkId, initiativeId: initiativeId(), firmId: a.firmId, periodId };
    urls = allOperations
      .filter((op) => op.method === "get")
      .map((op) => {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => guesses[name] ?? crypto.randomUUID());
        const query = op.query ? Object.keys(op.query.shape) : [];
        const params = new URLSearchParams({
          ...(query.includes("periodId") ? { periodId } : {}),
          ...(query.includes("period") ? { period: "2026" } : {}),
        }).toString();
        return { operationId: op.operationId, path: params ? `${path}?${params}` : path };
      });
    expect(urls.map((u) => u.operationId)).toEqual(
      expect.arrayContaining(["getBenchmarkReport", "getBenchmarkClub", "exportBenchmarkCsv", "exportClubCalendar", "getInitiative"]),
    );
  }, 120_000);

  it("two submissions: the club's watchers hear ids only, and nobody reads another member's value", async () => {
    clearHeard();
    const submitted = await victim.client.put(`/initiatives/${initiativeId()}/club/periods/${periodId}/values`, {
      values: { [kpi("on_time_delivery")]: A_ONTIME, [kpi("scrap_rate")]: A_SCRAP },
    });
    expect(submitted.status).toBe(200);
    const b = club.members[1];
    const imported = await brokerReader.client.post(`/initiatives/${initiativeId()}/club/periods/${periodId}/import`, {
      csv: `firm_id,kpi,value\n${b.firmId},on_time_delivery,${B_ONTIME}\n`,
    });
    expect(imported.status).toBe(201);
    await settle(everyone());

    const submittedPush = { event: "benchmark:updated", payload: { initiativeId: initiativeId(), periodId, reason: "submitted" } };
    for (const r of [...Object.values(readers), victim]) {
      // Whoever watches the club hears that values arrived (ids only); nothing else moves.
      expect(r.heard, r.who).toEqual(outsiders.includes(r) ? [] : [submittedPush, submittedPush]);
      expect(leaksOf(await readAll(r), othersValues(r), { aggregatesAllowed: false }), r.who).toEqual([]);
    }
    // The broker hears each submission in the club's room too.
    expect(brokerReader.heard.filter((h) => h.event === "benchmark:updated")).toEqual([submittedPush, submittedPush]);
    // The members read their own values and the live count, the detector finds them.
    const victimView = expectDocumented(
      "getBenchmarkReport",
      (await victim.client.get(`/initiatives/${initiativeId()}/club/report?periodId=${periodId}`)).body,
    );
    expect(victimView.kpis[0]).toMatchObject({ submissions: 2, published: null, own: { value: A_ONTIME, band: null } });
    const bView = expectDocumented(
      "getBenchmarkReport",
      (await readers.memberB.client.get(`/initiatives/${initiativeId()}/club/report`)).body,
    );
    expect(bView.kpis[0].own).toEqual({ value: B_ONTIME, band: null });
    // Who may not read the report at all.
    for (const r of [readers.networkMember])
      expect((await r.client.get(`/initiatives/${initiativeId()}/club/report`)).status, r.who).toBe(403);
    for (const r of outsiders) expect((await r.client.get(`/initiatives/${initiativeId()}/club/report`)).status, r.who).toBe(404);
  }, 120_000);

  it("five submissions show nothing but the count until the broker publishes, which every open report hears", async () => {
    clearHeard();
    const values = (value: number) => ({ values: { [kpi("on_time_delivery")]: value } });
    await readers.memberC.client.put(`/initiatives/${initiativeId()}/club/periods/${periodId}/values`, values(C_ONTIME));
    await readers.memberD.client.put(`/initiatives/${initiativeId()}/club/periods/${periodId}/values`, values(D_ONTIME));
    await readers.memberE.client.put(`/initiatives/${initiativeId()}/club/periods/${periodId}/values`, values(E_ONTIME));
    await settle(everyone());
    const submittedPush = { event: "benchmark:updated", payload: { initiativeId: initiativeId(), periodId, reason: "submitted" } };
    for (const r of [...insiders, victim]) expect(r.heard, r.who).toEqual([submittedPush, submittedPush, submittedPush]);
    const five = expectDocumented(
      "getBenchmarkReport",
      (await readers.memberD.client.get(`/initiatives/${initiativeId()}/club/report`)).body,
    );
    expect(five.kpis[0]).toMatchObject({ submissions: 5, published: null });
    for (const r of [readers.memberB, readers.admin, victim])
      expect(leaksOf(await readAll(r), othersValues(r), { aggregatesAllowed: false }), r.who).toEqual([]);

    // Members may not publish; the broker does, and every open report hears it.
    expect((await readers.memberB.client.post(`/initiatives/${initiativeId()}/club/periods/${periodId}/publish`)).status).toBe(403);
    expect((await readers.admin.client.post(`/initiatives/${initiativeId()}/club/periods/${periodId}/publish`)).status).toBe(403);
    clearHeard();
    const publication = await brokerReader.client.post(`/initiatives/${initiativeId()}/club/periods/${periodId}/publish`);
    expect(publication.status).toBe(200);
    expect(expectDocumented("publishBenchmarkPeriod", publication.body)).toMatchObject({
      first: [kpi("on_time_delivery"), kpi("scrap_rate")],
      refreshed: [],
      kept: [],
    });
    expect(publication.body).not.toHaveProperty("contributorFirmIds");
    await settle(everyone());
    const publishedPush = { event: "benchmark:updated", payload: { initiativeId: initiativeId(), periodId, reason: "published" } };
    for (const r of [...insiders, victim, brokerReader]) expect(r.heard, r.who).toEqual([publishedPush]);
    for (const r of outsiders) expect(r.heard, r.who).toEqual([]);
  }, 120_000);

  it("once published, the quartiles of the five show and A's and B's values never do", async () => {
    // The quartiles of the five are C's, E's and D's values; A's and B's never show.
    for (const r of [...Object.values(readers), victim]) {
      const bodies = await readAll(r);
      expect(leaksOf(bodies, othersValues(r), { aggregatesAllowed: true }), r.who).toEqual([]);
      // The sweep really read the report where it may be read.
      const reportStatus = bodies.find((x) => x.where.startsWith("getBenchmarkReport"))!.status;
      expect(reportStatus, r.who).toBe(
        [readers.memberB, readers.memberC, readers.memberD, readers.memberE, readers.admin, victim].includes(r)
          ? 200
          : r === readers.networkMember
            ? 403
            : 404,
      );
      // No statistic of the scrap rate (1 submission) anywhere: the count only.
      for (const body of bodies) {
        const report = body.json as {
          kpis?: Array<{ id: string; published: { quartiles: unknown } | null; trend: { points: Array<Record<string, unknown>> } }>;
        } | null;
        const scrap = report?.kpis?.find((k) => k.id === kpi("scrap_rate"));
        if (!scrap || !("published" in scrap)) continue;
        expect(scrap.published?.quartiles ?? null, `${r.who} ${body.where}`).toBeNull();
        for (const point of scrap.trend.points)
          expect([point.median, point.p10, point.p90, point.spread], `${r.who} ${body.where}`).toEqual([null, null, null, null]);
      }
    }
    for (const r of [readers.memberB, readers.admin]) {
      const report = expectDocumented("getBenchmarkReport", (await r.client.get(`/initiatives/${initiativeId()}/club/report`)).body);
      expect(report.kpis[0].published, r.who).toMatchObject({
        n: 5,
        quartiles: { p25: D_ONTIME, median: E_ONTIME, p75: C_ONTIME },
        tails: null,
      });
      expect(report.kpis[0].raw, r.who).toBeNull();
    }
    // Every push heard since the publication carried ids and a reason only.
    for (const r of [...insiders, ...outsiders, victim]) {
      for (const h of r.heard) expect(Object.keys(h.payload as object).sort(), r.who).toEqual(["initiativeId", "periodId", "reason"]);
    }
  }, 120_000);

  it("the detector works: the brokers read every raw value, with the firms", async () => {
    const [a, b] = club.members;
    const brokerLeaks = leaksOf(await readAll(brokerReader), [A_ONTIME, A_SCRAP, B_ONTIME], { aggregatesAllowed: true });
    expect(brokerLeaks.some((l) => l.startsWith("getBenchmarkReport") && l.includes(text(A_ONTIME)))).toBe(true);
    expect(brokerLeaks.some((l) => l.startsWith("exportBenchmarkCsv") && l.includes(text(B_ONTIME)))).toBe(true);
    expect(brokerLeaks.some((l) => l.includes(": a value with its firm"))).toBe(true);
    const raw = expectDocumented("getBenchmarkReport", (await brokerReader.client.get(`/initiatives/${initiativeId()}/club/report`)).body)
      .kpis[0].raw;
    expect(raw).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ firmId: a.firmId, value: A_ONTIME }),
        expect.objectContaining({ firmId: b.firmId, value: B_ONTIME }),
      ]),
    );
  }, 120_000);
});
