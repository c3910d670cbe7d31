import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { proposeConsortia } from "../../domain/consortia";
import { rankMatches } from "../../domain/matching";
import { AppError, parseInput } from "../../errors";
import type { Deps } from "../deps";
import { criteriaOf, loadCandidates } from "./candidates";
import { brokeredNetworkIds, visibleNeed, volumePerMonth } from "./need-access";
import { projectDependenceOfFirms } from "./projection";

const schema = z.object({ needId: z.uuid("Not a need id") });

/**
 * Consortia for a need too large for any single member (003:1106): 2 to 5 SMEs of one of the
 * broker's networks, all meeting the must-haves, whose capacities together cover the volume;
 * fewest members first, then best combined score, then least projected dependence.
 */
export async function listConsortiumProposals(deps: Deps, actor: Actor, rawInput: unknown) {
  const { needId } = parseInput(schema, rawInput);
  if (!can(actor, "need", "proposeConsortia")) throw new AppError("forbidden", "Brokers form consortia");
  const { need } = await visibleNeed(deps.db, actor, needId);
  const networks = actor.role === "broker" ? await brokeredNetworkIds(deps.db, actor.userId) : undefined;
  const candidates = await loadCandidates(deps.db, need, networks ? { networkIds: networks } : {});
  const perMonth = volumePerMonth(need);
  const today = deps.now().toISOString().slice(0, 10);
  const eligible = rankMatches(criteriaOf(need, perMonth), candidates, today);
  const byId = new Map(candidates.map((c) => [c.firmId, c]));
  const withCapacity = eligible.filter((match) => (byId.get(match.firmId)!.capacityPerMonth ?? 0) > 0);
  // Every projection at once: a few queries, not several per SME.
  const warnings = await projectDependenceOfFirms(
    deps.db,
    need,
    withCapacity.map((m) => m.firmId),
  );
  const pool = [];
  for (const match of withCapacity) {
    const sme = byId.get(match.firmId)!;
    const warning = warnings.get(sme.firmId)!;
    for (const networkId of sme.networkIds.filter((id) => !networks || networks.includes(id))) {
      pool.push({
        firmId: sme.firmId,
        networkId,
        capacityPerMonth: sme.capacityPerMonth!,
        score: match.score,
        projectedTopShareBp: warning.projectedTopShareBp ?? 0,
      });
    }
  }
  const proposals = proposeConsortia(pool, perMonth);
  return {
    needId,
    volumePerMonth: perMonth,
    unit: need.unit,
    proposals: proposals.map((p) => ({
      ...p,
      members: p.firmIds.map((id) => ({
        firmId: id,
        name: byId.get(id)?.name ?? "",
        capacityPerMonth: byId.get(id)?.capacityPerMonth ?? 0,
      })),
    })),
  };
}
