import { and, eq } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { sourcingNeed } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { scoreMatch } from "../../domain/matching";
import { AppError } from "../../errors";
import type { Deps } from "../deps";
import { criteriaOf, loadCandidates } from "./candidates";
import { diversificationOptions } from "./diversification";
import { memberNetworkIds, reachesFirm, volumePerMonth } from "./need-access";
import { projectDependence } from "./projection";

/** The SME side: open needs that fit my firm, best first, with the explanation and my projected dependence. */
export async function listMyMatchingNeeds(deps: Deps, actor: Actor) {
  if (actor.role !== "sme" || !actor.firm) throw new AppError("forbidden", "Only SMEs with a firm have matching needs");
  const firmId = actor.firm.id;
  const networks = await memberNetworkIds(deps.db, firmId);
  const open = await deps.db
    .select({ need: sourcingNeed, buyerName: firm.name })
    .from(sourcingNeed)
    .innerJoin(firm, eq(firm.id, sourcingNeed.buyerFirmId))
    .where(and(eq(sourcingNeed.status, "open")));
  const today = deps.now().toISOString().slice(0, 10);
  const items = [];
  for (const { need, buyerName } of open.filter(({ need }) => reachesFirm(need, networks))) {
    const [me] = await loadCandidates(deps.db, need, { firmIds: [firmId] });
    if (!me) continue;
    const match = scoreMatch(criteriaOf(need, volumePerMonth(need)), me, today);
    if (match.excluded) continue;
    items.push({
      needId: need.id,
      product: need.product,
      buyerName,
      closingDate: need.closingDate,
      score: match.score!,
      needsConsortium: match.needsConsortium,
      parts: match.parts,
      dependence: await projectDependence(deps.db, need, firmId),
      options: await diversificationOptions(deps.db, me, need.buyerFirmId, today),
    });
  }
  items.sort((a, b) => b.score - a.score || a.needId.localeCompare(b.needId));
  return { items };
}
