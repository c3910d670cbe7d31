import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salesEntry } from "../db/schema/ledger";
import { needResponse, sourcingNeed } from "../db/schema/sourcing";
import type { Actor } from "../server/authz/actor";
import { createNeed } from "../server/services/sourcing/create-need";
import { decideResponse } from "../server/services/sourcing/decide-response";
import { getNeed } from "../server/services/sourcing/get-need";
import { respondToNeed } from "../server/services/sourcing/respond-to-need";
import { transitionNeed } from "../server/services/sourcing/transition-need";
import { updateNeed } from "../server/services/sourcing/update-need";
import { createFirmOwner, createUserWithRole, makeDeps, PASSWORD } from "./factories";
import { api, signIn, startTestServer, type TestServer } from "./server";
import { needInput, smeProfile } from "./sourcing-fixtures";

// Only members of the need's firm decide on its responses, edit it or move it along; admins
// read everything and decide nothing (need.* rules of server/authz/permissions.ts).
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  server = await startTestServer();
  deps = makeDeps(server.app.deps.db, () => new Date());
});
afterAll(async () => {
  await server.close();
});

/** An open need of a buyer, answered by an SME. */
async function answeredNeed() {
  const buyer = await createFirmOwner(deps, { role: "buyer" });
  const sme = await createFirmOwner(deps);
  await smeProfile(deps, sme.actor, 40000);
  const { id: needId } = await createNeed(deps, buyer.actor, needInput());
  await transitionNeed(deps, buyer.actor, { needId, to: "open" });
  const response = await respondToNeed(deps, sme.actor, { needId, unitPrice: "9.90", quantity: 30000, leadTimeDays: 30 });
  return { buyer, sme, needId, responseId: response.id };
}

async function state(needId: string, responseId: string, smeFirmId: string) {
  const [need] = await deps.db
    .select({ status: sourcingNeed.status, product: sourcingNeed.product, updatedAt: sourcingNeed.updatedAt })
    .from(sourcingNeed)
    .where(eq(sourcingNeed.id, needId));
  const [response] = await deps.db
    .select({ status: needResponse.status, decidedBy: needResponse.decidedBy })
    .from(needResponse)
    .where(eq(needResponse.id, responseId));
  const sales = await deps.db.select({ id: salesEntry.id }).from(salesEntry).where(eq(salesEntry.firmId, smeFirmId));
  return { need, response, sales: sales.length };
}

describe("deciding on a need's responses", () => {
  it("refuses every role but the buyer's firm, writing nothing", async () => {
    const { buyer, sme, needId, responseId } = await answeredNeed();
    const admin = await createUserWithRole(deps, "admin");
    const broker = await createUserWithRole(deps, "broker");
    const otherBuyer = await createFirmOwner(deps, { role: "buyer" });
    const before = await state(needId, responseId, sme.firmId);
    expect(before.response.status).toBe("submitted");

    // The admin reads the need and every response, and is told it may not decide.
    const seen = await getNeed(deps, admin.actor, { needId });
    expect(seen.owner).toBe(false);
    expect(seen.transitions).toEqual([]);
    expect(seen.responses.map((r) => r.id)).toEqual([responseId]);

    const refusals: Array<[string, Actor, string]> = [
      ["admin", admin.actor, "forbidden"],
      ["another buyer", otherBuyer.actor, "not_found"],
      ["broker", broker.actor, "not_found"],
      ["the responding SME", sme.actor, "not_found"],
    ];
    for (const [, actor, code] of refusals) {
      for (const decision of ["award", "shortlist", "decline"] as const) {
        await expect(decideResponse(deps, actor, { responseId, decision, recordExpectedSales: true })).rejects.toMatchObject({ code });
      }
      await expect(transitionNeed(deps, actor, { needId, to: "closed" })).rejects.toMatchObject({
        code: actor === otherBuyer.actor ? "not_found" : "forbidden",
      });
      await expect(transitionNeed(deps, actor, { needId, to: "withdrawn" })).rejects.toMatchObject({
        code: actor === otherBuyer.actor ? "not_found" : "forbidden",
      });
      await expect(updateNeed(deps, actor, { needId, ...needInput({ product: "Hijacked" }) })).rejects.toMatchObject({
        code: actor === otherBuyer.actor ? "not_found" : "forbidden",
      });
    }
    expect(await state(needId, responseId, sme.firmId)).toEqual(before);

    // Over HTTP the admin gets a 403 and nothing changes either.
    const adminApi = api(server.url, await signIn(server.url, admin.email, PASSWORD));
    const award = await adminApi.post(`/responses/${responseId}/decision`, { decision: "award", recordExpectedSales: true });
    expect(award.status).toBe(403);
    expect((await adminApi.post(`/needs/${needId}/transitions`, { to: "closed" })).status).toBe(403);
    expect((await adminApi.put(`/needs/${needId}`, needInput({ product: "Hijacked" }))).status).toBe(403);
    expect(await state(needId, responseId, sme.firmId)).toEqual(before);

    // The buyer's firm decides.
    expect(await decideResponse(deps, buyer.actor, { responseId, decision: "award", recordExpectedSales: true })).toEqual({
      id: responseId,
      status: "awarded",
    });
    const after = await state(needId, responseId, sme.firmId);
    expect(after).toMatchObject({ need: { status: "awarded" }, response: { status: "awarded", decidedBy: buyer.userId }, sales: 1 });
  });

  it("lets the buyer's firm edit, close and shortlist", async () => {
    const { buyer, needId, responseId } = await answeredNeed();
    await updateNeed(deps, buyer.actor, { needId, ...needInput({ product: "Renamed sandals" }) });
    await transitionNeed(deps, buyer.actor, { needId, to: "closed" });
    expect(await decideResponse(deps, buyer.actor, { responseId, decision: "shortlist" })).toEqual({
      id: responseId,
      status: "shortlisted",
    });
  });
});
