import { desc, eq, inArray } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import type { Deps } from "../deps";
import { brokeredNetworkIds, memberNetworkIds, reachesFirm } from "./need-access";

/**
 * The needs an actor deals with: a buyer's own (every status); the open needs that reach an SME
 * or a broker's networks; everything for an admin.
 */
export async function listNeeds(deps: Deps, actor: Actor) {
  const base = deps.db
    .select({ need: sourcingNeed, buyerName: firm.name })
    .from(sourcingNeed)
    .innerJoin(firm, eq(firm.id, sourcingNeed.buyerFirmId))
    .orderBy(desc(sourcingNeed.createdAt));
  let rows: Array<{ need: typeof sourcingNeed.$inferSelect; buyerName: string }>;
  if (actor.role === "buyer") rows = actor.firm ? await base.where(eq(sourcingNeed.buyerFirmId, actor.firm.id)) : [];
  else if (actor.role === "admin") rows = await base;
  else {
    const open = await base.where(inArray(sourcingNeed.status, ["open"]));
    const networks = actor.role === "sme" ? (actor.firm ? await memberNetworkIds(deps.db, actor.firm.id) : []) : await brokeredNetworkIds(deps.db, actor.userId);
    rows = open.filter((r) => (actor.role === "sme" && !actor.firm ? false : reachesFirm(r.need, networks)));
  }
  return rows.map(({ need, buyerName }) => ({
    id: need.id,
    product: need.product,
    buyerName,
    link: need.link,
    tier: need.tier,
    volume: need.volume,
    volumePeriod: need.volumePeriod,
    unit: need.unit,
    deliveryCountry: need.deliveryCountry,
    closingDate: need.closingDate,
    status: need.status,
  }));
}
