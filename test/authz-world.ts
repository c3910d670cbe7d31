import { eq, sql } from "drizzle-orm";
import { firmMember } from "../db/schema/firms";
import { selectRows, type Db } from "../db/client";
import type { Deps } from "../server/services/deps";
import { applyToNetwork } from "../server/services/networks/apply-to-network";
import { created, createFirmOwner, createUserWithRole, PASSWORD, uniqueEmail } from "./factories";
import { shippedKpiIds } from "./learning-fixtures";
import { networkWithMembers, openJointBuy } from "./network-fixtures";
import { smeProfile, needInput } from "./sourcing-fixtures";
import { openStand } from "./stand-fixtures";
import { api, signIn } from "./server";

/**
 * One world with two networks for the authorisation matrix and the fuzzer. Each network has a
 * broker, SME members (the first takes part in everything), a joint buy, a generic initiative, a
 * stand, a benchmarking club with a period, a meeting and an action, a buyer with an open need
 * shown to the network and answered by the member, a sales entry, a pending firm member, a firm
 * applying and an email invitation. Every id a request path can name exists once per network.
 */

export const ROLES = ["anonymous", "admin", "broker", "otherBroker", "sme", "otherSme", "buyer", "otherBuyer"] as const;
export type Role = (typeof ROLES)[number];

/** The same role seen from the other network: its broker is "another network's broker" there. */
export const MIRROR: Record<Role, Role> = {
  anonymous: "anonymous",
  admin: "admin",
  broker: "otherBroker",
  otherBroker: "broker",
  sme: "otherSme",
  otherSme: "sme",
  buyer: "otherBuyer",
  otherBuyer: "buyer",
};

export interface Side {
  networkId: string;
  /** The network's resources, by the path parameter that names them. */
  ids: {
    networkId: string;
    firmId: string;
    jointBuyId: string;
    genericId: string;
    standId: string;
    clubId: string;
    periodId: string;
    meetingId: string;
    actionId: string;
    spaceId: string;
    taskId: string;
    leadId: string;
    needId: string;
    responseId: string;
    entryId: string;
    brokerEntryId: string;
    adminEntryId: string;
    memberId: string;
    notificationId: string;
    applicantFirmId: string;
    token: string;
    kpiId: string;
    fairId: string;
  };
  /** Users of the network: its broker, its first SME member, the buyer whose need it sees. */
  users: { broker: User; sme: User; buyer: User };
  /** A second member, outside the initiatives. */
  spareSme: User;
}

interface User {
  email: string;
  userId: string;
  firmId?: string;
  cookie: string;
}

export interface World {
  A: Side;
  B: Side;
  admin: User;
  /** The signed-in cookie of a role (acting in network A; the mirror acts in B). */
  cookieOf(role: Role): string | undefined;
}

