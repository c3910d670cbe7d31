/** bench:live's scene: a broker's network with one SME in an open joint purchase, and how to commit to it. */
import { performance } from "node:perf_hooks";
import { idFrom, signUpSme, type Api, type Person } from "./live-api";
import { signIn } from "./shared";
import { ADMIN, PASSWORD, runId } from "./live-settings";

export interface Scene {
  networkId: string;
  initiativeId: string;
  broker: Person;
  sme: Person;
  steps: string[];
  commitVia: string;
  commit: (quantity: number) => Promise<{ total: number; httpMs: number }>;
}

/** Admin -> broker -> network -> invited SME accepts -> open joint purchase the SME joins. */
export async function setUpScene(api: Api): Promise<Scene> {
  const { broker, sme, firmId } = await signUpPeople(api);
  const networkId = await networkWithSme(api, broker, sme, firmId);
  const initiativeId = await openJointBuyWithSme(api, broker, sme, networkId);
  const { commitVia, commit } = commitment(api, sme, initiativeId);
  return { networkId, initiativeId, broker, sme, steps: api.log, commitVia, commit };
}

/** A broker created by the admin, and an SME owner signed up through the form. */
async function signUpPeople(api: Api): Promise<{ broker: Person; sme: Person; firmId: string }> {
  const base = api.base;
  const adminCookie = await signIn(base, ADMIN.email, ADMIN.password);
  const brokerEmail = `bench-broker-${runId}@bench.example`;
  const brokerUser = await api.http("POST", "/users", adminCookie, {
    name: "Bench Broker",
    email: brokerEmail,
    password: PASSWORD,
    role: "broker",
  });
  api.log.push("broker: HTTP POST /api/v1/users (createUser)");
  const broker: Person = { cookie: await signIn(base, brokerEmail, PASSWORD), userId: idFrom(brokerUser, "user") };
  const sme = await signUpSme(base, 1);
  api.log.push("SME: POST /signup form");
  const myFirm = await api.http("GET", "/firms/me", sme.cookie);
  return { broker, sme, firmId: idFrom(myFirm, "firm") };
}

/** The broker's network, with the SME's firm invited and accepted. */
async function networkWithSme(api: Api, broker: Person, sme: Person, firmId: string): Promise<string> {
  const networkInput = { name: `Bench Network ${runId}`, sector: "1520", currency: "BRL", region: "Bench", description: "bench:live" };
  const networkId = idFrom(
    await api.call("network", ["createNetwork"], broker, networkInput, (s, a) => s.networks.create(a, networkInput)),
    "network",
  );
  const invite = { networkId, firmId };
  await api.call("invite", ["inviteToNetwork"], broker, invite, (s, a) => s.networks.invite(a, invite));
  const accept = { networkId, decision: "accept", consent: true };
  await api.call("accept invitation", ["acceptInvitation", "respondToInvitation"], sme, accept, (s, a) =>
    s.networks.respondToInvitation(a, accept),
  );
  return networkId;
}

/** An open joint purchase in the network, which the SME has joined. */
async function openJointBuyWithSme(api: Api, broker: Person, sme: Person, networkId: string): Promise<string> {
  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const initiativeInput = {
    networkId,
    objective: "joint_buying",
    title: `Bench joint purchase ${runId}`,
    description: "bench:live",
    deadline,
    shareQuantities: false,
    jointBuy: {
      inputName: "Bench leather",
      specification: "",
      unit: "m2",
      supplierName: "Bench Supplier",
      currency: "BRL",
      minimumQuantity: 1,
      // Quantities alternate 10/20: no break is ever crossed, so rounds push nothing else.
      priceBreaks: [
        { minQuantity: 1, unitPrice: "10.00" },
        { minQuantity: 100_000, unitPrice: "8.00" },
      ],
    },
  };
  const initiativeId = idFrom(
    await api.call("initiative", ["createInitiative"], broker, initiativeInput, (s, a) => s.initiatives.create(a, initiativeInput)),
    "initiative",
  );
  const open = { initiativeId, to: "open" };
  await api.call("open", ["transitionInitiative"], broker, open, (s, a) => s.initiatives.transition(a, open));
  const join = { initiativeId };
  await api.call("join", ["joinInitiative"], sme, join, (s, a) => s.initiatives.join(a, join));
  return initiativeId;
}

/** The SME's commitment, through the HTTP API when it has the endpoint, else the service. */
function commitment(api: Api, sme: Person, initiativeId: string): Pick<Scene, "commitVia" | "commit"> {
  const commitOp = api.ops.get("setJointBuyCommitment");
  if (commitOp) {
    const pathname = commitOp.path.replace("{initiativeId}", encodeURIComponent(initiativeId));
    return {
      commitVia: `HTTP ${commitOp.method} /api/v1${commitOp.path}`,
      commit: async (quantity) => {
        const started = performance.now();
        const body = (await api.http(commitOp.method, pathname, sme.cookie, { quantity })) as { total?: number };
        return { total: Number(body?.total ?? quantity), httpMs: performance.now() - started };
      },
    };
  }
  if (api.fallback) {
    const services = api.fallback.services;
    return {
      commitVia: `FALLBACK ${api.fallback.where} (no setJointBuyCommitment endpoint yet)`,
      commit: async (quantity) => {
        const started = performance.now();
        const actor = (await services.accounts.loadActor(sme.userId))!;
        const result = await services.initiatives.setCommitment(actor, { initiativeId, quantity });
        return { total: result.total, httpMs: performance.now() - started };
      },
    };
  }
  throw new Error("no setJointBuyCommitment endpoint in openapi.json");
}
