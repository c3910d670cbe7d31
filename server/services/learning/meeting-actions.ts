import { and, eq } from "drizzle-orm";
import { clubMeeting, meetingAction } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { addMeetingActionSchema, updateMeetingActionSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, clubMeetingOf, visibleClub } from "./club-access";
import { assertClubMember } from "./schedule-meeting";

/** A broker records a follow-up action agreed at a meeting: what, which member firm owns it, by when. */
export async function addMeetingAction(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(addMeetingActionSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    const meeting = await clubMeetingOf(tx, input.initiativeId, input.meetingId);
    assertClubMember(facts, "ownerFirmId", input.ownerFirmId);
    const [created] = await tx
      .insert(meetingAction)
      .values({
        meetingId: meeting.id,
        description: input.description,
        ownerFirmId: input.ownerFirmId,
        dueOn: input.dueOn,
        status: "open",
        createdAt: deps.now(),
      })
      .returning({ id: meetingAction.id });
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      firmId: input.ownerFirmId,
      action: "club.action_added",
      after: { meeting: meeting.title, description: input.description, dueOn: input.dueOn },
    });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { id: created.id, meetingId: meeting.id, initiativeId: input.initiativeId, status: "open" as const };
  });
}

/** A broker edits a follow-up action (only the fields given) or marks it done. */
export async function updateMeetingAction(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(updateMeetingActionSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    const [found] = await tx
      .select({ action: meetingAction })
      .from(meetingAction)
      .innerJoin(clubMeeting, eq(clubMeeting.id, meetingAction.meetingId))
      .where(and(eq(meetingAction.id, input.actionId), eq(clubMeeting.initiativeId, input.initiativeId)));
    if (!found) throw new AppError("not_found", "No such action in this club");
    const action = found.action;
    if (input.ownerFirmId !== undefined) assertClubMember(facts, "ownerFirmId", input.ownerFirmId);
    const next = {
      description: input.description ?? action.description,
      ownerFirmId: input.ownerFirmId !== undefined ? input.ownerFirmId : action.ownerFirmId,
      dueOn: input.dueOn !== undefined ? input.dueOn : action.dueOn,
      status: input.status ?? action.status,
    };
    await tx.update(meetingAction).set(next).where(eq(meetingAction.id, action.id));
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      firmId: next.ownerFirmId,
      action: next.status !== action.status ? `club.action_${next.status}` : "club.action_updated",
      before: { description: action.description, status: action.status, dueOn: action.dueOn },
      after: { description: next.description, status: next.status, dueOn: next.dueOn },
    });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { id: action.id, meetingId: action.meetingId, initiativeId: input.initiativeId, status: next.status };
  });
}
