import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { networkBroker, networkMember } from "../../../db/schema/networks";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can, type ResourceFacts } from "../../authz/permissions";
import { AppError } from "../../errors";

export type NeedRow = typeof sourcingNeed.$inferSelect;

/** Networks the actor's firm is an active member of. */
export async function memberNetworkIds(db: Db | Tx, firmId: string): Promise<string[]> {
  const rows = await db
    .select({ networkId: networkMember.networkId })
    .from(networkMember)
    .where(and(eq(networkMember.firmId, firmId), eq(networkMember.status, "active")));
  return rows.map((r) => r.networkId);
}

export async function brokeredNetworkIds(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db.select({ networkId: networkBroker.networkId }).from(networkBroker).where(eq(networkBroker.userId, userId));
  return rows.map((r) => r.networkId);
}

/** Whether an open need reaches a firm: all SMEs, or members of the chosen networks. */
export function reachesFirm(need: NeedRow, firmNetworkIds: readonly string[]): boolean {
  if (need.visibility === "all") return true;
  return need.networkIds.some((id) => firmNetworkIds.includes(id));
}

/**
 * A need as the actor may see it, or 404: the buyer's own firm and admins always; SMEs and
 * brokers once it is open and reaches them (or one of their networks). `owner` is true only for
 * the members of the buyer's firm (need.manage): seeing a need is not owning it.
 */
export async function visibleNeed(db: Db | Tx, actor: Actor, needId: string, options: { lock?: boolean } = {}) {
  const found = await findVisibleNeed(db, actor, needId, options);
  if (!found) throw new AppError("not_found", "Need not found");
  return found;
}

/** visibleNeed without the 404: null for a need that is missing or hidden from the actor. */
export async function findVisibleNeed(db: Db | Tx, actor: Actor, needId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(sourcingNeed).where(eq(sourcingNeed.id, needId));
  const [need] = options.lock ? await query.for("update") : await query;
  if (!need) return null;
  const facts = needFacts(need);
  if (can(actor, "need", "manage", facts)) return { need, owner: true as const };
  if (can(actor, "need", "read", facts)) return { need, owner: false as const };
  if (need.status !== "draft" && can(actor, "need", "readPublished", reachFacts(need, actor, await actorNetworks(db, actor)))) {
    return { need, owner: false as const };
  }
  return null;
}

/** The networks an actor is in: its firm's active memberships and the ones it brokers. */
export interface ActorNetworks {
  memberNetworkIds: readonly string[];
  brokeredNetworkIds: readonly string[];
}

export async function actorNetworks(db: Db | Tx, actor: Actor): Promise<ActorNetworks> {
  const [member, brokered] = await Promise.all([
    actor.firm ? memberNetworkIds(db, actor.firm.id) : [],
    brokeredNetworkIds(db, actor.userId),
  ]);
  return { memberNetworkIds: member, brokeredNetworkIds: brokered };
}

/**
 * The facts of need.readPublished, as far as they concern this actor: whether the need reaches
 * its firm (memberFirmIds) and it as a broker (networkBrokerIds). A need offered to all reaches
 * everyone; one offered to networks reaches their active members and their brokers.
 */
export function reachFacts(need: NeedRow, actor: Actor, networks: ActorNetworks): ResourceFacts {
  return {
    memberFirmIds: actor.firm && reachesFirm(need, networks.memberNetworkIds) ? [actor.firm.id] : [],
    networkBrokerIds: reachesFirm(need, networks.brokeredNetworkIds) ? [actor.userId] : [],
  };
}

/** The facts of can()'s need rules: the buyer's firm owns the need. */
export function needFacts(need: Pick<NeedRow, "buyerFirmId">) {
  return { firmId: need.buyerFirmId };
}

export function volumePerMonth(need: Pick<NeedRow, "volume" | "volumePeriod">): number {
  const months = { month: 1, quarter: 3, year: 12 }[need.volumePeriod];
  return Math.ceil(need.volume / months);
}

/** The order's value over a year, in the need's currency (null without a target price). */
export function annualOrderValueMinor(need: Pick<NeedRow, "volume" | "volumePeriod" | "targetUnitPriceMinor">): number | null {
  if (need.targetUnitPriceMinor === null) return null;
  const perYear = { month: 12, quarter: 4, year: 1 }[need.volumePeriod];
  return need.volume * perYear * need.targetUnitPriceMinor;
}
