import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import type { RankedMatch } from "../../domain/matching";
import { AppError, parseInput } from "../../errors";
import type { Deps } from "../deps";
import { criteriaOf, rankTopMatches, type Candidate } from "./candidates";
import { diversificationOptionsOfFirms } from "./diversification";
import { brokeredNetworkIds, visibleNeed, volumePerMonth } from "./need-access";
import { projectDependenceOfFirms } from "./projection";

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
  const today = deps.now().toISOString().slice(0, 10);
  const perMonth = volumePerMonth(need);
  // The same top `limit` as ranking every candidate, without loading every SME (see rankTopMatches).
  const { ranked, candidates } = await rankTopMatches(
    deps.db,
    need,
    brokerNetworks ? { networkIds: brokerNetworks } : {},
    criteriaOf(need, perMonth),
    today,
    input.limit,
  );
  const byId = new Map(candidates.map((c) => [c.firmId, c]));
  const withWarnings = actor.role === "broker" || actor.role === "admin";
  const smes = ranked.map((match) => byId.get(match.firmId)!);
  // Projections and options for the whole page at once: a few queries, not several per SME.
  const [dependence, options] = withWarnings
    ? await Promise.all([
        projectDependenceOfFirms(
          deps.db,
          need,
          smes.map((sme) => sme.firmId),
        ),
        // A broker sees the leads of its own networks' stands only (admins every stand's).
        diversificationOptionsOfFirms(deps.db, smes, need.buyerFirmId, today, brokerNetworks ? { networkIds: brokerNetworks } : {}),
      ])
    : [null, null];
  const items = ranked.map((match, i) => ({
    ...publicMatch(match, smes[i], owner && !withWarnings),
    dependence: dependence ? dependence.get(match.firmId)! : null,
    options: options ? options.get(match.firmId)! : null,
  }));
  const anyCanSupplyAlone = ranked.some((m) => (byId.get(m.firmId)!.capacityPerMonth ?? 0) >= perMonth);
  return { needId: need.id, volumePerMonth: perMonth, unit: need.unit, anyCanSupplyAlone, items };
}

/** What anyone allowed to see the ranking sees: no private figures; a buyer not the goals. */
function publicMatch(match: RankedMatch, sme: Candidate, forBuyer: boolean) {
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
    parts: match.parts.map((p) =>
      forBuyer && p.part === "upgrading" ? { ...p, reason: { key: "match.upgrading.fit", params: {} }, details: [] } : p,
    ),
  };
}
