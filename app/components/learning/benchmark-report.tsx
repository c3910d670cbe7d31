import type { SerializeFrom } from "@remix-run/node";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { BenchmarkReport } from "../../../server/services/learning/get-benchmark-report";
import { DistributionChart } from "./distribution-chart";
import { TrendChart } from "./trend-chart";
import { FormattedDate } from "../formatted";
import { formatKpiValue, formatWithUnit, useKpiTexts } from "./common";

/**
 * One KPI of a benchmark report, for the report page and its printable version: the live count
 * of submissions, the period's published statistics with "you" marked and your quarter (or the
 * published count only, below the threshold), the references, the trend with a sentence saying
 * where it goes, and for brokers the values by firm and what publishing now would do.
 * Everything shown comes from getBenchmarkReport, which already applied the disclosure rules.
 */

export type ReportKpi = SerializeFrom<BenchmarkReport>["kpis"][number];
type Trend = ReportKpi["trend"];

/** "2.5 percentage points" for a percent KPI, else the value with its unit. */
function distance(t: TFunction, locale: string, value: number, unit: string, decimals: number): string {
  if (unit.trim() === "%") return t("learning.report.percentPoints", { value: formatKpiValue(locale, value, decimals) });
  return formatWithUnit(locale, value, unit, decimals);
}

/** Whether the median improves and the tail shortens, in words, with the figures that say so. */
function trendSentences(t: TFunction, locale: string, trend: Trend, unit: string, decimals: number): string[] {
  const measure = (value: number) => formatWithUnit(locale, value, unit, decimals);
  const out: string[] = [];
  const { median, spread, own } = trend;
  if (median.slope === null || !median.first || !median.last) {
    out.push(t("learning.report.trend.medianUnknown"));
  } else {
    const way = median.slope === 0 ? "flat" : trend.medianImproving ? "improving" : "worsening";
    out.push(
      t(`learning.report.trend.median_${way}`, {
        from: measure(median.first.value),
        fromLabel: median.first.label,
        to: measure(median.last.value),
        toLabel: median.last.label,
      }),
    );
  }
  if (spread.slope !== null && spread.first && spread.last) {
    const way = spread.slope === 0 ? "flat" : trend.tailShortening ? "shortening" : "lengthening";
    out.push(t(`learning.report.trend.tail_${way}`, { from: measure(spread.first.value), to: measure(spread.last.value) }));
  }
  if (own.slope !== null && own.first && own.last) {
    const way = own.slope === 0 ? "flat" : trend.ownImproving ? "improving" : "worsening";
    out.push(
      t(`learning.report.trend.own_${way}`, {
        from: measure(own.first.value),
        fromLabel: own.first.label,
        to: measure(own.last.value),
        toLabel: own.last.label,
      }),
    );
  }
  return out;
}

