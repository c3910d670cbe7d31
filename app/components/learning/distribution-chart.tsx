import type { TFunction } from "i18next";
import {
  autoDecimals,
  Figures,
  isNumber,
  Legend,
  MethodNote,
  niceScale,
  placeLabel,
  round2,
  useChartIds,
  useMeasure,
  type BenchmarkReference,
  type DistributionChartProps,
  type DistributionSummary,
} from "./chart-kit";

/**
 * Geometry in viewBox units. The width is small on purpose: at a phone's ~300px the text stays
 * near its nominal size; on wide screens benchmark.css caps the width and sets a smaller font.
 */
const D = { width: 360, pad: 10, font: 15, small: 14, row: 21 };
const left = D.pad;
const right = D.width - D.pad;

/** Rows from the top: direction, one per reference, "you", the box, the axis. */
function layout(references: number) {
  const directionY = 16;
  const refTop = directionY + 10;
  const ownLabelY = refTop + D.row * references + D.row + 2;
  const boxTop = ownLabelY + 20;
  const boxHeight = 32;
  const boxBottom = boxTop + boxHeight;
  const axisY = boxBottom + 18;
  const tickLabelY = axisY + 20;
  const unitY = tickLabelY + 20;
  return {
    directionY,
    refY: (i: number) => refTop + D.row * (i + 1),
    ownLabelY,
    boxTop,
    boxHeight,
    boxMid: boxTop + boxHeight / 2,
    boxBottom,
    axisY,
    tickLabelY,
    unitY,
    height: unitY + 8,
  };
}

type Tails = { p10: number; p90: number } | null;
type Measure = ReturnType<typeof useMeasure>;

/** The chart in words (the SVG's description) and as a table of figures. */
function words(
  { t, number, measure }: Measure,
  summary: DistributionSummary,
  tails: Tails,
  own: number | null,
  refs: BenchmarkReference[],
  better: string,
) {
  const description = [
    t("benchmarkChart.quartilesDesc", {
      members: number(summary.n, 0),
      median: measure(summary.median),
      p25: measure(summary.p25),
      p75: measure(summary.p75),
    }),
    tails ? t("benchmarkChart.tailDesc", { p10: measure(tails.p10), p90: measure(tails.p90) }) : t("benchmarkChart.noTailDesc"),
    own === null ? t("benchmarkChart.noOwnDesc") : t("benchmarkChart.ownDesc", { value: measure(own) }),
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
    [t("benchmarkChart.you"), own === null ? t("benchmarkChart.notReported") : measure(own)],
    ...refs.map((r): [string, string] => [t("benchmarkChart.referenceRow", { source: r.source }), measure(r.value)]),
  ];
  return { description, rows };
}

/** Everything the distribution draws, computed once. */
function useDistribution({ unit, direction, summary, own, references = [], domain, decimals }: DistributionChartProps) {
  const ownValue = isNumber(own) ? own : null;
  const refs = references.filter((r) => isNumber(r.value));
  const tails: Tails = isNumber(summary.p10) && isNumber(summary.p90) ? { p10: summary.p10, p90: summary.p90 } : null;
  const figures = [
    summary.p25,
    summary.median,
    summary.p75,
    ...(tails ? [tails.p10, tails.p90] : []),
    ...(ownValue === null ? [] : [ownValue]),
    ...refs.map((r) => r.value),
  ];
  const measure = useMeasure(unit, decimals ?? autoDecimals(figures));
  const scale = niceScale(Math.min(...figures), Math.max(...figures), 5, domain);
  const x = (value: number) =>
    round2(left + ((Math.min(scale.hi, Math.max(scale.lo, value)) - scale.lo) / (scale.hi - scale.lo)) * (right - left));
  const better = measure.t(direction === "higher" ? "benchmarkChart.higherIsBetter" : "benchmarkChart.lowerIsBetter");
  return {
    ...measure,
    ownValue,
    refs,
    tails,
    scale,
    x,
    better,
    at: layout(refs.length),
    ...words(measure, summary, tails, ownValue, refs, better),
  };
}

type Chart = ReturnType<typeof useDistribution>;

function Axis({ chart, unit }: { chart: Chart; unit: string }) {
  const { scale, x, at, number, t } = chart;
  return (
    <g className="bm-axis">
      <line x1={left} x2={right} y1={at.axisY} y2={at.axisY} className="bm-axis-line" />
      {scale.ticks.map((tick, i) => {
        const tx = x(tick);
        const anchor = i === 0 && tx - left < 12 ? "start" : i === scale.ticks.length - 1 && right - tx < 12 ? "end" : "middle";
        return (
          <g key={tick}>
            <line x1={tx} x2={tx} y1={at.axisY} y2={at.axisY + 5} className="bm-axis-line" />
            <text x={tx} y={at.tickLabelY} textAnchor={anchor} className="bm-tick" fontSize={D.small}>
              {number(tick, Math.max(scale.tickDigits, 0))}
            </text>
          </g>
        );
      })}
      <text x={(left + right) / 2} y={at.unitY} textAnchor="middle" className="bm-tick" fontSize={D.small}>
        {t("benchmarkChart.axisUnit", { unit })}
      </text>
    </g>
  );
}

