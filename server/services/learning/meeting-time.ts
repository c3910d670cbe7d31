/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const wall = new Date(0);
  wall.setUTCFullYear(get("year"), get("month") - 1, get("day"));
  wall.setUTCHours(get("hour"), get("minute"), get("second"), 0);
  return wall.getTime() - Math.floor(instant.getTime() / 1000) * 1000;
}

const HAS_OFFSET = /(z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * The instant of an ISO date-time: as written when it carries an offset ("…Z", "…+02:00"),
 * else a wall-clock time in `timeZone` (what a datetime-local form field sends). A wall time
 * skipped by a daylight-saving change moves forward with the clock.
 */
export function instantOf(value: string, timeZone: string): Date {
  if (HAS_OFFSET.test(value)) return new Date(value);
  const asUtc = new Date(`${value}Z`);
  const first = offsetMs(asUtc, timeZone);
  const guess = new Date(asUtc.getTime() - first);
  const second = offsetMs(guess, timeZone);
  return second === first ? guess : new Date(asUtc.getTime() - second);
}
