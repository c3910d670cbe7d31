import { and, eq, gte, inArray, isNotNull, isNull, lte, ne } from "drizzle-orm";
import { initiative } from "../../../db/schema/initiatives";
import { fair, stand, standTask } from "../../../db/schema/stands";
import type { Tx } from "../../../db/client";
import { inTransaction, type AfterCommit, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { brokerUserIds } from "../networks/helpers";
import { notify } from "../notifications/notify";
import { standHref } from "./space-queue";
import { addDays, exhibitorFirmIds, todayOf } from "./stand-access";

/** "Fair in 7 days": sent once per stand when its fair starts within this many days. */
const FAIR_NOTICE_DAYS = 7;
/** "Task due": sent once to the task's owner from this many days before its due date. */
const TASK_NOTICE_DAYS = 3;

/**
 * Run periodically with the deadline notices (server/app.ts). Each notice is claimed by one
 * atomic UPDATE (fair_notice_at / due_notice_at set where still null), so several processes
 * never send one twice. Fair notices go to the exhibitors' people and the network's brokers;
 * task notices to the task's owner (also for a task already overdue that was never noticed).
 */
export async function notifyStandReminders(deps: Deps): Promise<{ fairs: number; tasks: number }> {
  const now = deps.now();
  const today = todayOf(now);
  return inTransaction(deps, async (tx, after) => {
    const fairs = await noticeFairsSoon(tx, after, now, today);
    const tasks = await noticeTasksDue(tx, after, now, today);
    return { fairs, tasks };
  });
}

/** Initiatives still running (open or locked): only their stands and tasks get notices. */
function liveStands(tx: Tx) {
  return tx
    .select({ id: initiative.id })
    .from(initiative)
    .where(inArray(initiative.status, ["open", "locked"]));
}

/** "Fair in 7 days" to the exhibitors' people and the network's brokers. Returns how many stands were claimed. */
async function noticeFairsSoon(tx: Tx, after: AfterCommit, now: Date, today: string): Promise<number> {
  const soon = tx
    .select({ id: stand.initiativeId })
    .from(stand)
    .innerJoin(fair, eq(fair.id, stand.fairId))
    .where(and(gte(fair.startsOn, today), lte(fair.startsOn, addDays(today, FAIR_NOTICE_DAYS))));
  const fairs = await tx
    .update(stand)
    .set({ fairNoticeAt: now })
    .where(and(isNull(stand.fairNoticeAt), inArray(stand.initiativeId, soon), inArray(stand.initiativeId, liveStands(tx))))
    .returning({ initiativeId: stand.initiativeId, fairId: stand.fairId });
  for (const claimed of fairs) {
    const [details] = await tx
      .select({ title: initiative.title, networkId: initiative.networkId, fairName: fair.name, startsOn: fair.startsOn })
      .from(initiative)
      .innerJoin(fair, eq(fair.id, claimed.fairId))
      .where(eq(initiative.id, claimed.initiativeId));
    const audience = [
      ...new Set([
        ...(await usersOfFirms(tx, await exhibitorFirmIds(tx, claimed.initiativeId))),
        ...(await brokerUserIds(tx, details.networkId)),
      ]),
    ];
    await notify(
      tx,
      after,
      audience.map((userId) => ({
        userId,
        type: "stand_fair_soon",
        params: { fair: details.fairName, title: details.title, date: details.startsOn },
        href: standHref(claimed.initiativeId),
      })),
    );
  }
  return fairs.length;
}

/** "Task due" (or overdue) to each task's owner. Returns how many tasks were claimed. */
async function noticeTasksDue(tx: Tx, after: AfterCommit, now: Date, today: string): Promise<number> {
  const tasks = await tx
    .update(standTask)
    .set({ dueNoticeAt: now })
    .where(
      and(
        isNull(standTask.dueNoticeAt),
        isNotNull(standTask.ownerUserId),
        ne(standTask.status, "done"),
        lte(standTask.dueOn, addDays(today, TASK_NOTICE_DAYS)),
        inArray(standTask.initiativeId, liveStands(tx)),
      ),
    )
    .returning({
      id: standTask.id,
      initiativeId: standTask.initiativeId,
      title: standTask.title,
      ownerUserId: standTask.ownerUserId,
      dueOn: standTask.dueOn,
    });
  if (tasks.length === 0) return 0;
  const titles = new Map(
    (
      await tx
        .select({ id: initiative.id, title: initiative.title })
        .from(initiative)
        .where(inArray(initiative.id, [...new Set(tasks.map((t) => t.initiativeId))]))
    ).map((r) => [r.id, r.title]),
  );
  await notify(
    tx,
    after,
    tasks.map((task) => ({
      userId: task.ownerUserId!,
      type: task.dueOn < today ? "stand_task_overdue" : "stand_task_due",
      params: { task: task.title, title: titles.get(task.initiativeId) ?? "", date: task.dueOn },
      href: standHref(task.initiativeId),
    })),
  );
  return tasks.length;
}
