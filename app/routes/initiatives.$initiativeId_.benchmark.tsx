import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BenchmarkReport } from "../../server/services/learning/get-benchmark-report";
import { KpiReport } from "../components/benchmark-report";
import { FormattedDate } from "../components/formatted";
import { ClubNav } from "../components/learning";
import { ErrorMessage } from "../root";
import benchmarkStyles from "../styles/benchmark.css";
import styles from "../styles/learning.css";
import { loadReport } from "../utils/benchmark-report.server";
import { useLiveRoom } from "../utils/live";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: benchmarkStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.report.club.title} · ${loaded.report.period?.label ?? ""} · Jointly` : "Jointly" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return { report: await loadReport(request, context, params.initiativeId) };
}

export default function BenchmarkReportPage() {
  const { t } = useTranslation();
  const { report: raw } = useLoaderData<typeof loader>();
  const report = raw as unknown as BenchmarkReport;
  const { club, period, periods, viewer, kpis, permissions } = report;
  // Submissions elsewhere push `benchmark:updated` here once a KPI reaches 3 members.
  useLiveRoom(`initiative:${club.initiativeId}`);
  const periodQuery = period ? `?period=${period.id}` : "";

  return (
    <article className="stack learning-page report-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> · <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link>
          </p>
          <h1>{period ? t("learning.report.titleFor", { period: period.label }) : t("learning.report.title")}</h1>
        </div>
        <div className="actions no-print">
          {period ? (
            <Link to={`/initiatives/${club.initiativeId}/benchmark/print${periodQuery}`} className="button button-secondary">
              {t("learning.report.printable")}
            </Link>
          ) : null}
          {permissions.exportCsv && period ? (
            <a href={`/initiatives/${club.initiativeId}/benchmark.csv${periodQuery}`} className="button button-secondary" download>
              {t("learning.report.exportCsv")}
            </a>
          ) : null}
        </div>
      </header>
      <ClubNav initiativeId={club.initiativeId} current="report" />

      <p className="muted" data-testid="viewer-note">
        {viewer.access === "broker"
          ? t("learning.report.brokerNote")
          : viewer.access === "member"
            ? t("learning.report.memberNote", { firm: viewer.firmName ?? "", min: club.minSubmissions })
            : t("learning.report.aggregatesNote", { min: club.minSubmissions })}
      </p>

      {periods.length === 0 || !period ? (
        <section className="card">
          <p className="muted">{t("learning.report.noPeriods")}</p>
        </section>
      ) : (
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
            {t(`learning.periods.statuses.${period.status}`)} · <FormattedDate value={period.startsOn} /> – <FormattedDate value={period.endsOn} /> ·{" "}
            {t("learning.periods.due")} <FormattedDate value={period.submissionDue} />
            {permissions.submit ? (
              <>
                {" · "}
                <Link to={`/initiatives/${club.initiativeId}/club#submit-${period.id}`}>{t("learning.report.submitLink")}</Link>
              </>
            ) : null}
          </p>
          {kpis.map((kpi) => (
            <KpiReport key={kpi.id} kpi={kpi} access={viewer.access} />
          ))}
        </>
      )}

      <section className="card stack method" aria-labelledby="method-heading">
        <h2 id="method-heading">{t("learning.report.methodTitle")}</h2>
        <p>{t("benchmark.method")}</p>
        <p className="muted small">{t("learning.report.methodFoot", { min: club.minSubmissions })}</p>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
