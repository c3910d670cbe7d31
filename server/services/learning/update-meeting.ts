import { eq } from "drizzle-orm";
import { clubMeeting } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { updateMeetingSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, clubMeetingOf, visibleClub } from "./club-access";
import { instantOf } from "./meeting-time";
import { clubPage, notifyMembers } from "./notices";
import { assertClubMember, assertTimes } from "./schedule-meeting";

/**
 * A broker edits a meeting (only the fields given): its details while it is scheduled, its
 * minutes at any time, and its status: a scheduled meeting is marked held once it has started,
 * or cancelled. Members are told when a meeting is cancelled or moved.
 */
export async function updateMeeting(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(updateMeetingSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    const meeting = await clubMeetingOf(tx, input.initiativeId, input.meetingId);
    const now = deps.now();
    const startsAt = input.startsAt !== undefined ? instantOf(input.startsAt, input.timeZone) : meeting.startsAt;
    const endsAt = input.endsAt !== undefined ? instantOf(input.endsAt, input.timeZone) : meeting.endsAt;
    const moved = startsAt.getTime() !== meeting.startsAt.getTime() || endsAt.getTime() !== meeting.endsAt.getTime();
    const detailsChanged =
      moved ||
      (input.title !== undefined && input.title !== meeting.title) ||
      (input.hostFirmId !== undefined && input.hostFirmId !== meeting.hostFirmId) ||
      (input.place !== undefined && input.place !== meeting.place) ||
      (input.agenda !== undefined && input.agenda !== meeting.agenda);
    if (detailsChanged && meeting.status !== "scheduled")
      throw new AppError("conflict", `A ${meeting.status} meeting cannot be changed, only its minutes`);
    const status = input.status ?? meeting.status;
    if (status !== meeting.status) {
      if (meeting.status !== "scheduled") throw new AppError("conflict", `A ${meeting.status} meeting stays ${meeting.status}`);
      if (status === "held" && startsAt.getTime() > now.getTime()) throw new AppError("conflict", "A meeting is held once it has started");
    }
    if (input.hostFirmId !== undefined) assertClubMember(facts, "hostFirmId", input.hostFirmId);
    assertTimes(startsAt, endsAt);
    await tx
      .update(clubMeeting)
      .set({
        title: input.title ?? meeting.title,
        hostFirmId: input.hostFirmId !== undefined ? input.hostFirmId : meeting.hostFirmId,
        startsAt,
        endsAt,
        place: input.place ?? meeting.place,
        agenda: input.agenda ?? meeting.agenda,
        minutes: input.minutes ?? meeting.minutes,
        status,
        // A moved meeting is reminded of again.
        ...(moved ? { reminderNoticeAt: null } : {}),
        updatedAt: now,
      })
      .where(eq(clubMeeting.id, meeting.id));
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: status !== meeting.status ? `club.meeting_${status}` : "club.meeting_updated",
      before: { title: meeting.title, startsAt: meeting.startsAt.toISOString(), status: meeting.status },
      after: { title: input.title ?? meeting.title, startsAt: startsAt.toISOString(), status, minutes: input.minutes !== undefined },
    });
    const title = input.title ?? meeting.title;
    if (status === "cancelled" && meeting.status !== "cancelled") {
      await notifyMembers(tx, after, facts.participantFirmIds, {
        type: "club_meeting_cancelled",
        params: { club: facts.row.title, title },
        href: clubPage(input.initiativeId),
      });
    } else if (moved && status === "scheduled") {
      await notifyMembers(tx, after, facts.participantFirmIds, {
        type: "club_meeting_moved",
        params: { club: facts.row.title, title },
        href: clubPage(input.initiativeId),
      });
    }
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { id: meeting.id, initiativeId: input.initiativeId, status };
  });
}
