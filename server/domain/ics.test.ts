import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatIsoDate, formatUtcDateTime, ICS_PRODID, withoutControls } from "./ics";

const NOW = new Date("2026-03-01T08:30:00Z");

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** A small RFC 5545 reader for the tests: unfold, split name;params:value, unescape TEXT. */
function parse(text: string): Property[] {
  expect(text.endsWith("\r\n")).toBe(true);
  // Every line break is CRLF.
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const [name, ...params] = line.slice(0, colon).split(";");
      return {
        name: name,
        params: Object.fromEntries(params.map((p) => p.split("=") as [string, string])),
        value: line.slice(colon + 1),
      };
    });
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("foldLine", () => {
  it("leaves a short line alone and folds a long one at 75 octets", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `DESCRIPTION:${"x".repeat(200)}`;
    const physical = foldLine(long).split("\r\n");
    // 212 octets: 75, then 74 + the leading space, then the last 63 + the space.
    expect(physical.map(octets)).toEqual([75, 75, 64]);
    expect(physical.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(long);
  });

  it("never splits a multi-octet character", () => {
    // "ç" is 2 octets, "€" 3, "👟" 4 (a surrogate pair in JavaScript).
    const long = `SUMMARY:${"ç€👟".repeat(40)}`;
    const physical = foldLine(long).split("\r\n");
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split character would leave a lone surrogate or a replacement on decoding.
      expect(line).not.toMatch(/[\ud800-\udfff]/u);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    }
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(long);
  });

  it("folds any text into lines of at most 75 octets that unfold to the original (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${text}`;
        const folded = foldLine(line);
        for (const physical of folded.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }),
    );
  });
});

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newlines, and drops other controls", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("bell\u0007 tab\t")).toBe("bell tab\t");
  });

  it("unescapes to the original text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const clean = withoutControls(text.replace(/\r\n|\r/g, "\n"), "\t\n");
        expect(unescape(escapeText(text))).toBe(clean);
      }),
    );
  });
});

describe("dates", () => {
  it("formats UTC date-times and all-day dates, with month and year ends", () => {
    expect(formatUtcDateTime(new Date("2026-03-04T09:05:07Z"))).toBe("20260304T090507Z");
    expect(formatIsoDate("2026-03-04")).toBe("20260304");
    expect(formatIsoDate("2026-02-28", 1)).toBe("20260301");
    expect(formatIsoDate("2028-02-28", 1)).toBe("20280229");
    expect(formatIsoDate("2026-12-31", 1)).toBe("20270101");
    expect(() => formatIsoDate("2026-02-30")).toThrow(/no such date/);
    expect(() => formatIsoDate("4 March")).toThrow(RangeError);
  });
});

