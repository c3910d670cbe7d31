import { and, asc, eq, ne } from "drizzle-orm";
import { getI18n } from "../../../i18n/i18n";
import { isLocale } from "../../domain/locale";
import type { Db, Tx } from "../../../db/client";
import { countryName } from "../../../db/reference/countries";
import { user } from "../../../db/schema/auth";
import { fair, standTask } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { buildCalendar, type CalendarEvent } from "../../domain/ics";
import { AppError, parseInput } from "../../errors";
import { standIdSchema } from "../../schemas/stands";
import type { Deps } from "../deps";
import { deadlineDate } from "../initiatives/deadline";
import { visibleStand, type StandFacts } from "./stand-access";

/**
 * The stand's dates as calendar events in the reader's language: the fair's days (all-day),
 * the booking deadline while booking can still happen, and the open tasks' due dates for those
 * who see the task list (the network's brokers, the participants, admins).
 */
export async function standCalendarEvents(db: Db | Tx, actor: Actor, facts: StandFacts): Promise<CalendarEvent[]> {
  const locale = isLocale(actor.locale) ? actor.locale : "en";
  const t = getI18n(locale).t;
  const { row, stand } = facts;
  const [fairRow] = await db.select().from(fair).where(eq(fair.id, stand.fairId));
  const events: CalendarEvent[] = [
    {
      uid: `stand-fair-${row.id}@jointly`,
      title: t("standCalendar.fair", { fair: fairRow.name }),
      description: t("standCalendar.fairDetails", { title: row.title }),
      location: [fairRow.venue, fairRow.city, countryName(fairRow.country, locale)].filter(Boolean).join(", "),
      ...(fairRow.website ? { url: fairRow.website } : {}),
      allDay: { startsOn: fairRow.startsOn, endsOn: fairRow.endsOn },
    },
  ];
  if (row.status === "draft" || row.status === "open") {
    const day = deadlineDate(row.deadline);
    events.push({
      uid: `stand-deadline-${row.id}@jointly`,
      title: t("standCalendar.deadline", { title: row.title }),
      allDay: { startsOn: day, endsOn: day },
      transparent: true,
    });
  }
  const seesTasks =
    can(actor, "stand", "manage", facts) ||
    actor.role === "admin" ||
    (actor.firm !== null && facts.participantFirmIds.includes(actor.firm.id));
  if (seesTasks) {
    const tasks = await db
      .select({ task: standTask, ownerName: user.name })
      .from(standTask)
      .leftJoin(user, eq(user.id, standTask.ownerUserId))
      .where(and(eq(standTask.initiativeId, row.id), ne(standTask.status, "done")))
      .orderBy(asc(standTask.dueOn), asc(standTask.id));
    for (const { task, ownerName } of tasks) {
      events.push({
        uid: `stand-task-${task.id}@jointly`,
        title: t("standCalendar.task", { task: task.title }),
        description: ownerName
          ? t("standCalendar.taskOwner", { title: row.title, owner: ownerName })
          : t("standCalendar.fairDetails", { title: row.title }),
        allDay: { startsOn: task.dueOn, endsOn: task.dueOn },
        transparent: true,
      });
    }
  }
  return events;
}

/** GET /initiatives/{id}/stand/calendar.ics: the stand's calendar as an ICS download. */
export async function exportStandCalendar(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(standIdSchema, rawInput);
  const facts = await visibleStand(deps.db, actor, initiativeId);
  if (!can(actor, "stand", "exportCalendar", facts)) throw new AppError("forbidden", "Not allowed to export this stand's calendar");
  const events = await standCalendarEvents(deps.db, actor, facts);
  const ics = buildCalendar({ name: facts.row.title, events, now: deps.now() });
  const slug =
    facts.row.title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "stand";
  return { filename: `${slug}.ics`, ics };
}
