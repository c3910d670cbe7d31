import { and, eq, gt, gte, inArray, isNull, lt, lte } from "drizzle-orm";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { benchmarkClubKpi, benchmarkPeriod, clubMeeting, kpiSubmission, meetingAttendance } from "../../../db/schema/learning";
import { networkBroker } from "../../../db/schema/networks";
import type { Tx } from "../../../db/client";
import { inTransaction, type AfterCommit, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { clubPage } from "./notices";
import { publishPeriod } from "./publication";

/** Members who have not reported everything hear this many days before the due date. */
const SUBMISSION_NOTICE_DAYS = 7;
/** Everyone who may come hears this many hours before a meeting. */
const MEETING_REMINDER_HOURS = 48;

const RUNNING = ["open", "locked"] as const;

function isoDay(date: Date, plusDays = 0): string {
  const day = new Date(date.getTime() + plusDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * Run periodically (the background timer of server/app.ts), safe with several processes:
 * - "submission due" to the members of a club that have not reported every KPI of an open
 *   period due within 7 days, once per period;
 * - "meeting reminder" to the club's members and brokers (except who said they will not come)
 *   of a scheduled meeting starting within 48 hours, once per meeting (again if it is moved).
 * - publication of a period's statistics once its submission due date has passed (ADR 013):
 *   the first publication, or a refresh of each KPI the republication rule allows.
 * Each notice and publication is claimed by one atomic UPDATE (due_notice_at,
 * reminder_notice_at, due_published_at) before it is done, so it never happens twice.
 */
export async function notifyLearningReminders(
  deps: Deps,
): Promise<{ submissionDue: number; meetingReminders: number; publishedPeriods: number }> {
  const now = deps.now();
  return inTransaction(deps, async (tx, after) => {
    const submissionDue = await noticeSubmissionsDue(tx, after, now);
    const meetingReminders = await remindMeetings(tx, after, now);
    const publishedPeriods = await publishDuePeriods(tx, after, now);
    return { submissionDue, meetingReminders, publishedPeriods };
  });
}

/** Clubs still running (their periods and meetings are the only ones that get notices). */
function runningClubs(tx: Tx) {
  return tx
    .select({ id: initiative.id })
    .from(initiative)
    .where(inArray(initiative.status, [...RUNNING]));
}

async function clubKpiIds(tx: Tx, initiativeId: string): Promise<string[]> {
  const rows = await tx
    .select({ kpiId: benchmarkClubKpi.kpiId })
    .from(benchmarkClubKpi)
    .where(eq(benchmarkClubKpi.initiativeId, initiativeId));
  return rows.map((k) => k.kpiId);
}

async function memberFirmIds(tx: Tx, initiativeId: string): Promise<string[]> {
  const rows = await tx
    .select({ firmId: initiativeParticipant.firmId })
    .from(initiativeParticipant)
    .where(eq(initiativeParticipant.initiativeId, initiativeId));
  return rows.map((p) => p.firmId);
}

/** Submissions due within a week: members behind on any KPI hear once per period. Returns how many were told. */
async function noticeSubmissionsDue(tx: Tx, after: AfterCommit, now: Date): Promise<number> {
  const duePeriods = await tx
    .update(benchmarkPeriod)
    .set({ dueNoticeAt: now })
    .where(
      and(
        eq(benchmarkPeriod.status, "open"),
        isNull(benchmarkPeriod.dueNoticeAt),
        gte(benchmarkPeriod.submissionDue, isoDay(now)),
        lte(benchmarkPeriod.submissionDue, isoDay(now, SUBMISSION_NOTICE_DAYS)),
        inArray(benchmarkPeriod.initiativeId, runningClubs(tx)),
      ),
    )
    .returning({ id: benchmarkPeriod.id, initiativeId: benchmarkPeriod.initiativeId, label: benchmarkPeriod.label });
  let told = 0;
  for (const period of duePeriods) {
    const [club] = await tx.select({ title: initiative.title }).from(initiative).where(eq(initiative.id, period.initiativeId));
    const kpiIds = await clubKpiIds(tx, period.initiativeId);
    const members = await memberFirmIds(tx, period.initiativeId);
    if (members.length === 0 || kpiIds.length === 0) continue;
    const submitted = await tx
      .select({ firmId: kpiSubmission.firmId, kpiId: kpiSubmission.kpiId })
      .from(kpiSubmission)
      .where(and(eq(kpiSubmission.periodId, period.id), inArray(kpiSubmission.kpiId, kpiIds)));
    const behind = members.filter((firmId) => submitted.filter((s) => s.firmId === firmId).length < kpiIds.length);
    const users = await usersOfFirms(tx, behind);
    await notify(
      tx,
      after,
      users.map((userId) => ({
        userId,
        type: "benchmark_submission_due",
        params: { club: club.title, period: period.label },
        href: clubPage(period.initiativeId),
      })),
    );
    told += users.length;
  }
  return told;
}

/** Meetings within 48 hours: members and brokers, save who declined, hear once per meeting. Returns how many were told. */
async function remindMeetings(tx: Tx, after: AfterCommit, now: Date): Promise<number> {
  const soon = await tx
    .update(clubMeeting)
    .set({ reminderNoticeAt: now })
    .where(
      and(
        eq(clubMeeting.status, "scheduled"),
        isNull(clubMeeting.reminderNoticeAt),
        gt(clubMeeting.startsAt, now),
        lte(clubMeeting.startsAt, new Date(now.getTime() + MEETING_REMINDER_HOURS * 3_600_000)),
        inArray(clubMeeting.initiativeId, runningClubs(tx)),
      ),
    )
    .returning({ id: clubMeeting.id, initiativeId: clubMeeting.initiativeId, title: clubMeeting.title, place: clubMeeting.place });
  let told = 0;
  for (const meeting of soon) {
    const [club] = await tx
      .select({ title: initiative.title, networkId: initiative.networkId })
      .from(initiative)
      .where(eq(initiative.id, meeting.initiativeId));
    const members = await memberFirmIds(tx, meeting.initiativeId);
    const brokers = (
      await tx.select({ userId: networkBroker.userId }).from(networkBroker).where(eq(networkBroker.networkId, club.networkId))
    ).map((b) => b.userId);
    const declined = new Set(
      (
        await tx
          .select({ userId: meetingAttendance.userId })
          .from(meetingAttendance)
          .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.response, "no")))
      ).map((a) => a.userId),
    );
    const audience = [...new Set([...(await usersOfFirms(tx, members)), ...brokers])].filter((userId) => !declined.has(userId));
    await notify(
      tx,
      after,
      audience.map((userId) => ({
        userId,
        type: "club_meeting_reminder",
        params: { club: club.title, title: meeting.title, place: meeting.place },
        href: clubPage(meeting.initiativeId),
      })),
    );
    told += audience.length;
  }
  return told;
}

/** Publication at the submission due date (ADR 013). Returns how many periods were published. */
async function publishDuePeriods(tx: Tx, after: AfterCommit, now: Date): Promise<number> {
  const duePublications = await tx
    .update(benchmarkPeriod)
    .set({ duePublishedAt: now })
    .where(
      and(
        isNull(benchmarkPeriod.duePublishedAt),
        lt(benchmarkPeriod.submissionDue, isoDay(now)),
        inArray(benchmarkPeriod.initiativeId, runningClubs(tx)),
      ),
    )
    .returning({ id: benchmarkPeriod.id, initiativeId: benchmarkPeriod.initiativeId });
  for (const period of duePublications) {
    const [club] = await tx.select({ networkId: initiative.networkId }).from(initiative).where(eq(initiative.id, period.initiativeId));
    const kpiIds = await clubKpiIds(tx, period.initiativeId);
    await publishPeriod(tx, after, { initiativeId: period.initiativeId, networkId: club.networkId }, period.id, kpiIds, null, now);
  }
  return duePublications.length;
}
