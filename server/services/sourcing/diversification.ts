import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { initiative } from "../../../db/schema/initiatives";
import { networkMember } from "../../../db/schema/networks";
import { sourcingNeed } from "../../../db/schema/sourcing";
import { scoreMatch } from "../../domain/matching";
import { criteriaOf, type Candidate } from "./candidates";
import { reachesFirm, volumePerMonth } from "./need-access";

/** A score from which another open need counts as a diversification option. */
export const OPTION_SCORE = 50;

export interface DiversificationOptions {
  needs: Array<{ needId: string; product: string; buyerName: string; score: number }>;
  fairs: Array<{ initiativeId: string; title: string; deadline: string }>;
}

/**
 * A match never hides a warning; it lists the SME's ways out (DOMAIN.md): other open needs of
 * other buyers that fit it, and joint trade-fair stands (joint_selling) open in its networks.
 */
export async function diversificationOptions(db: Db | Tx, sme: Candidate, excludeBuyerFirmId: string, today: string): Promise<DiversificationOptions> {
  return (await diversificationOptionsOfFirms(db, [sme], excludeBuyerFirmId, today)).get(sme.firmId)!;
}

/**
 * `diversificationOptions` for many SMEs at once, with the same lists: their memberships, the
 * open needs and the open stands are each read once, not once per SME.
 */
export async function diversificationOptionsOfFirms(
  db: Db | Tx,
  smes: readonly Candidate[],
  excludeBuyerFirmId: string,
  today: string,
): Promise<Map<string, DiversificationOptions>> {
  const result = new Map<string, DiversificationOptions>();
  if (smes.length === 0) return result;
  const ids = [...new Set(smes.map((s) => s.firmId))];
  const [memberships, open] = await Promise.all([
    db
      .select({ firmId: networkMember.firmId, networkId: networkMember.networkId })
      .from(networkMember)
      .where(and(inArray(networkMember.firmId, ids), eq(networkMember.status, "active"))),
    db
      .select({ need: sourcingNeed, buyerName: firm.name })
      .from(sourcingNeed)
      .innerJoin(firm, eq(firm.id, sourcingNeed.buyerFirmId))
      .where(and(eq(sourcingNeed.status, "open"), ne(sourcingNeed.buyerFirmId, excludeBuyerFirmId))),
  ]);
  const networksOf = new Map<string, string[]>();
  for (const m of memberships) {
    const own = networksOf.get(m.firmId);
    if (own) own.push(m.networkId);
    else networksOf.set(m.firmId, [m.networkId]);
  }
  const allNetworks = [...new Set(memberships.map((m) => m.networkId))];
  const fairs = allNetworks.length
    ? await db
        .select({ id: initiative.id, title: initiative.title, deadline: initiative.deadline, networkId: initiative.networkId })
        .from(initiative)
        .where(and(inArray(initiative.networkId, allNetworks), eq(initiative.objective, "joint_selling"), eq(initiative.status, "open")))
    : [];
  // Each open need's criteria once, for every SME.
  const criteria = open.map(({ need, buyerName }) => ({ need, buyerName, criteria: criteriaOf(need, volumePerMonth(need)) }));
  for (const sme of smes) {
    if (result.has(sme.firmId)) continue;
    const networks = networksOf.get(sme.firmId) ?? [];
    const needs = criteria
      .filter(({ need }) => reachesFirm(need, networks))
      .map(({ need, buyerName, criteria: c }) => ({ need, buyerName, match: scoreMatch(c, sme, today) }))
      .filter((o) => !o.match.excluded && (o.match.score ?? 0) >= OPTION_SCORE)
      .sort((a, b) => (b.match.score ?? 0) - (a.match.score ?? 0))
      .slice(0, 3)
      .map((o) => ({ needId: o.need.id, product: o.need.product, buyerName: o.buyerName, score: o.match.score! }));
    const own = new Set(networks);
    result.set(sme.firmId, {
      needs,
      fairs: fairs.filter((f) => own.has(f.networkId)).map((f) => ({ initiativeId: f.id, title: f.title, deadline: f.deadline.toISOString() })),
    });
  }
  return result;
}
