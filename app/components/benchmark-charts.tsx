import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../i18n/format";

/**
 * Benchmarking-club charts (issue 6 section 3): the distribution of one KPI with "you" marked,
 * and its trend across periods. Hand-written inline SVG, rendered on the server so they show
 * without JavaScript; the viewBox scales them to the card's width. Every chart is a <figure>
 * whose SVG is role="img" with a <title> and a <desc> that say the key figures in words, and a
 * table of all the figures below it (the text alternative). Marks differ by shape and line style
 * as well as colour: "you" is a triangle, references dashed lines.
 * Styles: app/styles/benchmark.css (link it from the route).
 *
 * The charts only draw what they are given: the published statistics of a period (ADR 013:
 * quartiles from five firms, the tail from ten, never a lowest, highest or best value), decided
 * by the server before the figures reach a page.
 */

export type BenchmarkDirection = "higher" | "lower";

export interface BenchmarkReference {
  value: number;
  /** Where it comes from, shown beside its line ("EU auto components 2019"). */
  source: string;
}

/** Published statistics: the quartiles, and the tail (p10, p90) only when it was published. */
export interface DistributionSummary {
  n: number;
  p25: number;
  median: number;
  p75: number;
  p10: number | null;
  p90: number | null;
}

export interface DistributionChartProps {
  kpiName: string;
  /** The unit as the reader should see it (translated for shipped KPIs); "%" formats as a percent. */
  unit: string;
  direction: BenchmarkDirection;
  summary: DistributionSummary;
  own?: number | null;
  references?: ReadonlyArray<BenchmarkReference>;
  /** Fixed axis range (e.g. the KPI's 0..100); by default a rounded range around the figures. */
  domain?: [number, number];
  /** Decimals shown; by default chosen from the size of the figures. */
  decimals?: number;
  /** Show the table of figures open (printed reports). */
  figuresOpen?: boolean;
}

export interface TrendChartPoint {
  label: string;
  median: number | null;
  own: number | null;
  p10: number | null;
  p90: number | null;
}

export interface TrendChartProps {
  kpiName: string;
  unit: string;
  direction: BenchmarkDirection;
  /** Oldest period first. A null aggregate means "not enough submissions"; a null own value "not reported". */
  points: ReadonlyArray<TrendChartPoint>;
  references?: ReadonlyArray<BenchmarkReference>;
  decimals?: number;
  figuresOpen?: boolean;
}

/* ------------------------------------------------------------------ Shared helpers */

const isNumber = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** Digits needed to write `step` exactly (0.25 -> 2), at most 6. */
function digitsOf(step: number): number {
  let digits = 0;
  while (digits < 6 && Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) > 1e-9) digits++;
  return digits;
}

/** Decimals worth showing for figures spread over this range: 0 for thousands, 3 for fractions. */
function autoDecimals(values: number[]): number {
  if (values.length === 0) return 1;
  const span = Math.max(...values) - Math.min(...values);
  const size = Math.max(span, ...values.map(Math.abs).map((v) => v / 10));
  if (size >= 1000) return 0;
  if (size >= 10) return 1;
  if (size >= 1) return 2;
  return 3;
}

export interface Scale {
  lo: number;
  hi: number;
  ticks: number[];
  tickDigits: number;
}

/**
 * A rounded axis range around [min, max] with about `count` ticks at 1, 2, 2.5 or 5 times a power
 * of ten. A fixed `domain` keeps its bounds and gets ticks inside it.
 */
export function niceScale(min: number, max: number, count = 5, domain?: [number, number]): Scale {
  let lo = domain ? domain[0] : min;
  let hi = domain ? domain[1] : max;
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) {
    lo = 0;
    hi = 1;
  }
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const tickDigits = digitsOf(step);
  const round = (v: number) => Number(v.toFixed(tickDigits));
  if (!domain) {
    lo = round(Math.floor(lo / step + 1e-9) * step);
    hi = round(Math.ceil(hi / step - 1e-9) * step);
  }
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(round(v));
  return { lo, hi, ticks, tickDigits };
}

