/**
 * iCalendar text (RFC 5545) for the fairs, stand tasks and club meetings a user may see: the
 * downloadable exports and the per-user subscription feed. Pure: the caller decides what goes
 * in, this module only writes it correctly.
 *
 * - Lines end with CRLF and are folded at 75 octets: continuation lines start with one space,
 *   and a fold never splits a UTF-8 multi-octet character (RFC 5545 3.1).
 * - TEXT values escape backslash, semicolon, comma and newlines (3.3.11); other control
 *   characters, which TEXT may not hold, are dropped.
 * - All-day events are DATE values with an exclusive DTEND (the day after the last day, 3.6.1);
 *   timed events are UTC date-times ("Z"), so no VTIMEZONE is needed and every calendar app
 *   shows them in its own zone.
 */

export interface CalendarEvent {
  /** Globally unique and stable across exports, e.g. "stand-task-<id>@jointly". */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  /** First and last day, inclusive, YYYY-MM-DD. */
  allDay?: { startsOn: string; endsOn: string };
  timed?: { startsAt: Date; endsAt: Date };
  /** A display reminder this many minutes before the start. */
  alarmMinutesBefore?: number;
  /** Shown as free time (deadlines), not busy (meetings, fair days). */
  transparent?: boolean;
}

export interface CalendarInput {
  name: string;
  events: ReadonlyArray<CalendarEvent>;
  /** DTSTAMP of every event: when this text was made. */
  now: Date;
  /** How often subscribers should fetch the feed again (REFRESH-INTERVAL, RFC 7986). */
  refreshIntervalMinutes?: number;
}

export const ICS_PRODID = "-//Jointly//Jointly calendar//EN";

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** `text` without C0 control characters and DEL, but for those in `kept`. */
export function withoutControls(text: string, kept = ""): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !kept.includes(ch)) continue;
    out += ch;
  }
  return out;
}

/** Escapes a TEXT value. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
  // Control characters TEXT may not contain (RFC 5545 3.3.11: any except HTAB); newlines are escaped above.
  return withoutControls(escaped, "\t");
}

/** A URI value: not escaped (3.3.13), but nothing that could break the line structure. */
function uriValue(value: string): string {
  return withoutControls(value);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets each (the leading space of a
 * continuation line included), breaking only between characters.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 2026-03-04T09:05:00Z -> "20260304T090500Z". */
export function formatUtcDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-04" -> a UTC midnight Date; throws on a date that does not exist. */
function parseIsoDate(value: string): Date {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${value}`);
  }
  return date;
}

function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** "2026-03-04" -> "20260304"; with `plusDays`, that many days later (month/year aware). */
export function formatIsoDate(value: string, plusDays = 0): string {
  const date = parseIsoDate(value);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return formatDate(date);
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  if (!event.uid.trim()) throw new RangeError("an event needs a uid");
  if ((event.allDay === undefined) === (event.timed === undefined)) {
    throw new RangeError(`event ${event.uid} must be either all-day or timed`);
  }
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
  if (event.allDay) {
    const { startsOn, endsOn } = event.allDay;
    if (parseIsoDate(endsOn) < parseIsoDate(startsOn)) throw new RangeError(`event ${event.uid} ends before it starts`);
    lines.push(`DTSTART;VALUE=DATE:${formatIsoDate(startsOn)}`, `DTEND;VALUE=DATE:${formatIsoDate(endsOn, 1)}`);
  } else {
    const { startsAt, endsAt } = event.timed!;
    if (!(endsAt.getTime() > startsAt.getTime())) throw new RangeError(`event ${event.uid} must end after it starts`);
    lines.push(`DTSTART:${formatUtcDateTime(startsAt)}`, `DTEND:${formatUtcDateTime(endsAt)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.transparent) lines.push("TRANSP:TRANSPARENT");
  if (event.alarmMinutesBefore !== undefined) {
    const minutes = event.alarmMinutesBefore;
    if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`alarm of ${event.uid} must be whole minutes >= 0`);
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(event.title)}`,
      minutes === 0 ? "TRIGGER:PT0M" : `TRIGGER:-PT${minutes}M`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The whole calendar as RFC 5545 text, CRLF line endings, folded. */
export function buildCalendar(input: CalendarInput): string {
  const stamp = formatUtcDateTime(input.now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${ICS_PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(input.name)}`,
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  if (input.refreshIntervalMinutes !== undefined) {
    const minutes = input.refreshIntervalMinutes;
    if (!Number.isSafeInteger(minutes) || minutes <= 0) throw new RangeError("refresh interval must be whole minutes > 0");
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${minutes}M`, `X-PUBLISHED-TTL:PT${minutes}M`);
  }
  for (const event of input.events) lines.push(...eventLines(event, stamp));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
