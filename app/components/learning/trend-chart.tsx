import {
  autoDecimals,
  Figures,
  isNumber,
  Legend,
  MethodNote,
  niceScale,
  placeLabel,
  round2,
  textWidth,
  useChartIds,
  useMeasure,
  type BenchmarkReference,
  type Scale,
  type TrendChartPoint,
  type TrendChartProps,
} from "./chart-kit";

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

type Measure = ReturnType<typeof useMeasure>;
type Points = ReadonlyArray<TrendChartPoint>;

/** The plot's frame: room on the left for the widest tick label, one slot per period. */
function geometry(points: Points, scale: Scale, tickLabels: string[]) {
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
  const line = (run: number[], pick: (p: TrendChartPoint) => number | null) =>
    run.map((i, k) => `${k ? "L" : "M"}${x(i)} ${y(pick(points[i]) as number)}`).join(" ");
  return { plotLeft, plotRight, plotTop, plotBottom, slot, x, y, showLabel, line };
}

/** From the first to the last period that has a `pick` value, in words. */
function change({ t, measure }: Measure, points: Points, key: string, pick: (p: TrendChartPoint) => number | null): string {
  const given = points.filter((p) => isNumber(pick(p)));
  if (given.length < 2) return "";
  const [first, last] = [given[0], given[given.length - 1]];
  return t(key, { from: measure(pick(first) as number), fromLabel: first.label, to: measure(pick(last) as number), toLabel: last.label });
}