/** A figure with its unit in the reader's locale: "92%", "1,250 ppm", "8,5 voltas por ano". */
function useMeasure(unit: string, decimals: number) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = decimals) => formatNumber(i18n.language, value, { maximumFractionDigits: digits });
  const measure = (value: number) =>
    unit.trim() === "%"
      ? formatNumber(i18n.language, value / 100, { style: "percent", maximumFractionDigits: decimals })
      : t("benchmarkChart.valueWithUnit", { value: number(value), unit });
  return { t, number, measure };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Roughly how wide a text is in viewBox units (SVG text has no layout before the browser). */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

type Anchor = "start" | "middle" | "end";

/**
 * Places a label centred on x, or against the nearer edge of [left, right] when it would stick
 * out, shortened with an ellipsis if it cannot fit at all. The anchor (not a computed start)
 * keeps it aligned when CSS sets a smaller font on wide screens.
 */
function placeLabel(x: number, text: string, fontSize: number, left: number, right: number): { x: number; anchor: Anchor; text: string } {
  let label = text;
  const room = right - left;
  if (textWidth(label, fontSize) > room) {
    const chars = Math.max(1, Math.floor(room / (fontSize * 0.56)) - 1);
    label = `${label.slice(0, chars)}…`;
  }
  const half = textWidth(label, fontSize) / 2;
  if (x - half < left) return { x: left, anchor: "start", text: label };
  if (x + half > right) return { x: right, anchor: "end", text: label };
  return { x, anchor: "middle", text: label };
}

function DirectionNote({ direction }: { direction: BenchmarkDirection }) {
  const { t } = useTranslation();
  return <>{t(direction === "higher" ? "benchmarkChart.higherIsBetter" : "benchmarkChart.lowerIsBetter")}</>;
}

function Figures({ open, children }: { open?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="benchmark-figures" open={open || undefined}>
      <summary>{t("benchmarkChart.showFigures")}</summary>
      {children}
    </details>
  );
}

/** Legend swatches: the same shapes as in the chart. */
function Swatch({ kind }: { kind: "own" | "best" | "median" | "box" | "band" | "reference" | "medianLine" | "ownLine" }) {
  return (
    <svg className="benchmark-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
      {kind === "own" ? <path d="M6 3 H18 L12 13 Z" className="bm-own-marker" /> : null}
      {kind === "best" ? <path d="M12 2 L18 8 L12 14 L6 8 Z" className="bm-best-marker" /> : null}
      {kind === "median" ? <line x1="12" x2="12" y1="1" y2="15" className="bm-median" /> : null}
      {kind === "box" ? <rect x="3" y="3" width="18" height="10" className="bm-box" /> : null}
      {kind === "band" ? <rect x="1" y="3" width="22" height="10" className="bm-band" /> : null}
      {kind === "reference" ? <line x1="1" x2="23" y1="8" y2="8" className="bm-ref-line" /> : null}
      {kind === "medianLine" ? (
        <>
          <line x1="1" x2="23" y1="8" y2="8" className="bm-median-line" />
          <circle cx="12" cy="8" r="3.5" className="bm-median-point" />
        </>
      ) : null}
      {kind === "ownLine" ? (
        <>
          <line x1="1" x2="23" y1="8" y2="8" className="bm-own-line" />
          <path d="M8 4 H16 L12 11 Z" className="bm-own-marker" />
        </>
      ) : null}
    </svg>
  );
}

/* ------------------------------------------------------------------ Distribution */

/**
 * Geometry in viewBox units. The width is small on purpose: at a phone's ~300px the text stays
 * near its nominal size; on wide screens benchmark.css caps the width and sets a smaller font.
 */
const D = { width: 360, pad: 10, font: 15, small: 14, row: 21 };

/**
 * The distribution of one KPI in one period as a horizontal box-and-whisker: the box is the
 * middle half (p25 to p75) with the median across it, the whisker the 10th to 90th percentile
 * (the tail) when it was published. No lowest, highest or best value: each is one firm's own.
 * "You" is a triangle above, references dashed lines labelled with their source.
 */
