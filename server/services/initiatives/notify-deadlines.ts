import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { networkBroker } from "../../../db/schema/networks";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { usersOfFirms } from "./recipients";

const DEADLINE_NOTICE_HOURS = 48;

/**
 * Run periodically: tells participants and brokers of each open initiative whose deadline is
 * within 48 hours, once. Claiming the initiative (setting deadline_notice_at where it is null)
 * is atomic, so several processes never send the notice twice.
 */
export async function notifyDeadlines(deps: Deps): Promise<number> {
  const now = deps.now();
  const horizon = new Date(now.getTime() + DEADLINE_NOTICE_HOURS * 3_600_000);
  return inTransaction(deps, async (tx, after) => {
    const due = await tx
      .update(initiative)
      .set({ deadlineNoticeAt: now })
      .where(
        and(
          eq(initiative.status, "open"),
          isNull(initiative.deadlineNoticeAt),
          gt(initiative.deadline, now),
          lte(initiative.deadline, horizon),
        ),
      )
      .returning({ id: initiative.id, title: initiative.title, networkId: initiative.networkId });
    for (const item of due) {
      const participants = await tx
        .select({ firmId: initiativeParticipant.firmId })
        .from(initiativeParticipant)
        .where(eq(initiativeParticipant.initiativeId, item.id));
      const brokers = await tx
        .select({ userId: networkBroker.userId })
        .from(networkBroker)
        .where(inArray(networkBroker.networkId, [item.networkId]));
      const audience = [
        ...new Set([
          ...(await usersOfFirms(
            tx,
            participants.map((p) => p.firmId),
          )),
          ...brokers.map((b) => b.userId),
        ]),
      ];
      await notify(
        tx,
        after,
        audience.map((userId) => ({
          userId,
          type: "initiative_deadline_soon",
          params: { title: item.title },
          href: `/initiatives/${item.id}`,
        })),
      );
    }
    return due.length;
  });
}