function References({ chart }: { chart: Chart }) {
  const { refs, x, at, t, measure } = chart;
  return refs.map((ref, i) => {
    const label = placeLabel(
      x(ref.value),
      t("benchmarkChart.referenceLabel", { source: ref.source, value: measure(ref.value) }),
      D.small,
      left,
      right,
    );
    return (
      <g key={`${ref.source}-${i}`} className="bm-reference" data-reference={ref.source}>
        <line x1={x(ref.value)} x2={x(ref.value)} y1={at.refY(i) + 4} y2={at.axisY} className="bm-ref-line" />
        <text x={label.x} y={at.refY(i)} textAnchor={label.anchor} className="bm-ref-text" fontSize={D.small}>
          {label.text}
        </text>
      </g>
    );
  });
}

/** The box (p25..p75) with the median across it, and the tail (p10..p90 with caps) only when it was published (from ten firms). */
function Box({ chart, summary }: { chart: Chart; summary: DistributionSummary }) {
  const { tails, x, at } = chart;
  return (
    <>
      {tails ? (
        <g className="bm-tails">
          <line x1={x(tails.p10)} x2={x(tails.p90)} y1={at.boxMid} y2={at.boxMid} className="bm-whisker" />
          <line x1={x(tails.p10)} x2={x(tails.p10)} y1={at.boxMid - 10} y2={at.boxMid + 10} className="bm-whisker" />
          <line x1={x(tails.p90)} x2={x(tails.p90)} y1={at.boxMid - 10} y2={at.boxMid + 10} className="bm-whisker" />
        </g>
      ) : null}
      <rect
        x={x(summary.p25)}
        y={at.boxTop}
        width={Math.max(1, x(summary.p75) - x(summary.p25))}
        height={at.boxHeight}
        className="bm-box"
      />
      <line x1={x(summary.median)} x2={x(summary.median)} y1={at.boxTop - 3} y2={at.boxBottom + 3} className="bm-median" />
    </>
  );
}

function Own({ chart }: { chart: Chart }) {
  const { ownValue, x, at, t, measure } = chart;
  if (ownValue === null) return null;
  const label = placeLabel(x(ownValue), t("benchmarkChart.youValue", { value: measure(ownValue) }), D.font, left, right);
  return (
    <g className="bm-own" data-own={ownValue}>
      <text x={label.x} y={at.ownLabelY} textAnchor={label.anchor} className="bm-own-text" fontSize={D.font}>
        {label.text}
      </text>
      <line x1={x(ownValue)} x2={x(ownValue)} y1={at.boxTop - 4} y2={at.boxBottom} className="bm-own-line" />
      <path
        d={`M${round2(x(ownValue) - 7)} ${at.ownLabelY + 5} H${round2(x(ownValue) + 7)} L${x(ownValue)} ${at.boxTop - 2} Z`}
        className="bm-own-marker"
      />
    </g>
  );
}

function FigureTable({ caption, rows, t }: { caption: string; rows: Array<[string, string]>; t: TFunction }) {
  return (
    <div className="benchmark-table-wrap">
      <table className="benchmark-table">
        <caption className="visually-hidden">{caption}</caption>
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
  );
}

/**
 * The distribution of one KPI in one period as a horizontal box-and-whisker: the box is the
 * middle half (p25 to p75) with the median across it, the whisker the 10th to 90th percentile
 * (the tail) when it was published. No lowest, highest or best value: each is one firm's own.
 * "You" is a triangle above, references dashed lines labelled with their source.
 */
export function DistributionChart(props: DistributionChartProps) {
  const { kpiName, unit, direction, summary, figuresOpen } = props;
  const { titleId, descId } = useChartIds();
  const chart = useDistribution(props);
  const { t, at } = chart;
  const title = t("benchmarkChart.distributionTitle", { kpi: kpiName });
  return (
    <figure className="benchmark-chart benchmark-distribution" data-testid="distribution-chart">
      <svg
        viewBox={`0 0 ${D.width} ${at.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="benchmark-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{chart.description}</desc>
        <text
          x={direction === "higher" ? right : left}
          y={at.directionY}
          textAnchor={direction === "higher" ? "end" : "start"}
          className="bm-direction"
          fontSize={D.small}
        >
          {direction === "higher" ? `${chart.better} →` : `← ${chart.better}`}
        </text>
        <References chart={chart} />
        <Box chart={chart} summary={summary} />
        <Own chart={chart} />
        <Axis chart={chart} unit={unit} />
      </svg>
      <figcaption>
        <Legend
          items={[
            ["own", t("benchmarkChart.you")],
            ["median", t("benchmarkChart.median")],
            ["box", t("benchmarkChart.middleHalf")],
          ]}
          references={chart.refs.length > 0}
        />
        <Figures open={figuresOpen}>
          <FigureTable caption={title} rows={chart.rows} t={t} />
          <MethodNote direction={direction} />
        </Figures>
      </figcaption>
    </figure>
  );
}
