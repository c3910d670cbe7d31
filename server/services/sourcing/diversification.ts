import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { initiative } from "../../../db/schema/initiatives";
import { sourcingNeed } from "../../../db/schema/sourcing";
import { scoreMatch } from "../../domain/matching";
import { criteriaOf, type Candidate } from "./candidates";
import { memberNetworkIds, reachesFirm, volumePerMonth } from "./need-access";

/** A score from which another open need counts as a diversification option. */
export const OPTION_SCORE = 50;

/**
 * A match never hides a warning; it lists the SME's ways out (DOMAIN.md): other open needs of
 * other buyers that fit it, and joint trade-fair stands (joint_selling) open in its networks.
 */
export async function diversificationOptions(db: Db | Tx, sme: Candidate, excludeBuyerFirmId: string, today: string) {
  const networks = await memberNetworkIds(db, sme.firmId);
  const open = await db
    .select({ need: sourcingNeed, buyerName: firm.name })
    .from(sourcingNeed)
    .innerJoin(firm, eq(firm.id, sourcingNeed.buyerFirmId))
    .where(and(eq(sourcingNeed.status, "open"), ne(sourcingNeed.buyerFirmId, excludeBuyerFirmId)));
  const needs = open
    .filter(({ need }) => reachesFirm(need, networks))
    .map(({ need, buyerName }) => ({ need, buyerName, match: scoreMatch(criteriaOf(need, volumePerMonth(need)), sme, today) }))
    .filter((o) => !o.match.excluded && (o.match.score ?? 0) >= OPTION_SCORE)
    .sort((a, b) => (b.match.score ?? 0) - (a.match.score ?? 0))
    .slice(0, 3)
    .map((o) => ({ needId: o.need.id, product: o.need.product, buyerName: o.buyerName, score: o.match.score! }));
  const fairs = networks.length
    ? await db
        .select({ id: initiative.id, title: initiative.title, deadline: initiative.deadline })
        .from(initiative)
        .where(and(inArray(initiative.networkId, networks), eq(initiative.objective, "joint_selling"), eq(initiative.status, "open")))
    : [];
  return { needs, fairs: fairs.map((f) => ({ initiativeId: f.id, title: f.title, deadline: f.deadline.toISOString() })) };
}
