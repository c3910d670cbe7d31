import { eq } from "drizzle-orm";
import { initiativeParticipant } from "../../../db/schema/initiatives";
import { firm } from "../../../db/schema/firms";
import { salesEntry } from "../../../db/schema/ledger";
import { needConsortium, needResponse, sourcingNeed } from "../../../db/schema/sourcing";
import { initiative } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { decideResponseSchema } from "../../schemas/sourcing";
import { inTransaction, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { trackDependenceLevel } from "../ledger/track-dependence-level";
import { networkFacts } from "../networks/network-facts";
import { notify } from "../notifications/notify";
import { needFacts, visibleNeed } from "./need-access";
import { needRoom, needsRoom } from "./rooms";

const PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

/**
 * The buyer shortlists, declines or awards a response; the SME (and the consortium's brokers)
 * are told. An award may be recorded as expected sales in the supplier's ledger, so its future
 * dependence shows before the order is delivered.
 */
export async function decideResponse(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(decideResponseSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const [response] = await tx.select().from(needResponse).where(eq(needResponse.id, input.responseId)).for("update");
    if (!response) throw new AppError("not_found", "Response not found");
    const { need } = await visibleNeed(tx, actor, response.needId, { lock: true });
    const facts = needFacts(need);
    if (!can(actor, "need", "decideResponse", facts)) {
      // Those who read every response (admins) are told no; others learn nothing of it.
      if (can(actor, "need", "read", facts)) throw new AppError("forbidden", "Only the buyer's firm decides on responses to its need");
      throw new AppError("not_found", "Response not found");
    }
    if (response.status === "awarded" || response.status === "declined")
      throw new AppError("conflict", `This response was already ${response.status}`);
    // Decisions belong to a live need: not a withdrawn one, and nothing after its award.
    if (need.status !== "open" && need.status !== "closed") throw new AppError("conflict", `The need is ${need.status}`);
    const status = ({ shortlist: "shortlisted", decline: "declined", award: "awarded" } as const)[input.decision];
    await tx.update(needResponse).set({ status, decidedBy: actor.userId, decidedAt: deps.now() }).where(eq(needResponse.id, response.id));

    // Who supplies: the responding firm, or the consortium's participants.
    let supplierFirmIds: string[] = response.firmId ? [response.firmId] : [];
    let brokerIds: string[] = [];
    if (response.initiativeId) {
      const participants = await tx
        .select({ firmId: initiativeParticipant.firmId })
        .from(initiativeParticipant)
        .where(eq(initiativeParticipant.initiativeId, response.initiativeId));
      supplierFirmIds = participants.map((p) => p.firmId);
      const [link] = await tx
        .select({ networkId: initiative.networkId })
        .from(needConsortium)
        .innerJoin(initiative, eq(initiative.id, needConsortium.initiativeId))
        .where(eq(needConsortium.initiativeId, response.initiativeId));
      brokerIds = link ? ((await networkFacts(tx, link.networkId))?.networkBrokerIds ?? []) : [];
    }
    if (input.decision === "award") {
      await tx.update(sourcingNeed).set({ status: "awarded", updatedAt: deps.now() }).where(eq(sourcingNeed.id, need.id));
      if (input.recordExpectedSales) {
        const [buyer] = await tx.select({ name: firm.name }).from(firm).where(eq(firm.id, need.buyerFirmId));
        const yearly = response.quantity * PER_YEAR[need.volumePeriod] * response.unitPriceMinor;
        const share = Math.floor(yearly / supplierFirmIds.length);
        const period = String(deps.now().getUTCFullYear());
        for (const [index, firmId] of supplierFirmIds.entries()) {
          // The last member takes the remainder, so the shares add up to the order's value.
          const amountMinor = index === supplierFirmIds.length - 1 ? yearly - share * (supplierFirmIds.length - 1) : share;
          await tx.insert(salesEntry).values({
            firmId,
            period,
            customerFirmId: need.buyerFirmId,
            customerName: buyer?.name ?? "",
            amountMinor,
            currency: response.currency,
            market: "export",
            channel: "direct",
            exclusivity: need.exclusivity,
            expected: true,
            createdBy: actor.userId,
          });
          await trackDependenceLevel(tx, after, firmId, deps.now());
        }
      }
    }
    const audience = [...new Set([...(await usersOfFirms(tx, supplierFirmIds)), ...brokerIds])];
    await notify(
      tx,
      after,
      audience.map((userId) => ({ userId, type: `need_response_${status}`, params: { product: need.product }, href: `/needs/${need.id}` })),
    );
    after.publish(needRoom(need.id), "need:updated", { needId: need.id });
    if (input.decision === "award") after.publish(needsRoom(), "needs:changed", { needId: need.id });
    return { id: response.id, status };
  });
}
