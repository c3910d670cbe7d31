import { z } from "zod";

/**
 * Dates typed by people and API clients. zod's ISO formats accept any four-digit year, so
 * "0000-01-01" would pass and PostgreSQL would refuse it with a 500; these accept only days
 * that exist in years 1900 to 9999 and answer anything else with a 400 whose form message is
 * `validation.date_out_of_range`. Use them for every date field in server/schemas/.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** True when "YYYY-MM-DD…" starts with a day that exists in a year MIN_YEAR..MAX_YEAR. */
function isPlausibleDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const outOfRange = { message: `Must be a date between the years ${MIN_YEAR} and ${MAX_YEAR}`, params: { key: "date_out_of_range" } };

/** A calendar day, YYYY-MM-DD, that exists, in a year 1900–9999. */
export const calendarDateSchema = z.iso.date({ error: "Must be a date (YYYY-MM-DD)", abort: true }).refine(isPlausibleDay, outOfRange);

/** A date and time (ISO 8601, local or with an offset) on a day that exists, in a year 1900–9999. */
export const dateTimeSchema = z.iso
  .datetime({ local: true, offset: true, error: "Must be a date and time", abort: true })
  .refine(isPlausibleDay, outOfRange);
