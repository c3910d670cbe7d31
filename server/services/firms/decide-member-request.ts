import { and, eq } from "drizzle-orm";
import { firm, firmMember } from "../../../db/schema/firms";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { firmRoom, userRoom } from "../../realtime/events";
import { decideMemberSchema } from "../../schemas/firm";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";

/** The firm's owner approves or declines a request to join; the requester is notified. */
export async function decideMemberRequest(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(decideMemberSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const [request] = await tx
      .select({ id: firmMember.id, firmId: firmMember.firmId, userId: firmMember.userId, status: firmMember.status, firmName: firm.name })
      .from(firmMember)
      .innerJoin(firm, eq(firm.id, firmMember.firmId))
      .where(eq(firmMember.id, input.memberId));
    if (!request || !can(actor, "firm", "decideMember", { firmId: request.firmId })) {
      throw new AppError("not_found", "Request not found");
    }
    if (request.status !== "pending") throw new AppError("conflict", "This request was already decided");
    if (input.decision === "approve") {
      await tx
        .update(firmMember)
        .set({ status: "active", decidedAt: deps.now() })
        .where(and(eq(firmMember.id, request.id), eq(firmMember.status, "pending")));
    } else {
      // A declined request is removed, so the person may ask another firm.
      await tx.delete(firmMember).where(eq(firmMember.id, request.id));
    }
    await notify(tx, after, [
      {
        userId: request.userId,
        type: input.decision === "approve" ? "firm_join_approved" : "firm_join_declined",
        params: { firm: request.firmName },
        href: input.decision === "approve" ? "/firm" : "/",
      },
    ]);
    after.publish(firmRoom(request.firmId), "membership:changed", { firmId: request.firmId });
    after.publish(userRoom(request.userId), "membership:changed", { firmId: request.firmId });
    return { memberId: request.id, decision: input.decision };
  });
}
