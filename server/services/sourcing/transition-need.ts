import { eq } from "drizzle-orm";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { NeedStatus } from "../../domain/need";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { needTransitionSchema } from "../../schemas/sourcing";
import { inTransaction, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { criteriaOf, rankTopMatches } from "./candidates";
import { needFacts, volumePerMonth, visibleNeed } from "./need-access";
import { needRoom, needsRoom } from "./rooms";

/** The need's lifecycle: draft -> open -> closed -> awarded, or withdrawn (from any but awarded). */
export const NEED_TRANSITIONS: Record<NeedStatus, NeedStatus[]> = {
  draft: ["open", "withdrawn"],
  open: ["closed", "awarded", "withdrawn"],
  closed: ["open", "awarded", "withdrawn"],
  awarded: [],
  withdrawn: [],
};

/** A score from which a newly opened need is worth telling the SME about. */
const GOOD_FIT_SCORE = 70;
const MAX_FIT_NOTICES = 50;

export async function transitionNeed(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(needTransitionSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const { need } = await visibleNeed(tx, actor, input.needId, { lock: true });
    if (!can(actor, "need", "manage", needFacts(need))) throw new AppError("forbidden", "Only the buyer changes its need's status");
    if (!NEED_TRANSITIONS[need.status].includes(input.to)) throw new AppError("conflict", `Cannot go from ${need.status} to ${input.to}`);
    await tx.update(sourcingNeed).set({ status: input.to, updatedAt: deps.now() }).where(eq(sourcingNeed.id, need.id));
    if (input.to === "open" && need.status === "draft") {
      // A new need that fits an SME well notifies it.
      const today = deps.now().toISOString().slice(0, 10);
      const { ranked } = await rankTopMatches(tx, need, {}, criteriaOf(need, volumePerMonth(need)), today, MAX_FIT_NOTICES);
      const fits = ranked.filter((m) => m.score >= GOOD_FIT_SCORE).slice(0, MAX_FIT_NOTICES);
      const users = await usersOfFirms(
        tx,
        fits.map((f) => f.firmId),
      );
      await notify(
        tx,
        after,
        users.map((userId) => ({ userId, type: "need_fits_you", params: { product: need.product }, href: `/needs/${need.id}` })),
      );
    }
    after.publish(needRoom(need.id), "need:updated", { needId: need.id });
    after.publish(needsRoom(), "needs:changed", { needId: need.id });
    return { id: need.id, status: input.to };
  });
}
