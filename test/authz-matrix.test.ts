import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOperations } from "../server/api/all-operations";
import { buildOpenApi } from "../server/api/openapi";
import { makeDeps } from "./factories";
import { buildWorld, databaseDigest, MIRROR, ROLES, type Role, type Side, type World } from "./authz-world";
import { REQUESTS } from "./authz-matrix-requests";
import { startTestServer, type TestServer } from "./server";

/**
 * THE AUTHORISATION MATRIX. Every /api/v1 operation of the OpenAPI document and every page
 * loader and action of the Remix route list, as each role, against the resources of network A
 * and of network B. The expected outcomes are the two tables below, written from network A's
 * side: "broker" is A's broker, "otherBroker" B's, and so on. Against B's resources every role is
 * read through its mirror (A's broker is then "another network's broker"), so each row is checked
 * for own and other resources alike. An operation or route without a row fails the suite.
 *
 * Outcomes: 2xx success; 200/302/400/409 that status exactly (409: allowed, and the request was
 * chosen so that the resource is already in the asked state, so nothing changes; 400: allowed,
 * then refused by a rule on the input); 401 not signed in; 403 not allowed; 404 not found or not
 * yours to see; "login" a page's redirect to the sign-in page. After every refusal (401, 403,
 * 404, login) of a state-changing request, every table's rows are unchanged.
 */

