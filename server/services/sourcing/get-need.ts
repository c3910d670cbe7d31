import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { firm } from "../../../db/schema/firms";
import { needResponse, sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { parseInput } from "../../errors";
import type { Deps } from "../deps";
import { visibleNeed } from "./need-access";
import { NEED_TRANSITIONS } from "./transition-need";

const schema = z.object({ needId: z.uuid("Not a need id") });

/** One need with what the reader may see of its responses (the buyer sees all; an SME its own). */
export async function getNeed(deps: Deps, actor: Actor, rawInput: unknown) {
  const { needId } = parseInput(schema, rawInput);
  const { need, owner } = await visibleNeed(deps.db, actor, needId);
  const [buyer] = await deps.db.select({ name: firm.name, country: firm.country }).from(firm).where(eq(firm.id, need.buyerFirmId));
  const responses = await deps.db
    .select({ response: needResponse, firmName: firm.name })
    .from(needResponse)
    .leftJoin(firm, eq(firm.id, needResponse.firmId))
    .where(eq(needResponse.needId, needId))
    .orderBy(asc(needResponse.createdAt));
  const visible = responses.filter(({ response }) => owner || actor.role === "admin" || (actor.firm && response.firmId === actor.firm.id) || (actor.role === "broker" && response.initiativeId !== null));
  const { createdBy: _createdBy, ...fields } = need as typeof sourcingNeed.$inferSelect;
  return {
    need: { ...fields, createdAt: need.createdAt.toISOString(), updatedAt: need.updatedAt.toISOString(), buyerName: buyer?.name ?? "" },
    owner,
    transitions: owner ? NEED_TRANSITIONS[need.status] : [],
    responses: visible.map(({ response, firmName }) => ({
      id: response.id,
      firmId: response.firmId,
      firmName,
      initiativeId: response.initiativeId,
      unitPriceMinor: response.unitPriceMinor,
      currency: response.currency,
      quantity: response.quantity,
      leadTimeDays: response.leadTimeDays,
      note: response.note,
      status: response.status,
      createdAt: response.createdAt.toISOString(),
    })),
  };
}
