import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { standTask } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { addTaskSchema, updateTaskSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { possibleTaskOwners } from "./stand-view";
import { standHref } from "./space-queue";
import { publishStand, visibleStand, type StandFacts } from "./stand-access";

/** Tasks are kept from the draft until the stand is locked (preparing the fair); then frozen. */
function assertTaskable(actor: Actor, facts: StandFacts) {
  if (!can(actor, "stand", "addTask", facts))
    throw new AppError("forbidden", "Only the network's brokers and the participants keep the task list");
  const { status } = facts.row;
  if (status !== "draft" && status !== "open" && status !== "locked")
    throw new AppError("conflict", `A ${status} stand's tasks are closed`);
}

async function assertOwner(tx: Tx, facts: StandFacts, ownerUserId: string | null | undefined) {
  if (!ownerUserId) return;
  const owners = await possibleTaskOwners(tx, facts);
  if (!owners.some((o) => o.userId === ownerUserId)) {
    throw invalidField("ownerUserId", "not_task_owner", "The owner must be someone of a participating firm or a broker of the network");
  }
}

async function tellOwner(
  tx: Tx,
  after: Parameters<typeof notify>[1],
  facts: StandFacts,
  actor: Actor,
  task: { title: string; dueOn: string; ownerUserId: string | null },
) {
  if (!task.ownerUserId || task.ownerUserId === actor.userId) return;
  await notify(tx, after, [
    {
      userId: task.ownerUserId,
      type: "stand_task_assigned",
      params: { task: task.title, title: facts.row.title, date: task.dueOn },
      href: standHref(facts.row.id),
    },
  ]);
}

/** The network's brokers and the participants add a task to the stand's shared list. */
export async function addStandTask(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(addTaskSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId);
    assertTaskable(actor, facts);
    await assertOwner(tx, facts, input.ownerUserId);
    const now = deps.now();
    const [created] = await tx
      .insert(standTask)
      .values({
        initiativeId: facts.row.id,
        title: input.title,
        category: input.category,
        ownerUserId: input.ownerUserId ?? null,
        dueOn: input.dueOn,
        status: input.status,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: facts.row.id,
      action: "stand.task_added",
      after: { category: created.category, dueOn: created.dueOn, status: created.status },
    });
    await tellOwner(tx, after, facts, actor, created);
    publishStand(after, facts.row.id);
    return { initiativeId: facts.row.id, taskId: created.id, status: created.status };
  });
}

/**
 * The network's brokers and the participants change a task: only the fields given change. A
 * new due date or owner re-arms the "task due" reminder; a new owner is told.
 */
export async function updateStandTask(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(updateTaskSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId);
    assertTaskable(actor, facts);
    const [task] = await tx
      .select()
      .from(standTask)
      .where(and(eq(standTask.id, input.taskId), eq(standTask.initiativeId, facts.row.id)))
      .for("update");
    if (!task) throw new AppError("not_found", "No such task on this stand");
    if (input.ownerUserId !== undefined) await assertOwner(tx, facts, input.ownerUserId);
    const next = {
      title: input.title ?? task.title,
      category: input.category ?? task.category,
      ownerUserId: input.ownerUserId === undefined ? task.ownerUserId : input.ownerUserId,
      dueOn: input.dueOn ?? task.dueOn,
      status: input.status ?? task.status,
    };
    const rearm = next.dueOn !== task.dueOn || next.ownerUserId !== task.ownerUserId;
    await tx
      .update(standTask)
      .set({ ...next, ...(rearm ? { dueNoticeAt: null } : {}), updatedAt: deps.now() })
      .where(eq(standTask.id, task.id));
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: facts.row.id,
      action: "stand.task_updated",
      before: { status: task.status, dueOn: task.dueOn },
      after: { status: next.status, dueOn: next.dueOn },
    });
    if (next.ownerUserId !== task.ownerUserId) await tellOwner(tx, after, facts, actor, next);
    publishStand(after, facts.row.id);
    return { initiativeId: facts.row.id, taskId: task.id, status: next.status };
  });
}