function description(measure: Measure, points: Points, refs: BenchmarkReference[], better: string): string {
  const { t } = measure;
  return [
    points.length
      ? t("benchmarkChart.trendDesc", { first: points[0].label, last: points[points.length - 1].label })
      : t("benchmarkChart.trendEmpty"),
    change(measure, points, "benchmarkChart.trendMedian", (p) => p.median),
    change(measure, points, "benchmarkChart.trendOwn", (p) => p.own),
    points.some((p) => !isNumber(p.median)) ? t("benchmarkChart.trendGaps") : "",
    ...refs.map((r) => t("benchmarkChart.referenceDesc", { source: r.source, value: measure.measure(r.value) })),
    `${better}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** Reference labels sit above their line at the right; pushed apart when two are close. */
function referenceLabels(refs: BenchmarkReference[], y: (value: number) => number, scale: Scale, plotTop: number) {
  let lastLabelY = Number.NEGATIVE_INFINITY;
  return [...refs]
    .map((ref, i) => ({ ref, i, lineY: y(Math.min(scale.hi, Math.max(scale.lo, ref.value))) }))
    .sort((a, b) => a.lineY - b.lineY)
    .map((entry) => {
      const labelY = Math.max(entry.lineY - 4, lastLabelY + 15, plotTop + 10);
      lastLabelY = labelY;
      return { ...entry, labelY };
    });
}

function useTrend({ direction, unit, points, references = [], decimals }: TrendChartProps) {
  const refs = references.filter((r) => isNumber(r.value));
  const values = points.flatMap((p) => [p.median, p.own, p.p10, p.p90].filter(isNumber)).concat(refs.map((r) => r.value));
  const measure = useMeasure(unit, decimals ?? autoDecimals(values));
  const scale = values.length ? niceScale(Math.min(...values), Math.max(...values), 5) : niceScale(0, 1, 5);
  const tickLabels = scale.ticks.map((tick) => measure.number(tick, scale.tickDigits));
  const frame = geometry(points, scale, tickLabels);
  const better = measure.t(direction === "higher" ? "benchmarkChart.higherIsBetter" : "benchmarkChart.lowerIsBetter");
  return {
    ...measure,
    ...frame,
    points,
    refs,
    scale,
    tickLabels,
    better,
    description: description(measure, points, refs, better),
    refLabels: referenceLabels(refs, frame.y, scale, frame.plotTop),
  };
}

type Chart = ReturnType<typeof useTrend>;

function Axis({ chart, unit, direction }: { chart: Chart; unit: string; direction: TrendChartProps["direction"] }) {
  const { t, plotLeft, plotRight, plotBottom, y, scale, tickLabels, better } = chart;
  return (
    <>
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
    </>
  );
}

/** Periods without enough submissions: a shaded column, never a zero. */
function Gaps({ chart }: { chart: Chart }) {
  const { points, x, slot, plotTop, plotBottom, t } = chart;
  return points.map((p, i) =>
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
    ),
  );
}

/** The tail, p10 to p90, as a band (a lone period as a bar). */
function Bands({ chart }: { chart: Chart }) {
  const { points, x, y, line } = chart;
  const hasBand = (i: number) => isNumber(points[i].p10) && isNumber(points[i].p90);
  return runs(points.length, hasBand).map((run) =>
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
    ),
  );
}

/** A line through the periods that have `pick` (a lone point between gaps is drawn by its marker only). */
function Lines({ chart, name, pick }: { chart: Chart; name: "median" | "own"; pick: (p: TrendChartPoint) => number | null }) {
  const { points, line } = chart;
  return runs(points.length, (i) => isNumber(pick(points[i])))
    .filter((run) => run.length >= 2)
    .map((run) => <path key={`${name}-${run[0]}`} d={line(run, pick)} className={`bm-${name}-line`} />);
}

function Marks({ chart }: { chart: Chart }) {
  const { points, x, y, t, measure } = chart;
  return (
    <>
      <Lines chart={chart} name="median" pick={(p) => p.median} />
      {points.map((p, i) =>
        isNumber(p.median) ? (
          <circle key={`m-${p.label}`} cx={x(i)} cy={y(p.median)} r={4} className="bm-median-point">
            <title>{t("benchmarkChart.pointMedian", { period: p.label, value: measure(p.median) })}</title>
          </circle>
        ) : null,
      )}
      <Lines chart={chart} name="own" pick={(p) => p.own} />
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
        ) : null,
      )}
    </>
  );
}

/** Reference labels are drawn last, so their halo keeps them readable over the median and "you" lines. */
function ReferenceLabels({ chart }: { chart: Chart }) {
  const { refLabels, plotLeft, plotRight, t, measure } = chart;
  return refLabels.map(({ ref, i, labelY }) => {
    const label = placeLabel(
      plotRight,
      t("benchmarkChart.referenceLabel", { source: ref.source, value: measure(ref.value) }),
      T.font,
      plotLeft,
      plotRight,
    );
    return (
      <text
        key={`ref-label-${i}`}
        x={label.x}
        y={labelY}
        textAnchor={label.anchor}
        className="bm-ref-text"
        fontSize={T.font}
        data-reference-label={ref.source}
      >
        {label.text}
      </text>
    );
  });
}

function TrendTable({ chart, caption }: { chart: Chart; caption: string }) {
  const { points, t, measure } = chart;
  return (
    <div className="benchmark-table-wrap">
      <table className="benchmark-table">
        <caption className="visually-hidden">{caption}</caption>
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
  );
}

/**
 * The trend of one KPI across periods: the band is the 10th to 90th percentile (the tail: a
 * narrowing band is a shortening tail), the solid line with dots the median, the dashed line
 * with triangles the member's own value. Periods without enough submissions leave a gap and a
 * shaded column; they are never drawn as zero.
 */
export function TrendChart(props: TrendChartProps) {
  const { kpiName, unit, direction, figuresOpen } = props;
  const { titleId, descId } = useChartIds();
  const chart = useTrend(props);
  const { t, measure, refs, points, x, plotLeft, plotRight, plotBottom } = chart;
  const title = t("benchmarkChart.trendTitle", { kpi: kpiName });
  return (
    <figure className="benchmark-chart benchmark-trend" data-testid="trend-chart">
      <svg
        viewBox={`0 0 ${T.width} ${T.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="benchmark-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{chart.description}</desc>
        <Axis chart={chart} unit={unit} direction={direction} />
        <Gaps chart={chart} />
        <Bands chart={chart} />
        {chart.refLabels.map(({ ref, i, lineY }) => (
          <g key={`ref-${i}`} className="bm-reference" data-reference={ref.source}>
            <line x1={plotLeft} x2={plotRight} y1={lineY} y2={lineY} className="bm-ref-line" />
          </g>
        ))}
        <Marks chart={chart} />
        <ReferenceLabels chart={chart} />
        {points.map((p, i) =>
          chart.showLabel(i) ? (
            <text key={`x-${p.label}`} x={x(i)} y={plotBottom + 20} textAnchor="middle" className="bm-tick" fontSize={T.font}>
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <Legend
          items={[
            ["ownLine", t("benchmarkChart.you")],
            ["medianLine", t("benchmarkChart.median")],
            ["band", t("benchmarkChart.tail")],
          ]}
          references={refs.length > 0}
        />
        <Figures open={figuresOpen}>
          <TrendTable chart={chart} caption={title} />
          {refs.length ? (
            <ul className="small">
              {refs.map((r, i) => (
                <li key={`${r.source}-${i}`}>{t("benchmarkChart.referenceLabel", { source: r.source, value: measure(r.value) })}</li>
              ))}
            </ul>
          ) : null}
          <MethodNote direction={direction} />
        </Figures>
      </figcaption>
    </figure>
  );
}
