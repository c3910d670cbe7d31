import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { rankMatches, type RankedMatch } from "../../domain/matching";
import { AppError, parseInput } from "../../errors";
import type { Deps } from "../deps";
import { criteriaOf, loadCandidates, type Candidate } from "./candidates";
import { diversificationOptions } from "./diversification";
import { brokeredNetworkIds, visibleNeed, volumePerMonth } from "./need-access";
import { projectDependence } from "./projection";

const schema = z.object({ needId: z.uuid("Not a need id"), limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * The ranked SMEs for a need, each with its score and the reason for every part. The buyer sees
 * the ranking and public profiles only; a broker sees its own networks' members, each with its
 * dependence warning (projected share and HHI if it wins) and its diversification options.
 */
export async function listNeedMatches(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(schema, rawInput);
  const { need, owner } = await visibleNeed(deps.db, actor, input.needId);
  if (!owner && !can(actor, "need", "readMatches")) throw new AppError("forbidden", "Not allowed to see the matches of this need");
  const brokerNetworks = actor.role === "broker" ? await brokeredNetworkIds(deps.db, actor.userId) : null;
  const candidates = await loadCandidates(deps.db, need, brokerNetworks ? { networkIds: brokerNetworks } : {});
  const today = deps.now().toISOString().slice(0, 10);
  const perMonth = volumePerMonth(need);
  const ranked = rankMatches(criteriaOf(need, perMonth), candidates, today, input.limit);
  const byId = new Map(candidates.map((c) => [c.firmId, c]));
  const withWarnings = actor.role === "broker" || actor.role === "admin";
  const items = [];
  for (const match of ranked) {
    const sme = byId.get(match.firmId)!;
    items.push({
      ...publicMatch(match, sme, owner && !withWarnings),
      dependence: withWarnings ? await projectDependence(deps.db, need, sme.firmId) : null,
      options: withWarnings ? await diversificationOptions(deps.db, sme, need.buyerFirmId, today) : null,
    });
  }
  const anyCanSupplyAlone = ranked.some((m) => (byId.get(m.firmId)!.capacityPerMonth ?? 0) >= perMonth);
  return { needId: need.id, volumePerMonth: perMonth, unit: need.unit, anyCanSupplyAlone, items };
}

/** What anyone allowed to see the ranking sees: no private figures; a buyer not the goals. */
export function publicMatch(match: RankedMatch, sme: Candidate, forBuyer: boolean) {
  return {
    firmId: match.firmId,
    name: sme.name,
    link: sme.link,
    tier: sme.tier,
    country: sme.country,
    region: sme.region,
    score: match.score,
    needsConsortium: match.needsConsortium,
    // The upgrading part reflects the SME's own goals, which are private: the buyer sees its points only.
    parts: match.parts.map((p) => (forBuyer && p.part === "upgrading" ? { ...p, reason: { key: "match.upgrading.fit", params: {} }, details: [] } : p)),
  };
}
