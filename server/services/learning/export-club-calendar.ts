import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { getI18n } from "../../../i18n/i18n";
import { isLocale } from "../../domain/locale";
import type { Db } from "../../../db/client";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { clubMeeting } from "../../../db/schema/learning";
import { networkBroker } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { buildCalendar, type CalendarEvent } from "../../domain/ics";
import { AppError, parseInput } from "../../errors";
import { clubIdSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { initiativeFacts } from "../initiatives/initiative-facts";
import { firmNames, visibleClub } from "./club-access";

/** A day ahead, calendar apps remind of a club meeting. */
const ALARM_MINUTES = 24 * 60;

type MeetingRow = typeof clubMeeting.$inferSelect;

/** Club meetings as calendar events in the reader's language (cancelled ones are left out). */
async function meetingEvents(
  db: Db,
  actor: Actor,
  meetings: readonly MeetingRow[],
  clubTitles: ReadonlyMap<string, string>,
): Promise<CalendarEvent[]> {
  const t = getI18n(isLocale(actor.locale) ? actor.locale : "en").t;
  const live = meetings.filter((m) => m.status !== "cancelled");
  const hosts = await firmNames(
    db,
    live.flatMap((m) => (m.hostFirmId ? [m.hostFirmId] : [])),
  );
  return live.map((m) => {
    const club = clubTitles.get(m.initiativeId);
    const host = m.hostFirmId ? hosts.get(m.hostFirmId) : undefined;
    const description = [
      club ? t("clubCalendar.club", { club }) : null,
      host ? t("clubCalendar.host", { host }) : null,
      m.agenda ? t("clubCalendar.agenda", { agenda: m.agenda }) : null,
    ]
      .filter(Boolean)
      .join("\n\n");
    return {
      uid: `club-meeting-${m.id}@jointly`,
      title: m.title,
      description,
      location: m.place,
      timed: { startsAt: m.startsAt, endsAt: m.endsAt },
      ...(m.status === "scheduled" ? { alarmMinutesBefore: ALARM_MINUTES } : {}),
    };
  });
}

/**
 * The meetings of every club a user belongs to (its firm takes part) or brokers, for the
 * user's calendar subscription feed. Clubs still in draft, completed or cancelled are left out.
 */
export async function clubMeetingEventsFor(db: Db, actor: Actor): Promise<CalendarEvent[]> {
  const brokered = db.select({ networkId: networkBroker.networkId }).from(networkBroker).where(eq(networkBroker.userId, actor.userId));
  const joined = actor.firm
    ? db
        .select({ initiativeId: initiativeParticipant.initiativeId })
        .from(initiativeParticipant)
        .where(eq(initiativeParticipant.firmId, actor.firm.id))
    : null;
  const scopes = [
    ...(actor.role === "broker" ? [inArray(initiative.networkId, brokered)] : []),
    ...(actor.role === "sme" && joined ? [inArray(initiative.id, joined)] : []),
  ];
  if (scopes.length === 0) return [];
  const clubs = await db
    .select({ id: initiative.id, title: initiative.title })
    .from(initiative)
    .where(and(eq(initiative.objective, "learning_network"), inArray(initiative.status, ["open", "locked"]), or(...scopes)));
  // The query narrows the candidates; the rule itself is can()'s.
  const allowed: typeof clubs = [];
  for (const club of clubs) {
    const facts = await initiativeFacts(db, club.id);
    if (facts && can(actor, "club", "attend", facts)) allowed.push(club);
  }
  if (allowed.length === 0) return [];
  const meetings = await db
    .select()
    .from(clubMeeting)
    .where(
      and(
        inArray(
          clubMeeting.initiativeId,
          allowed.map((c) => c.id),
        ),
        ne(clubMeeting.status, "cancelled"),
      ),
    )
    .orderBy(asc(clubMeeting.startsAt));
  return meetingEvents(db, actor, meetings, new Map(allowed.map((c) => [c.id, c.title])));
}

/** The club's meetings as an iCalendar file, for its members and its brokers. */
export async function exportClubCalendar(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(clubIdSchema, rawInput);
  const facts = await visibleClub(deps.db, actor, initiativeId);
  if (!can(actor, "club", "attend", facts)) throw new AppError("forbidden", "Only the club's members and brokers download its calendar");
  const meetings = await deps.db
    .select()
    .from(clubMeeting)
    .where(eq(clubMeeting.initiativeId, initiativeId))
    .orderBy(asc(clubMeeting.startsAt));
  const events = await meetingEvents(deps.db, actor, meetings, new Map([[initiativeId, facts.row.title]]));
  const ics = buildCalendar({ name: facts.row.title, events, now: deps.now() });
  const slug =
    facts.row.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "club";
  return { filename: `${slug}-meetings.ics`, ics };
}
