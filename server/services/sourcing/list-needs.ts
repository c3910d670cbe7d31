import { desc, eq, or } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import type { Deps } from "../deps";
import { actorNetworks, needFacts, reachFacts } from "./need-access";

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
  // Without facts only an "any" scope holds: whoever reads every need loads them all; anyone
  // else loads the open needs and its firm's own, and can() decides each.
  const readsAll = can(actor, "need", "read");
  const candidates = await (readsAll
    ? base
    : base.where(or(eq(sourcingNeed.status, "open"), actor.firm ? eq(sourcingNeed.buyerFirmId, actor.firm.id) : undefined)));
  const networks = readsAll ? null : await actorNetworks(deps.db, actor);
  const rows = candidates.filter(
    ({ need }) =>
      networks === null ||
      can(actor, "need", "read", needFacts(need)) ||
      (need.status === "open" && can(actor, "need", "readPublished", reachFacts(need, actor, networks))),
  );
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
