import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { periodIdSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { KpiReport } from "../components/learning/benchmark-report";
import { ClubNav } from "../components/learning/common";
import { PeriodPicker, PublishSection, ReportMethod, type Published } from "../components/learning/report-sections";
import { loadReport } from "../components/learning/report.server";
import { readPost, refused, unknownForm } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, signedIn } from "../lib/route.server";
import benchmarkStyles from "../styles/benchmark.css";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: benchmarkStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.club.title} · ${data.report.period?.label ?? ""} · Jointly` : "Jointly" },
];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  return { report: await loadReport(args.request, args.context, actor, idParam(args.params, "initiativeId")) };
}

/** A broker publishes the period shown (intent "publish"); the page says which KPIs were refreshed and which kept. */
export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const initiativeId = idParam(args.params, "initiativeId");
  const post = await readPost(args.request, t, { errors: "learning.errors" });
  const form = periodIdSchema.pick({ periodId: true }).safeParse({ periodId: post.formData.get("periodId") });
  if (post.intent !== "publish" || !form.success) return unknownForm(post);
  // The answer stays on the page (what was refreshed and kept), so it is data, not a redirect.
  try {
    const { first, refreshed, kept } = await args.context.services.learning.publishBenchmarkPeriod(actor, {
      initiativeId,
      periodId: form.data.periodId,
    });
    return data<Published>({ published: { first, refreshed, kept } });
  } catch (error) {
    return refused(post, error);
  }
}

export default function BenchmarkReportPage() {
  const { t } = useTranslation();
  const { report } = useLoaderData<typeof loader>();
  const { club, period, viewer, kpis, permissions } = report;
  // Submissions push `benchmark:updated` (the live count moves) and so does a publication (new figures).
  useLiveRoom(`initiative:${club.initiativeId}`);
  const periodQuery = period ? `?period=${period.id}` : "";
  return (
    <article className="stack learning-page report-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> ·{" "}
            <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link>
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
            ? t("learning.report.memberNote", { firm: viewer.firmName ?? "", min: club.minContributors })
            : t("learning.report.aggregatesNote", { min: club.minContributors })}
      </p>
      {permissions.publish ? <PublishSection report={report} /> : null}
      {period ? (
        <>
          <PeriodPicker report={report} />
          {kpis.map((kpi) => (
            <KpiReport key={kpi.id} kpi={kpi} access={viewer.access} minContributors={club.minContributors} />
          ))}
        </>
      ) : (
        <section className="card">
          <p className="muted">{t("learning.report.noPeriods")}</p>
        </section>
      )}
      <ReportMethod report={report} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
