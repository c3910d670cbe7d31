import { and, eq } from "drizzle-orm";
import { standSpace } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { formatDm2AsM2, parseAreaM2 } from "../../domain/stand-space";
import { AppError, invalidField, parseInput } from "../../errors";
import { decideSpaceSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { changeAllocated, serveQueue, standHref } from "./space-queue";
import { HOLDING, m2, publishStand, visibleStand } from "./stand-access";

/**
 * The network's broker decides a request for space while the stand is open or locked:
 * - confirm: a held request (status requested) becomes confirmed;
 * - trim: held space (requested or confirmed) is confirmed at a smaller area, at least the
 *   stand's minimum;
 * - decline: held space or a waiting request is declined.
 * Area freed by a trim or a decline serves the waiting list in order; everyone concerned is told.
 */
export async function decideStandSpace(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(decideSpaceSchema, rawInput);
  const trimDm2 = input.decision === "trim" ? (input.areaM2 === undefined ? undefined : parseAreaM2(input.areaM2)) : undefined;
  if (input.decision === "trim" && input.areaM2 === undefined) throw invalidField("areaM2", "required", "The trimmed area is required");
  if (trimDm2 === null) throw invalidField("areaM2", "invalid_area", "An area above 0 m², at most two decimals");
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "stand", "manage", facts)) throw new AppError("forbidden", "Only the network's brokers decide stand space");
    const { row, stand } = facts;
    if (row.status !== "open" && row.status !== "locked")
      throw new AppError("conflict", `Space on a ${row.status} stand cannot be decided`);
    const [space] = await tx
      .select()
      .from(standSpace)
      .where(and(eq(standSpace.id, input.spaceId), eq(standSpace.initiativeId, row.id)));
    if (!space) throw new AppError("not_found", "No such request on this stand");
    const now = deps.now();
    const holding = HOLDING.includes(space.status);
    let next: { status: "confirmed" | "declined"; grantedDm2: number; requestedDm2: number };
    let type: string;
    switch (input.decision) {
      case "confirm":
        if (space.status !== "requested") throw new AppError("conflict", `A ${space.status} request cannot be confirmed`);
        next = { status: "confirmed", grantedDm2: space.grantedDm2, requestedDm2: space.requestedDm2 };
        type = "stand_space_confirmed";
        break;
      case "trim":
        if (!holding) throw new AppError("conflict", `A ${space.status} request cannot be trimmed`);
        if (trimDm2! >= space.grantedDm2) {
          throw invalidField("areaM2", "trim_not_smaller", `Trim to less than the ${formatDm2AsM2(space.grantedDm2)} m² held`);
        }
        if (trimDm2! < stand.minAreaDm2)
          throw invalidField("areaM2", "below_min_area", `At least ${formatDm2AsM2(stand.minAreaDm2)} m² per exhibitor`);
        next = { status: "confirmed", grantedDm2: trimDm2!, requestedDm2: trimDm2! };
        type = "stand_space_trimmed";
        break;
      case "decline":
        if (!holding && space.status !== "waiting") throw new AppError("conflict", `A ${space.status} request cannot be declined`);
        next = { status: "declined", grantedDm2: 0, requestedDm2: space.requestedDm2 };
        type = "stand_space_declined";
        break;
    }
    await tx
      .update(standSpace)
      .set({ ...next, decidedBy: actor.userId, updatedAt: now })
      .where(eq(standSpace.id, space.id));
    await changeAllocated(tx, row.id, next.grantedDm2 - space.grantedDm2, now);
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      firmId: space.firmId,
      action: `stand.space_${input.decision === "confirm" ? "confirmed" : input.decision === "trim" ? "trimmed" : "declined"}`,
      before: { status: space.status, areaDm2: space.grantedDm2 || space.requestedDm2 },
      after: { status: next.status, areaDm2: next.grantedDm2 },
    });
    await notify(
      tx,
      after,
      (await usersOfFirms(tx, [space.firmId])).map((userId) => ({
        userId,
        type,
        params: { title: row.title, area: m2(next.grantedDm2 || next.requestedDm2) },
        href: standHref(row.id),
      })),
    );
    const served = await serveQueue(tx, after, { initiativeId: row.id, networkId: row.networkId, title: row.title, actor, now });
    publishStand(after, row.id);
    return {
      initiativeId: row.id,
      spaceId: space.id,
      firmId: space.firmId,
      status: next.status,
      grantedDm2: next.grantedDm2,
      /** Firms served from the waiting list by the area this decision freed. */
      served: served.map((s) => ({ spaceId: s.spaceId, firmId: s.firmId, grantedDm2: s.grantedDm2 })),
    };
  });
}