export function DistributionChart({ kpiName, unit, direction, summary, own, references = [], domain, decimals, figuresOpen }: DistributionChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const ownValue = isNumber(own) ? own : null;
  const refs = references.filter((r) => isNumber(r.value));
  const tails = isNumber(summary.p10) && isNumber(summary.p90) ? { p10: summary.p10, p90: summary.p90 } : null;
  const figures = [
    summary.p25,
    summary.median,
    summary.p75,
    ...(tails ? [tails.p10, tails.p90] : []),
    ...(ownValue === null ? [] : [ownValue]),
    ...refs.map((r) => r.value),
  ];
  const digits = decimals ?? autoDecimals(figures);
  const { t, number, measure } = useMeasure(unit, digits);
  const scale = niceScale(Math.min(...figures), Math.max(...figures), 5, domain);

  const left = D.pad;
  const right = D.width - D.pad;
  const x = (value: number) => round2(left + ((Math.min(scale.hi, Math.max(scale.lo, value)) - scale.lo) / (scale.hi - scale.lo)) * (right - left));

  // Rows from the top: direction, one per reference, "you", the box, the axis.
  const directionY = 16;
  const refTop = directionY + 10;
  const refRows = refs.map((ref, i) => ({ ref, y: refTop + D.row * (i + 1) }));
  const ownLabelY = refTop + D.row * refs.length + D.row + 2;
  const boxTop = ownLabelY + 20;
  const boxHeight = 32;
  const boxMid = boxTop + boxHeight / 2;
  const boxBottom = boxTop + boxHeight;
  const axisY = boxBottom + 18;
  const tickLabelY = axisY + 20;
  const unitY = tickLabelY + 20;
  const height = unitY + 8;

  const better = t(direction === "higher" ? "benchmarkChart.higherIsBetter" : "benchmarkChart.lowerIsBetter");
  const directionText = direction === "higher" ? `${better} →` : `← ${better}`;
  const ownLabel = ownValue === null ? null : placeLabel(x(ownValue), t("benchmarkChart.youValue", { value: measure(ownValue) }), D.font, left, right);

  const description = [
    t("benchmarkChart.quartilesDesc", { members: number(summary.n, 0), median: measure(summary.median), p25: measure(summary.p25), p75: measure(summary.p75) }),
    tails ? t("benchmarkChart.tailDesc", { p10: measure(tails.p10), p90: measure(tails.p90) }) : t("benchmarkChart.noTailDesc"),
    ownValue === null ? t("benchmarkChart.noOwnDesc") : t("benchmarkChart.ownDesc", { value: measure(ownValue) }),
    ...refs.map((r) => t("benchmarkChart.referenceDesc", { source: r.source, value: measure(r.value) })),
    `${better}.`,
  ].join(" ");

  const rows: Array<[string, string]> = [
    [t("benchmarkChart.n"), number(summary.n, 0)],
    ...(tails ? [[t("benchmarkChart.p10"), measure(tails.p10)] as [string, string]] : []),
    [t("benchmarkChart.p25"), measure(summary.p25)],
    [t("benchmarkChart.median"), measure(summary.median)],
    [t("benchmarkChart.p75"), measure(summary.p75)],
    ...(tails
      ? ([
          [t("benchmarkChart.p90"), measure(tails.p90)],
          [t("benchmarkChart.spread"), measure(tails.p90 - tails.p10)],
        ] as Array<[string, string]>)
      : []),
    [t("benchmarkChart.you"), ownValue === null ? t("benchmarkChart.notReported") : measure(ownValue)],
    ...refs.map((r): [string, string] => [t("benchmarkChart.referenceRow", { source: r.source }), measure(r.value)]),
  ];

  return (
    <figure className="benchmark-chart benchmark-distribution" data-testid="distribution-chart">
      <svg
        viewBox={`0 0 ${D.width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="benchmark-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{t("benchmarkChart.distributionTitle", { kpi: kpiName })}</title>
        <desc id={descId}>{description}</desc>

        <text
          x={direction === "higher" ? right : left}
          y={directionY}
          textAnchor={direction === "higher" ? "end" : "start"}
          className="bm-direction"
          fontSize={D.small}
        >
          {directionText}
        </text>

        {refRows.map(({ ref, y }, i) => {
          const label = placeLabel(x(ref.value), t("benchmarkChart.referenceLabel", { source: ref.source, value: measure(ref.value) }), D.small, left, right);
          return (
            <g key={`${ref.source}-${i}`} className="bm-reference" data-reference={ref.source}>
              <line x1={x(ref.value)} x2={x(ref.value)} y1={y + 4} y2={axisY} className="bm-ref-line" />
              <text x={label.x} y={y} textAnchor={label.anchor} className="bm-ref-text" fontSize={D.small}>
                {label.text}
              </text>
            </g>
          );
        })}

        {/* The tail, p10..p90 with caps, only when it was published (from ten firms). */}
        {tails ? (
          <g className="bm-tails">
            <line x1={x(tails.p10)} x2={x(tails.p90)} y1={boxMid} y2={boxMid} className="bm-whisker" />
            <line x1={x(tails.p10)} x2={x(tails.p10)} y1={boxMid - 10} y2={boxMid + 10} className="bm-whisker" />
            <line x1={x(tails.p90)} x2={x(tails.p90)} y1={boxMid - 10} y2={boxMid + 10} className="bm-whisker" />
          </g>
        ) : null}
        <rect x={x(summary.p25)} y={boxTop} width={Math.max(1, x(summary.p75) - x(summary.p25))} height={boxHeight} className="bm-box" />
        <line x1={x(summary.median)} x2={x(summary.median)} y1={boxTop - 3} y2={boxBottom + 3} className="bm-median" />

        {ownValue !== null && ownLabel ? (
          <g className="bm-own" data-own={ownValue}>
            <text x={ownLabel.x} y={ownLabelY} textAnchor={ownLabel.anchor} className="bm-own-text" fontSize={D.font}>
              {ownLabel.text}
            </text>
            <line x1={x(ownValue)} x2={x(ownValue)} y1={boxTop - 4} y2={boxBottom} className="bm-own-line" />
            <path d={`M${round2(x(ownValue) - 7)} ${ownLabelY + 5} H${round2(x(ownValue) + 7)} L${x(ownValue)} ${boxTop - 2} Z`} className="bm-own-marker" />
          </g>
        ) : null}

        <g className="bm-axis">
          <line x1={left} x2={right} y1={axisY} y2={axisY} className="bm-axis-line" />
          {scale.ticks.map((tick, i) => {
            const tx = x(tick);
            const anchor = i === 0 && tx - left < 12 ? "start" : i === scale.ticks.length - 1 && right - tx < 12 ? "end" : "middle";
            return (
              <g key={tick}>
                <line x1={tx} x2={tx} y1={axisY} y2={axisY + 5} className="bm-axis-line" />
                <text x={tx} y={tickLabelY} textAnchor={anchor} className="bm-tick" fontSize={D.small}>
                  {number(tick, Math.max(scale.tickDigits, 0))}
                </text>
              </g>
            );
          })}
          <text x={(left + right) / 2} y={unitY} textAnchor="middle" className="bm-tick" fontSize={D.small}>
            {t("benchmarkChart.axisUnit", { unit })}
          </text>
        </g>
      </svg>
      <figcaption>
        <ul className="benchmark-legend" aria-label={t("benchmarkChart.legend")}>
          <li>
            <Swatch kind="own" /> {t("benchmarkChart.you")}
          </li>
          <li>
            <Swatch kind="median" /> {t("benchmarkChart.median")}
          </li>
          <li>
            <Swatch kind="box" /> {t("benchmarkChart.middleHalf")}
          </li>
          {refs.length ? (
            <li>
              <Swatch kind="reference" /> {t("benchmarkChart.references")}
            </li>
          ) : null}
        </ul>
        <Figures open={figuresOpen}>
          <div className="benchmark-table-wrap">
            <table className="benchmark-table">
              <caption className="visually-hidden">{t("benchmarkChart.distributionTitle", { kpi: kpiName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("benchmarkChart.figure")}</th>
                  <th scope="col" className="num">
                    {t("benchmarkChart.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, value], i) => (
                  <tr key={`${label}-${i}`}>
                    <th scope="row">{label}</th>
                    <td className="num">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">
            <DirectionNote direction={direction} />. {t("benchmark.method")}
          </p>
        </Figures>
      </figcaption>
    </figure>
  );
}

/* ------------------------------------------------------------------ Trend */

const T = { width: 360, height: 256, right: 10, top: 30, bottom: 50, font: 14 };

/** Consecutive runs of indices where `has` holds (a null breaks a line: a gap, not a zero). */
function runs(count: number, has: (index: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < count; i++) {
    if (has(i)) current.push(i);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The trend of one KPI across periods: the band is the 10th to 90th percentile (the tail: a
 * narrowing band is a shortening tail), the solid line with dots the median, the dashed line
 * with triangles the member's own value. Periods without enough submissions leave a gap and a
 * shaded column; they are never drawn as zero.
 */
export function TrendChart({ kpiName, unit, direction, points, references = [], decimals, figuresOpen }: TrendChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const refs = references.filter((r) => isNumber(r.value));
  const values = points.flatMap((p) => [p.median, p.own, p.p10, p.p90].filter(isNumber)).concat(refs.map((r) => r.value));
  const digits = decimals ?? autoDecimals(values);
  const { t, number, measure } = useMeasure(unit, digits);
  const scale = values.length ? niceScale(Math.min(...values), Math.max(...values), 5) : niceScale(0, 1, 5);

  // Room on the left for the widest tick label.
  const tickLabels = scale.ticks.map((tick) => number(tick, scale.tickDigits));
  const plotLeft = Math.round(Math.max(30, ...tickLabels.map((label) => textWidth(label, T.font) + 10)));
  const plotRight = T.width - T.right;
  const plotTop = T.top;
  const plotBottom = T.height - T.bottom;
  const slot = points.length ? (plotRight - plotLeft) / points.length : plotRight - plotLeft;
  const x = (index: number) => round2(plotLeft + slot * (index + 0.5));
  const y = (value: number) => round2(plotBottom - ((value - scale.lo) / (scale.hi - scale.lo)) * (plotBottom - plotTop));

  // Period labels: every k-th, always the last, so they never overlap on a narrow chart.
  const widest = Math.max(0, ...points.map((p) => textWidth(p.label, T.font)));
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  const showLabel = (index: number) => (points.length - 1 - index) % every === 0;

  const hasBand = (i: number) => isNumber(points[i].p10) && isNumber(points[i].p90);
  const hasMedian = (i: number) => isNumber(points[i].median);
  const hasOwn = (i: number) => isNumber(points[i].own);
  // A lone point between gaps is drawn by its marker only (a one-point path is invisible).
  const lines = (has: (index: number) => boolean) => runs(points.length, has).filter((run) => run.length >= 2);
  const line = (run: number[], pick: (p: TrendChartPoint) => number | null) =>
    run.map((i, k) => `${k ? "L" : "M"}${x(i)} ${y(pick(points[i]) as number)}`).join(" ");

  const better = t(direction === "higher" ? "benchmarkChart.higherIsBetter" : "benchmarkChart.lowerIsBetter");
  const withMedian = points.filter((p) => isNumber(p.median));
  const withOwn = points.filter((p) => isNumber(p.own));
  const description = [
    points.length ? t("benchmarkChart.trendDesc", { first: points[0].label, last: points[points.length - 1].label }) : t("benchmarkChart.trendEmpty"),
    withMedian.length >= 2
      ? t("benchmarkChart.trendMedian", {
          from: measure(withMedian[0].median as number),
          fromLabel: withMedian[0].label,
          to: measure(withMedian[withMedian.length - 1].median as number),
          toLabel: withMedian[withMedian.length - 1].label,
        })
      : "",
    withOwn.length >= 2
      ? t("benchmarkChart.trendOwn", {
          from: measure(withOwn[0].own as number),
          fromLabel: withOwn[0].label,
          to: measure(withOwn[withOwn.length - 1].own as number),
          toLabel: withOwn[withOwn.length - 1].label,
        })
      : "",
    points.some((p) => !isNumber(p.median)) ? t("benchmarkChart.trendGaps") : "",
    ...refs.map((r) => t("benchmarkChart.referenceDesc", { source: r.source, value: measure(r.value) })),
    `${better}.`,
  ]
    .filter(Boolean)
    .join(" ");

  // Reference labels sit above their line at the right; pushed apart when two are close.
  let lastLabelY = Number.NEGATIVE_INFINITY;
  const refLabels = [...refs]
    .map((ref, i) => ({ ref, i, lineY: y(Math.min(scale.hi, Math.max(scale.lo, ref.value))) }))
    .sort((a, b) => a.lineY - b.lineY)
    .map((entry) => {
      const labelY = Math.max(entry.lineY - 4, lastLabelY + 15, plotTop + 10);
      lastLabelY = labelY;
      return { ...entry, labelY };
    });

  return (
    <figure className="benchmark-chart benchmark-trend" data-testid="trend-chart">
      <svg
        viewBox={`0 0 ${T.width} ${T.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="benchmark-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{t("benchmarkChart.trendTitle", { kpi: kpiName })}</title>
        <desc id={descId}>{description}</desc>

        <text x={plotLeft} y={16} className="bm-direction" fontSize={T.font}>
          {direction === "higher" ? `↑ ${better}` : `↓ ${better}`}
        </text>
        <text x={(plotLeft + plotRight) / 2} y={T.height - 6} textAnchor="middle" className="bm-tick" fontSize={T.font}>
          {t("benchmarkChart.axisUnit", { unit })}
        </text>

        <g className="bm-axis">
          {scale.ticks.map((tick, i) => (
            <g key={tick}>
              <line x1={plotLeft} x2={plotRight} y1={y(tick)} y2={y(tick)} className="bm-grid" />
              <text x={plotLeft - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="bm-tick" fontSize={T.font}>
                {tickLabels[i]}
              </text>
            </g>
          ))}
          <line x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} className="bm-axis-line" />
        </g>

        {points.map((p, i) =>
          isNumber(p.median) ? null : (
            <rect
              key={`gap-${p.label}`}
              x={round2(x(i) - slot / 2 + 2)}
              y={plotTop}
              width={round2(Math.max(1, slot - 4))}
              height={plotBottom - plotTop}
              className="bm-gap"
              data-gap={p.label}
            >
              <title>{t("benchmarkChart.gapTitle", { period: p.label })}</title>
            </rect>
          )
        )}

        {runs(points.length, hasBand).map((run) =>
          run.length === 1 ? (
            <rect
              key={`band-${run[0]}`}
              x={round2(x(run[0]) - 5)}
              y={y(points[run[0]].p90 as number)}
              width={10}
              height={round2(Math.max(1, y(points[run[0]].p10 as number) - y(points[run[0]].p90 as number)))}
              className="bm-band"
            />
          ) : (
            <path
              key={`band-${run[0]}`}
              d={`${line(run, (p) => p.p90)} ${[...run]
                .reverse()
                .map((i) => `L${x(i)} ${y(points[i].p10 as number)}`)
                .join(" ")} Z`}
              className="bm-band"
            />
          )
        )}

        {refLabels.map(({ ref, i, lineY }) => (
          <g key={`ref-${i}`} className="bm-reference" data-reference={ref.source}>
            <line x1={plotLeft} x2={plotRight} y1={lineY} y2={lineY} className="bm-ref-line" />
          </g>
        ))}

        {lines(hasMedian).map((run) => (
          <path key={`median-${run[0]}`} d={line(run, (p) => p.median)} className="bm-median-line" />
        ))}
        {points.map((p, i) =>
          isNumber(p.median) ? (
            <circle key={`m-${p.label}`} cx={x(i)} cy={y(p.median)} r={4} className="bm-median-point">
              <title>{t("benchmarkChart.pointMedian", { period: p.label, value: measure(p.median) })}</title>
            </circle>
          ) : null
        )}

        {lines(hasOwn).map((run) => (
          <path key={`own-${run[0]}`} d={line(run, (p) => p.own)} className="bm-own-line" />
        ))}
        {points.map((p, i) =>
          isNumber(p.own) ? (
            <path
              key={`o-${p.label}`}
              d={`M${round2(x(i) - 6)} ${round2(y(p.own) - 5)} H${round2(x(i) + 6)} L${x(i)} ${round2(y(p.own) + 6)} Z`}
              className="bm-own-marker"
              data-own-period={p.label}
            >
              <title>{t("benchmarkChart.pointOwn", { period: p.label, value: measure(p.own) })}</title>
            </path>
          ) : null
        )}

        {/* Reference labels last, so their halo keeps them readable over the median and "you" lines. */}
        {refLabels.map(({ ref, i, labelY }) => {
          const label = placeLabel(
            plotRight,
            t("benchmarkChart.referenceLabel", { source: ref.source, value: measure(ref.value) }),
            T.font,
            plotLeft,
            plotRight
          );
          return (
            <text key={`ref-label-${i}`} x={label.x} y={labelY} textAnchor={label.anchor} className="bm-ref-text" fontSize={T.font} data-reference-label={ref.source}>
              {label.text}
            </text>
          );
        })}

        {points.map((p, i) =>
          showLabel(i) ? (
            <text key={`x-${p.label}`} x={x(i)} y={plotBottom + 20} textAnchor="middle" className="bm-tick" fontSize={T.font}>
              {p.label}
            </text>
          ) : null
        )}
      </svg>
      <figcaption>
        <ul className="benchmark-legend" aria-label={t("benchmarkChart.legend")}>
          <li>
            <Swatch kind="ownLine" /> {t("benchmarkChart.you")}
          </li>
          <li>
            <Swatch kind="medianLine" /> {t("benchmarkChart.median")}
          </li>
          <li>
            <Swatch kind="band" /> {t("benchmarkChart.tail")}
          </li>
          {refs.length ? (
            <li>
              <Swatch kind="reference" /> {t("benchmarkChart.references")}
            </li>
          ) : null}
        </ul>
        <Figures open={figuresOpen}>
          <div className="benchmark-table-wrap">
            <table className="benchmark-table">
              <caption className="visually-hidden">{t("benchmarkChart.trendTitle", { kpi: kpiName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("benchmarkChart.period")}</th>
                  <th scope="col" className="num">
                    {t("benchmarkChart.median")}
                  </th>
                  <th scope="col" className="num">
                    {t("benchmarkChart.tail")}
                  </th>
                  <th scope="col" className="num">
                    {t("benchmarkChart.you")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.label}>
                    <th scope="row" className="period">
                      {p.label}
                    </th>
                    <td className="num">{isNumber(p.median) ? measure(p.median) : t("benchmarkChart.notEnough")}</td>
                    <td className="num">
                      {isNumber(p.p10) && isNumber(p.p90)
                        ? t("benchmarkChart.range", { from: measure(p.p10), to: measure(p.p90) })
                        : t("benchmarkChart.notEnough")}
                    </td>
                    <td className="num">{isNumber(p.own) ? measure(p.own) : t("benchmarkChart.notReported")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {refs.length ? (
            <ul className="small">
              {refs.map((r, i) => (
                <li key={`${r.source}-${i}`}>{t("benchmarkChart.referenceLabel", { source: r.source, value: measure(r.value) })}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted small">
            <DirectionNote direction={direction} />. {t("benchmark.method")}
          </p>
        </Figures>
      </figcaption>
    </figure>
  );
}
