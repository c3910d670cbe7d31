import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { network } from "../../../db/schema/networks";
import { fair } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { disclosureRule } from "../../domain/disclosure";
import { standPlan } from "../../domain/stand-plan";
import { parseInput } from "../../errors";
import { standIdSchema } from "../../schemas/stands";
import type { Deps } from "../deps";
import { deadlineDate } from "../initiatives/deadline";
import { fairView } from "./create-fair";
import { bookingOpen, holdingSpaces, todayOf, visibleStand, waitingQueue, type StandFacts, type StandRow } from "./stand-access";
import { loadSubsidies } from "./stand-settings";
import { costView, leadView, networkRule, possibleTaskOwners, taskView, viewerOf, type Holding, type StandViewer } from "./stand-view";

export type { StandCostView } from "./stand-view";

/** The stand's page and GET /initiatives/{id}/stand: everything the viewer may see of it (see stand-view.ts). */
export async function getStand(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(standIdSchema, rawInput);
  const facts = await visibleStand(deps.db, actor, initiativeId);
  return buildStandView(deps.db, actor, facts, deps.now());
}

async function buildStandView(db: Db | Tx, actor: Actor, facts: StandFacts, now: Date) {
  const { row, stand } = facts;
  const [[fairRow], [net], spaces, queue, subsidies] = await Promise.all([
    db.select().from(fair).where(eq(fair.id, stand.fairId)),
    db
      .select({ name: network.name, disclosureMinContributors: network.disclosureMinContributors })
      .from(network)
      .where(eq(network.id, row.networkId)),
    holdingSpaces(db, row.id),
    waitingQueue(db, row.id),
    loadSubsidies(db, row.id),
  ]);
  const viewer = viewerOf(
    actor,
    facts,
    spaces.map((s) => s.firmId),
  );
  const costs = await costView(db, stand, spaces, viewer, disclosureRule(net.disclosureMinContributors));
  const { planSpaces, waiting, myWaiting, mySpace } = spaceViews(spaces, queue, viewer);
  const tasks = viewer.seesTasks ? await taskView(db, row.id, todayOf(now)) : null;
  const leads = await leadView(db, row.id, viewer);
  const open = bookingOpen(facts, now);
  const taskStatusOk = row.status === "draft" || row.status === "open" || row.status === "locked";
  const canAddTask = can(actor, "stand", "addTask", facts) && taskStatusOk;
  const owners = canAddTask ? await possibleTaskOwners(db, facts) : [];
  return {
    initiative: {
      id: row.id,
      networkId: row.networkId,
      networkName: net.name,
      title: row.title,
      description: row.description,
      status: row.status,
      /** The booking deadline: end of that day, UTC. */
      deadline: row.deadline.toISOString(),
      deadlineDate: deadlineDate(row.deadline),
      bookingOpen: open,
    },
    fair: fairView(fairRow),
    stand: settingsView(stand),
    subsidies: subsidies.map((s) => ({
      id: s.id,
      sponsor: s.sponsor,
      kind: s.kind,
      percentBasisPoints: s.percentBasisPoints,
      amountMinor: s.amountMinor,
      capPerFirmMinor: s.capPerFirmMinor,
      maxEmployees: s.maxEmployees,
    })),
    plan: planView(stand, planSpaces),
    mySpace,
    waitingList: viewer.isBroker || actor.role === "admin" ? waiting : myWaiting ? [myWaiting] : [],
    waitingCount: waiting.length,
    costs,
    tasks,
    taskOwners: owners,
    leads,
    viewer,
    permissions: {
      /** Request space, or change the firm's request. */
      canRequest: viewer.isMember && open,
      canRelease: mySpace !== null && can(actor, "stand", "release", facts) && open,
      canDecide: viewer.isBroker && (row.status === "open" || row.status === "locked"),
      canManage: viewer.isBroker && (row.status === "draft" || row.status === "open"),
      canAddTask,
      canUpdateTasks: canAddTask,
      canAddLead:
        can(actor, "stand", "addLead", facts) &&
        viewer.isExhibitor &&
        (row.status === "open" || row.status === "locked" || row.status === "completed"),
      canSeeAllCosts: viewer.seesAllCosts,
      canSeeAllLeads: viewer.seesAllLeads,
      canExportCalendar: can(actor, "stand", "exportCalendar", facts),
    },
  };
}
export type StandView = Awaited<ReturnType<typeof buildStandView>>;

