import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { MIN_SUBMISSIONS } from "../../server/domain/benchmark";
import type { BenchmarkReport } from "../../server/services/learning/get-benchmark-report";
import { DistributionChart, TrendChart } from "./benchmark-charts";
import { formatKpiValue, formatWithUnit, useKpiTexts } from "./learning";

/**
 * One KPI of a benchmark report, for the report page and its printable version: the
 * distribution with "you" marked and its figures (or "not enough submissions"), the references,
 * the trend with a sentence saying where it goes, and for brokers the values by firm. Everything
 * shown comes from getBenchmarkReport, which already applied the confidentiality rules.
 */

export type ReportKpi = BenchmarkReport["kpis"][number];
type Trend = ReportKpi["trend"];

/** "2.5 percentage points" for a percent KPI, else the value with its unit. */
function distance(t: TFunction, locale: string, value: number, unit: string, decimals: number): string {
  if (unit.trim() === "%") return t("learning.report.percentPoints", { value: formatKpiValue(locale, value, decimals) });
  return formatWithUnit(locale, value, unit, decimals);
}

/** Whether the median improves and the tail shortens, in words, with the figures that say so. */
export function trendSentences(t: TFunction, locale: string, trend: Trend, unit: string, decimals: number): string[] {
  const measure = (value: number) => formatWithUnit(locale, value, unit, decimals);
  const out: string[] = [];
  const { median, spread, own } = trend;
  if (median.slope === null || !median.first || !median.last) {
    out.push(t("learning.report.trend.medianUnknown"));
  } else {
    const way = median.slope === 0 ? "flat" : trend.medianImproving ? "improving" : "worsening";
    out.push(t(`learning.report.trend.median_${way}`, { from: measure(median.first.value), fromLabel: median.first.label, to: measure(median.last.value), toLabel: median.last.label }));
  }
  if (spread.slope !== null && spread.first && spread.last) {
    const way = spread.slope === 0 ? "flat" : trend.tailShortening ? "shortening" : "lengthening";
    out.push(t(`learning.report.trend.tail_${way}`, { from: measure(spread.first.value), to: measure(spread.last.value) }));
  }
  if (own.slope !== null && own.first && own.last) {
    const way = own.slope === 0 ? "flat" : trend.ownImproving ? "improving" : "worsening";
    out.push(t(`learning.report.trend.own_${way}`, { from: measure(own.first.value), fromLabel: own.first.label, to: measure(own.last.value), toLabel: own.last.label }));
  }
  return out;
}

export function KpiReport({ kpi, access, printable = false, headingLevel = 2 }: { kpi: ReportKpi; access: "broker" | "member" | "aggregates"; printable?: boolean; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  const texts = textsOf(kpi);
  const locale = i18n.language;
  const { summary, own, references, raw } = kpi;
  const decimals = kpi.decimals;
  const measure = (value: number) => formatWithUnit(locale, value, texts.unit, decimals);
  const headingId = `kpi-${kpi.id}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const position = own?.position ?? null;

  return (
    <section className="card stack kpi-report" aria-labelledby={headingId} data-testid="kpi-report" data-kpi={kpi.key ?? kpi.id}>
      <Heading id={headingId}>
        {texts.name} <span className="muted kpi-unit">({texts.unit})</span>
      </Heading>
      {texts.description ? <p className="muted small">{texts.description}</p> : null}
      <p className="small">
        <strong>{t(`learning.kpi.directions.${kpi.direction}`)}.</strong>
      </p>

      {summary ? (
        <div className="distribution" data-testid="aggregate">
          <DistributionChart
            kpiName={texts.name}
            unit={texts.unit}
            direction={kpi.direction}
            summary={summary}
            own={own?.value ?? null}
            references={references}
            decimals={decimals}
            figuresOpen={printable}
          />
          <dl className="facts report-figures">
            <div>
              <dt>{t("learning.report.n")}</dt>
              <dd data-testid="figure-n">{formatKpiValue(locale, summary.n, 0)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.min")}</dt>
              <dd>{measure(summary.min)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.p25")}</dt>
              <dd>{measure(summary.p25)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.median")}</dt>
              <dd data-testid="figure-median">{measure(summary.median)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.p75")}</dt>
              <dd>{measure(summary.p75)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.max")}</dt>
              <dd>{measure(summary.max)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.spread")}</dt>
              <dd>{distance(t, locale, summary.spread, texts.unit, decimals)}</dd>
            </div>
            <div>
              <dt>{t("learning.report.best")}</dt>
              <dd>{measure(summary.best)}</dd>
            </div>
          </dl>
          {access !== "aggregates" || own ? (
            <div className="own-position" data-testid="own-position">
              {own ? (
                <dl className="facts report-figures">
                  <div>
                    <dt>{t("learning.report.yours")}</dt>
                    <dd data-testid="own-value">{measure(own.value)}</dd>
                  </div>
                  {position ? (
                    <>
                      <div>
                        <dt>{t("learning.report.percentile")}</dt>
                        <dd>
                          {t("learning.report.percentileValue", { value: formatKpiValue(locale, position.percentile, 0) })}{" "}
                          <span className="muted small">{t("learning.report.percentileOf", { count: position.others, better: position.atLeastAsGoodAs })}</span>
                        </dd>
                      </div>
                      <div>
                        <dt>{t("learning.report.quartile")}</dt>
                        <dd>{t(`learning.report.quartiles.q${position.quartile}`)}</dd>
                      </div>
                      <div>
                        <dt>{t("learning.report.fromMedian")}</dt>
                        <dd>
                          {position.fromMedian === 0
                            ? t("learning.report.atMedian")
                            : t(position.fromMedian > 0 ? "learning.report.betterThanMedian" : "learning.report.worseThanMedian", {
                                value: distance(t, locale, Math.abs(position.fromMedian), texts.unit, decimals),
                              })}
                        </dd>
                      </div>
                      <div>
                        <dt>{t("learning.report.fromBest")}</dt>
                        <dd>{position.fromBest === 0 ? t("learning.report.isBest") : t("learning.report.behindBest", { value: distance(t, locale, position.fromBest, texts.unit, decimals) })}</dd>
                      </div>
                    </>
                  ) : null}
                </dl>
              ) : access === "member" ? (
                <p className="muted">{t("learning.report.noOwnValue")}</p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <div className="not-enough" data-testid="not-enough">
          <p className="notice">{t("learning.report.notEnough", { min: MIN_SUBMISSIONS })}</p>
          {own ? (
            <p>
              {t("learning.report.yours")}: <strong data-testid="own-value">{measure(own.value)}</strong>
            </p>
          ) : access === "member" ? (
            <p className="muted">{t("learning.report.noOwnValue")}</p>
          ) : null}
        </div>
      )}

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

      {raw ? (
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
      ) : null}

      <div className="trend">
        <Sub>{t("learning.report.trendTitle")}</Sub>
        <ul className="trend-sentences" data-testid="trend-sentence">
          {trendSentences(t, locale, kpi.trend, texts.unit, decimals).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
        {kpi.trend.points.length > 0 ? (
          <TrendChart
            kpiName={texts.name}
            unit={texts.unit}
            direction={kpi.direction}
            points={kpi.trend.points}
            references={references}
            decimals={decimals}
            figuresOpen={printable}
          />
        ) : null}
      </div>
    </section>
  );
}
