import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";

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

export const isNumber = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** Digits needed to write `step` exactly (0.25 -> 2), at most 6. */
function digitsOf(step: number): number {
  let digits = 0;
  while (digits < 6 && Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) > 1e-9) digits++;
  return digits;
}

/** Decimals worth showing for figures spread over this range: 0 for thousands, 3 for fractions. */
export function autoDecimals(values: number[]): number {
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
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
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
export function useMeasure(unit: string, decimals: number) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = decimals) => formatNumber(i18n.language, value, { maximumFractionDigits: digits });
  const measure = (value: number) =>
    unit.trim() === "%"
      ? formatNumber(i18n.language, value / 100, { style: "percent", maximumFractionDigits: decimals })
      : t("benchmarkChart.valueWithUnit", { value: number(value), unit });
  return { t, number, measure };
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** Roughly how wide a text is in viewBox units (SVG text has no layout before the browser). */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.56;

type Anchor = "start" | "middle" | "end";

/**
 * Places a label centred on x, or against the nearer edge of [left, right] when it would stick
 * out, shortened with an ellipsis if it cannot fit at all. The anchor (not a computed start)
 * keeps it aligned when CSS sets a smaller font on wide screens.
 */
export function placeLabel(
  x: number,
  text: string,
  fontSize: number,
  left: number,
  right: number,
): { x: number; anchor: Anchor; text: string } {
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

export function Figures({ open, children }: { open?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="benchmark-figures" open={open || undefined}>
      <summary>{t("benchmarkChart.showFigures")}</summary>
      {children}
    </details>
  );
}

/** Legend swatches: the same shapes as in the chart. */
function Swatch({ kind }: { kind: SwatchKind }) {
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

/** The ids that tie a chart's SVG to its title and description. */
export function useChartIds() {
  const id = useId();
  return { titleId: `${id}-title`, descId: `${id}-desc` };
}

type SwatchKind = "own" | "best" | "median" | "box" | "band" | "reference" | "medianLine" | "ownLine";

/** The legend under a chart: its marks, and the references' line when there are any. */
export function Legend({ items, references }: { items: Array<[SwatchKind, string]>; references: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="benchmark-legend" aria-label={t("benchmarkChart.legend")}>
      {items.map(([kind, label]) => (
        <li key={kind}>
          <Swatch kind={kind} /> {label}
        </li>
      ))}
      {references ? (
        <li>
          <Swatch kind="reference" /> {t("benchmarkChart.references")}
        </li>
      ) : null}
    </ul>
  );
}

/** The closing note of a chart's figures: which way is better, and how the figures are computed. */
export function MethodNote({ direction }: { direction: BenchmarkDirection }) {
  const { t } = useTranslation();
  return (
    <p className="muted small">
      <DirectionNote direction={direction} />. {t("benchmark.method")}
    </p>
  );
}