// Roles, in this column order:
//   anon   not signed in           admin  an administrator
//   brk    A's broker              oBrk   B's broker (another network's)
//   sme    an SME member of A      oSme   an SME member of B
//   buyer  the buyer owning A's need        oBuy   the buyer owning B's need
//
const API: Record<string, string> = {
  //                                                          anon   admin  brk    oBrk   sme    oSme   buyer  oBuy
  getMyFirm: "401    404    404    404    2xx    2xx    2xx    2xx",
  updateMyFirm: "401    404    404    404    2xx    2xx    400    400",
  // The administrator decides first, so the owner finds it decided.
  decideFirmMember: "401    2xx    404    404    409    404    404    404",
  searchFirms: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  getFirm: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  listNotifications: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  markNotificationRead: "401    404    404    404    2xx    404    404    404",
  markAllNotificationsRead: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  createUser: "401    2xx    403    403    403    403    403    403",
  listUsers: "401    2xx    403    403    403    403    403    403",
  setMyLocale: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  listNetworks: "401    2xx    2xx    2xx    2xx    2xx    403    403",
  createNetwork: "401    403    2xx    2xx    403    403    403    403",
  getNetwork: "401    2xx    2xx    404    2xx    404    404    404",
  updateNetwork: "401    2xx    2xx    404    403    404    404    404",
  inviteToNetwork: "401    403    2xx    404    403    404    404    404",
  acceptInvitation: "401    403    403    403    404    404    403    403",
  declineInvitation: "401    403    403    403    404    404    403    403",
  applyToNetwork: "401    403    403    403    409    2xx    403    403",
  decideApplication: "401    403    2xx    404    403    404    404    404",
  // The body names an account that is no broker: allowed callers get 400 after the permission check.
  addNetworkBroker: "401    400    403    403    403    403    403    403",
  acceptInvitationLink: "401    403    403    403    403    403    403    403",
  createInitiative: "401    403    2xx    404    403    404    404    404",
  getInitiative: "401    2xx    2xx    404    2xx    404    404    404",
  updateInitiative: "401    403    2xx    404    403    404    404    404",
  // The request asks for the state the initiative is in: allowed callers get 409.
  transitionInitiative: "401    403    409    404    403    404    404    404",
  joinInitiative: "401    403    403    404    409    404    404    404",
  setJointBuyCommitment: "401    403    403    404    2xx    404    404    404",
  getJointBuy: "401    2xx    2xx    404    2xx    404    404    404",
  getPurchaseSummary: "401    409    409    404    409    404    404    404",
  postInitiativeMessage: "401    403    2xx    404    2xx    404    404    404",
  setInitiativeBudget: "401    403    2xx    404    403    404    404    404",
  getCostShares: "401    2xx    2xx    404    2xx    404    404    404",
  addSalesEntries: "401    2xx    2xx    404    2xx    404    404    404",
  listSalesEntries: "401    2xx    2xx    404    2xx    404    404    404",
  importSalesCsv: "401    2xx    2xx    404    2xx    404    404    404",
  getFirmDependence: "401    2xx    2xx    404    2xx    404    404    404",
  getNetworkDependence: "401    2xx    2xx    404    403    404    404    404",
  setExchangeRate: "401    2xx    403    403    403    403    403    403",
  listExchangeRates: "401    2xx    2xx    2xx    2xx    2xx    403    403",
  listSourcingNeeds: "401    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  createSourcingNeed: "401    403    403    403    403    403    2xx    2xx",
  getSourcingNeed: "401    2xx    2xx    404    2xx    404    2xx    404",
  updateSourcingNeed: "401    403    403    404    403    404    2xx    404",
  // The request asks for the state the need is in: allowed callers get 409.
  transitionSourcingNeed: "401    403    403    404    403    404    409    404",
  listNeedMatches: "401    2xx    2xx    404    403    404    2xx    404",
  listMyMatchingNeeds: "401    403    403    403    2xx    2xx    403    403",
  listConsortiumProposals: "401    2xx    2xx    404    403    403    403    403",
  createConsortiumInitiative: "401    403    400    404    403    404    404    404",
  respondToNeed: "401    403    403    404    409    404    403    404",
  // Only the need's own firm decides on a response; administrators read (issue: an admin could award).
  decideResponse: "401    403    404    404    404    404    2xx    404",
  listFairs: "401    2xx    2xx    2xx    2xx    2xx    403    403",
  createFair: "401    403    2xx    2xx    403    403    403    403",
  createStand: "401    403    2xx    404    403    404    404    404",
  getStand: "401    2xx    2xx    404    2xx    404    404    404",
  updateStand: "401    403    2xx    404    403    404    404    404",
  requestStandSpace: "401    403    403    404    2xx    404    404    404",
  decideStandSpace: "401    403    2xx    404    403    404    404    404",
  getStandCosts: "401    2xx    2xx    404    2xx    404    404    404",
  addStandTask: "401    403    2xx    404    2xx    404    404    404",
  updateStandTask: "401    403    2xx    404    2xx    404    404    404",
  addStandLead: "401    403    403    404    2xx    404    404    404",
  inviteLeadBuyer: "401    404    2xx    404    2xx    404    404    404",
  exportStandCalendar: "401    2xx    2xx    404    2xx    404    404    404",
  listKpis: "401    2xx    2xx    404    2xx    404    404    404",
  createKpi: "401    403    2xx    404    403    404    404    404",
  createBenchmarkClub: "401    403    2xx    404    403    404    404    404",
  getBenchmarkClub: "401    2xx    2xx    404    2xx    404    404    404",
  openBenchmarkPeriod: "401    403    2xx    404    403    404    404    404",
  submitKpiValues: "401    403    403    404    2xx    404    404    404",
  importKpiCsv: "401    403    2xx    404    403    404    404    404",
  setKpiReference: "401    403    2xx    404    403    404    404    404",
  getBenchmarkReport: "401    2xx    2xx    404    2xx    404    404    404",
  exportBenchmarkCsv: "401    403    2xx    404    403    404    404    404",
  scheduleMeeting: "401    403    2xx    404    403    404    404    404",
  updateMeeting: "401    403    2xx    404    403    404    404    404",
  respondToMeeting: "401    403    2xx    404    2xx    404    404    404",
  addMeetingAction: "401    403    2xx    404    403    404    404    404",
  updateMeetingAction: "401    403    2xx    404    403    404    404    404",
  exportClubCalendar: "401    403    2xx    404    2xx    404    404    404",
  closeBenchmarkPeriod: "401    403    2xx    404    403    404    404    404",
  publishBenchmarkPeriod: "401    403    2xx    404    403    404    404    404",
  deleteSalesEntry: "401    2xx    2xx    404    2xx    404    404    404",
  releaseStandSpace: "401    403    403    404    2xx    404    404    404",
  leaveInitiative: "401    403    403    404    2xx    404    404    404",
  leaveNetwork: "401    403    403    403    2xx    404    403    403",
};

