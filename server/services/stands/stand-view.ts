import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { user } from "../../../db/schema/auth";
import { firm, firmMember } from "../../../db/schema/firms";
import { network } from "../../../db/schema/networks";
import { standLead, standTask } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { disclosureRule, type DisclosureRule } from "../../domain/disclosure";
import { discloseStandTotals, standCosts } from "../../domain/stand-costs";
import type { holdingSpaces, StandFacts, StandRow } from "./stand-access";
import { loadSubsidies } from "./stand-settings";

/**
 * Who sees what on a stand (issue 5 section 5):
 * - the plan (exhibitors' names and areas) is shared with everyone who may read the initiative:
 *   a joint stand's exhibitors stand side by side and know each other;
 * - costs: the network's brokers (and admins) see every exhibitor's line, and so do the exhibitors
 *   when the stand shares costs. Anyone else who reads the stand (an exhibitor of a stand that
 *   does not share costs, a member without space) gets its own line, if any, and what the stand's
 *   settings and plan already make public (total cost, rule, exhibitors, fees). The totals of
 *   gross, subsidy and net only through the network's disclosure rule (`discloseStandTotals`:
 *   enough exhibitors, no firm dominating the totals or what is left of them after the reader's
 *   own line), else the count and why; nothing per subsidy (`bySubsidy`: amounts, unused part,
 *   eligible count) ever, as it tells which firms qualified (docs/decisions/010-trade-fair-stands.md);
 * - the waiting list: brokers see it whole; a member sees its own place and how many wait;
 * - tasks: the network's brokers and the initiative's participants (admins too);
 * - leads: brokers all; an exhibitor its own, and every exhibitor's when the stand shares leads
 *   (a co-exhibitor's lead shows without its contact email or invitation link).
 */
export interface StandViewer {
  firmId: string | null;
  isBroker: boolean;
  isMember: boolean;
  isParticipant: boolean;
  isExhibitor: boolean;
  seesAllCosts: boolean;
  seesAllLeads: boolean;
  seesTasks: boolean;
}

export function viewerOf(actor: Actor, facts: StandFacts, exhibitorIds: readonly string[]): StandViewer {
  const firmId = actor.firm?.id ?? null;
  const isExhibitor = firmId !== null && exhibitorIds.includes(firmId);
  const isParticipant = firmId !== null && facts.participantFirmIds.includes(firmId);
  const isBroker = can(actor, "stand", "manage", facts);
  return {
    firmId,
    isBroker,
    isMember: can(actor, "stand", "requestSpace", facts),
    isParticipant,
    isExhibitor,
    seesAllCosts: can(actor, "stand", "viewAllCosts", facts) || (facts.stand.shareCosts && isExhibitor),
    seesAllLeads: can(actor, "stand", "viewAllLeads", facts) || (facts.stand.shareLeads && isExhibitor),
    seesTasks: isBroker || isParticipant || actor.role === "admin",
  };
}

export type Holding = Awaited<ReturnType<typeof holdingSpaces>>;

/** The disclosure rule of the stand's network (its raised threshold, never below the floor). */
export async function networkRule(db: Db | Tx, networkId: string): Promise<DisclosureRule> {
  const [row] = await db.select({ min: network.disclosureMinContributors }).from(network).where(eq(network.id, networkId));
  return disclosureRule(row?.min);
}

/** Costs over the held (requested and confirmed) space, as far as the viewer may see them. */
export async function costView(
  db: Db | Tx,
  row: StandRow,
  spaces: Holding,
  viewer: Pick<StandViewer, "firmId" | "seesAllCosts">,
  rule: DisclosureRule,
) {
  const subsidies = await loadSubsidies(db, row.initiativeId);
  const result = standCosts({
    totalCostMinor: row.totalCostMinor,
    rule: row.splitRule,
    fixedFeeMinor: row.fixedFeeMinor,
    exhibitors: spaces.map((s) => ({ id: s.firmId, areaDm2: s.grantedDm2, employees: s.employees })),
    subsidies: subsidies.map((s) => ({
      id: s.id,
      sponsor: s.sponsor,
      kind: s.kind,
      percentBasisPoints: s.percentBasisPoints ?? undefined,
      amountMinor: s.amountMinor ?? undefined,
      capPerFirmMinor: s.capPerFirmMinor,
      maxEmployees: s.maxEmployees,
    })),
  });
  const names = new Map(spaces.map((s) => [s.firmId, s.firmName]));
  const sponsorOf = new Map(subsidies.map((s) => [s.id, s.sponsor]));
  const lines = result.lines.map((l) => ({
    firmId: l.id,
    firmName: names.get(l.id) ?? "",
    areaDm2: l.areaDm2,
    grossMinor: l.grossMinor,
    subsidyMinor: l.subsidyMinor,
    netMinor: l.netMinor,
    subsidies: l.subsidies.map((s) => ({ subsidyId: s.subsidyId, sponsor: sponsorOf.get(s.subsidyId) ?? "", amountMinor: s.amountMinor })),
    eligibleSubsidyIds: l.eligible,
  }));
  const own = lines.find((l) => l.firmId === viewer.firmId) ?? null;
  const all = viewer.seesAllCosts;
  const disclosed = all ? { totals: result.totals, withheld: null } : discloseStandTotals(result.lines, own?.firmId ?? null, rule);
  return {
    currency: row.currency,
    totalCostMinor: row.totalCostMinor,
    splitRule: row.splitRule,
    fixedFeeMinor: row.fixedFeeMinor,
    exhibitorCount: lines.length,
    /** Withheld (null) from a reader who may not see every line unless the disclosure rule allows them. */
    totals: disclosed.totals,
    /** Why the totals are withheld: "too_few" exhibitors, or one firm's share "dominated" them. */
    totalsWithheld: disclosed.withheld,
    /** Per subsidy (amounts, eligible firms): only for readers who see every line. */
    bySubsidy: all ? result.bySubsidy.map((s) => ({ ...s })) : null,
    /** How many firms must hold space before the totals are shown to a reader who sees only its own line. */
    totalsFromExhibitors: rule.minContributors,
    feeCoverage: result.feeCoverage ?? null,
    uncoveredMinor: result.uncoveredMinor,
    seesAll: all,
    own,
    lines: all ? lines : own ? [own] : [],
  };
}
export type StandCostView = Awaited<ReturnType<typeof costView>>;

