import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { BenchmarkClubView } from "../../../server/services/learning/get-benchmark-club";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";
import { useBrowserValue } from "../../lib/browser-value";

/**
 * Shared pieces of the learning-network pages (KPI catalogue, club, report, meetings): the texts
 * of a KPI in the reader's language and KPI values formatted for the reader's locale.
 */

/** A club as its pages receive it from the loader. */
export type ClubView = SerializeFrom<BenchmarkClubView>;
type Meeting = ClubView["meetings"][number];

/** Meetings still to come (scheduled and not over at `now`), and the others, latest first. */
export function splitMeetings(meetings: Meeting[], now: string): { upcoming: Meeting[]; past: Meeting[] } {
  const coming = (m: Meeting) => m.status === "scheduled" && m.endsAt >= now;
  return { upcoming: meetings.filter(coming), past: meetings.filter((m) => !coming(m)).reverse() };
}

/** The time zones a meeting's local times may be given in (the server's list, so the page hydrates). */
export function meetingTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export interface KpiLike {
  key: string | null;
  name: string;
  description: string;
  unit: string;
  computation: string;
}

export interface KpiTexts {
  name: string;
  description: string;
  computation: string;
  unit: string;
}

/**
 * A shipped KPI (with a key) is shown in the reader's language (`kpi.<key>.*`); a network's own
 * KPI in the words its broker wrote.
 */
function kpiTexts(t: TFunction, exists: (key: string) => boolean, kpi: KpiLike): KpiTexts {
  if (kpi.key && exists(`kpi.${kpi.key}.name`)) {
    const text = (part: keyof KpiTexts, fallback: string) => (exists(`kpi.${kpi.key}.${part}`) ? t(`kpi.${kpi.key}.${part}`) : fallback);
    return {
      name: text("name", kpi.name),
      description: text("description", kpi.description),
      computation: text("computation", kpi.computation),
      unit: text("unit", kpi.unit),
    };
  }
  return { name: kpi.name, description: kpi.description, computation: kpi.computation, unit: kpi.unit };
}

/** The hook form of kpiTexts. */
export function useKpiTexts() {
  const { t, i18n } = useTranslation();
  return (kpi: KpiLike) => kpiTexts(t, (key) => i18n.exists(key), kpi);
}

/** A KPI value with at most `decimals` decimals, in the reader's locale ("1.234,5"). */
export function formatKpiValue(locale: string, value: number, decimals = 2): string {
  return formatNumber(locale, value, { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** A value with its unit, as the charts write it: "92%" (a percent the locale's way), "4.5 days". */
export function formatWithUnit(locale: string, value: number, unit: string, decimals = 2): string {
  if (unit.trim() === "%") return formatNumber(locale, value / 100, { style: "percent", maximumFractionDigits: decimals });
  return `${formatKpiValue(locale, value, decimals)} ${unit}`;
}

/** The valid range of a KPI, "0–100 %". */
export function formatRange(locale: string, min: number, max: number, unit: string): string {
  return `${formatKpiValue(locale, min, 6)}–${formatKpiValue(locale, max, 6)} ${unit}`;
}

/** Club navigation shared by the club, report and meetings pages. */
export function ClubNav({
  initiativeId,
  current,
  showReport = true,
}: {
  initiativeId: string;
  current: "initiative" | "club" | "report" | "meetings";
  showReport?: boolean;
}) {
  const { t } = useTranslation();
  const items: Array<{ key: typeof current; href: string; label: string }> = [
    { key: "initiative", href: `/initiatives/${initiativeId}`, label: t("learning.nav.initiative") },
    { key: "club", href: `/initiatives/${initiativeId}/club`, label: t("learning.nav.club") },
    ...(showReport ? [{ key: "report" as const, href: `/initiatives/${initiativeId}/benchmark`, label: t("learning.nav.report") }] : []),
    { key: "meetings", href: `/initiatives/${initiativeId}/meetings`, label: t("learning.nav.meetings") },
  ];
  return (
    <nav className="club-nav no-print" aria-label={t("learning.nav.label")}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.href} aria-current={item.key === current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Read once: every meeting on a page asks, and the zone does not change while the page runs.
let viewerZone: string | undefined;
const browserTimeZone = () => (viewerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");

/** The browser's time zone once the page runs, "UTC" on the server (so the first render hydrates). */
function useViewerTimeZone(): string {
  return useBrowserValue(browserTimeZone, "UTC");
}

/**
 * When a meeting takes place, with the time zone named: in UTC on the server and without
 * JavaScript, in the reader's own time zone once the page runs.
 */
export function MeetingWhen({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const { i18n } = useTranslation();
  const zone = useViewerTimeZone();
  const format = new Intl.DateTimeFormat(i18n.language, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  });
  return <time dateTime={startsAt}>{format.formatRange(new Date(startsAt), new Date(endsAt))}</time>;
}

/** The value of a datetime-local field for an instant, in a time zone ("2027-03-04T09:00"). */
export function localInputValue(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** Meetings as a list of links with when, where and who hosts. */
export function MeetingList({ initiativeId, meetings }: { initiativeId: string; meetings: Meeting[] }) {
  const { t } = useTranslation();
  return (
    <ul className="meeting-list" data-testid="meeting-list">
      {meetings.map((m) => (
        <li key={m.id} className="meeting-row">
          <div>
            <Link to={`/initiatives/${initiativeId}/meetings/${m.id}`} className="meeting-title">
              {m.title}
            </Link>
            <p className="muted small">
              <MeetingWhen startsAt={m.startsAt} endsAt={m.endsAt} /> · {m.place}
              {m.hostName ? ` · ${t("learning.meetings.hostedBy", { firm: m.hostName })}` : ""}
            </p>
          </div>
          <span className={`tag meeting-${m.status}`}>{t(`learning.meetings.status.${m.status}`)}</span>
        </li>
      ))}
    </ul>
  );
}