/** Page loaders (GET) and actions (POST with an empty form: the gate, not the form, is tested here). */
const PAGES: Record<string, string> = {
  //                                                          anon   admin  brk    oBrk   sme    oSme   buyer  oBuy
  "initiatives.$initiativeId.purchase-summary[.]csv GET": "login  409    409    404    409    404    404    404",
  "initiatives.$initiativeId_.stand_.calendar[.]ics GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.meetings_.$meetingId GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.meetings_.$meetingId POST": "login  400    400    400    400    400    400    400",
  "initiatives.$initiativeId_.benchmark_.print GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.benchmark[.]csv GET": "login  403    2xx    404    403    404    404    404",
  "initiatives.$initiativeId_.meetings[.]ics GET": "login  403    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.stand_.edit GET": "login  403    2xx    404    403    404    404    404",
  "initiatives.$initiativeId_.stand_.edit POST": "login  403    400    404    403    404    404    404",
  "firms.$firmId_.ledger.template[.]csv GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "initiatives.$initiativeId_.benchmark GET": "login  2xx    2xx    404    2xx    404    404    404",
  "networks.$networkId_.initiatives.new GET": "login  403    2xx    404    403    403    403    403",
  "networks.$networkId_.initiatives.new POST": "login  403    400    404    403    403    403    403",
  "initiatives.$initiativeId_.meetings GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.meetings POST": "login  400    400    400    400    400    400    400",
  "initiatives.$initiativeId_.stand GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.stand POST": "login  400    400    404    400    404    404    404",
  "initiatives.$initiativeId_.club GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId_.club POST": "login  400    400    400    400    400    400    400",
  "initiatives.$initiativeId_.benchmark POST": "login  400    400    400    400    400    400    400",
  "networks.$networkId_.dependence GET": "login  2xx    2xx    404    403    404    404    404",
  "networks.$networkId_.stands.new GET": "login  403    2xx    404    403    403    403    403",
  "networks.$networkId_.stands.new POST": "login  403    400    404    403    403    403    403",
  "networks.$networkId_.clubs.new GET": "login  403    2xx    404    403    404    404    404",
  "networks.$networkId_.clubs.new POST": "login  403    400    404    403    404    404    404",
  "firms.$firmId_.dependence GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId GET": "login  2xx    2xx    404    2xx    404    404    404",
  "initiatives.$initiativeId POST": "login  400    400    404    400    404    404    404",
  "networks.$networkId_.edit GET": "login  2xx    2xx    404    403    403    403    403",
  "networks.$networkId_.edit POST": "login  400    400    400    403    403    403    403",
  "networks.$networkId_.kpis GET": "login  2xx    2xx    404    2xx    404    404    404",
  "networks.$networkId_.kpis POST": "login  400    400    400    400    400    400    400",
  "calendar.$token[.]ics GET": "404    404    404    404    404    404    404    404",
  "firms.$firmId_.ledger GET": "login  2xx    2xx    404    2xx    404    404    404",
  "firms.$firmId_.ledger POST": "login  400    400    400    400    400    400    400",
  "admin.exchange-rates GET": "login  2xx    403    403    403    403    403    403",
  "admin.exchange-rates POST": "login  400    403    403    403    403    403    403",
  "networks.$networkId GET": "login  2xx    2xx    404    2xx    404    403    403",
  "networks.$networkId POST": "login  400    400    400    400    400    403    403",
  "invitations.$token GET": "2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "invitations.$token POST": "login  403    403    403    400    400    403    403",
  "networks._index GET": "login  2xx    2xx    2xx    2xx    2xx    403    403",
  "networks._index POST": "login  403    403    403    400    400    403    403",
  "firms.$firmId GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "needs.$needId GET": "login  2xx    2xx    404    2xx    404    2xx    404",
  "needs.$needId POST": "login  400    400    400    400    400    400    400",
  "notifications GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "notifications POST": "login  400    400    400    400    400    400    400",
  "fairs._index GET": "login  2xx    2xx    2xx    2xx    2xx    403    403",
  "firms._index GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "needs._index GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "networks.new GET": "login  403    2xx    2xx    403    403    403    403",
  "networks.new POST": "login  403    400    400    403    403    403    403",
  "admin.users GET": "login  2xx    403    403    403    403    403    403",
  "admin.users POST": "login  400    403    403    403    403    403    403",
  "firm._index GET": "login  403    403    403    2xx    2xx    2xx    2xx",
  "firm._index POST": "login  403    403    403    400    400    400    400",
  "fairs.new GET": "login  403    2xx    2xx    403    403    403    403",
  "fairs.new POST": "login  403    400    400    403    403    403    403",
  "firm.edit GET": "login  403    403    403    2xx    2xx    2xx    2xx",
  "firm.edit POST": "login  403    403    403    400    400    400    400",
  "needs.new GET": "login  403    403    403    403    403    2xx    2xx",
  "needs.new POST": "login  403    403    403    403    403    400    400",
  "settings GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "settings POST": "login  400    400    400    400    400    400    400",
  "_index GET": "2xx    302    302    302    302    302    302    302",
  "locale GET": "302    302    302    302    302    302    302    302",
  "locale POST": "303    303    303    303    303    303    303    303",
  "locales.$locale GET": "2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "logout GET": "302    302    302    302    302    302    302    302",
  "signup GET": "2xx    302    302    302    302    302    302    302",
  "signup POST": "400    302    302    302    302    302    302    302",
  "login GET": "2xx    302    302    302    302    302    302    302",
  "login POST": "400    302    302    302    302    302    302    302",
  "home GET": "login  2xx    2xx    2xx    2xx    2xx    2xx    2xx",
  "logout POST": "302    302    302    302    302    302    302    302",
};

