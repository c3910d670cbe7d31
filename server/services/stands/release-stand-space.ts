import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { standIdSchema } from "../../schemas/stands";
import { inTransaction, type Deps } from "../deps";
import { brokerUserIds } from "../networks/helpers";
import { notify } from "../notifications/notify";
import { releaseFirmSpace, standHref } from "./space-queue";
import { m2, visibleStand } from "./stand-access";
import { firm } from "../../../db/schema/firms";
import { eq } from "drizzle-orm";

/**
 * An exhibitor gives up its space (or its place on the waiting list) while the stand is open
 * and before the booking deadline. The freed area serves the waiting list in order. The firm
 * stays a participant of the initiative (it can request space again while booking is open).
 */
export async function releaseStandSpace(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(standIdSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "stand", "release", facts)) throw new AppError("forbidden", "Only the stand's exhibitors release space");
    const { row } = facts;
    const now = deps.now();
    if (row.status !== "open") throw new AppError("conflict", `Space on a ${row.status} stand cannot be released`);
    if (now.getTime() > row.deadline.getTime()) throw new AppError("conflict", "The booking deadline has passed: ask the broker");
    const firmId = actor.firm!.id;
    const released = await releaseFirmSpace(tx, after, {
      initiativeId: row.id,
      networkId: row.networkId,
      title: row.title,
      firmId,
      actor,
      now,
    });
    if (!released) throw new AppError("not_found", "Your firm holds no space on this stand");
    const [own] = await tx.select({ name: firm.name }).from(firm).where(eq(firm.id, firmId));
    await notify(
      tx,
      after,
      (await brokerUserIds(tx, row.networkId)).map((userId) => ({
        userId,
        type: "stand_space_released",
        params: { title: row.title, firm: own.name, area: m2(released.space.grantedDm2 || released.space.requestedDm2) },
        href: standHref(row.id),
      })),
    );
    return { initiativeId: row.id, spaceId: released.space.id, firmId, status: "released" as const, served: released.served.length };
  });
}
