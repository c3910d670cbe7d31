import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { api, signIn, startTestServer, type TestServer } from "./server";
import { expectDocumented, failure, openApiDocument } from "./answers";

let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer();
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

type Client = ReturnType<typeof client>;

/** The shared api() client, plus raw responses (for the CSV download). */
function client(cookie?: string) {
  const base = api(server.url, cookie);
  const headers = { ...(cookie ? { cookie } : {}), origin: server.url };
  return {
    ...base,
    raw: (pathname: string) => fetch(`${server.url}/api/v1${pathname}`, { headers }),
  };
}

async function signedIn(email: string): Promise<Client> {
  return client(await signIn(server.url, email, PASSWORD));
}

/** The fields an API error names, sorted (fails the test if the answer is no API error). */
const fieldsOf = (answer: { body: unknown }) => Object.keys(failure(answer).fields ?? {}).sort();

const quote = {
  inputName: "Natural rubber",
  unit: "kg",
  supplierName: "Borracha Sul",
  currency: "BRL",
  minimumQuantity: 50,
  priceBreaks: [
    { minQuantity: 1, unitPrice: "10.00" },
    { minQuantity: 100, unitPrice: "9.00" },
    { minQuantity: 500, unitPrice: "8.00" },
  ],
};

const budget = {
  budget: { amount: "10000.00", currency: "BRL" },
  splitRule: "equal",
  fundingSources: [{ kind: "percent", sponsor: "SEBRAE", percent: 50 }],
};

async function newBroker() {
  const broker = await createUserWithRole(deps, "broker");
  return { ...broker, client: await signedIn(broker.email) };
}

async function newSme(firmName?: string) {
  const sme = await createFirmOwner(deps, { firmName });
  return { ...sme, client: await signedIn(sme.email) };
}

async function createNetwork(broker: Client, name = "Vale dos Sinos footwear") {
  const res = await broker.post("/networks", { name, sector: "1520", currency: "BRL" });
  expect(res.status).toBe(201);
  return expectDocumented("createNetwork", res.body).id;
}

/** Invites the firm and accepts with consent: the firm is an active member afterwards. */
async function addMember(broker: Client, networkId: string, sme: { firmId: string; client: Client }) {
  expect((await broker.post(`/networks/${networkId}/invitations`, { firmId: sme.firmId })).status).toBe(201);
  expect((await sme.client.post(`/networks/${networkId}/invitation/accept`, { consent: true })).status).toBe(200);
}

