import { and, asc, eq, inArray } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { firm } from "../../../db/schema/firms";
import { initiativeParticipant } from "../../../db/schema/initiatives";
import { clubMeeting, kpiSubmission, meetingAction, meetingAttendance } from "../../../db/schema/learning";
import { network } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { PERCENTILE_METHOD } from "../../domain/benchmark";
import { isJoinable } from "../../domain/initiative";
import { parseInput } from "../../errors";
import { clubIdSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { deadlineDate } from "../initiatives/deadline";
import { clubIsRunning, clubKpis, clubPeriods, firmNames, memberFirmOf, visibleClub } from "./club-access";
import { networkRule } from "./publication";
import { defaultPeriod } from "./periods";

/**
 * The club page: its KPIs, its periods (with the due date and, for a member, its own values
 * and whether it reported everything; for the brokers, how many members reported), its members
 * and meetings, and what the viewer may do. Never another member's value: the figures of the
 * club are in getBenchmarkReport, which applies the 3-member threshold.
 */
export async function getBenchmarkClub(deps: Deps, actor: Actor, rawInput: unknown) {
  const { initiativeId } = parseInput(clubIdSchema, rawInput);
  const facts = await visibleClub(deps.db, actor, initiativeId);
  const { row, club } = facts;
  const db = deps.db;
  const [net] = await db.select({ name: network.name }).from(network).where(eq(network.id, row.networkId));
  const kpis = await clubKpis(db, initiativeId);
  const periods = await clubPeriods(db, initiativeId);
  const members = await db
    .select({ firmId: firm.id, name: firm.name })
    .from(initiativeParticipant)
    .innerJoin(firm, eq(firm.id, initiativeParticipant.firmId))
    .where(eq(initiativeParticipant.initiativeId, initiativeId))
    .orderBy(asc(firm.name));

  const ownFirmId = memberFirmOf(actor, facts);
  const manage = can(actor, "club", "manage", facts);
  const readRaw = can(actor, "club", "readRaw", facts);
  const readReport = can(actor, "club", "readReport", facts);
  const running = clubIsRunning(row.status);

  const isMember = ownFirmId !== null;
  const next = running
    ? defaultPeriod(
        club.periodKind,
        periods.map((p) => p.label),
        deps.now(),
      )
    : null;

  return {
    club: {
      initiativeId,
      networkId: row.networkId,
      networkName: net.name,
      title: row.title,
      description: row.description,
      status: row.status,
      /** The date to join by. */
      deadline: row.deadline.toISOString(),
      deadlineDate: deadlineDate(row.deadline),
      periodKind: club.periodKind,
      /** Other members see statistics only from this many firms (the network's rule, ADR 013). */
      minContributors: (await networkRule(deps.db, row.networkId)).minContributors,
      percentileMethod: PERCENTILE_METHOD.name,
    },
    kpis: kpis.map(({ networkId, ...k }) => ({ ...k, shipped: networkId === null })),
    periods: await periodViews(db, { periods, kpis, ownFirmId, readRaw, members: members.length }),
    nextPeriod: manage && next ? { label: next.label, startsOn: next.startsOn, endsOn: next.endsOn } : null,
    members,
    meetings: await clubMeetings(db, actor, initiativeId, readReport),
    viewer: { firmId: actor.firm?.id ?? null, isMember },
    permissions: {
      manage: manage && running,
      submit: isMember && running,
      readReport,
      readRaw,
      attend: can(actor, "club", "attend", facts) && running,
      join: can(actor, "initiative", "join", facts) && !isMember && isJoinable(row.status),
      exportCsv: readRaw,
      calendar: can(actor, "club", "attend", facts),
    },
  };
}
export type BenchmarkClubView = Awaited<ReturnType<typeof getBenchmarkClub>>;

/** The club's meetings; minutes, attendance and actions only for those who read the report. */
async function clubMeetings(db: Deps["db"], actor: Actor, initiativeId: string, readReport: boolean) {
  const meetings = await db.select().from(clubMeeting).where(eq(clubMeeting.initiativeId, initiativeId)).orderBy(asc(clubMeeting.startsAt));
  const meetingIds = meetings.map((m) => m.id);
  const attendance =
    readReport && meetingIds.length > 0
      ? await db
          .select({
            meetingId: meetingAttendance.meetingId,
            userId: meetingAttendance.userId,
            name: user.name,
            firmId: meetingAttendance.firmId,
            response: meetingAttendance.response,
          })
          .from(meetingAttendance)
          .innerJoin(user, eq(user.id, meetingAttendance.userId))
          .where(inArray(meetingAttendance.meetingId, meetingIds))
          .orderBy(asc(user.name))
      : [];
  const actions =
    readReport && meetingIds.length > 0
      ? await db
          .select()
          .from(meetingAction)
          .where(inArray(meetingAction.meetingId, meetingIds))
          .orderBy(asc(meetingAction.createdAt), asc(meetingAction.id))
      : [];
  const names = await firmNames(db, [
    ...meetings.flatMap((m) => (m.hostFirmId ? [m.hostFirmId] : [])),
    ...attendance.flatMap((a) => (a.firmId ? [a.firmId] : [])),
    ...actions.flatMap((a) => (a.ownerFirmId ? [a.ownerFirmId] : [])),
  ]);
  const nameOf = (firmId: string | null) => (firmId ? (names.get(firmId) ?? null) : null);

  return meetings.map((m) => {
    const answers = attendance.filter((a) => a.meetingId === m.id);
    return {
      id: m.id,
      title: m.title,
      hostFirmId: m.hostFirmId,
      hostName: nameOf(m.hostFirmId),
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.place,
      agenda: m.agenda,
      status: m.status,
      /** Minutes, attendance and actions: the club's members, its brokers and administrators. */
      minutes: readReport ? m.minutes : null,
      attendance: readReport ? answers.map((a) => ({ name: a.name, firmName: nameOf(a.firmId), response: a.response })) : null,
      myResponse: answers.find((a) => a.userId === actor.userId)?.response ?? null,
      actions: readReport
        ? actions
            .filter((a) => a.meetingId === m.id)
            .map((a) => ({
              id: a.id,
              description: a.description,
              ownerFirmId: a.ownerFirmId,
              ownerName: nameOf(a.ownerFirmId),
              dueOn: a.dueOn,
              status: a.status,
            }))
        : null,
    };
  });
}

/**
 * The club's periods, latest first: a member's own values and whether it reported everything;
 * for the brokers, how many members reported (they read the raw values anyway).
 */
async function periodViews(
  db: Deps["db"],
  {
    periods,
    kpis,
    ownFirmId,
    readRaw,
    members,
  }: {
    periods: Awaited<ReturnType<typeof clubPeriods>>;
    kpis: Awaited<ReturnType<typeof clubKpis>>;
    ownFirmId: string | null;
    readRaw: boolean;
    members: number;
  },
) {
  const periodIds = periods.map((p) => p.id);
  const kpiIds = new Set(kpis.map((k) => k.id));
  const isMember = ownFirmId !== null;
  // The member's own values only.
  const own =
    ownFirmId && periodIds.length > 0
      ? await db
          .select({ periodId: kpiSubmission.periodId, kpiId: kpiSubmission.kpiId, value: kpiSubmission.value })
          .from(kpiSubmission)
          .where(and(inArray(kpiSubmission.periodId, periodIds), eq(kpiSubmission.firmId, ownFirmId)))
      : [];
  // The brokers see how far each period got: they read the raw values anyway.
  const all =
    readRaw && periodIds.length > 0
      ? await db
          .select({ periodId: kpiSubmission.periodId, kpiId: kpiSubmission.kpiId, firmId: kpiSubmission.firmId })
          .from(kpiSubmission)
          .where(inArray(kpiSubmission.periodId, periodIds))
      : [];

  return [...periods].reverse().map((p) => {
    const mine = own.filter((s) => s.periodId === p.id && kpiIds.has(s.kpiId));
    const rows = all.filter((s) => s.periodId === p.id && kpiIds.has(s.kpiId));
    const byFirm = new Map<string, number>();
    for (const s of rows) byFirm.set(s.firmId, (byFirm.get(s.firmId) ?? 0) + 1);
    return {
      id: p.id,
      label: p.label,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      submissionDue: p.submissionDue,
      status: p.status,
      openedAt: p.openedAt.toISOString(),
      closedAt: p.closedAt?.toISOString() ?? null,
      mine: isMember
        ? {
            values: Object.fromEntries(mine.map((s) => [s.kpiId, s.value])),
            submitted: mine.length,
            complete: mine.length === kpis.length,
          }
        : null,
      progress: readRaw
        ? { firmsReported: byFirm.size, firmsComplete: [...byFirm.values()].filter((n) => n === kpis.length).length, members }
        : null,
    };
  });
}