async function ok<T = Record<string, unknown>>(call: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const res = await call;
  if (res.status >= 300) throw new Error(`world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function user(url: string, email: string, userId: string, firmId?: string): Promise<User> {
  return { email, userId, firmId, cookie: await signIn(url, email, PASSWORD) };
}

async function side(deps: Deps, url: string): Promise<Side> {
  const { broker, networkId, smes } = await networkWithMembers(deps, 2);
  const [sme, spare] = smes;
  await smeProfile(deps, sme.actor, 50_000);
  const buyerOwner = await createFirmOwner(deps, { role: "buyer" });
  const asBroker = api(url, await signIn(url, broker.email, PASSWORD));
  const asSme = api(url, await signIn(url, sme.email, PASSWORD));
  const asBuyer = api(url, await signIn(url, buyerOwner.email, PASSWORD));

  const jointBuyId = await openJointBuy(deps, broker.actor, networkId, [sme.actor]);
  const generic = await ok<{ id: string }>(
    asBroker.post("/initiatives", { networkId, objective: "process_improvement", title: "Shared lean training", deadline: "2027-02-28" }),
    "generic initiative",
  );
  await ok(asBroker.post(`/initiatives/${generic.id}/transitions`, { to: "open" }), "open generic");
  await ok(asSme.post(`/initiatives/${generic.id}/participants`), "join generic");

  const { initiativeId: standId, fairId } = await openStand(deps, broker.actor, networkId);
  await ok(asSme.put(`/initiatives/${standId}/stand/space`, { areaM2: "6" }), "request space");
  const stand = await ok<{ plan: { spaces: Array<{ spaceId: string }> } }>(asBroker.get(`/initiatives/${standId}/stand`), "get stand");
  const task = await ok<{ taskId: string }>(
    asBroker.post(`/initiatives/${standId}/stand/tasks`, { title: "Book the booth", dueOn: "2027-01-15" }),
    "task",
  );
  const lead = await ok<{ leadId: string }>(
    asSme.post(`/initiatives/${standId}/stand/leads`, { buyerName: "Schuhhaus Müller", country: "DE", buyerType: "importer" }),
    "lead",
  );

  const kpiIds = await shippedKpiIds(deps.db);
  const kpi = await ok<{ id: string }>(
    asBroker.post(`/networks/${networkId}/kpis`, { name: "Glue use per pair", unit: "g", direction: "lower", minValue: 0, maxValue: 1000 }),
    "kpi",
  );
  const club = await ok<{ id: string }>(
    asBroker.post(`/networks/${networkId}/benchmark-clubs`, {
      title: "Plant benchmarking",
      deadline: "2027-06-30",
      periodKind: "quarter",
      kpiIds: [kpiIds.on_time_delivery, kpiIds.scrap_rate, kpi.id],
    }),
    "club",
  );
  await ok(asBroker.post(`/initiatives/${club.id}/transitions`, { to: "open" }), "open club");
  await ok(asSme.post(`/initiatives/${club.id}/participants`), "join club");
  const period = await ok<{ id: string }>(asBroker.post(`/initiatives/${club.id}/club/periods`, { label: "2026-Q3" }), "period");
  await ok(
    asSme.put(`/initiatives/${club.id}/club/periods/${period.id}/values`, { values: { [kpiIds.on_time_delivery]: 91.5 } }),
    "values",
  );
  const meeting = await ok<{ id: string }>(
    asBroker.post(`/initiatives/${club.id}/club/meetings`, {
      title: "Plant visit",
      startsAt: "2027-02-10T09:00",
      endsAt: "2027-02-10T12:00",
      place: "Novo Hamburgo",
    }),
    "meeting",
  );
  const action = await ok<{ id: string }>(
    asBroker.post(`/initiatives/${club.id}/club/meetings/${meeting.id}/actions`, { description: "Share the scrap audit" }),
    "meeting action",
  );

  const need = await ok<{ id: string }>(asBuyer.post("/needs", needInput({ visibility: "networks", networkIds: [networkId] })), "need");
  await ok(asBuyer.post(`/needs/${need.id}/transitions`, { to: "open" }), "open need");
  const response = await ok<{ id: string }>(
    asSme.post(`/needs/${need.id}/responses`, { unitPrice: "9.50", quantity: 1000, leadTimeDays: 30 }),
    "response",
  );

  const entries = await ok<{ ids: string[] }>(
    asSme.post(`/firms/${sme.firmId}/sales`, {
      // One entry per caller allowed to delete it (the firm, its broker, an administrator).
      entries: ["Big Retail", "Shoe Chain", "Outlet Group"].map((customerName) => ({
        period: "2026",
        customerName,
        amount: "100000.00",
        currency: "BRL",
        market: "export",
      })),
    }),
    "sales entry",
  );

  // Someone asks to join the member's firm; another firm applies to the network; an email invitation.
  const joinerEmail = uniqueEmail("joiner");
  const joined = await server_signUpJoin(deps, joinerEmail, sme.firmId);
  const applicant = await createFirmOwner(deps);
  await applyToNetwork(deps, applicant.actor, { networkId, consent: true });
  const invitation = await ok<{ token?: string; invitationPath?: string }>(
    asBroker.post(`/networks/${networkId}/invitations`, { email: uniqueEmail("invitee") }),
    "email invitation",
  );
  const notifications = await ok<{ items: Array<{ id: string }> }>(asSme.get("/notifications"), "notifications");
  if (notifications.items.length === 0) throw new Error("world: the member has no notification");

  return {
    networkId,
    ids: {
      networkId,
      firmId: sme.firmId,
      jointBuyId,
      genericId: generic.id,
      standId,
      clubId: club.id,
      periodId: period.id,
      meetingId: meeting.id,
      actionId: action.id,
      spaceId: stand.plan.spaces[0].spaceId,
      taskId: task.taskId,
      leadId: lead.leadId,
      needId: need.id,
      responseId: response.id,
      entryId: entries.ids[0],
      brokerEntryId: entries.ids[1],
      adminEntryId: entries.ids[2],
      memberId: joined,
      notificationId: notifications.items[0].id,
      applicantFirmId: applicant.firmId,
      token: tokenOf(invitation),
      kpiId: kpi.id,
      fairId,
    },
    users: {
      broker: await user(url, broker.email, broker.id),
      sme: await user(url, sme.email, sme.userId, sme.firmId),
      buyer: await user(url, buyerOwner.email, buyerOwner.userId, buyerOwner.firmId),
    },
    spareSme: await user(url, spare.email, spare.userId, spare.firmId),
  };
}

function tokenOf(invitation: { token?: string; invitationPath?: string }): string {
  const token = invitation.token ?? invitation.invitationPath?.split("/").pop();
  if (!token) throw new Error(`world: no invitation token in ${JSON.stringify(invitation)}`);
  return token;
}

async function server_signUpJoin(deps: Deps, email: string, firmId: string): Promise<string> {
  const { signUp } = await import("../server/services/accounts/sign-up");
  const result = created(await signUp(deps, { firmChoice: "join", role: "sme", name: "New Colleague", email, password: PASSWORD, firmId }));
  const [request] = await deps.db.select({ id: firmMember.id }).from(firmMember).where(eq(firmMember.userId, result.userId));
  return request.id;
}

export async function buildWorld(deps: Deps, url: string): Promise<World> {
  const A = await side(deps, url);
  const B = await side(deps, url);
  const admin = await createUserWithRole(deps, "admin");
  const adminUser = await user(url, admin.email, admin.id);
  const cookies: Record<Role, string | undefined> = {
    anonymous: undefined,
    admin: adminUser.cookie,
    broker: A.users.broker.cookie,
    otherBroker: B.users.broker.cookie,
    sme: A.users.sme.cookie,
    otherSme: B.users.sme.cookie,
    buyer: A.users.buyer.cookie,
    otherBuyer: B.users.buyer.cookie,
  };
  return { A, B, admin: adminUser, cookieOf: (role) => cookies[role] };
}

/**
 * A digest of every table's rows (session rows aside: signing in and reading refresh them), so
 * that a refused request is shown to have written nothing, not even an update in place.
 */
export async function databaseDigest(db: Db): Promise<Record<string, string>> {
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('session', '__drizzle_migrations') order by table_name`,
  );
  const parts = tables.map(
    (t) =>
      sql`select ${t.table_name} as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as digest from ${sql.identifier(t.table_name)} x`,
  );
  const union = sql.join(parts, sql` union all `);
  const rows = await selectRows<{ name: string; digest: string }>(db, union);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
