import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { FormattedDate } from "../components/formatted";
import { KpiReport } from "../components/learning/benchmark-report";
import { ReportMethod } from "../components/learning/report-sections";
import { loadReport } from "../components/learning/report.server";
import { useHydrated } from "../lib/browser-value";
import { idParam, signedIn } from "../lib/route.server";
import benchmarkStyles from "../styles/benchmark.css";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: benchmarkStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.club.title} · ${data.report.period?.label ?? ""}` : "Jointly" },
];

/**
 * The printable report of one member and period: the same figures as the report page (the same
 * service and its confidentiality rules), laid out for paper, with every chart's figures open.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, now } = await signedIn(args);
  return {
    report: await loadReport(args.request, args.context, actor, idParam(args.params, "initiativeId")),
    printedAt: now.toISOString(),
  };
}

export default function PrintableReport() {
  const { t } = useTranslation();
  const { report, printedAt } = useLoaderData<typeof loader>();
  const { club, period, viewer, kpis } = report;
  // The print button needs JavaScript; without it the browser's own print command does the same.
  const canPrint = useHydrated();
  const back = `/initiatives/${club.initiativeId}/benchmark${period ? `?period=${period.id}` : ""}`;

  return (
    <article className="stack learning-page print-report" data-testid="print-report">
      <div className="actions no-print print-tools">
        <Link to={back}>{t("learning.print.back")}</Link>
        {canPrint ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t("learning.print.print")}
          </button>
        ) : null}
        <span className="muted small">{t("learning.print.hint")}</span>
      </div>
      <header className="print-head">
        <p className="muted small">
          {club.networkName} · {club.title}
        </p>
        <h1>{period ? t("learning.report.titleFor", { period: period.label }) : t("learning.report.title")}</h1>
        <dl className="facts">
          {viewer.firmName ? (
            <div>
              <dt>{t("learning.print.firm")}</dt>
              <dd>{viewer.firmName}</dd>
            </div>
          ) : null}
          {period ? (
            <div>
              <dt>{t("learning.report.period")}</dt>
              <dd>
                {period.label} (<FormattedDate value={period.startsOn} /> – <FormattedDate value={period.endsOn} />) ·{" "}
                {t(`learning.periods.statuses.${period.status}`)}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("learning.print.printedAt")}</dt>
            <dd>
              <FormattedDate value={printedAt} />
            </dd>
          </div>
        </dl>
        <p className="small">
          {viewer.access === "broker"
            ? t("learning.report.brokerNote")
            : viewer.access === "member"
              ? t("learning.print.confidential", { min: club.minContributors })
              : t("learning.report.aggregatesNote", { min: club.minContributors })}
        </p>
      </header>
      {period ? (
        kpis.map((kpi) => <KpiReport key={kpi.id} kpi={kpi} access={viewer.access} minContributors={club.minContributors} printable />)
      ) : (
        <p className="muted">{t("learning.report.noPeriods")}</p>
      )}
      <ReportMethod report={report} printable />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
