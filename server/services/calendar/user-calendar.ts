import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { getI18n } from "../../../i18n/i18n";
import { isLocale } from "../../domain/locale";
import { calendarFeed } from "../../../db/schema/calendar";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { networkBroker, networkMember } from "../../../db/schema/networks";
import { stand } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { buildCalendar, type CalendarEvent } from "../../domain/ics";
import { AppError } from "../../errors";
import { loadActor } from "../accounts/load-actor";
import type { Deps } from "../deps";
import { mayReadInitiative, type InitiativeFacts } from "../initiatives/initiative-facts";
import { clubMeetingEventsFor } from "../learning/export-club-calendar";
import { standCalendarEvents } from "../stands/export-stand-calendar";
import { FEED_TOKEN } from "./feed-token";

const inputSchema = z.object({ token: z.string() });

/** How often calendar apps should fetch the feed again. */
const FEED_REFRESH_MINUTES = 60;

const notFound = () => new AppError("not_found", "No calendar at this address");

/**
 * A user's calendar subscription, read with the secret token of their feed (no session: calendar
 * apps have none). It lists what that user may see, by the rules of the pages and exports:
 * - every joint stand (`joint_selling` initiative with a stand) of the networks the user brokers
 *   or the user's firm is an active member of, as `visibleInitiative` shows it (`initiative.read`;
 *   drafts only for the network's brokers; cancelled stands left out): the fair's days, the
 *   booking deadline while booking is open, and the open tasks' due dates to those who see the
 *   task list (`standCalendarEvents`, the stand export's own events);
 * - the meetings of the benchmarking clubs the user's firm takes part in or the user brokers
 *   (`clubMeetingEventsFor`, the club export's own events).
 * The same events as the per-stand and per-club downloads, with the same UIDs, so a calendar app
 * that imported a download recognises them. Unknown or malformed token: 404, whatever the reason.
 */
export async function userCalendar(deps: Deps, rawInput: unknown): Promise<string> {
  const parsed = inputSchema.safeParse(rawInput);
  if (!parsed.success || !FEED_TOKEN.test(parsed.data.token)) throw notFound();
  const { db } = deps;

  const [feed] = await db.select({ userId: calendarFeed.userId }).from(calendarFeed).where(eq(calendarFeed.token, parsed.data.token));
  if (!feed) throw notFound();
  const actor = await loadActor(db, feed.userId);
  if (!actor) throw notFound();

  const events = [...(await standEvents(deps, actor)), ...(await clubMeetingEventsFor(db, actor))];
  const locale = isLocale(actor.locale) ? actor.locale : "en";
  return buildCalendar({
    name: getI18n(locale).t("calendar.feedName", { name: actor.name }),
    events: chronological(events),
    now: deps.now(),
    refreshIntervalMinutes: FEED_REFRESH_MINUTES,
  });
}

/** The events of every stand the actor may see in the networks they broker or belong to. */
async function standEvents(deps: Deps, actor: Actor): Promise<CalendarEvent[]> {
  const { db } = deps;
  const brokered = await db
    .select({ networkId: networkBroker.networkId })
    .from(networkBroker)
    .where(eq(networkBroker.userId, actor.userId));
  const memberOf = actor.firm
    ? await db
        .select({ networkId: networkMember.networkId })
        .from(networkMember)
        .where(and(eq(networkMember.firmId, actor.firm.id), eq(networkMember.status, "active")))
    : [];
  const networkIds = [...new Set([...brokered, ...memberOf].map((r) => r.networkId))];
  if (networkIds.length === 0) return [];

  // A joint_selling initiative without a stand (a consortium answering a need) has no dates.
  const stands = await db
    .select({ row: initiative, stand })
    .from(stand)
    .innerJoin(initiative, eq(initiative.id, stand.initiativeId))
    .where(and(inArray(initiative.networkId, networkIds), eq(initiative.objective, "joint_selling"), ne(initiative.status, "cancelled")));
  if (stands.length === 0) return [];

  // The facts `can()` needs, for all of them at once.
  const brokers = await db
    .select({ networkId: networkBroker.networkId, userId: networkBroker.userId })
    .from(networkBroker)
    .where(inArray(networkBroker.networkId, networkIds));
  const members = await db
    .select({ networkId: networkMember.networkId, firmId: networkMember.firmId })
    .from(networkMember)
    .where(and(inArray(networkMember.networkId, networkIds), eq(networkMember.status, "active")));
  const participants = await db
    .select({ initiativeId: initiativeParticipant.initiativeId, firmId: initiativeParticipant.firmId })
    .from(initiativeParticipant)
    .where(
      inArray(
        initiativeParticipant.initiativeId,
        stands.map((s) => s.row.id),
      ),
    );

  const events: CalendarEvent[] = [];
  for (const { row, stand: standRow } of stands) {
    const facts: InitiativeFacts = {
      row,
      networkBrokerIds: brokers.filter((b) => b.networkId === row.networkId).map((b) => b.userId),
      memberFirmIds: members.filter((m) => m.networkId === row.networkId).map((m) => m.firmId),
      participantFirmIds: participants.filter((p) => p.initiativeId === row.id).map((p) => p.firmId),
    };
    if (!mayReadInitiative(actor, facts)) continue;
    events.push(...(await standCalendarEvents(db, actor, { ...facts, stand: standRow })));
  }
  return events;
}

/** Events in date order (then by UID), so the feed reads chronologically and never reshuffles. */
function chronological(events: CalendarEvent[]): CalendarEvent[] {
  const start = (e: CalendarEvent) => (e.allDay ? `${e.allDay.startsOn}T00:00:00.000Z` : e.timed!.startsAt.toISOString());
  return [...events].sort((a, b) => {
    const sa = start(a);
    const sb = start(b);
    return sa < sb ? -1 : sa > sb ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
  });
}
