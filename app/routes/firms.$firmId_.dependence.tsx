import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { getFirmDependence } from "../../server/services/ledger/get-firm-dependence";
import { formatBp, formatPointsChange, FormattedPercent, HhiBadge, LevelBadge } from "../components/ledger/dependence";
import { FormattedMoney, FormattedNumber } from "../components/formatted";
import { formatNumber } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/dependence.css";
import { requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { useLiveRoom } from "../lib/live";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.figures.firm.name} · Jointly` : "Jointly" }];

/** The chart shows the largest buyers by name; the rest are summed as "others". */
const NAMED_BUYERS = 4;
const OTHERS = "__others__";

function firmIdOf(params: { firmId?: string }): string {
  const parsed = z.uuid().safeParse(params.firmId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

type Figures = Awaited<ReturnType<typeof getFirmDependence>>;

/**
 * The chart's data: one bar per period, segments for the buyers with the largest shares over all
 * periods (the same colour for a buyer in every bar), then "others". A period without figures (a
 * missing rate) has no segments.
 */
function chartOf(periods: Figures["periods"]) {
  const weight = new Map<string, { key: string; name: string; viaAgent: boolean; total: number }>();
  for (const p of periods) {
    for (const s of p.measure?.shares ?? []) {
      const w = weight.get(s.key) ?? { key: s.key, name: s.name, viaAgent: false, total: 0 };
      w.total += s.shareBp;
      w.viaAgent ||= s.viaAgent;
      weight.set(s.key, w);
    }
  }
  const named = [...weight.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)).slice(0, NAMED_BUYERS);
  const bars = periods.map((p) => {
    if (!p.measure) return { period: p.period, segments: null };
    const byKey = new Map(p.measure.shares.map((s) => [s.key, s.shareBp]));
    const segments = named.map((n) => ({ key: n.key, bp: byKey.get(n.key) ?? 0 }));
    const namedBp = segments.reduce((sum, s) => sum + s.bp, 0);
    const hasOthers = p.measure.shares.some((s) => !named.some((n) => n.key === s.key));
    segments.push({ key: OTHERS, bp: hasOthers ? Math.max(0, 10_000 - namedBp) : 0 });
    return { period: p.period, segments };
  });
  const hasOthers = bars.some((b) => b.segments?.some((s) => s.key === OTHERS && s.bp > 0));
  const series = [
    ...named.map((n, index) => ({ key: n.key, name: n.name, viaAgent: n.viaAgent, colour: index })),
    ...(hasOthers ? [{ key: OTHERS, name: "", viaAgent: false, colour: NAMED_BUYERS }] : []),
  ];
  return { series, bars };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const firmId = firmIdOf(params);
  let figures: Figures;
  try {
    figures = await context.services.ledger.firmDependence(actor, { firmId });
  } catch (error) {
    throwAsResponse(error);
  }
  return { figures, chart: chartOf(figures.periods) };
}

type Chart = ReturnType<typeof chartOf>;

export default function DependencePage() {
  const { t, i18n } = useTranslation();
  const { figures, chart } = useLoaderData<typeof loader>();
  const { firm, currency, thresholds, periods, latest, trend } = figures;
  useLiveRoom(`firm:${firm.id}`);
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const num = (n: number) => formatNumber(i18n.language, n);
  const missing = periods.flatMap((p) => p.missingRates.map((c) => ({ period: p.period, currency: c })));
  const agents = latest?.measure.shares.filter((s) => s.viaAgent) ?? [];
  const level = latest?.level ?? null;

  return (
    <div className="stack dependence-page">
      <header className="page-head">
        <div>
          <p className="muted small">{firm.name}</p>
          <h1>{t("dependence.panel.title")}</h1>
        </div>
        <Link to={`/firms/${firm.id}/ledger`} className="button button-secondary">
          {t("dependence.links.ledger")}
        </Link>
      </header>
      <p className="muted">{t("dependence.panel.confidential")}</p>

      {missing.length > 0 ? (
        <section className="notice" role="status" aria-labelledby="missing-rates" data-testid="missing-rates">
          <h2 id="missing-rates" className="h-small">
            {t("dependence.panel.missingRatesTitle")}
          </h2>
          <ul>
            {missing.map((m) => (
              <li key={`${m.period}-${m.currency}`}>{t("dependence.panel.missingRate", { currency: m.currency, period: m.period, base: currency ?? "" })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {!latest || !level ? (
        <section className="card">
          <p>{periods.length === 0 ? t("dependence.panel.noSales") : t("dependence.panel.noFigures")}</p>
          <p>
            <Link to={`/firms/${firm.id}/ledger`}>{t("dependence.links.ledger")}</Link>
          </p>
        </section>
      ) : (
        <>
          <section className={`card stack level-card level-card-${level}`} aria-labelledby="latest-figures" data-testid="latest-figures">
            <div className="level-head">
              <h2 id="latest-figures">{t("dependence.panel.latest", { period: latest.period })}</h2>
              <LevelBadge level={level} />
            </div>
            <dl className="facts dependence-facts">
              <div>
                <dt>{t("dependence.measures.topShare")}</dt>
                <dd data-testid="top-share">
                  <FormattedPercent bp={latest.measure.topShareBp} />
                  {latest.measure.topBuyer ? (
                    <span className="muted small">
                      {" "}
                      · {latest.measure.topBuyer.name}
                      {latest.measure.topBuyer.viaAgent ? ` (${t("dependence.panel.agentFlag")})` : ""}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t("dependence.measures.top3Share")}</dt>
                <dd>
                  <FormattedPercent bp={latest.measure.top3ShareBp} />
                </dd>
              </div>
              <div>
                <dt>{t("dependence.measures.buyers")}</dt>
                <dd>
                  <FormattedNumber value={latest.measure.buyers} />
                </dd>
              </div>
              <div>
                <dt>{t("dependence.measures.hhi")}</dt>
                <dd data-testid="hhi">
                  <FormattedNumber value={latest.measure.hhi} /> {latest.hhiLevel ? <HhiBadge level={latest.hhiLevel} /> : null}
                </dd>
              </div>
              {currency ? (
                <div>
                  <dt>{t("dependence.measures.total")}</dt>
                  <dd>
                    <FormattedMoney amountMinor={latest.measure.totalMinor} currency={currency} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {latest.expectedIncluded ? <p className="muted small">{t("dependence.panel.expectedIncluded")}</p> : null}
            <p className="muted small">
              {t("dependence.panel.thresholds", {
                notable: pct(thresholds.notableShareBp),
                warning: pct(thresholds.warningShareBp),
                critical: pct(thresholds.criticalShareBp),
                hhiModerate: num(thresholds.hhiModerate),
                hhiHigh: num(thresholds.hhiHigh),
              })}
            </p>

            <div className="explanation" data-testid="level-explanation">
              <h3>{t("dependence.panel.meaningTitle")}</h3>
              <p>
                {t(`dependence.explain.${level}.meaning`, {
                  share: pct(latest.measure.topShareBp),
                  buyer: latest.measure.topBuyer?.name ?? "",
                })}
              </p>
              <h3>{t("dependence.panel.whyTitle")}</h3>
              <p>{t(`dependence.explain.${level}.why`)}</p>
              <p className="sinos">{t("dependence.explain.sinos")}</p>
              <h3>{t("dependence.panel.todoTitle")}</h3>
              <p>{t(`dependence.explain.${level}.todo`)}</p>
            </div>
          </section>

          {agents.length > 0 ? (
            <section className="card stack" aria-labelledby="agent-sales" data-testid="agent-sales">
              <h2 id="agent-sales">{t("dependence.panel.agentsTitle")}</h2>
              <p className="muted">{t("dependence.panel.agentsIntro")}</p>
              <ul>
                {agents.map((a) => (
                  <li key={a.key}>
                    {t("dependence.panel.agentLine", { agent: a.name, share: pct(a.shareBp), customers: a.endCustomers.join(", ") || "—" })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="trend-title" data-testid="trend">
            <h2 id="trend-title">{t("dependence.panel.trendTitle")}</h2>
            {trend.direction === null || trend.steps.length === 0 ? (
              <p>{t("dependence.trend.none")}</p>
            ) : (
              <p>
                <span className={`trend trend-${trend.direction}`}>{t(`dependence.trend.${trend.direction}`)}</span>{" "}
                {t("dependence.trend.change", {
                  from: trend.steps[0].from,
                  to: trend.steps[trend.steps.length - 1].to,
                  points: formatPointsChange(i18n.language, trend.topShareChangeBp),
                  hhi: formatNumber(i18n.language, trend.hhiChange, { signDisplay: "exceptZero" }),
                })}
              </p>
            )}
          </section>
        </>
      )}

      {chart.bars.length > 0 ? <SharesChart chart={chart} firmName={firm.name} /> : null}
    </div>
  );
}

/** Geometry of the chart, in viewBox units (the SVG scales to the card's width). */
const W = 640;
const H = 280;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** An accessible stacked bar chart of buyer shares per period, hand-written SVG. */
function SharesChart({ chart, firmName }: { chart: Chart; firmName: string }) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const nameOf = (key: string) => (key === OTHERS ? t("dependence.chart.others") : (chart.series.find((s) => s.key === key)?.name ?? key));
  const colourOf = (key: string) => chart.series.find((s) => s.key === key)?.colour ?? NAMED_BUYERS;
  const slot = PLOT_W / chart.bars.length;
  const barWidth = Math.min(64, slot * 0.6);
  const y = (bp: number) => PAD.top + PLOT_H - (bp / 10_000) * PLOT_H;
  const ticks = [0, 2500, 5000, 7500, 10_000];
  const first = chart.bars[0].period;
  const last = chart.bars[chart.bars.length - 1].period;

  return (
    <section className="card stack" aria-labelledby="chart-heading" data-testid="shares-chart">
      <h2 id="chart-heading">{t("dependence.chart.heading")}</h2>
      <figure className="shares-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" className="shares-svg" preserveAspectRatio="xMidYMid meet">
          <title id="chart-title">{t("dependence.chart.title", { firm: firmName })}</title>
          <desc id="chart-desc">
            {t("dependence.chart.desc", { periods: chart.bars.length, from: first, to: last, buyers: chart.series.filter((s) => s.key !== OTHERS).map((s) => s.name).join(", ") })}
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
                          <title>{t("dependence.chart.segment", { period: bar.period, buyer: nameOf(s.key), share: pct(s.bp) })}</title>
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
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
