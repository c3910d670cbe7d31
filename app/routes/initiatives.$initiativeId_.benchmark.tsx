import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import type { BenchmarkReport } from "../../server/services/learning/get-benchmark-report";
import { KpiReport } from "../components/benchmark-report";
import { FormattedDate } from "../components/formatted";
import { ClubNav, useKpiTexts } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import benchmarkStyles from "../styles/benchmark.css";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { loadReport } from "../lib/benchmark-report.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serverT } from "../lib/i18n.server";
import { initiativeIdOf } from "../lib/learning-forms";
import { useLiveRoom } from "../lib/live";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: benchmarkStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.report.club.title} · ${loaded.report.period?.label ?? ""} · Jointly` : "Jointly" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return { report: await loadReport(request, context, params.initiativeId) };
}

type ActionData = { published: { first: string[]; refreshed: string[]; kept: string[] } } | { error: string };

/** A broker publishes the period shown (intent "publish"); the page says which KPIs were refreshed and which kept. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf(params);
  const formData = await request.formData();
  if (formData.get("intent") !== "publish") throw new Response("Bad request", { status: 400 });
  const periodId = z.uuid().safeParse(formData.get("periodId"));
  if (!periodId.success) throw new Response("Not found", { status: 404 });
  try {
    const result = await context.services.learning.publishBenchmarkPeriod(actor, { initiativeId, periodId: periodId.data });
    return data({ published: { first: result.first, refreshed: result.refreshed, kept: result.kept } } satisfies ActionData);
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") {
      const t = await serverT(request, context, actor);
      return data({ error: t("learning.errors.forbidden") } satisfies ActionData, { status: 403 });
    }
    throwAsResponse(error);
  }
}

export default function BenchmarkReportPage() {
  const { t } = useTranslation();
  const { report: raw } = useLoaderData<typeof loader>();
  const report = raw as unknown as BenchmarkReport;
  const { club, period, periods, viewer, kpis, permissions } = report;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state !== "idle";
  const textsOf = useKpiTexts();
  const kpiNames = (ids: string[]) =>
    ids
      .map((id) => kpis.find((k) => k.id === id))
      .filter((k) => k !== undefined)
      .map((k) => textsOf(k).name)
      .join(", ");
  // Submissions push `benchmark:updated` (the live count moves) and so does a publication (new figures).
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
            ? t("learning.report.memberNote", { firm: viewer.firmName ?? "", min: club.minContributors })
            : t("learning.report.aggregatesNote", { min: club.minContributors })}
      </p>

      {permissions.publish && period ? (
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
          {actionData && "published" in actionData ? (
            <div role="status" data-testid="publish-result">
              <p>{t("learning.report.publishedNow", { period: period.label })}</p>
              {actionData.published.first.length + actionData.published.refreshed.length > 0 ? (
                <p className="small">{t("learning.report.refreshedList", { kpis: kpiNames([...actionData.published.first, ...actionData.published.refreshed]) })}</p>
              ) : null}
              {actionData.published.kept.length > 0 ? (
                <p className="small">{t("learning.report.keptList", { kpis: kpiNames(actionData.published.kept), republish: club.republishMinNew })}</p>
              ) : null}
            </div>
          ) : actionData && "error" in actionData ? (
            <p role="alert" className="form-error">
              {actionData.error}
            </p>
          ) : null}
        </section>
      ) : null}

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
            <KpiReport key={kpi.id} kpi={kpi} access={viewer.access} minContributors={club.minContributors} />
          ))}
        </>
      )}

      <section className="card stack method" aria-labelledby="method-heading">
        <h2 id="method-heading">{t("learning.report.methodTitle")}</h2>
        <p data-testid="disclosure-rule">{t("learning.report.rule", { min: club.minContributors, tails: club.tailsFrom, republish: club.republishMinNew })}</p>
        <p>{t("benchmark.method")}</p>
        <p className="muted small">{t("learning.report.methodFoot", { min: club.minContributors })}</p>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