/** Users who may own a task: people of the participating firms and the network's brokers. */
export async function possibleTaskOwners(db: Db | Tx, facts: Pick<StandFacts, "participantFirmIds" | "networkBrokerIds">) {
  const people = facts.participantFirmIds.length
    ? await db
        .select({ userId: user.id, name: user.name, firmName: firm.name })
        .from(firmMember)
        .innerJoin(user, eq(user.id, firmMember.userId))
        .innerJoin(firm, eq(firm.id, firmMember.firmId))
        .where(and(inArray(firmMember.firmId, [...facts.participantFirmIds]), eq(firmMember.status, "active")))
    : [];
  const brokers = facts.networkBrokerIds.length
    ? await db
        .select({ userId: user.id, name: user.name })
        .from(user)
        .where(inArray(user.id, [...facts.networkBrokerIds]))
    : [];
  const owners = [...brokers.map((b) => ({ ...b, firmName: null as string | null })), ...people];
  const seen = new Set<string>();
  return owners
    .filter((o) => (seen.has(o.userId) ? false : (seen.add(o.userId), true)))
    .sort((a, b) => (a.firmName ?? "").localeCompare(b.firmName ?? "") || a.name.localeCompare(b.name));
}

export async function taskView(db: Db | Tx, initiativeId: string, today: string) {
  const rows = await db
    .select({ task: standTask, ownerName: user.name })
    .from(standTask)
    .leftJoin(user, eq(user.id, standTask.ownerUserId))
    .where(eq(standTask.initiativeId, initiativeId))
    .orderBy(asc(standTask.dueOn), asc(standTask.createdAt), asc(standTask.id));
  return rows.map(({ task, ownerName }) => ({
    id: task.id,
    title: task.title,
    category: task.category,
    ownerUserId: task.ownerUserId,
    ownerName: ownerName ?? null,
    dueOn: task.dueOn,
    status: task.status,
    /** Not done and its due date has passed. */
    overdue: task.status !== "done" && task.dueOn < today,
  }));
}

export async function leadView(db: Db | Tx, initiativeId: string, viewer: StandViewer) {
  if (!viewer.seesAllLeads && !viewer.isExhibitor) return null;
  const rows = await db
    .select({ lead: standLead, firmName: firm.name })
    .from(standLead)
    .innerJoin(firm, eq(firm.id, standLead.firmId))
    .where(
      viewer.seesAllLeads
        ? eq(standLead.initiativeId, initiativeId)
        : and(eq(standLead.initiativeId, initiativeId), eq(standLead.firmId, viewer.firmId!)),
    )
    .orderBy(desc(standLead.createdAt), asc(standLead.id));
  return rows.map(({ lead, firmName }) => {
    const own = lead.firmId === viewer.firmId;
    // A co-exhibitor's lead is shared for its buyer, not its contact person or invitation.
    const personal = own || viewer.isBroker;
    return {
      id: lead.id,
      firmId: lead.firmId,
      firmName,
      own,
      buyerName: lead.buyerName,
      country: lead.country,
      buyerType: lead.buyerType,
      products: lead.products,
      nextStep: lead.nextStep,
      followUpOn: lead.followUpOn,
      contactEmail: personal ? lead.contactEmail : null,
      invitedAt: lead.invitedAt ? lead.invitedAt.toISOString() : null,
      invitationPath: personal && lead.invitationToken ? `/signup?lead=${lead.invitationToken}` : null,
      joined: lead.joinedFirmId !== null,
      canInvite: personal && lead.joinedFirmId === null,
      createdAt: lead.createdAt.toISOString(),
    };
  });
}
