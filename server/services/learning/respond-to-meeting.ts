import { sql } from "drizzle-orm";
import { meetingAttendance } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { respondToMeetingSchema } from "../../schemas/learning";
import { inTransaction, type Deps } from "../deps";
import { assertRunning, clubMeetingOf, visibleClub } from "./club-access";

/** A member of the club (or one of its brokers) says whether they come to a scheduled meeting; they may change their answer until it starts. */
export async function respondToMeeting(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(respondToMeetingSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "club", "attend", facts))
      throw new AppError("forbidden", "Only the club's members and brokers answer for its meetings");
    assertRunning(facts);
    const meeting = await clubMeetingOf(tx, input.initiativeId, input.meetingId);
    if (meeting.status !== "scheduled") throw new AppError("conflict", `The meeting is ${meeting.status}`);
    const now = deps.now();
    if (meeting.startsAt.getTime() <= now.getTime()) throw new AppError("conflict", "The meeting has started");
    await tx
      .insert(meetingAttendance)
      .values({ meetingId: meeting.id, userId: actor.userId, firmId: actor.firm?.id ?? null, response: input.response, updatedAt: now })
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.userId],
        set: { response: sql`excluded.response`, firmId: sql`excluded.firm_id`, updatedAt: sql`excluded.updated_at` },
      });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { meetingId: meeting.id, initiativeId: input.initiativeId, response: input.response };
  });
}