export function KpiReport({
  kpi,
  access,
  minContributors,
  printable = false,
  headingLevel = 2,
}: {
  kpi: ReportKpi;
  access: Access;
  minContributors: number;
  printable?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const texts = textsOf(kpi);
  const { published, own, references, raw, pending } = kpi;
  const measure = useMeasure(texts.unit, kpi.decimals);
  const headingId = `kpi-${kpi.id}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";

  return (
    <section className="card stack kpi-report" aria-labelledby={headingId} data-testid="kpi-report" data-kpi={kpi.key ?? kpi.id}>
      <Heading id={headingId}>
        {texts.name} <span className="muted kpi-unit">({texts.unit})</span>
      </Heading>
      {texts.description ? <p className="muted small">{texts.description}</p> : null}
      <p className="small">
        <strong>{t(`learning.kpi.directions.${kpi.direction}`)}.</strong>{" "}
        <span data-testid="submissions-count">{t("learning.report.submissionsSoFar", { count: kpi.submissions })}</span>
      </p>
      {published ? (
        <p className="muted small" data-testid="published-note">
          {t("learning.report.publishedFrom", { count: published.n })} <FormattedDate value={String(published.publishedAt)} />
        </p>
      ) : null}

      {published?.quartiles ? (
        <Distribution kpi={kpi} access={access} printable={printable} />
      ) : (
        <div className="not-enough" data-testid="not-enough">
          <p className="notice">
            {published ? t("learning.report.notEnough", { min: minContributors }) : t("learning.report.notPublished")}
          </p>
          {own ? (
            <p>
              {t("learning.report.yours")}: <strong data-testid="own-value">{measure(own.value)}</strong>
            </p>
          ) : access === "member" ? (
            <p className="muted">{t("learning.report.noOwnValue")}</p>
          ) : null}
        </div>
      )}

      {pending ? (
        <p className="small no-print" data-testid="pending">
          {t(`learning.report.pending_${pending.outcome}`, { count: pending.newContributors })}
        </p>
      ) : null}

      {references.length ? (
        <div>
          <Sub>{t("learning.report.references")}</Sub>
          <ul className="reference-list">
            {references.map((r, i) => (
              <li key={`${r.source}-${i}`}>{t("learning.report.referenceLine", { source: r.source, value: measure(r.value) })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {raw ? <RawValues raw={raw} headingId={headingId} Sub={Sub} measure={measure} /> : null}
      <TrendSection kpi={kpi} Sub={Sub} printable={printable} />
    </section>
  );
}

type Access = "broker" | "member" | "aggregates";
type Measure = (value: number) => string;
type SubHeading = "h3" | "h4";

/** A KPI value with its unit and decimals in the reader's locale. */
function useMeasure(unit: string, decimals: number): Measure {
  const { i18n } = useTranslation();
  return (value) => formatWithUnit(i18n.language, value, unit, decimals);
}

/** The published distribution: the chart, its figures and the reader's own position in it. */
function Distribution({ kpi, access, printable }: { kpi: ReportKpi; access: Access; printable: boolean }) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const texts = textsOf(kpi);
  const { published, own, references } = kpi;
  if (!published?.quartiles) return null;
  const tails = published.tails ?? null;
  return (
    <div className="distribution" data-testid="aggregate">
      <DistributionChart
        kpiName={texts.name}
        unit={texts.unit}
        direction={kpi.direction}
        summary={{ n: published.n, ...published.quartiles, p10: tails?.p10 ?? null, p90: tails?.p90 ?? null }}
        own={own?.value ?? null}
        references={references}
        decimals={kpi.decimals}
        figuresOpen={printable}
      />
      <PublishedFigures n={published.n} quartiles={published.quartiles} tails={tails} unit={texts.unit} decimals={kpi.decimals} />
      {access !== "aggregates" || own ? (
        <div className="own-position" data-testid="own-position">
          {own ? (
            <OwnFigures own={own} unit={texts.unit} decimals={kpi.decimals} />
          ) : access === "member" ? (
            <p className="muted">{t("learning.report.noOwnValue")}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

type Published = NonNullable<ReportKpi["published"]>;

/** n, the quartiles and, when published, the tails and the spread between them. */
function PublishedFigures({
  n,
  quartiles,
  tails,
  unit,
  decimals,
}: {
  n: number;
  quartiles: NonNullable<Published["quartiles"]>;
  tails: Published["tails"] | null;
  unit: string;
  decimals: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const measure = useMeasure(unit, decimals);
  return (
    <dl className="facts report-figures">
      <div>
        <dt>{t("learning.report.n")}</dt>
        <dd data-testid="figure-n">{formatKpiValue(locale, n, 0)}</dd>
      </div>
      {tails ? (
        <div>
          <dt>{t("learning.report.p10")}</dt>
          <dd>{measure(tails.p10)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("learning.report.p25")}</dt>
        <dd>{measure(quartiles.p25)}</dd>
      </div>
      <div>
        <dt>{t("learning.report.median")}</dt>
        <dd data-testid="figure-median">{measure(quartiles.median)}</dd>
      </div>
      <div>
        <dt>{t("learning.report.p75")}</dt>
        <dd>{measure(quartiles.p75)}</dd>
      </div>
      {tails ? (
        <>
          <div>
            <dt>{t("learning.report.p90")}</dt>
            <dd>{measure(tails.p90)}</dd>
          </div>
          <div>
            <dt>{t("learning.report.spread")}</dt>
            <dd>{distance(t, locale, tails.spread, unit, decimals)}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}

/** The reader's own value and, when known, its quarter of the distribution. */
function OwnFigures({ own, unit, decimals }: { own: NonNullable<ReportKpi["own"]>; unit: string; decimals: number }) {
  const { t } = useTranslation();
  const measure = useMeasure(unit, decimals);
  return (
    <dl className="facts report-figures">
      <div>
        <dt>{t("learning.report.yours")}</dt>
        <dd data-testid="own-value">{measure(own.value)}</dd>
      </div>
      {own.band ? (
        <div>
          <dt>{t("learning.report.quartile")}</dt>
          <dd data-testid="own-band">{t(`learning.report.quartiles.q${own.band}`)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** For brokers: each firm's value. */
function RawValues({
  raw,
  headingId,
  Sub,
  measure,
}: {
  raw: NonNullable<ReportKpi["raw"]>;
  headingId: string;
  Sub: SubHeading;
  measure: Measure;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Sub id={`${headingId}-raw`}>{t("learning.report.raw")}</Sub>
      <p className="muted small">{t("learning.report.rawHint")}</p>
      {raw.length === 0 ? (
        <p className="muted">{t("learning.report.noValues")}</p>
      ) : (
        <div className="table-wrap">
          <table className="raw-table" data-testid="raw-values" aria-labelledby={`${headingId}-raw`}>
            <thead>
              <tr>
                <th scope="col">{t("learning.report.firm")}</th>
                <th scope="col" className="num">
                  {t("learning.report.value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {raw.map((r) => (
                <tr key={r.firmId}>
                  <th scope="row">{r.firmName}</th>
                  <td className="num">{measure(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Where the median, the tail and the reader's own value go, in words and as a chart. */
function TrendSection({ kpi, Sub, printable }: { kpi: ReportKpi; Sub: SubHeading; printable: boolean }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  const texts = textsOf(kpi);
  return (
    <div className="trend">
      <Sub>{t("learning.report.trendTitle")}</Sub>
      <ul className="trend-sentences" data-testid="trend-sentence">
        {trendSentences(t, i18n.language, kpi.trend, texts.unit, kpi.decimals).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {kpi.trend.points.length > 0 ? (
        <TrendChart
          kpiName={texts.name}
          unit={texts.unit}
          direction={kpi.direction}
          points={kpi.trend.points}
          references={kpi.references}
          decimals={kpi.decimals}
          figuresOpen={printable}
        />
      ) : null}
    </div>
  );
}