// --------------------------------------------------------------------------------------------

const UNKNOWN = ROLES.map(() => "?").join(" ");

/** What undoes the world runs last, in this order. */
const LAST = ["closeBenchmarkPeriod", "deleteSalesEntry", "releaseStandSpace", "leaveInitiative", "leaveNetwork", "logout POST"];

const document = buildOpenApi(allOperations) as { paths: Record<string, Record<string, { operationId: string }>> };
const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ operationId: op.operationId, method, path })),
);

const buildFile = fileURLToPath(new URL("../build/index.js", import.meta.url));
if (!existsSync(buildFile)) throw new Error("Run `npm run build` before the authorisation matrix");
const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;

/** Each route's full path ("initiatives/:initiativeId/benchmark.csv"), joined through its parents. */
function fullPath(id: string): string {
  const route = build.routes[id];
  const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
  return [parent, route.path ?? ""].filter(Boolean).join("/");
}
const pageRoutes = Object.entries(build.routes)
  .filter(([id]) => id !== "root")
  .flatMap(([id, route]) => {
    const module = route.module as { loader?: unknown; action?: unknown };
    const name = id.replace(/^routes\//, "");
    const path = `/${fullPath(id)}`;
    return [
      ...(module.loader ? [{ key: `${name} GET`, method: "GET", path }] : []),
      ...(module.action ? [{ key: `${name} POST`, method: "POST", path }] : []),
    ];
  });

/** Operations and routes that name no network's resource run once per role, from A's side. */
const GLOBAL_API = new Set([
  "getMyFirm",
  "updateMyFirm",
  "searchFirms",
  "listNotifications",
  "markAllNotificationsRead",
  "createUser",
  "listUsers",
  "setMyLocale",
  "listNetworks",
  "createNetwork",
  "listFairs",
  "createFair",
  "setExchangeRate",
  "listExchangeRates",
  "listSourcingNeeds",
  "createSourcingNeed",
  "listMyMatchingNeeds",
]);
const isGlobalPath = (path: string) => !path.includes("{") && !path.includes(":");

/** The initiative a path is about: its stand, its club, its generic tool, else the joint buy. */
function initiativeFor(path: string, side: Side): string {
  if (/\/stand\b/.test(path) || path.includes("stands/")) return side.ids.standId;
  if (/\/(club|benchmark|meetings)/.test(path)) return side.ids.clubId;
  if (/\/(budget|cost-shares)/.test(path)) return side.ids.genericId;
  return side.ids.jointBuyId;
}

function fillPath(path: string, side: Side, overrides: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}|:(\w+)/g, (_, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (overrides[name]) return encodeURIComponent(overrides[name]);
    if (name === "initiativeId") return initiativeFor(path, side);
    const id = (side.ids as Record<string, string>)[name];
    if (!id) throw new Error(`no id for {${name}} in ${path}`);
    return encodeURIComponent(id);
  });
}

