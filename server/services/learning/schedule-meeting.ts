import { clubMeeting } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { invalidField, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { scheduleMeetingSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, assertRunning, firmNames, visibleClub, type ClubFacts } from "./club-access";
import { instantOf } from "./meeting-time";
import { clubPage, notifyMembers } from "./notices";

/** The host (or an action's owner) must be a member firm of the club. */
export function assertClubMember(facts: ClubFacts, field: string, firmId: string | null): void {
  if (firmId !== null && !facts.participantFirmIds.includes(firmId))
    throw invalidField(field, "learning.validation.not_participant", "This firm is not a member of the club");
}

export function assertTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalidField("endsAt", "ends_before_start", "The meeting must end after it starts");
}

/**
 * A broker schedules a club meeting, usually a best-in-class workshop at a member's plant: title,
 * host firm, start and end, place and agenda. The members are told.
 */
export async function scheduleMeeting(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(scheduleMeetingSchema, rawInput);
  const startsAt = instantOf(input.startsAt, input.timeZone);
  const endsAt = instantOf(input.endsAt, input.timeZone);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    assertRunning(facts);
    assertClubMember(facts, "hostFirmId", input.hostFirmId);
    assertTimes(startsAt, endsAt);
    const now = deps.now();
    const [created] = await tx
      .insert(clubMeeting)
      .values({
        initiativeId: input.initiativeId,
        title: input.title,
        hostFirmId: input.hostFirmId,
        startsAt,
        endsAt,
        place: input.place,
        agenda: input.agenda,
        status: "scheduled",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: clubMeeting.id });
    const host = input.hostFirmId ? ((await firmNames(tx, [input.hostFirmId])).get(input.hostFirmId) ?? "") : "";
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: "club.meeting_scheduled",
      after: { title: input.title, startsAt: startsAt.toISOString(), place: input.place, host },
    });
    await notifyMembers(tx, after, facts.participantFirmIds, {
      type: "club_meeting_scheduled",
      params: { club: facts.row.title, title: input.title, place: input.place },
      href: clubPage(input.initiativeId),
    });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return {
      id: created.id,
      initiativeId: input.initiativeId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      status: "scheduled" as const,
    };
  });
}
