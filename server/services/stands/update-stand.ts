import { eq } from "drizzle-orm";
import { initiative } from "../../../db/schema/initiatives";
import { stand } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { updateStandSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { deadlineDate, deadlineOf } from "../initiatives/deadline";
import { serveQueue } from "./space-queue";
import { publishStand, visibleStand } from "./stand-access";
import { belowAllocated, fairForStand, replaceSubsidies, standValues } from "./stand-settings";

/**
 * The network's brokers change a draft or open stand: title, description, booking deadline,
 * fair, area, cost, split rule, subsidies and the sharing settings. The area can never drop
 * below what exhibitors hold; a larger area serves the waiting list at once. Spaces already
 * held below a raised minimum stay as they are (the minimum applies to new requests).
 */
export async function updateStand(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(updateStandSchema, rawInput);
  const values = standValues(input);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "stand", "manage", facts)) throw new AppError("forbidden", "Only the network's brokers change the stand");
    const { row, stand: before } = facts;
    if (row.status !== "draft" && row.status !== "open") throw new AppError("conflict", `A ${row.status} stand cannot be changed`);
    await fairForStand(tx, input.fairId, input.deadline);
    if (values.stand.areaDm2 < before.allocatedDm2) throw belowAllocated(before.allocatedDm2);
    const now = deps.now();
    await tx
      .update(initiative)
      .set({
        title: input.title,
        description: input.description,
        deadline: deadlineOf(input.deadline),
        deadlineNoticeAt: null,
        updatedAt: now,
      })
      .where(eq(initiative.id, row.id));
    const fairChanged = input.fairId !== before.fairId;
    await tx
      .update(stand)
      .set({ fairId: input.fairId, ...values.stand, ...(fairChanged ? { fairNoticeAt: null } : {}), updatedAt: now })
      .where(eq(stand.initiativeId, row.id));
    await replaceSubsidies(tx, row.id, values.subsidies);
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      action: "stand.updated",
      before: { title: row.title, deadline: deadlineDate(row.deadline), areaDm2: before.areaDm2, splitRule: before.splitRule },
      after: { title: input.title, deadline: input.deadline, areaDm2: values.stand.areaDm2, splitRule: values.stand.splitRule },
    });
    const served =
      row.status === "open" && values.stand.areaDm2 > before.areaDm2
        ? await serveQueue(tx, after, { initiativeId: row.id, networkId: row.networkId, title: input.title, actor, now })
        : [];
    publishStand(after, row.id, { initiative: true });
    return { id: row.id, served: served.length };
  });
}