interface Attempt {
  role: Role;
  side: "A" | "B";
  expected: string;
}

/** The row's expectation for a role acting on a side: on B's resources, read through the mirror. */
function attemptsOf(row: string, global: boolean): Attempt[] {
  const cells = row.trim().split(/\s+/);
  if (cells.length !== ROLES.length) throw new Error(`a row needs ${ROLES.length} cells: "${row}"`);
  const expected = (role: Role) => cells[ROLES.indexOf(role)];
  return ROLES.flatMap((role) => [
    { role, side: "A" as const, expected: expected(role) },
    ...(global ? [] : [{ role, side: "B" as const, expected: expected(MIRROR[role]) }]),
  ]);
}

const REFUSALS = new Set(["401", "403", "404", "login"]);
const matches = (expected: string, status: number, location: string | null) =>
  expected === "2xx"
    ? status >= 200 && status < 300
    : expected === "login"
      ? status === 302 && (location ?? "").startsWith("/login")
      : String(status) === expected;

let server: TestServer;
let world: World;
const observed: Record<string, string[]> = {};

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  world = await buildWorld({ ...makeDeps(server.app.deps.db, () => new Date()), publisher: server.app.deps.publisher }, server.url);
}, 180_000);
afterAll(async () => {
  if (process.env.MATRIX_PRINT) printObserved();
  await server?.close();
});

/** Runs at most `limit` requests at once. */
async function pool<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await run(items[i]);
      }
    }),
  );
  return results;
}

type Send = (attempt: Attempt) => Promise<{ status: number; location: string | null; text?: string }>;

/**
 * Refusals (and requests refused for their input) first, four at a time, bracketed by digests of
 * every table; then the others one by one in the columns' order, each 409 bracketed too.
 */
async function check(key: string, row: string, global: boolean, mutating: boolean, send: Send) {
  const attempts = attemptsOf(row, global);
  const refusals = attempts.filter((a) => REFUSALS.has(a.expected) || a.expected === "400" || a.role === "anonymous");
  const others = attempts.filter((a) => !refusals.includes(a));
  const failures: string[] = [];
  const record = (attempt: Attempt, status: number, location: string | null, text = "") => {
    const column = ROLES.indexOf(attempt.side === "A" ? attempt.role : MIRROR[attempt.role]);
    const shown = status === 302 && (location ?? "").startsWith("/login") ? "login" : String(status);
    const cells = (observed[key] ??= ROLES.map(() => "-"));
    cells[column] = cells[column] === "-" ? shown : `${cells[column]}/${shown}`;
    if (!matches(attempt.expected, status, location))
      failures.push(`${attempt.role} on ${attempt.side}'s resources: expected ${attempt.expected}, got ${status} ${text.slice(0, 200)}`);
  };
  const unchanged = async (what: string, run: () => Promise<void>) => {
    if (!mutating) return run();
    const before = await databaseDigest(server.app.deps.db);
    await run();
    const after = await databaseDigest(server.app.deps.db);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length > 0) failures.push(`${what} wrote to ${changed.join(", ")}`);
  };

  await unchanged("a refused request", async () => {
    const refused = await pool(refusals, 4, send);
    refusals.forEach((a, i) => record(a, refused[i].status, refused[i].location, refused[i].text));
  });
  for (const attempt of others) {
    const run = async () => {
      const res = await send(attempt);
      record(attempt, res.status, res.location, res.text);
    };
    if (attempt.expected === "409") await unchanged(`${attempt.role}'s 409 on ${attempt.side}`, run);
    else await run();
  }
  expect(failures, key).toEqual([]);
}

