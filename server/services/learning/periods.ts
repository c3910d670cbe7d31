import { nextPeriod, periodFor, type Period, type PeriodKind } from "../../domain/benchmark";

/** The day before a "YYYY-MM-DD" date. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The period a broker opens when none is named: the one after the club's latest period, or for
 * a club without periods the last one that has ended (members report a period once it is over).
 */
export function defaultPeriod(kind: PeriodKind, labels: readonly string[], today: Date): Period {
  if (labels.length > 0) {
    const latest = [...labels].sort().at(-1)!;
    return nextPeriod(kind, latest);
  }
  const current = periodFor(kind, today);
  return periodFor(kind, dayBefore(current.startsOn));
}
