import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BenchmarkReport } from "../../../server/services/learning/get-benchmark-report";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";
import { useKpiTexts } from "./common";

/** A report as its pages receive it from the loader. */
type ReportView = SerializeFrom<BenchmarkReport>;

/** What publishing answered: the KPIs published for the first time, refreshed and kept. */
export interface Published {
  published: { first: string[]; refreshed: string[]; kept: string[] };
}

function PublishResult({ report, published }: { report: ReportView; published: Published["published"] }) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const { club, kpis, period } = report;
  const names = (ids: string[]) =>
    ids
      .map((id) => kpis.find((k) => k.id === id))
      .filter((k) => k !== undefined)
      .map((k) => textsOf(k).name)
      .join(", ");
  const refreshed = [...published.first, ...published.refreshed];
  return (
    <div role="status" data-testid="publish-result">
      <p>{t("learning.report.publishedNow", { period: period?.label ?? "" })}</p>
      {refreshed.length > 0 ? <p className="small">{t("learning.report.refreshedList", { kpis: names(refreshed) })}</p> : null}
      {published.kept.length > 0 ? (
        <p className="small">{t("learning.report.keptList", { kpis: names(published.kept), republish: club.republishMinNew })}</p>
      ) : null}
    </div>
  );
}

/** The broker publishes the period shown, and sees which KPIs were refreshed and which kept. */
export function PublishSection({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const answer = useActionData<Partial<Published> & { error?: string | null }>();
  const busy = useNavigation().state !== "idle";
  const { club, period } = report;
  if (!period) return null;
  return (
    <section className="card stack no-print" aria-labelledby="publish-heading" data-testid="publish">
      <h2 id="publish-heading">{t("learning.report.publishTitle")}</h2>
      <p className="small">
        {period.publishedAt ? (
          <>
            {t("learning.report.lastPublished")} <FormattedDate value={String(period.publishedAt)} />
          </>
        ) : (
          t("learning.report.neverPublished")
        )}
      </p>
      <p className="muted small">{t("learning.report.publishHint", { republish: club.republishMinNew })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="periodId" value={period.id} />
        <button type="submit" className="button" disabled={busy}>
          {t("learning.report.publish", { period: period.label })}
        </button>
      </Form>
      {answer?.published ? <PublishResult report={report} published={answer.published} /> : <FormError messages={[answer?.error]} />}
    </section>
  );
}

/** Which period the report shows, and its dates and status. */
export function PeriodPicker({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const { club, period, periods, permissions } = report;
  if (!period) return null;
  return (
    <>
      <Form method="get" className="card period-picker no-print">
        <div className="field">
          <label htmlFor="report-period">{t("learning.report.period")}</label>
          <select id="report-period" name="period" defaultValue={period.id} key={period.id}>
            {[...periods].reverse().map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} · {t(`learning.periods.statuses.${p.status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("learning.report.show")}
        </button>
      </Form>
      <p className="small" data-testid="period-facts">
        {t(`learning.periods.statuses.${period.status}`)} · <FormattedDate value={period.startsOn} /> –{" "}
        <FormattedDate value={period.endsOn} /> · {t("learning.periods.due")} <FormattedDate value={period.submissionDue} />
        {permissions.submit ? (
          <>
            {" · "}
            <Link to={`/initiatives/${club.initiativeId}/club#submit-${period.id}`}>{t("learning.report.submitLink")}</Link>
          </>
        ) : null}
      </p>
    </>
  );
}

/** How the figures are computed and when a statistic is shown. */
export function ReportMethod({ report, printable = false }: { report: ReportView; printable?: boolean }) {
  const { t } = useTranslation();
  const { club } = report;
  const id = printable ? "print-method" : "method-heading";
  return (
    <section className={printable ? "method" : "card stack method"} aria-labelledby={id}>
      <h2 id={id}>{t("learning.report.methodTitle")}</h2>
      <p className={printable ? "small" : undefined} data-testid={printable ? undefined : "disclosure-rule"}>
        {t("learning.report.rule", { min: club.minContributors, tails: club.tailsFrom, republish: club.republishMinNew })}
      </p>
      <p className={printable ? "small" : undefined}>{t("benchmark.method")}</p>
      <p className="muted small">{t("learning.report.methodFoot", { min: club.minContributors })}</p>
    </section>
  );
}
