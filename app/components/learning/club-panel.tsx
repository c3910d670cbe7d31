import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { FormattedDate } from "../formatted";
import { MeetingWhen } from "./common";

/**
 * The benchmarking club on its initiative's page (tool "benchmark_club"): how often it reports,
 * how many KPIs, the open period and the next meeting, with links to the club's own pages.
 * Nothing about anyone's values.
 */
export function ClubPanel({ initiativeId, club, status }: { initiativeId: string; club: InitiativeView["club"]; status: string }) {
  const { t } = useTranslation();
  if (!club) return null;
  const base = `/initiatives/${initiativeId}`;
  return (
    <section className="card stack club-panel" aria-labelledby="club-panel-heading" data-testid="club-panel">
      <h2 id="club-panel-heading">{t("learning.panel.title")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("learning.panel.periodKind")}</dt>
          <dd>{t(`learning.periodKinds.${club.periodKind}`)}</dd>
        </div>
        <div>
          <dt>{t("learning.panel.kpis")}</dt>
          <dd>{club.kpiCount}</dd>
        </div>
        <div>
          <dt>{t("learning.panel.openPeriod")}</dt>
          <dd>
            {club.openPeriod ? (
              <>
                {club.openPeriod.label} · {t("learning.periods.due")} <FormattedDate value={club.openPeriod.submissionDue} />
              </>
            ) : (
              t("learning.panel.noOpenPeriod")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("learning.panel.nextMeeting")}</dt>
          <dd>
            {club.nextMeeting ? (
              <>
                <Link to={`${base}/meetings/${club.nextMeeting.id}`}>{club.nextMeeting.title}</Link>
                <br />
                <span className="small">
                  <MeetingWhen startsAt={club.nextMeeting.startsAt} endsAt={club.nextMeeting.startsAt} /> · {club.nextMeeting.place}
                </span>
              </>
            ) : (
              t("learning.panel.noMeeting")
            )}
          </dd>
        </div>
      </dl>
      {status === "draft" ? <p className="muted small">{t("learning.clubNew.draftHint")}</p> : null}
      <div className="actions">
        <Link to={`${base}/club`} className="button">
          {t("learning.panel.club")}
        </Link>
        <Link to={`${base}/benchmark`} className="button button-secondary">
          {t("learning.panel.report")}
        </Link>
        <Link to={`${base}/meetings`} className="button button-secondary">
          {t("learning.panel.meetings")}
        </Link>
      </div>
    </section>
  );
}

const CLUB_ACTIVITY = new Set([
  "kpi.created",
  "benchmark.period_opened",
  "benchmark.period_closed",
  "benchmark.period_published",
  "benchmark.reference_set",
  "club.meeting_scheduled",
  "club.meeting_updated",
  "club.meeting_held",
  "club.meeting_cancelled",
  "club.action_added",
  "club.action_updated",
  "club.action_done",
  "club.action_open",
]);

/** A club's (or a KPI's) activity-log entry in words ("opened the period 2026-Q3"), or null for other actions. */
export function clubActivityText(entry: { action: string; after: unknown }, t: TFunction): string | null {
  if (!CLUB_ACTIVITY.has(entry.action)) return null;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
  return t(`learning.activity.${entry.action.replace(/\./g, "_")}`, {
    period: text(after.period),
    title: text(after.title ?? after.meeting ?? after.name),
    source: text(after.source),
    description: text(after.description),
  });
}
