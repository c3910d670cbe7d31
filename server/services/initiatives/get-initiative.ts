import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { activity, initiativeMessage, initiativeParticipant } from "../../../db/schema/initiatives";
import { network } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { allowedTransitions, deriveForm } from "../../domain/initiative";
import { AppError, parseInput } from "../../errors";
import { initiativeIdSchema } from "../../schemas/initiative";
import type { Deps } from "../deps";
import { loadStandSummary } from "../stands/stand-summary";
import { deadlineDate } from "./deadline";
import { visibleInitiative, type InitiativeFacts } from "./initiative-facts";
import { loadCostShares } from "./tools/generic";
import { TOOL_OF, type Tool } from "./tools/index";
import { loadJointBuy } from "./tools/joint-buy";
import { loadClubSummary } from "../learning/club-summary";

/** Brokers see every participant's figures; co-participants only when the initiative shares them. */
function seesAllFigures(actor: Actor, facts: InitiativeFacts): boolean {
  if (can(actor, "initiative", "viewAllQuantities", facts)) return true;
  return facts.row.shareQuantities && can(actor, "initiative", "leave", facts);
}

async function readableInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(initiativeIdSchema, rawInput);
  return visibleInitiative(deps.db, actor, initiativeId);
}

/** The initiative's page: details, form, participants, its tool, discussion and activity log. */
export async function getInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const facts = await readableInitiative(deps, actor, rawInput);
  const { row } = facts;
  const { net, participants, messages, log } = await loadPageRows(deps.db, row);
  const seesAll = seesAllFigures(actor, facts);
  const ownFirmId = actor.firm?.id ?? null;
  const tool = TOOL_OF[row.objective];
  const tools = await loadToolViews(deps, row.id, tool, { firmId: ownFirmId, seesAll });
  const isParticipant = ownFirmId !== null && facts.participantFirmIds.includes(ownFirmId);
  return {
    initiative: {
      id: row.id,
      networkId: row.networkId,
      networkName: net.name,
      objective: row.objective,
      title: row.title,
      description: row.description,
      deadline: row.deadline.toISOString(),
      deadlineDate: deadlineDate(row.deadline),
      status: row.status,
      shareQuantities: row.shareQuantities,
      tool,
    },
    form: deriveForm(participants.map((p) => p.link)),
    participants: participants.map((p) => ({ ...p, joinedAt: p.joinedAt.toISOString() })),
    ...tools,
    messages: messages.map((m) => ({
      id: m.id,
      authorName: m.authorName,
      firmName: m.firmName,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    activity: visibleActivity(log, { firmId: ownFirmId, seesAll }).map((a) => ({
      id: a.id,
      action: a.action,
      actorName: a.actorName,
      before: a.before,
      after: a.after,
      createdAt: a.createdAt.toISOString(),
    })),
    viewer: { isParticipant, firmId: ownFirmId, seesAll },
    permissions: {
      update: can(actor, "initiative", "update", facts) && (row.status === "draft" || row.status === "open"),
      transitions: can(actor, "initiative", "transition", facts) ? allowedTransitions(row.status) : [],
      join: can(actor, "initiative", "join", facts) && !isParticipant && row.status === "open",
      leave: isParticipant && row.status === "open",
      commit: isParticipant && row.status === "open" && tool === "joint_buy",
      message: can(actor, "initiative", "message", facts),
      purchaseSummary: tool === "joint_buy" && (row.status === "locked" || row.status === "completed") && (seesAll || isParticipant),
    },
  };
}

interface FiguresViewer {
  firmId: string | null;
  seesAll: boolean;
}

/** The page's own rows: its network, participants, the discussion and the latest activity. */
async function loadPageRows(db: Db, row: InitiativeFacts["row"]) {
  const [net] = await db
    .select({ id: network.id, name: network.name, currency: network.currency })
    .from(network)
    .where(eq(network.id, row.networkId));
  const participants = await db
    .select({ firmId: firm.id, name: firm.name, link: firm.link, tier: firm.tier, joinedAt: initiativeParticipant.createdAt })
    .from(initiativeParticipant)
    .innerJoin(firm, eq(firm.id, initiativeParticipant.firmId))
    .where(eq(initiativeParticipant.initiativeId, row.id))
    .orderBy(asc(firm.name));
  const messages = await db
    .select()
    .from(initiativeMessage)
    .where(eq(initiativeMessage.initiativeId, row.id))
    .orderBy(asc(initiativeMessage.createdAt), asc(initiativeMessage.id))
    .limit(500);
  const log = await db
    .select()
    .from(activity)
    .where(eq(activity.initiativeId, row.id))
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(200);
  return { net, participants, messages, log };
}

/** The initiative's tool as the viewer may see it; the other tools are null. */
async function loadToolViews(deps: Deps, initiativeId: string, tool: Tool, viewer: FiguresViewer) {
  const jointBuy = tool === "joint_buy" ? await loadJointBuy(deps.db, initiativeId, viewer) : null;
  const budget = tool === "generic" ? await loadCostShares(deps.db, initiativeId) : null;
  const club = tool === "benchmark_club" ? await loadClubSummary(deps.db, initiativeId, deps.now()) : null;
  const stand = tool === "stand" ? await loadStandSummary(deps.db, initiativeId, viewer.firmId) : null;
  // Without consent to see co-participants' figures, a participant sees its own line only.
  const visibleBudget = budget && !viewer.seesAll ? { ...budget, shares: budget.shares.filter((s) => s.firmId === viewer.firmId) } : budget;
  return { jointBuy, budget: visibleBudget, club, stand };
}

/** The activity log names quantities; other firms' are hidden when figures are not shared. */
function visibleActivity(log: Array<typeof activity.$inferSelect>, viewer: FiguresViewer) {
  return log.map((entry) =>
    viewer.seesAll || entry.firmId === viewer.firmId || !entry.action.startsWith("commitment.")
      ? entry
      : { ...entry, before: entry.before ? { total: entry.before.total } : null, after: entry.after ? { total: entry.after.total } : null },
  );
}
export type InitiativeView = Awaited<ReturnType<typeof getInitiative>>;

/** Just the joint purchase, for GET /initiatives/{id}/joint-buy. */
export async function getJointBuy(deps: Deps, actor: Actor, rawInput: unknown) {
  const facts = await readableInitiative(deps, actor, rawInput);
  if (TOOL_OF[facts.row.objective] !== "joint_buy") throw new AppError("not_found", "Not a joint purchase");
  const view = await loadJointBuy(deps.db, facts.row.id, { firmId: actor.firm?.id ?? null, seesAll: seesAllFigures(actor, facts) });
  return { initiativeId: facts.row.id, status: facts.row.status, ...view! };
}

/** Just the cost shares, for GET /initiatives/{id}/cost-shares. */
export async function getCostShares(deps: Deps, actor: Actor, rawInput: unknown) {
  const facts = await readableInitiative(deps, actor, rawInput);
  const budget = await loadCostShares(deps.db, facts.row.id);
  if (!budget) throw new AppError("not_found", "No budget set");
  const seesAll = seesAllFigures(actor, facts);
  return {
    initiativeId: facts.row.id,
    ...budget,
    shares: seesAll ? budget.shares : budget.shares.filter((s) => s.firmId === actor.firm?.id),
  };
}
