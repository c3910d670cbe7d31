import { useTranslation } from "react-i18next";
import { formatBp } from "./dependence";
import { NAMED_BUYERS, OTHERS, type Chart } from "./chart-data";

/** Geometry of the chart, in viewBox units (the SVG scales to the card's width). */
const W = 640;
const H = 280;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** How the chart names, colours and prints its series. */
function useChartWords(chart: Chart) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const nameOf = (key: string) => (key === OTHERS ? t("dependence.chart.others") : (chart.series.find((s) => s.key === key)?.name ?? key));
  const colourOf = (key: string) => chart.series.find((s) => s.key === key)?.colour ?? NAMED_BUYERS;
  return { t, pct, nameOf, colourOf };
}

/** The stacked bars, one per period, as hand-written SVG. */
function ChartSvg({ chart, firmName }: { chart: Chart; firmName: string }) {
  const { t, pct, nameOf, colourOf } = useChartWords(chart);
  const slot = PLOT_W / chart.bars.length;
  const barWidth = Math.min(64, slot * 0.6);
  const y = (bp: number) => PAD.top + PLOT_H - (bp / 10_000) * PLOT_H;
  const ticks = [0, 2500, 5000, 7500, 10_000];
  const first = chart.bars[0].period;
  const last = chart.bars[chart.bars.length - 1].period;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      className="shares-svg"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id="chart-title">{t("dependence.chart.title", { firm: firmName })}</title>
      <desc id="chart-desc">
        {t("dependence.chart.desc", {
          periods: chart.bars.length,
          from: first,
          to: last,
          buyers: chart.series
            .filter((s) => s.key !== OTHERS)
            .map((s) => s.name)
            .join(", "),
        })}
      </desc>
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(tick)} className="chart-axis" textAnchor="end" dominantBaseline="middle">
              {pct(tick)}
            </text>
          </g>
        ))}
      </g>
      {chart.bars.map((bar, index) => {
        const x = PAD.left + slot * index + (slot - barWidth) / 2;
        let stacked = 0;
        return (
          <g key={bar.period} data-period={bar.period}>
            {bar.segments ? (
              bar.segments
                .filter((s) => s.bp > 0)
                .map((s) => {
                  const top = y(stacked + s.bp);
                  const height = y(stacked) - top;
                  stacked += s.bp;
                  return (
                    <rect key={s.key} x={x} y={top} width={barWidth} height={Math.max(0, height)} className={`seg seg-${colourOf(s.key)}`}>
                      <title>
                        {t("dependence.chart.segment", {
                          period: bar.period,
                          buyer: nameOf(s.key),
                          share: pct(s.bp),
                        })}
                      </title>
                    </rect>
                  );
                })
            ) : (
              <g>
                <rect x={x} y={PAD.top} width={barWidth} height={PLOT_H} className="seg-missing" />
                <text x={x + barWidth / 2} y={PAD.top + PLOT_H / 2} className="chart-axis" textAnchor="middle" aria-hidden="true">
                  ?
                </text>
                <title>{t("dependence.chart.noFigures", { period: bar.period })}</title>
              </g>
            )}
            <text x={x + barWidth / 2} y={H - PAD.bottom + 18} className="chart-axis" textAnchor="middle" aria-hidden="true">
              {bar.period}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's figures as a table, for those who do not read the bars. */
function ChartTable({ chart, firmName }: { chart: Chart; firmName: string }) {
  const { t, pct, nameOf } = useChartWords(chart);
  return (
    <details className="chart-data">
      <summary>{t("dependence.chart.showTable")}</summary>
      <div className="table-wrap">
        <table data-testid="chart-table">
          <caption className="visually-hidden">{t("dependence.chart.title", { firm: firmName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dependence.fields.period")}</th>
              {chart.series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {nameOf(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.bars.map((bar) => (
              <tr key={bar.period}>
                <th scope="row">{bar.period}</th>
                {chart.series.map((s) => {
                  const segment = bar.segments?.find((x) => x.key === s.key);
                  return (
                    <td key={s.key} className="num">
                      {segment ? pct(segment.bp) : t("dependence.chart.noFigureCell")}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** An accessible stacked bar chart of buyer shares per period. */
export function SharesChart({ chart, firmName }: { chart: Chart; firmName: string }) {
  const { t, nameOf } = useChartWords(chart);
  return (
    <section className="card stack" aria-labelledby="chart-heading" data-testid="shares-chart">
      <h2 id="chart-heading">{t("dependence.chart.heading")}</h2>
      <figure className="shares-chart">
        <ChartSvg chart={chart} firmName={firmName} />
        <figcaption>
          <ul className="chart-legend" aria-label={t("dependence.chart.legend")}>
            {chart.series.map((s) => (
              <li key={s.key}>
                <span className={`swatch seg-${s.colour}`} aria-hidden="true" />
                {nameOf(s.key)}
                {s.viaAgent ? <span className="muted small"> ({t("dependence.panel.agentFlag")})</span> : null}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <ChartTable chart={chart} firmName={firmName} />
    </section>
  );
}
