import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { network, networkBroker, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError } from "../../errors";
import type { Deps } from "../deps";

/**
 * The networks an actor deals with: a broker's own networks; an SME's memberships, invitations
 * and applications, plus the other networks it may apply to; every network for an admin.
 */
export async function listNetworks(deps: Deps, actor: Actor) {
  if (!can(actor, "network", "list")) throw new AppError("forbidden", "Not allowed");
  // Qualified by hand: drizzle leaves a lone table's columns unqualified, which the subquery would misread.
  const memberCount = sql<number>`(select count(*)::int from ${networkMember} m where m.network_id = "network"."id" and m.status = 'active')`;
  const base = {
    id: network.id,
    name: network.name,
    sector: network.sector,
    region: network.region,
    description: network.description,
    currency: network.currency,
    members: memberCount,
  };
  if (actor.role === "broker") {
    const rows = await deps.db
      .select(base)
      .from(network)
      .innerJoin(networkBroker, and(eq(networkBroker.networkId, network.id), eq(networkBroker.userId, actor.userId)))
      .orderBy(asc(network.name));
    return { brokered: rows, memberships: [], others: [] };
  }
  const all = await deps.db.select(base).from(network).orderBy(asc(network.name));
  if (actor.role === "admin") return { brokered: all, memberships: [], others: [] };
  const mine = actor.firm
    ? await deps.db
        .select({ networkId: networkMember.networkId, status: networkMember.status })
        .from(networkMember)
        .where(and(eq(networkMember.firmId, actor.firm.id), inArray(networkMember.status, ["active", "invited", "applied"])))
    : [];
  const status = new Map(mine.map((m) => [m.networkId, m.status]));
  return {
    brokered: [],
    memberships: all.filter((n) => status.has(n.id)).map((n) => ({ ...n, status: status.get(n.id)! })),
    others: actor.firm ? all.filter((n) => !status.has(n.id)) : [],
  };
}
