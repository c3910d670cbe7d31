/** Dates of the demo relative to the seed's clock, in UTC. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function startOfDayUtc(date: Date): Date {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** `days` after (before, if negative) the start of `day`, at `hours` past midnight UTC. */
export const dayAt = (day: Date, days: number, hours: number) => new Date(day.getTime() + days * DAY + hours * HOUR);

/** A deadline given as a date is the end of that day in UTC (as the initiative form reads it). */
export const endOfDay = (day: Date, days: number) => new Date(day.getTime() + (days + 1) * DAY - 1000);

/** The calendar date `days` after `day`. */
export const isoDay = (day: Date, days: number) => new Date(day.getTime() + days * DAY).toISOString().slice(0, 10);
