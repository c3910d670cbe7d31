import { benchmarkPeriod, benchmarkPublication, kpiReference, kpiSubmission } from "../../schema/learning";
import { submissionDue } from "../../../server/domain/benchmark";
import { publicationStep } from "../../../server/domain/benchmark-publication";
import { disclosureRule } from "../../../server/domain/disclosure";
import { DAY, HOUR } from "./clock";
import { addIsoDays as addDays, at, type ClubStory } from "./club";
import { DEMO_OPEN_QUARTER_REPORTED, REFERENCES, demoKpiValue, demoMissed } from "./club-figures";
import { DEMO_CLUB, DEMO_LEARNING_SMES } from "./club-people";
import { demoId, firmId } from "./ids";

/** The club's twelve quarters: eleven closed and published, the last open. */

type PeriodRow = typeof benchmarkPeriod.$inferInsert;
type SubmissionRow = typeof kpiSubmission.$inferInsert;

/** The quarters and the members' submissions in each (the open one: two members so far). */
function quarterRows(story: ClubStory): { periods: PeriodRow[]; submissions: SubmissionRow[] } {
  const { quarters, today, todayIso, initiativeId, broker, record, kpiId } = story;
  const userOfFirm = story.userOfFirm;
  const clubMembers = DEMO_LEARNING_SMES.filter((s) => !s.outsideClub);
  const periods: Array<typeof benchmarkPeriod.$inferInsert> = [];
  const submissions: Array<typeof kpiSubmission.$inferInsert> = [];
  quarters.forEach((quarter, t) => {
    const last = t === quarters.length - 1;
    const periodId = demoId(`benchmark-period:${DEMO_CLUB.key}:${quarter.label}`);
    const openedAt = at(addDays(quarter.endsOn, 1), 8);
    // The open quarter is due a fortnight from the seed's clock, the others a month after they ended.
    const due = last ? addDays(todayIso, 14) : submissionDue(quarter.endsOn);
    periods.push({
      id: periodId,
      initiativeId,
      label: quarter.label,
      startsOn: quarter.startsOn,
      endsOn: quarter.endsOn,
      submissionDue: due,
      status: last ? "open" : "closed",
      openedAt,
      closedAt: last ? null : at(addDays(due, 3), 16),
      dueNoticeAt: last ? null : at(addDays(due, -7), 6),
      // Closed quarters were published automatically the day after their due date.
      duePublishedAt: last ? null : at(addDays(due, 1), 6),
    });
    record(`period:${quarter.label}:opened`, openedAt, broker, {
      action: "benchmark.period_opened",
      initiative: true,
      after: { period: quarter.label, submissionDue: due },
    });
    if (!last)
      record(`period:${quarter.label}:closed`, at(addDays(due, 3), 16), broker, {
        action: "benchmark.period_closed",
        initiative: true,
        after: { period: quarter.label },
      });
    clubMembers.forEach((s, i) => {
      if (last && !(DEMO_OPEN_QUARTER_REPORTED as readonly string[]).includes(s.key)) return;
      for (const key of DEMO_CLUB.kpis) {
        if (!last && demoMissed(s.key, key, t)) continue;
        const value = demoKpiValue(s.key, s.standing, key, t);
        const submittedAt = last
          ? new Date(today.getTime() - (3 - i) * DAY + 10 * HOUR)
          : at(addDays(quarter.endsOn, 8 + ((i * 3) % 17)), 10 + (i % 6));
        submissions.push({
          id: demoId(`kpi-submission:${DEMO_CLUB.key}:${quarter.label}:${s.key}:${key}`),
          periodId,
          kpiId: kpiId(key),
          firmId: firmId(s.key),
          value,
          submittedBy: userOfFirm(s.key),
          createdAt: submittedAt,
          updatedAt: submittedAt,
        });
      }
    });
  });
  return { periods, submissions };
}

/**
 * The closed quarters' publications: quartiles where five or more members reported, computed
 * by the same rules as the service (the closing found no new firms, so it kept them).
 */
function publicationRows(story: ClubStory, periods: PeriodRow[], submissions: SubmissionRow[]) {
  const { kpiId } = story;
  const rule = disclosureRule(5);
  const publications: Array<typeof benchmarkPublication.$inferInsert> = [];
  for (const period of periods) {
    if (period.status !== "closed") continue;
    for (const key of DEMO_CLUB.kpis) {
      const cell = submissions.filter((x) => x.periodId === period.id && x.kpiId === kpiId(key));
      const step = publicationStep(
        null,
        cell.map((x) => ({ firmId: x.firmId, value: x.value })),
        rule,
      );
      const { n, quartiles, tails } = step.figures!;
      publications.push({
        id: demoId(`benchmark-publication:${DEMO_CLUB.key}:${period.label}:${key}`),
        periodId: period.id!,
        kpiId: kpiId(key),
        n,
        p25: quartiles?.p25 ?? null,
        median: quartiles?.median ?? null,
        p75: quartiles?.p75 ?? null,
        p10: tails?.p10 ?? null,
        p90: tails?.p90 ?? null,
        contributorFirmIds: step.contributorFirmIds,
        publishedAt: period.duePublishedAt!,
        publishedBy: null,
      });
    }
  }
  return publications;
}

/** References at the end of each year of the club: the fourth, eighth and eleventh quarter. */
function referenceRows(story: ClubStory) {
  const { quarters, kpiId, brokerId } = story;
  const references: Array<typeof kpiReference.$inferInsert> = [];
  [3, 7, 10].forEach((t, n) => {
    const quarter = quarters[t];
    const year = Number(quarter.label.slice(0, 4));
    for (const [key, reference] of Object.entries(REFERENCES)) {
      const source = `${reference.source} (${year - 1})`;
      references.push({
        id: demoId(`kpi-reference:${DEMO_CLUB.key}:${quarter.label}:${key}`),
        periodId: demoId(`benchmark-period:${DEMO_CLUB.key}:${quarter.label}`),
        kpiId: kpiId(key),
        value: reference.values[n],
        source,
        createdBy: brokerId,
        createdAt: at(addDays(quarter.endsOn, 2), 9),
      });
    }
  });
  return references;
}

export async function seedQuarters(story: ClubStory): Promise<void> {
  const { periods, submissions } = quarterRows(story);
  await story.tx.insert(benchmarkPeriod).values(periods).onConflictDoNothing();
  await story.tx.insert(kpiSubmission).values(submissions).onConflictDoNothing();
  await story.tx
    .insert(benchmarkPublication)
    .values(publicationRows(story, periods, submissions))
    .onConflictDoNothing();
  await story.tx.insert(kpiReference).values(referenceRows(story)).onConflictDoNothing();
}