const sideOf = (attempt: Attempt) => (attempt.side === "A" ? world.A : world.B);
const headersOf = (role: Role): Record<string, string> => {
  const cookie = world.cookieOf(role);
  return { origin: server.url, ...(cookie ? { cookie } : {}) };
};

describe("the authorisation matrix", () => {
  it("has one row for every operation of the OpenAPI document and every page loader and action, and no other", () => {
    expect(
      documented.map((o) => o.operationId).filter((id) => !(id in API)),
      "operations without a row",
    ).toEqual([]);
    expect(
      Object.keys(API).filter((id) => !documented.some((o) => o.operationId === id)),
      "rows without an operation",
    ).toEqual([]);
    expect(
      pageRoutes.map((r) => r.key).filter((key) => !(key in PAGES)),
      "routes without a row",
    ).toEqual([]);
    expect(
      Object.keys(PAGES).filter((key) => !pageRoutes.some((r) => r.key === key)),
      "rows without a route",
    ).toEqual([]);
  });

  // MATRIX_PRINT=1: rows not written yet run too, to print what they do today.
  if (process.env.MATRIX_PRINT) {
    for (const o of documented) API[o.operationId] ??= UNKNOWN;
    for (const r of pageRoutes) PAGES[r.key] ??= UNKNOWN;
  }
  // In the tables' order, except what undoes the world (leaving, deleting, closing, signing
  // out), which runs after everything else.
  const apiIds = Object.keys(API).filter((id) => documented.some((o) => o.operationId === id));
  const pageKeys = pageRoutes.map((r) => r.key).filter((key) => key in PAGES);
  const order = [
    ...apiIds.filter((id) => !LAST.includes(id)).map((id) => ({ kind: "api" as const, id })),
    ...pageKeys.filter((key) => !LAST.includes(key)).map((id) => ({ kind: "page" as const, id })),
    ...LAST.filter((id) => id in API || id in PAGES).map((id) => ({ kind: id in API ? ("api" as const) : ("page" as const), id })),
  ];
  for (const { kind, id } of order) {
    if (kind === "api") {
      const op = documented.find((o) => o.operationId === id)!;
      it(`API ${id} (${op.method.toUpperCase()} ${op.path})`, async () => {
        await check(id, API[id], GLOBAL_API.has(id), op.method !== "get", async (attempt) => {
          const side = sideOf(attempt);
          const request = REQUESTS[id]?.(side, world, attempt.role) ?? {};
          const query = request.query ? `?${new URLSearchParams(request.query)}` : "";
          const hasBody = op.method !== "get" && op.method !== "delete";
          const res = await fetch(`${server.url}/api/v1${fillPath(op.path, side, request.path)}${query}`, {
            method: op.method.toUpperCase(),
            headers: { ...headersOf(attempt.role), ...(hasBody ? { "content-type": "application/json" } : {}) },
            body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
          });
          return { status: res.status, location: null, text: await res.text() };
        });
      });
    } else {
      const route = pageRoutes.find((r) => r.key === id)!;
      it(`page ${route.key} (${route.path})`, async () => {
        await check(route.key, PAGES[route.key], isGlobalPath(route.path), route.method === "POST", async (attempt) => {
          const side = sideOf(attempt);
          const path = fillPath(route.path, side, {
            token: route.path.startsWith("/calendar") ? "no-such-feed" : side.ids.token,
            locale: "es",
          });
          const res = await fetch(`${server.url}${path}`, {
            method: route.method,
            redirect: "manual",
            headers: {
              ...headersOf(attempt.role),
              ...(route.method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
            },
            body: route.method === "POST" ? "" : undefined,
          });
          return { status: res.status, location: res.headers.get("location"), text: await res.text() };
        });
      });
    }
  }
});

/** MATRIX_PRINT=1 prints the observed table, to review a new row against the rules. */
function printObserved() {
  const lines = Object.entries(observed).map(
    ([key, cells]) =>
      `  ${JSON.stringify(key)}: ${JSON.stringify(
        cells
          .map((c) => c.padEnd(6))
          .join(" ")
          .trimEnd(),
      )},`,
  );
  process.stdout.write(`\n${lines.join("\n")}\n`);
}
