import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { initiative } from "../../../db/schema/initiatives";
import { networkMember } from "../../../db/schema/networks";
import { sourcingNeed } from "../../../db/schema/sourcing";
import { fair, stand, standLead, standSpace } from "../../../db/schema/stands";
import { scoreMatch } from "../../domain/matching";
import { criteriaOf, type Candidate } from "./candidates";
import { reachesFirm, volumePerMonth } from "./need-access";

/** A score from which another open need counts as a diversification option. */
const OPTION_SCORE = 50;
/** At most this many trade-fair leads per SME, most recent first. */
const OPTION_LEADS = 5;

export interface DiversificationOptions {
  needs: Array<{ needId: string; product: string; buyerName: string; score: number }>;
  fairs: Array<{ initiativeId: string; title: string; deadline: string }>;
  /** Buyers met at trade fairs: the SME's own leads, and co-exhibitors' where its stand shares leads. */
  leads: Array<{
    leadId: string;
    initiativeId: string;
    fairName: string;
    buyerName: string;
    country: string;
    buyerType: string;
    products: string;
    nextStep: string;
    followUpOn: string | null;
    own: boolean;
  }>;
}

/** Whose leads a reader may see among the options: brokers only their own networks' stands. */
export interface OptionScope {
  networkIds?: readonly string[];
}

/**
 * A match never hides a warning; it lists the SME's ways out (DOMAIN.md): other open needs of
 * other buyers that fit it, joint trade-fair stands (joint_selling) open in its networks, and
 * the buyers it met at trade fairs (issue 5: "leads from the stand appear among the SME's
 * diversification options"): its own leads, and its co-exhibitors' on a stand where it holds
 * space and the exhibitors share leads; never another SME's leads otherwise. A lead for the
 * need's own buyer (it joined the platform through the invitation) is no way out and is left out.
 */
export async function diversificationOptions(
  db: Db | Tx,
  sme: Candidate,
  excludeBuyerFirmId: string,
  today: string,
  scope: OptionScope = {},
): Promise<DiversificationOptions> {
  return (await diversificationOptionsOfFirms(db, [sme], excludeBuyerFirmId, today, scope)).get(sme.firmId)!;
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
  scope: OptionScope = {},
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
  const leadsOf = await tradeFairLeads(db, ids, excludeBuyerFirmId, scope);
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
      fairs: fairs
        .filter((f) => own.has(f.networkId))
        .map((f) => ({ initiativeId: f.id, title: f.title, deadline: f.deadline.toISOString() })),
      leads: leadsOf.get(sme.firmId) ?? [],
    });
  }
  return result;
}

/**
 * The trade-fair leads each SME may count as ways out, in two queries for all SMEs: its own
 * leads, and the leads other exhibitors logged on stands where it holds space and leads are
 * shared. Most recent first, at most OPTION_LEADS each.
 */
async function tradeFairLeads(
  db: Db | Tx,
  firmIds: string[],
  excludeBuyerFirmId: string,
  scope: OptionScope,
): Promise<Map<string, DiversificationOptions["leads"]>> {
  if (scope.networkIds && scope.networkIds.length === 0) return new Map();
  const inScope = scope.networkIds ? inArray(initiative.networkId, [...scope.networkIds]) : undefined;
  const fields = {
    leadId: standLead.id,
    initiativeId: standLead.initiativeId,
    fairName: fair.name,
    buyerName: standLead.buyerName,
    country: standLead.country,
    buyerType: standLead.buyerType,
    products: standLead.products,
    nextStep: standLead.nextStep,
    followUpOn: standLead.followUpOn,
    joinedFirmId: standLead.joinedFirmId,
    createdAt: standLead.createdAt,
  };
  const [own, shared] = await Promise.all([
    db
      .select({ ...fields, smeId: standLead.firmId })
      .from(standLead)
      .innerJoin(stand, eq(stand.initiativeId, standLead.initiativeId))
      .innerJoin(fair, eq(fair.id, stand.fairId))
      .innerJoin(initiative, eq(initiative.id, standLead.initiativeId))
      .where(and(inArray(standLead.firmId, firmIds), inScope))
      .orderBy(desc(standLead.createdAt), desc(standLead.id)),
    db
      .select({ ...fields, smeId: standSpace.firmId })
      .from(standLead)
      .innerJoin(stand, and(eq(stand.initiativeId, standLead.initiativeId), eq(stand.shareLeads, true)))
      .innerJoin(
        standSpace,
        and(
          eq(standSpace.initiativeId, standLead.initiativeId),
          inArray(standSpace.firmId, firmIds),
          inArray(standSpace.status, ["requested", "confirmed"]),
          ne(standSpace.firmId, standLead.firmId),
        ),
      )
      .innerJoin(fair, eq(fair.id, stand.fairId))
      .innerJoin(initiative, eq(initiative.id, standLead.initiativeId))
      .where(inScope)
      .orderBy(desc(standLead.createdAt), desc(standLead.id)),
  ]);
  return latestLeads(own, shared, excludeBuyerFirmId);
}

/** A lead as tradeFairLeads reads it, for the SME that may count it. */
type LeadRow = Omit<DiversificationOptions["leads"][number], "own"> & { smeId: string; joinedFirmId: string | null; createdAt: Date };

/** Each SME's own and shared leads merged, most recent first, at most OPTION_LEADS each. */
function latestLeads(
  own: readonly LeadRow[],
  shared: readonly LeadRow[],
  excludeBuyerFirmId: string,
): Map<string, DiversificationOptions["leads"]> {
  const result = new Map<string, Array<DiversificationOptions["leads"][number] & { at: number }>>();
  for (const [rows, isOwn] of [
    [own, true],
    [shared, false],
  ] as const) {
    for (const row of rows) {
      if (row.joinedFirmId !== null && row.joinedFirmId === excludeBuyerFirmId) continue;
      const list = result.get(row.smeId) ?? [];
      list.push({
        leadId: row.leadId,
        initiativeId: row.initiativeId,
        fairName: row.fairName,
        buyerName: row.buyerName,
        country: row.country,
        buyerType: row.buyerType,
        products: row.products,
        nextStep: row.nextStep,
        followUpOn: row.followUpOn,
        own: isOwn,
        at: row.createdAt.getTime(),
      });
      result.set(row.smeId, list);
    }
  }
  return new Map(
    [...result].map(([smeId, list]) => [
      smeId,
      list
        .sort((a, b) => b.at - a.at || (a.leadId < b.leadId ? 1 : -1))
        .slice(0, OPTION_LEADS)
        .map(({ at: _at, ...lead }) => lead),
    ]),
  );
}