function settingsView(stand: StandRow) {
  return {
    areaDm2: stand.areaDm2,
    frontageDm: stand.frontageDm,
    minAreaDm2: stand.minAreaDm2,
    allocatedDm2: stand.allocatedDm2,
    freeDm2: stand.areaDm2 - stand.allocatedDm2,
    totalCostMinor: stand.totalCostMinor,
    currency: stand.currency,
    splitRule: stand.splitRule,
    fixedFeeMinor: stand.fixedFeeMinor,
    shareCosts: stand.shareCosts,
    shareLeads: stand.shareLeads,
  };
}

type PlanSpace = ReturnType<typeof spaceViews>["planSpaces"][number];

function planView(stand: StandRow, planSpaces: PlanSpace[]) {
  return {
    areaDm2: stand.areaDm2,
    frontageDm: stand.frontageDm,
    freeDm2: stand.areaDm2 - stand.allocatedDm2,
    spaces: planSpaces,
    /** The floor plan to scale (server/domain/stand-plan); the free area's rect has id null and an empty label. */
    layout: standPlan({
      areaDm2: stand.areaDm2,
      frontageDm: stand.frontageDm,
      spaces: planSpaces.map((s) => ({ id: s.spaceId, areaDm2: s.areaDm2, label: s.label })),
      freeLabel: "",
    }),
  };
}

/** Held spaces as the plan shows them, the waiting list in order, and where the viewer's firm stands. */
function spaceViews(spaces: Holding, queue: Awaited<ReturnType<typeof waitingQueue>>, viewer: Pick<StandViewer, "firmId">) {
  const planSpaces = spaces.map((s) => ({
    spaceId: s.spaceId,
    firmId: s.firmId,
    label: s.firmName,
    areaDm2: s.grantedDm2,
    status: s.status as "requested" | "confirmed",
    own: s.firmId === viewer.firmId,
  }));
  const waiting = queue.map((q, index) => ({
    spaceId: q.spaceId,
    firmId: q.firmId,
    firmName: q.firmName,
    requestedDm2: q.requestedDm2,
    position: index + 1,
    queuedAt: q.queuedAt.toISOString(),
  }));
  const myHolding = spaces.find((s) => s.firmId === viewer.firmId);
  const myWaiting = waiting.find((w) => w.firmId === viewer.firmId);
  const mySpace = myHolding
    ? {
        spaceId: myHolding.spaceId,
        status: myHolding.status,
        requestedDm2: myHolding.requestedDm2,
        grantedDm2: myHolding.grantedDm2,
        position: null,
      }
    : myWaiting
      ? {
          spaceId: myWaiting.spaceId,
          status: "waiting" as const,
          requestedDm2: myWaiting.requestedDm2,
          grantedDm2: 0,
          position: myWaiting.position,
        }
      : null;
  return { planSpaces, waiting, myWaiting, mySpace };
}

/** Just the costs, for GET /initiatives/{id}/stand/costs (same visibility as the page). */
export async function getStandCosts(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(standIdSchema, rawInput);
  const facts = await visibleStand(deps.db, actor, initiativeId);
  const spaces = await holdingSpaces(deps.db, initiativeId);
  const viewer = viewerOf(
    actor,
    facts,
    spaces.map((s) => s.firmId),
  );
  const rule = await networkRule(deps.db, facts.row.networkId);
  return { initiativeId, status: facts.row.status, ...(await costView(deps.db, facts.stand, spaces, viewer, rule)) };
}
