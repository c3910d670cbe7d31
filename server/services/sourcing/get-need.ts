import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { firm } from "../../../db/schema/firms";
import { initiative } from "../../../db/schema/initiatives";
import { needConsortium, needResponse } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { parseInput } from "../../errors";
import type { Deps } from "../deps";
import { brokeredNetworkIds, needFacts, visibleNeed } from "./need-access";
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
  // A broker sees the offers of the consortia of its own networks only.
  const brokered = actor.role === "broker" ? await brokeredNetworkIds(deps.db, actor.userId) : [];
  const consortia = await deps.db
    .select({ initiativeId: needConsortium.initiativeId, networkId: initiative.networkId })
    .from(needConsortium)
    .innerJoin(initiative, eq(initiative.id, needConsortium.initiativeId))
    .where(eq(needConsortium.needId, needId));
  const ownConsortia = new Set(consortia.filter((c) => brokered.includes(c.networkId)).map((c) => c.initiativeId));
  const visible = responses.filter(
    ({ response }) =>
      can(actor, "need", "read", needFacts(need)) ||
      (actor.firm !== null && response.firmId === actor.firm.id) ||
      (response.initiativeId !== null && ownConsortia.has(response.initiativeId)),
  );
  const { createdBy: _createdBy, ...fields } = need;
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
