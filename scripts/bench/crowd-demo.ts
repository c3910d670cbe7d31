/**
 * What bench:pages and bench:api load, found in the seeded demo over HTTP as a user would:
 * sign in as the demo's brokers, then read ids from the /api/v1 operations openapi.json names.
 */
import { DEMO_LOGINS } from "../../db/seed/demo";
import { Api, loadOperations } from "./live-api";
import { signIn } from "./shared";

export interface DemoIds {
  /** The demo broker (the Sinos Valley network's). */
  brokerCookie: string;
  networkId: string;
  jointBuyId: string;
  needId: string;
  /** The benchmarking club and the broker who runs it (the demo broker is not in its network). */
  clubId: string;
  clubBrokerCookie: string;
}

interface NetworkList {
  brokered: Array<{ id: string }>;
}
interface NetworkDetail {
  initiatives: Array<{ id: string; objective: string; status: string }>;
}

/** An operation's path with its parameters filled in, e.g. /networks/{networkId} → /networks/abc. */
export function operationPath(api: Api, operationId: string, params: Record<string, string> = {}): string {
  const op = api.ops.get(operationId);
  if (!op) throw new Error(`no ${operationId} in /api/v1/openapi.json`);
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${operationId}: no value for ${name}`);
    return encodeURIComponent(params[name]);
  });
}

const get = <T>(api: Api, cookie: string, operationId: string, params?: Record<string, string>) =>
  api.http("GET", operationPath(api, operationId, params), cookie) as Promise<T>;

export async function demoApi(base: string): Promise<Api> {
  return new Api(base, await loadOperations(base), null);
}

export async function findDemo(api: Api): Promise<DemoIds> {
  const brokers = DEMO_LOGINS.users.filter((u) => u.role === "broker");
  const cookies = await Promise.all(brokers.map((b) => signIn(api.base, b.email, DEMO_LOGINS.password)));
  const brokerCookie = cookies[0];

  const { brokered } = await get<NetworkList>(api, brokerCookie, "listNetworks");
  if (!brokered[0]) throw new Error("the demo broker brokers no network");
  const networkId = brokered[0].id;
  const network = await get<NetworkDetail>(api, brokerCookie, "getNetwork", { networkId });
  const jointBuy = network.initiatives.find((i) => i.objective === "joint_buying" && i.status === "open");
  if (!jointBuy) throw new Error("no open joint buy in the demo network");

  const needs = await get<Array<{ id: string }>>(api, brokerCookie, "listSourcingNeeds");
  let needId: string | undefined;
  for (const need of needs) {
    const matches = await get<{ items: unknown[] }>(api, brokerCookie, "listNeedMatches", { needId: need.id });
    if (matches.items.length > 0) {
      needId = need.id;
      break;
    }
  }
  if (!needId) throw new Error("no sourcing need with matches in the demo");

  for (const clubBrokerCookie of cookies) {
    for (const { id } of (await get<NetworkList>(api, clubBrokerCookie, "listNetworks")).brokered) {
      const club = (await get<NetworkDetail>(api, clubBrokerCookie, "getNetwork", { networkId: id })).initiatives.find(
        (i) => i.objective === "learning_network",
      );
      if (club) return { brokerCookie, networkId, jointBuyId: jointBuy.id, needId, clubId: club.id, clubBrokerCookie };
    }
  }
  throw new Error("no benchmarking club brokered by a demo broker");
}
