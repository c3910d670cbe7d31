import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { benchmarkClub, benchmarkClubKpi, benchmarkPeriod, clubMeeting } from "../../../db/schema/learning";

/**
 * What the initiative page says about its club, to link to the club's pages: the reporting
 * period kind, how many KPIs, the open period (latest) and the next scheduled meeting. Nothing
 * about submissions.
 */
export async function loadClubSummary(db: Db, initiativeId: string, now: Date) {
  const [club] = await db
    .select({ periodKind: benchmarkClub.periodKind })
    .from(benchmarkClub)
    .where(eq(benchmarkClub.initiativeId, initiativeId));
  if (!club) return null;
  const [{ n }] = await db.select({ n: count() }).from(benchmarkClubKpi).where(eq(benchmarkClubKpi.initiativeId, initiativeId));
  const open = await db
    .select({ id: benchmarkPeriod.id, label: benchmarkPeriod.label, submissionDue: benchmarkPeriod.submissionDue })
    .from(benchmarkPeriod)
    .where(and(eq(benchmarkPeriod.initiativeId, initiativeId), eq(benchmarkPeriod.status, "open")))
    .orderBy(asc(benchmarkPeriod.startsOn));
  const [meeting] = await db
    .select({ id: clubMeeting.id, title: clubMeeting.title, startsAt: clubMeeting.startsAt, place: clubMeeting.place })
    .from(clubMeeting)
    .where(and(eq(clubMeeting.initiativeId, initiativeId), eq(clubMeeting.status, "scheduled"), gt(clubMeeting.endsAt, now)))
    .orderBy(asc(clubMeeting.startsAt))
    .limit(1);
  return {
    periodKind: club.periodKind,
    kpiCount: n,
    openPeriod: open.at(-1) ?? null,
    nextMeeting: meeting ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString(), place: meeting.place } : null,
  };
}