describe("/api/v1 networks, initiatives and joint buying", () => {
  // One joint purchase through its life, in steps that build on each other (vitest runs them in order).
  describe("a joint purchase runs from network to purchase summary, with the right refusals", () => {
    let broker: Awaited<ReturnType<typeof newBroker>>;
    let sme: Awaited<ReturnType<typeof newSme>>;
    let outsider: Awaited<ReturnType<typeof newSme>>;
    let buyerClient: Client;
    let anonymous: Client;
    let networkId: string;
    let initiativeId: string;

    const networks = async (reader: Client) => expectDocumented("listNetworks", (await reader.get("/networks")).body);
    const network = async (reader: Client) => expectDocumented("getNetwork", (await reader.get(`/networks/${networkId}`)).body);
    const jointBuy = async (reader: Client) =>
      expectDocumented("getJointBuy", (await reader.get(`/initiatives/${initiativeId}/joint-buy`)).body);

    beforeAll(async () => {
      broker = await newBroker();
      sme = await newSme("Solados Novo Hamburgo");
      outsider = await newSme();
      const buyer = await createFirmOwner(deps, { role: "buyer" });
      buyerClient = await signedIn(buyer.email);
      anonymous = client();
    });

    it("creates the network for brokers only: an invalid one is refused with every field, the currency is upper-cased", async () => {
      const invalidNetwork = await broker.client.post("/networks", { name: "x", sector: "0000", currency: "XXX" });
      expect(invalidNetwork.status).toBe(400);
      expect(fieldsOf(invalidNetwork)).toEqual(["currency", "name", "sector"]);
      expect((await networks(broker.client)).brokered).toEqual([]);
      expect((await sme.client.post("/networks", { name: "SME network", sector: "1520", currency: "BRL" })).status).toBe(403);

      const created = await broker.client.post("/networks", { name: "Vale dos Sinos footwear", sector: "1520", currency: "brl" });
      expect(created.status).toBe(201);
      networkId = expectDocumented("createNetwork", created.body).id;
      expect((await networks(broker.client)).brokered).toEqual([expect.objectContaining({ id: networkId, currency: "BRL", members: 0 })]);
    });

    it("invites a firm by id: invalid or unknown ids are refused and write nothing, members cannot invite, twice conflicts", async () => {
      const badInvite = await broker.client.post(`/networks/${networkId}/invitations`, { firmId: "not-a-firm" });
      expect(badInvite.status).toBe(400);
      expect(fieldsOf(badInvite)).toEqual(["firmId"]);
      expect(fieldsOf(await broker.client.post(`/networks/${networkId}/invitations`, { firmId: crypto.randomUUID() }))).toEqual(["firmId"]);
      expect((await network(broker.client)).invited).toEqual([]);
      expect((await sme.client.post(`/networks/${networkId}/invitations`, { firmId: outsider.firmId })).status).toBe(404);

      const invited = await broker.client.post(`/networks/${networkId}/invitations`, { firmId: sme.firmId });
      expect(invited.status).toBe(201);
      expect(expectDocumented("inviteToNetwork", invited.body)).toEqual({ kind: "firm", firmId: sme.firmId });
      expect((await broker.client.post(`/networks/${networkId}/invitations`, { firmId: sme.firmId })).status).toBe(409);
    });

    it("shows the invited firm the invitation, not yet the network; accepting needs consent and makes it an active member", async () => {
      expect((await sme.client.get(`/networks/${networkId}`)).status).toBe(404);
      expect((await networks(sme.client)).memberships).toEqual([expect.objectContaining({ id: networkId, status: "invited" })]);
      for (const body of [{}, { consent: false }, { consent: "yes" }]) {
        const refused = await sme.client.post(`/networks/${networkId}/invitation/accept`, body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(refused), JSON.stringify(body)).toEqual(["consent"]);
      }
      expect((await networks(sme.client)).memberships[0].status).toBe("invited");
      expect((await outsider.client.post(`/networks/${networkId}/invitation/accept`, { consent: true })).status).toBe(404);

      const accepted = await sme.client.post(`/networks/${networkId}/invitation/accept`, { consent: true });
      expect(accepted.status).toBe(200);
      expect(expectDocumented("acceptInvitation", accepted.body)).toEqual({ networkId, status: "active" });

      const seenByMember = await sme.client.get(`/networks/${networkId}`);
      expect(seenByMember.status).toBe(200);
      const memberView = expectDocumented("getNetwork", seenByMember.body);
      expect(memberView.members.map((m) => m.firmId)).toEqual([sme.firmId]);
      expect(memberView.ownStatus).toBe("active");
      expect(memberView.permissions).toMatchObject({ update: false, invite: false, leave: true });
      expect((await network(broker.client)).permissions).toMatchObject({ update: true, invite: true, createInitiative: true });
    });

    it("starts the joint purchase as a draft: invalid input, a missing quote or rising prices are refused with the fields, nothing written; SMEs cannot", async () => {
      const fields = { networkId, objective: "joint_buying", title: "Rubber for the winter collection", deadline: "2030-03-31" };
      const invalidInitiative = await broker.client.post("/initiatives", {
        ...fields,
        title: "ab",
        deadline: "soon",
        objective: "world_domination",
      });
      expect(invalidInitiative.status).toBe(400);
      expect(fieldsOf(invalidInitiative)).toEqual(["deadline", "objective", "title"]);
      const withoutQuote = await broker.client.post("/initiatives", fields);
      expect(withoutQuote.status).toBe(400);
      expect(fieldsOf(withoutQuote)).toEqual(["jointBuy"]);
      const risingPrices = await broker.client.post("/initiatives", {
        ...fields,
        jointBuy: {
          ...quote,
          priceBreaks: [
            { minQuantity: 1, unitPrice: "10.00" },
            { minQuantity: 100, unitPrice: "11.00" },
          ],
        },
      });
      expect(risingPrices.status).toBe(400);
      expect(fieldsOf(risingPrices)).toEqual(["jointBuy.priceBreaks"]);
      expect((await network(broker.client)).initiatives).toEqual([]);
      expect((await sme.client.post("/initiatives", { ...fields, jointBuy: quote })).status).toBe(403);

      const initiative = await broker.client.post("/initiatives", { ...fields, jointBuy: quote });
      expect(initiative.status).toBe(201);
      const draft = expectDocumented("createInitiative", initiative.body);
      expect(draft.status).toBe("draft");
      initiativeId = draft.id;
    });

    it("keeps the draft the brokers' business; opening makes it visible and joinable to members", async () => {
      expect((await sme.client.get(`/initiatives/${initiativeId}`)).status).toBe(404);
      expect((await sme.client.post(`/initiatives/${initiativeId}/transitions`, { to: "open" })).status).toBe(404);
      const badTransition = await broker.client.post(`/initiatives/${initiativeId}/transitions`, { to: "flying" });
      expect(badTransition.status).toBe(400);
      expect(fieldsOf(badTransition)).toEqual(["to"]);
      const opened = await broker.client.post(`/initiatives/${initiativeId}/transitions`, { to: "open" });
      expect(opened.status).toBe(200);
      expect(expectDocumented("transitionInitiative", opened.body)).toEqual({ id: initiativeId, status: "open" });

      const page = await sme.client.get(`/initiatives/${initiativeId}`);
      expect(page.status).toBe(200);
      const opening = expectDocumented("getInitiative", page.body);
      expect(opening.initiative).toMatchObject({ status: "open", tool: "joint_buy", deadlineDate: "2030-03-31" });
      expect(opening.permissions).toMatchObject({ join: true, commit: false, transitions: [] });
    });

    it("keeps out a non-member SME, a buyer and anonymous callers", async () => {
      expect((await outsider.client.get(`/initiatives/${initiativeId}`)).status).toBe(404);
      expect((await outsider.client.get(`/networks/${networkId}`)).status).toBe(404);
      expect([403, 404]).toContain((await outsider.client.post(`/initiatives/${initiativeId}/participants`)).status);
      expect((await outsider.client.put(`/initiatives/${initiativeId}/joint-buy/commitment`, { quantity: 10 })).status).toBe(404);
      expect((await outsider.client.post(`/initiatives/${initiativeId}/messages`, { body: "Let me in" })).status).toBe(404);
      expect((await buyerClient.get(`/initiatives/${initiativeId}`)).status).toBe(404);
      expect((await buyerClient.get(`/networks/${networkId}`)).status).toBe(404);
      expect([403, 404]).toContain((await buyerClient.post(`/initiatives/${initiativeId}/participants`)).status);
      expect((await buyerClient.get("/networks")).status).toBe(403);
      for (const path of [
        `/networks/${networkId}`,
        `/initiatives/${initiativeId}`,
        `/initiatives/${initiativeId}/joint-buy`,
        "/networks",
      ]) {
        const res = await anonymous.get(path);
        expect(res.status, path).toBe(401);
        expect(failure(res).code).toBe("unauthenticated");
      }
      expect((await anonymous.post(`/initiatives/${initiativeId}/participants`)).status).toBe(401);
    });

    it("lets the member join once and commit a whole quantity; the pool shows the price break reached and what the next needs", async () => {
      expect((await sme.client.put(`/initiatives/${initiativeId}/joint-buy/commitment`, { quantity: 10 })).status).toBe(403);
      const joined = await sme.client.post(`/initiatives/${initiativeId}/participants`);
      expect(joined.status).toBe(201);
      expect(expectDocumented("joinInitiative", joined.body)).toEqual({ initiativeId, firmId: sme.firmId });
      expect((await sme.client.post(`/initiatives/${initiativeId}/participants`)).status).toBe(409);

      for (const quantity of [-1, 1.5, "12"]) {
        const invalid = await sme.client.put(`/initiatives/${initiativeId}/joint-buy/commitment`, { quantity });
        expect(invalid.status, String(quantity)).toBe(400);
        expect(fieldsOf(invalid)).toEqual(["quantity"]);
      }
      expect((await jointBuy(sme.client)).total).toBe(0);

      const committed = await sme.client.put(`/initiatives/${initiativeId}/joint-buy/commitment`, { quantity: 120 });
      expect(committed.status).toBe(200);
      expect(expectDocumented("setJointBuyCommitment", committed.body)).toEqual({
        initiativeId,
        firmId: sme.firmId,
        quantity: 120,
        total: 120,
        breakReached: { minQuantity: 100, unitPriceMinor: 900 },
      });

      const pool = await sme.client.get(`/initiatives/${initiativeId}/joint-buy`);
      expect(pool.status).toBe(200);
      const pooled = expectDocumented("getJointBuy", pool.body);
      expect(pooled).toMatchObject({
        initiativeId,
        status: "open",
        total: 120,
        reached: { minQuantity: 100, unitPriceMinor: 900 },
        next: { minQuantity: 500, unitPriceMinor: 800 },
        neededForNext: 380,
        meetsMinimum: true,
        totalCostMinor: 108_000,
      });
      expect(pooled.own).toMatchObject({ quantity: 120, costMinor: 108_000 });
      expect((await jointBuy(broker.client)).total).toBe(120);
    });

    it("refuses a lifecycle transition that skips steps", async () => {
      const skipped = await broker.client.post(`/initiatives/${initiativeId}/transitions`, { to: "completed" });
      expect(skipped.status).toBe(409);
      expect(failure(skipped).code).toBe("conflict");
    });

    it("carries the members' discussion; an empty message is refused", async () => {
      const emptyMessage = await sme.client.post(`/initiatives/${initiativeId}/messages`, { body: "   " });
      expect(emptyMessage.status).toBe(400);
      expect(fieldsOf(emptyMessage)).toEqual(["body"]);
      const message = await sme.client.post(`/initiatives/${initiativeId}/messages`, { body: "We can take the delivery in Sapiranga." });
      expect(message.status).toBe(201);
      expect(expectDocumented("postInitiativeMessage", message.body)).toMatchObject({
        firmName: "Solados Novo Hamburgo",
        body: "We can take the delivery in Sapiranga.",
      });
      const withMessages = expectDocumented("getInitiative", (await broker.client.get(`/initiatives/${initiativeId}`)).body);
      expect(withMessages.messages.map((m) => m.body)).toEqual(["We can take the delivery in Sapiranga."]);
    });

    it("offers the purchase summary only once locked, to members; locking freezes commitments and edits", async () => {
      const early = await sme.client.raw(`/initiatives/${initiativeId}/purchase-summary.csv`);
      expect(early.status).toBe(409);
      expect(early.headers.get("content-type")).toMatch(/application\/json/);
      expect((await broker.client.post(`/initiatives/${initiativeId}/transitions`, { to: "locked" })).status).toBe(200);
      expect((await sme.client.put(`/initiatives/${initiativeId}/joint-buy/commitment`, { quantity: 200 })).status).toBe(409);
      expect((await broker.client.put(`/initiatives/${initiativeId}`, { title: "Too late", deadline: "2030-04-30" })).status).toBe(409);

      const csv = await sme.client.raw(`/initiatives/${initiativeId}/purchase-summary.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("content-disposition")).toMatch(
        /^attachment; filename="?rubber-for-the-winter-collection-purchase-summary\.csv"?$/,
      );
      const text = await csv.text();
      expectDocumented("getPurchaseSummary", text);
      expect(text).toContain("Solados Novo Hamburgo,120,kg,9.00,1080.00");
      expect(text).toMatch(/^TOTAL,120,kg,9\.00,1080\.00,.*,BRL$/m);
      expect((await outsider.client.raw(`/initiatives/${initiativeId}/purchase-summary.csv`)).status).toBe(404);
      expect((await anonymous.get(`/initiatives/${initiativeId}/purchase-summary.csv`)).status).toBe(401);
    });
  });

  it("splits a generic initiative's budget after its funding, and validates the budget", async () => {
    const broker = await newBroker();
    const networkId = await createNetwork(broker.client);
    const first = await newSme("Curtume Alfa");
    const second = await newSme("Curtume Beta");
    await addMember(broker.client, networkId, first);

    // The second firm applies; the broker approves.
    const noConsent = await second.client.post(`/networks/${networkId}/applications`, {});
    expect(noConsent.status).toBe(400);
    expect(fieldsOf(noConsent)).toEqual(["consent"]);
    const applied = await second.client.post(`/networks/${networkId}/applications`, { consent: true });
    expect(applied.status).toBe(201);
    expect(expectDocumented("applyToNetwork", applied.body)).toEqual({ networkId, status: "applied" });
    const network = async (reader: Client) => expectDocumented("getNetwork", (await reader.get(`/networks/${networkId}`)).body);
    expect((await network(broker.client)).applications.map((a) => a.firmId)).toEqual([second.firmId]);
    expect(
      (await second.client.post(`/networks/${networkId}/applications/${second.firmId}/decision`, { decision: "approve" })).status,
    ).toBe(404);
    const badDecision = await broker.client.post(`/networks/${networkId}/applications/${second.firmId}/decision`, { decision: "perhaps" });
    expect(badDecision.status).toBe(400);
    expect(fieldsOf(badDecision)).toEqual(["decision"]);
    const approved = await broker.client.post(`/networks/${networkId}/applications/${second.firmId}/decision`, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(expectDocumented("decideApplication", approved.body)).toEqual({ networkId, firmId: second.firmId, status: "active" });

    const fields = { networkId, objective: "process_improvement", title: "Lean tanning workshop", deadline: "2030-06-30" };
    const badBudget = await broker.client.post("/initiatives", {
      ...fields,
      budget: {
        budget: { amount: "lots", currency: "BRL" },
        splitRule: "coin_toss",
        fundingSources: [{ kind: "percent", sponsor: "SEBRAE", percent: 500 }],
      },
    });
    expect(badBudget.status).toBe(400);
    expect(fieldsOf(badBudget)).toEqual(["budget.budget.amount", "budget.fundingSources.0.percent", "budget.splitRule"]);
    expect((await network(broker.client)).initiatives).toEqual([]);

    const created = await broker.client.post("/initiatives", { ...fields, budget });
    expect(created.status).toBe(201);
    const id = expectDocumented("createInitiative", created.body).id;
    expect((await broker.client.post(`/initiatives/${id}/transitions`, { to: "open" })).status).toBe(200);
    expect((await first.client.post(`/initiatives/${id}/participants`)).status).toBe(201);
    expect((await second.client.post(`/initiatives/${id}/participants`)).status).toBe(201);

    const shares = await broker.client.get(`/initiatives/${id}/cost-shares`);
    expect(shares.status).toBe(200);
    const split = expectDocumented("getCostShares", shares.body);
    expect(split).toMatchObject({
      initiativeId: id,
      budgetMinor: 1_000_000,
      currency: "BRL",
      splitRule: "equal",
      fundedTotal: 500_000,
      toSplit: 500_000,
    });
    expect(split.funding).toEqual([{ sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5000, amountMinor: 500_000 }]);
    expect(split.shares).toHaveLength(2);
    expect(split.shares.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(500_000);

    // Without shared figures a participant sees its own share only.
    const own = await first.client.get(`/initiatives/${id}/cost-shares`);
    expect(own.status).toBe(200);
    expect(expectDocumented("getCostShares", own.body).shares).toEqual([
      { firmId: first.firmId, firmName: "Curtume Alfa", amountMinor: 250_000 },
    ]);
    expectDocumented("getInitiative", (await first.client.get(`/initiatives/${id}`)).body);

    // Setting the budget: validated, brokers only, nothing written on failure.
    const invalid = await broker.client.put(`/initiatives/${id}/budget`, {
      budget: { amount: "1.2.3", currency: "ZZZ" },
      splitRule: "equal",
    });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid)).toEqual(["budget.amount", "budget.currency"]);
    expect((await first.client.put(`/initiatives/${id}/budget`, { ...budget, fundingSources: [] })).status).toBe(403);
    const costShares = async () => expectDocumented("getCostShares", (await broker.client.get(`/initiatives/${id}/cost-shares`)).body);
    expect((await costShares()).toSplit).toBe(500_000);
    const reset = await broker.client.put(`/initiatives/${id}/budget`, { ...budget, fundingSources: [] });
    expect(reset.status).toBe(200);
    expectDocumented("setInitiativeBudget", reset.body);
    const unfunded = await costShares();
    expect(unfunded.toSplit).toBe(1_000_000);
    expect(unfunded.shares.map((s) => s.amountMinor)).toEqual([500_000, 500_000]);

    // The joint-purchase endpoints do not apply to a generic initiative.
    expect((await broker.client.get(`/initiatives/${id}/joint-buy`)).status).toBe(404);
    expect((await first.client.put(`/initiatives/${id}/joint-buy/commitment`, { quantity: 5 })).status).toBe(404);
    expect((await broker.client.post(`/initiatives/${id}/transitions`, { to: "locked" })).status).toBe(200);
    expect((await broker.client.raw(`/initiatives/${id}/purchase-summary.csv`)).status).toBe(409);
  });

  it("edits initiatives, and lets participants leave over DELETE", async () => {
    const broker = await newBroker();
    const networkId = await createNetwork(broker.client);
    const sme = await newSme();
    await addMember(broker.client, networkId, sme);
    const { id } = expectDocumented(
      "createInitiative",
      (
        await broker.client.post("/initiatives", {
          networkId,
          objective: "joint_buying",
          title: "Glue",
          deadline: "2030-01-31",
          jointBuy: quote,
        })
      ).body,
    );
    expect((await broker.client.post(`/initiatives/${id}/transitions`, { to: "open" })).status).toBe(200);

    const invalid = await broker.client.put(`/initiatives/${id}`, { title: "", deadline: "31/01/2030", shareQuantities: "yes" });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid)).toEqual(["deadline", "shareQuantities", "title"]);
    expect((await sme.client.put(`/initiatives/${id}`, { title: "Mine now", deadline: "2030-01-31" })).status).toBe(403);
    const updated = await broker.client.put(`/initiatives/${id}`, { title: "Shoe glue", deadline: "2030-02-28", shareQuantities: true });
    expect(updated.status).toBe(200);
    expectDocumented("updateInitiative", updated.body);
    expect(expectDocumented("getInitiative", (await sme.client.get(`/initiatives/${id}`)).body).initiative).toMatchObject({
      title: "Shoe glue",
      deadlineDate: "2030-02-28",
      shareQuantities: true,
    });

    expect((await sme.client.post(`/initiatives/${id}/participants`)).status).toBe(201);
    expect((await sme.client.put(`/initiatives/${id}/joint-buy/commitment`, { quantity: 30 })).status).toBe(200);
    expect((await client().delete(`/initiatives/${id}/participants/me`)).status).toBe(401);
    expect((await sme.client.delete(`/initiatives/not-an-id/participants/me`)).status).toBe(400);
    const left = await sme.client.delete(`/initiatives/${id}/participants/me`);
    expect(left.status).toBe(200);
    expectDocumented("leaveInitiative", left.body);
    expect(expectDocumented("getJointBuy", (await sme.client.get(`/initiatives/${id}/joint-buy`)).body).total).toBe(0);
    expect((await sme.client.delete(`/initiatives/${id}/participants/me`)).status).toBe(403);
  });
});

describe("/api/v1 memberships", () => {
  it("declines invitations, accepts invitation links, leaves networks and edits them", async () => {
    const broker = await newBroker();
    const networkId = await createNetwork(broker.client, "Serra gaúcha furniture");

    // Declining.
    const decliner = await newSme();
    expect((await broker.client.post(`/networks/${networkId}/invitations`, { firmId: decliner.firmId })).status).toBe(201);
    const declined = await decliner.client.post(`/networks/${networkId}/invitation/decline`);
    expect(declined.status).toBe(200);
    expect(expectDocumented("declineInvitation", declined.body)).toEqual({ networkId, status: "declined" });
    expect((await decliner.client.post(`/networks/${networkId}/invitation/decline`)).status).toBe(404);

    // By email: the link works for the SME with that email once signed up, and for nobody else.
    const invitee = await newSme("Móveis Bento");
    const email = invitee.email;
    expect((await broker.client.post(`/networks/${networkId}/invitations`, { email: "not-an-email" })).status).toBe(400);
    const byEmail = await broker.client.post(`/networks/${networkId}/invitations`, { email });
    expect(byEmail.status).toBe(201);
    const invitation = expectDocumented("inviteToNetwork", byEmail.body);
    if (invitation.kind !== "email") throw new Error(`expected an email invitation, got ${invitation.kind}`);
    const token = invitation.token;
    expect(invitation.path).toBe(`/invitations/${token}`);
    const stranger = await newSme("Outra Firma");
    expect((await stranger.client.post(`/invitations/${token}/accept`, { consent: true })).status).toBe(403);
    const withoutConsent = await invitee.client.post(`/invitations/${token}/accept`, {});
    expect(withoutConsent.status).toBe(400);
    expect(fieldsOf(withoutConsent)).toEqual(["consent"]);
    const shortToken = await invitee.client.post(`/invitations/short/accept`, { consent: true });
    expect(shortToken.status).toBe(400);
    expect(fieldsOf(shortToken)).toEqual(["token"]);
    expect((await invitee.client.post(`/invitations/${"x".repeat(32)}/accept`, { consent: true })).status).toBe(404);
    expect((await broker.client.post(`/invitations/${token}/accept`, { consent: true })).status).toBe(403);
    const joined = await invitee.client.post(`/invitations/${token}/accept`, { consent: true });
    expect(joined.status).toBe(200);
    expect(expectDocumented("acceptInvitationLink", joined.body)).toEqual({ networkId, status: "active" });
    expect((await invitee.client.post(`/invitations/${token}/accept`, { consent: true })).status).toBe(404);
    expect((await invitee.client.get(`/networks/${networkId}`)).status).toBe(200);

    // Leaving.
    const left = await invitee.client.post(`/networks/${networkId}/leave`);
    expect(left.status).toBe(200);
    expect(expectDocumented("leaveNetwork", left.body)).toEqual({ networkId, status: "left" });
    expect((await invitee.client.get(`/networks/${networkId}`)).status).toBe(404);
    expect((await invitee.client.post(`/networks/${networkId}/leave`)).status).toBe(404);

    // Editing: the network's brokers only; invalid input writes nothing.
    const otherBroker = await newBroker();
    const details = { name: "Serra gaúcha furniture cluster", sector: "3100", currency: "BRL", region: "Bento Gonçalves, RS" };
    expect((await otherBroker.client.put(`/networks/${networkId}`, details)).status).toBe(404);
    expect((await decliner.client.put(`/networks/${networkId}`, details)).status).toBe(404);
    const invalid = await broker.client.put(`/networks/${networkId}`, { ...details, name: "", notableShareBp: 0 });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid)).toEqual(["name", "notableShareBp"]);
    const bad = await broker.client.put(`/networks/not-a-network`, details);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(["networkId"]);
    // The disclosure threshold: raised, never below 5 (a field-level 400, nothing written).
    const tooLow = await broker.client.put(`/networks/${networkId}`, { ...details, disclosureMinContributors: 4 });
    expect(tooLow.status).toBe(400);
    expect(fieldsOf(tooLow)).toEqual(["disclosureMinContributors"]);
    const network = async () => expectDocumented("getNetwork", (await broker.client.get(`/networks/${networkId}`)).body).network;
    expect((await network()).disclosureMinContributors).toBe(5);
    expect((await broker.client.put(`/networks/${networkId}`, { ...details, disclosureMinContributors: 7 })).status).toBe(200);
    expect((await network()).disclosureMinContributors).toBe(7);
    const updated = await broker.client.put(`/networks/${networkId}`, details);
    expect(updated.status).toBe(200);
    expectDocumented("updateNetwork", updated.body);
    expect((await network()).disclosureMinContributors).toBe(7);
    expect(await network()).toMatchObject(details);

    // Co-brokers: administrators add existing broker accounts.
    const admin = await createUserWithRole(deps, "admin");
    const adminClient = await signedIn(admin.email);
    expect((await broker.client.post(`/networks/${networkId}/brokers`, { email: otherBroker.email })).status).toBe(403);
    const notEmail = await adminClient.post(`/networks/${networkId}/brokers`, { email: "nobody" });
    expect(notEmail.status).toBe(400);
    expect(fieldsOf(notEmail)).toEqual(["email"]);
    const notBroker = await adminClient.post(`/networks/${networkId}/brokers`, { email: decliner.email });
    expect(notBroker.status).toBe(400);
    expect(fieldsOf(notBroker)).toEqual(["email"]);
    const added = await adminClient.post(`/networks/${networkId}/brokers`, { email: otherBroker.email });
    expect(added.status).toBe(201);
    expect(expectDocumented("addNetworkBroker", added.body)).toEqual({ networkId, userId: otherBroker.id });
    expect((await adminClient.post(`/networks/${networkId}/brokers`, { email: otherBroker.email })).status).toBe(409);
    const coBrokerView = await otherBroker.client.get(`/networks/${networkId}`);
    expect(coBrokerView.status).toBe(200);
    const coBrokered = expectDocumented("getNetwork", coBrokerView.body);
    expect(coBrokered.brokers.map((b) => b.userId).sort()).toEqual([broker.id, otherBroker.id].sort());
    expectDocumented("listNetworks", (await adminClient.get("/networks")).body);
    expectDocumented("listNetworks", (await decliner.client.get("/networks")).body);
  });
});

describe("OpenAPI document for networks and initiatives", () => {
  it("lists the network and initiative operations, with bodies without path parameters and the CSV download", async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = openApiDocument.parse(await res.json());
    const threshold =
      doc.paths["/networks/{networkId}"].put.requestBody?.content["application/json"].schema.properties?.disclosureMinContributors;
    expect(threshold).toMatchObject({ type: "integer", minimum: 5, maximum: 50 });
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    for (const id of [
      "createNetwork",
      "getNetwork",
      "inviteToNetwork",
      "acceptInvitation",
      "createInitiative",
      "getInitiative",
      "transitionInitiative",
      "joinInitiative",
      "setJointBuyCommitment",
      "getJointBuy",
      "postInitiativeMessage",
      "getCostShares",
      "listNetworks",
      "updateNetwork",
      "declineInvitation",
      "applyToNetwork",
      "decideApplication",
      "leaveNetwork",
      "addNetworkBroker",
      "acceptInvitationLink",
      "updateInitiative",
      "leaveInitiative",
      "setInitiativeBudget",
      "getPurchaseSummary",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);

    const accept = doc.paths["/networks/{networkId}/invitation/accept"].post;
    expect(accept.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(["path:networkId"]);
    const acceptBody = accept.requestBody?.content["application/json"].schema;
    expect(acceptBody?.required).toEqual(["consent"]);
    expect(acceptBody?.properties).not.toHaveProperty("networkId");

    const invite = doc.paths["/networks/{networkId}/invitations"].post;
    const inviteBody = invite.requestBody?.content["application/json"].schema;
    expect((inviteBody?.anyOf ?? inviteBody?.oneOf)?.map((s) => s.required)).toEqual([["firmId"], ["email"]]);
    expect(invite.responses["201"]).toBeDefined();

    const commitment = doc.paths["/initiatives/{initiativeId}/joint-buy/commitment"].put;
    expect(Object.keys(commitment.requestBody?.content["application/json"].schema.properties ?? {})).toEqual(["quantity"]);
    expect(doc.paths["/initiatives/{initiativeId}/participants/me"].delete.operationId).toBe("leaveInitiative");

    const csv = doc.paths["/initiatives/{initiativeId}/purchase-summary.csv"].get;
    expect(csv.operationId).toBe("getPurchaseSummary");
    expect(Object.keys(csv.responses["200"].content)).toEqual(["text/csv"]);
    expect(csv.responses["200"].headers).toHaveProperty("Content-Disposition");
    expect(csv.responses["409"].description).toMatch(/locked/);
    expect(doc.paths["/initiatives/{initiativeId}/transitions"].post.responses["409"]).toBeDefined();
  });
});