describe("buildCalendar", () => {
  const calendar = buildCalendar({
    name: "Jointly: Ana, Tannery",
    now: NOW,
    refreshIntervalMinutes: 60,
    events: [
      {
        uid: "fair-1@jointly",
        title: "Shoe fair, Düsseldorf",
        description: "Stand 40 m2; hall 5\nBring samples",
        location: "Messe Düsseldorf, Hall 5",
        url: "https://jointly.example/initiatives/1/stand",
        allDay: { startsOn: "2026-03-14", endsOn: "2026-03-17" },
      },
      {
        uid: "task-1@jointly",
        title: "Ship samples",
        allDay: { startsOn: "2026-02-28", endsOn: "2026-02-28" },
        transparent: true,
        alarmMinutesBefore: 0,
      },
      {
        uid: "meeting-1@jointly",
        title: "Plant visit",
        location: "Rua A, 1",
        timed: { startsAt: new Date("2026-04-02T12:00:00Z"), endsAt: new Date("2026-04-02T15:30:00Z") },
        alarmMinutesBefore: 1440,
      },
    ],
  });
  const props = parse(calendar);
  const events = (() => {
    const out: Property[][] = [];
    let current: Property[] | null = null;
    for (const p of props) {
      if (p.name === "BEGIN" && p.value === "VEVENT") current = [];
      else if (p.name === "END" && p.value === "VEVENT") {
        out.push(current!);
        current = null;
      } else if (current) current.push(p);
    }
    return out;
  })();
  /** An event's own property (not one of its alarm's). */
  const get = (event: Property[], name: string) => {
    const alarm = event.findIndex((p) => p.name === "BEGIN" && p.value === "VALARM");
    return (alarm === -1 ? event : event.slice(0, alarm)).find((p) => p.name === name);
  };

  it("has the calendar header and footer", () => {
    expect(props.slice(0, 7).map((p) => `${p.name}:${p.value}`)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:${ICS_PRODID}`,
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "NAME:Jointly: Ana\\, Tannery",
      "X-WR-CALNAME:Jointly: Ana\\, Tannery",
    ]);
    expect(get(props, "REFRESH-INTERVAL")).toEqual({ name: "REFRESH-INTERVAL", params: { VALUE: "DURATION" }, value: "PT60M" });
    expect(props.at(-1)).toEqual({ name: "END", params: {}, value: "VCALENDAR" });
    expect(events).toHaveLength(3);
  });

  it("round-trips an all-day event: exclusive end, escaped text, DTSTAMP", () => {
    const fair = events[0];
    expect(unescape(get(fair, "UID")!.value)).toBe("fair-1@jointly");
    expect(get(fair, "DTSTAMP")!.value).toBe("20260301T083000Z");
    expect(get(fair, "DTSTART")).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20260314" });
    // The fair's last day is the 17th: DTEND is the day after.
    expect(get(fair, "DTEND")).toEqual({ name: "DTEND", params: { VALUE: "DATE" }, value: "20260318" });
    expect(unescape(get(fair, "SUMMARY")!.value)).toBe("Shoe fair, Düsseldorf");
    expect(get(fair, "SUMMARY")!.value).toBe("Shoe fair\\, Düsseldorf");
    expect(unescape(get(fair, "DESCRIPTION")!.value)).toBe("Stand 40 m2; hall 5\nBring samples");
    expect(unescape(get(fair, "LOCATION")!.value)).toBe("Messe Düsseldorf, Hall 5");
    expect(get(fair, "URL")!.value).toBe("https://jointly.example/initiatives/1/stand");
    expect(get(fair, "TRANSP")).toBeUndefined();
  });

  it("a one-day deadline ends the next day, across a month end, with an alarm at the start", () => {
    const task = events[1];
    expect(get(task, "DTSTART")!.value).toBe("20260228");
    expect(get(task, "DTEND")!.value).toBe("20260301");
    expect(get(task, "TRANSP")!.value).toBe("TRANSPARENT");
    expect(task.find((p) => p.name === "TRIGGER")!.value).toBe("PT0M");
    expect(get(task, "DESCRIPTION")).toBeUndefined();
  });

  it("timed events are in UTC with an alarm", () => {
    const meeting = events[2];
    expect(get(meeting, "DTSTART")).toEqual({ name: "DTSTART", params: {}, value: "20260402T120000Z" });
    expect(get(meeting, "DTEND")!.value).toBe("20260402T153000Z");
    expect(meeting.map((p) => `${p.name}:${p.value}`)).toEqual(
      expect.arrayContaining(["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Plant visit", "TRIGGER:-PT1440M", "END:VALARM"]),
    );
  });

  it("folds long values and keeps every physical line within 75 octets", () => {
    const text = buildCalendar({
      name: "x",
      now: NOW,
      events: [{ uid: "u", title: "Agenda ".repeat(30) + "çãõ€", allDay: { startsOn: "2026-01-01", endsOn: "2026-01-01" } }],
    });
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unescape(parse(text).find((p) => p.name === "SUMMARY")!.value)).toBe("Agenda ".repeat(30) + "çãõ€");
  });

  it("an empty calendar is still a valid calendar", () => {
    const text = buildCalendar({ name: "Empty", now: NOW, events: [] });
    expect(text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        `PRODID:${ICS_PRODID}`,
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:Empty",
        "X-WR-CALNAME:Empty",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("keeps a URL from breaking the line structure", () => {
    const text = buildCalendar({
      name: "x",
      now: NOW,
      events: [{ uid: "u", title: "t", url: "https://a.example/\r\nX-EVIL:1", allDay: { startsOn: "2026-01-01", endsOn: "2026-01-01" } }],
    });
    expect(text).not.toContain("\r\nX-EVIL");
    expect(parse(text).find((p) => p.name === "URL")!.value).toBe("https://a.example/X-EVIL:1");
  });

  it("refuses events that are not well formed", () => {
    const base = { name: "x", now: NOW };
    const day = { startsOn: "2026-01-02", endsOn: "2026-01-02" };
    const hour = { startsAt: new Date("2026-01-01T10:00:00Z"), endsAt: new Date("2026-01-01T11:00:00Z") };
    expect(() => buildCalendar({ ...base, events: [{ uid: "u", title: "t" }] })).toThrow(/all-day or timed/);
    expect(() => buildCalendar({ ...base, events: [{ uid: "u", title: "t", allDay: day, timed: hour }] })).toThrow(/all-day or timed/);
    expect(() =>
      buildCalendar({ ...base, events: [{ uid: "u", title: "t", allDay: { startsOn: "2026-01-02", endsOn: "2026-01-01" } }] }),
    ).toThrow(/ends before/);
    expect(() =>
      buildCalendar({ ...base, events: [{ uid: "u", title: "t", timed: { startsAt: hour.endsAt, endsAt: hour.startsAt } }] }),
    ).toThrow(/end after/);
    expect(() => buildCalendar({ ...base, events: [{ uid: " ", title: "t", allDay: day }] })).toThrow(/uid/);
    expect(() => buildCalendar({ ...base, events: [{ uid: "u", title: "t", allDay: day, alarmMinutesBefore: -1 }] })).toThrow(/alarm/);
    expect(() => buildCalendar({ ...base, now: new Date(Number.NaN), events: [] })).toThrow(/invalid date/);
  });
});
