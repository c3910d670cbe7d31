import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";

/**
 * The live stand plan: the stand drawn to scale (1 unit = 1 dm) as an inline SVG floor plan,
 * one rectangle per exhibitor from `standPlan` (server/domain/stand-plan.ts), the free area
 * hatched and labelled, the viewer's own space outlined and named "Your space". Labels that do
 * not fit their rectangle become numbered keys; the table under the drawing is both the legend
 * and the text alternative of the image. Styles in app/styles/stands.css.
 */

interface PlanRect {
  /** The space's id; null for the free area. */
  id: string | null;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  areaDm2: number;
}

export interface PlanLayout {
  widthDm: number;
  depthDm: number;
  rects: PlanRect[];
}

/** A table that scrolls sideways on a narrow screen, reachable and named for keyboard users. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Square decimetres as square metres in the reader's locale: 1250 -> "12.5". */
export function formatM2(locale: string, areaDm2: number): string {
  return formatNumber(locale, areaDm2 / 100, { maximumFractionDigits: 2 });
}

/** Decimetres as metres: 85 -> "8.5". */
export function formatMetres(locale: string, dm: number): string {
  return formatNumber(locale, dm / 10, { maximumFractionDigits: 1 });
}

/** Fill colours for exhibitors (dark text on each meets WCAG AA); the free area is hatched instead. */
const FILLS = ["#dbe7fb", "#e4f2e7", "#fbe9d7", "#efe3f7", "#dff3f4", "#f6e4e4", "#eeeede"];

/** A generous width of a text in a sans-serif face (bold is wider), in the font's size units. */
const textWidth = (text: string, size: number, bold: boolean) => text.length * size * (bold ? 0.64 : 0.58);

interface Placed {
  rect: PlanRect;
  key: number | null;
  own: boolean;
  lines: string[];
  size: number;
  /** Drawn along the rectangle's long side (a narrow, deep rectangle). */
  rotated: boolean;
}

/** Decides each rectangle's label: name and area, area only, or its key number. */
function placeLabels(
  rects: PlanRect[],
  ownId: string | null | undefined,
  fontSize: number,
  texts: { free: string; yours: string; area: (dm2: number) => string },
): Placed[] {
  let next = 0;
  return rects.map((rect) => {
    const free = rect.id === null;
    const own = !free && rect.id === ownId;
    const key = free ? null : ++next;
    const name = free ? texts.free : rect.label;
    const area = texts.area(rect.areaDm2);
    const pad = fontSize * 0.5;
    const room = { w: rect.width - 2 * pad, h: rect.height - 2 * pad };
    const candidates: string[][] = [
      own ? [texts.yours, name, area] : [name, area],
      own ? [texts.yours, area] : [name],
      [`${key ?? ""}`.trim() || name],
    ];
    const fits = (lines: string[], size: number, w: number, h: number) =>
      Math.max(...lines.map((l, i) => textWidth(l, size, i === 0))) <= w && lines.length * size * 1.2 <= h;
    for (const size of [fontSize, fontSize * 0.8]) {
      for (const lines of candidates) {
        if (fits(lines, size, room.w, room.h)) return { rect, key, own, lines, size, rotated: false };
        if (room.h > room.w && fits(lines, size, room.h, room.w)) return { rect, key, own, lines, size, rotated: true };
      }
    }
    // Too small for any text: the table names it by its key.
    return { rect, key, own, lines: [], size: fontSize, rotated: false };
  });
}

/** One rectangle's label lines, centred; none when nothing fits (the table names it by its key). */
function Label({ placed: p }: { placed: Placed }) {
  if (!p.lines.length) return null;
  const { rect } = p;
  const free = rect.id === null;
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2 - ((p.lines.length - 1) * p.size * 1.2) / 2;
  return (
    <text
      x={cx}
      y={cy}
      fontSize={p.size}
      textAnchor="middle"
      dominantBaseline="central"
      className={free ? "plan-free-label" : p.own ? "plan-own-label" : undefined}
      transform={p.rotated ? `rotate(-90 ${cx} ${rect.y + rect.height / 2})` : undefined}
    >
      {p.lines.map((line, i) => (
        <tspan key={i} x={cx} dy={i === 0 ? 0 : p.size * 1.2} fontWeight={i === 0 && (p.own || free) ? 700 : i === 0 ? 600 : 400}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function StandPlan({
  plan,
  ownId,
  caption,
  statusOf = {},
  testId = "stand-plan",
}: {
  plan: PlanLayout;
  /** The viewer's own space (a rect id), outlined and named "Your space". */
  ownId?: string | null;
  caption?: string;
  /** A short status per rect id (e.g. "awaiting confirmation"), shown in the table. */
  statusOf?: Record<string, string>;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const ids = { title: `plan-title-${uid}`, desc: `plan-desc-${uid}`, hatch: `plan-hatch-${uid}`, table: `plan-table-${uid}` };

  const W = Math.max(1, plan.widthDm);
  const D = Math.max(1, plan.depthDm);
  // Text sizes follow the drawing. Two label layers: finer text where the drawing is wide, larger
  // text (falling back to key numbers sooner) where it is narrow, chosen by a container query.
  const fontSize = Math.max(W, D) / 30;
  const narrowSize = Math.max(W, D) / 19;
  const scale: Scale = { W, D, fontSize, narrowSize, margin: narrowSize * 1.8 };
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) });
  const texts = { free: t("stands.plan.free"), yours: t("stands.plan.yourSpace"), area };
  const placed = placeLabels(plan.rects, ownId, fontSize, texts);
  const placedNarrow = placeLabels(plan.rects, ownId, narrowSize, texts);

  const totalDm2 = plan.rects.reduce((sum, r) => sum + r.areaDm2, 0);
  const freeDm2 = plan.rects.filter((r) => r.id === null).reduce((sum, r) => sum + r.areaDm2, 0);
  const exhibitors = placed.filter((p) => p.rect.id !== null);
  const dims = t("stands.plan.dimensions", { width: formatMetres(locale, W), depth: formatMetres(locale, D) });
  const own = exhibitors.find((p) => p.own);
  const title = t("stands.plan.title", { dimensions: dims, area: area(totalDm2) });
  const desc = [
    t("stands.plan.desc", { count: exhibitors.length, free: area(freeDm2) }),
    own ? t("stands.plan.descOwn", { area: area(own.rect.areaDm2) }) : "",
    t("stands.plan.descTable"),
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <figure className="stand-plan" data-testid={testId}>
      <div className="stand-plan-drawing">
        <PlanDrawing scale={scale} ids={ids} title={title} desc={desc} placed={placed} placedNarrow={placedNarrow} />
      </div>
      <figcaption>
        <p className="stand-plan-scale">
          <strong>{dims}</strong> · {t("stands.plan.totalArea", { area: area(totalDm2) })} ·{" "}
          <span className="plan-free-swatch" aria-hidden="true" /> {t("stands.plan.freeArea", { area: area(freeDm2) })}
          {caption ? <> · {caption}</> : null}
        </p>
        <PlanTable placed={placed} totalDm2={totalDm2} statusOf={statusOf} tableId={ids.table} testId={`${testId}-table`} />
      </figcaption>
    </figure>
  );
}

/** The drawing's size in dm, its two label sizes and the margin around it for the dimensions. */
interface Scale {
  W: number;
  D: number;
  fontSize: number;
  narrowSize: number;
  margin: number;
}

function PlanDrawing({
  scale,
  ids,
  title,
  desc,
  placed,
  placedNarrow,
}: {
  scale: Scale;
  ids: { title: string; desc: string; hatch: string };
  title: string;
  desc: string;
  placed: Placed[];
  placedNarrow: Placed[];
}) {
  const { t } = useTranslation();
  const { W, D, fontSize, narrowSize, margin } = scale;
  return (
    <svg
      viewBox={`${-margin} ${-margin} ${W + 2 * margin} ${D + 2 * margin}`}
      role="img"
      aria-labelledby={`${ids.title} ${ids.desc}`}
      preserveAspectRatio="xMidYMid meet"
      className="stand-plan-svg"
    >
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{desc}</desc>
      <defs>
        <pattern id={ids.hatch} patternUnits="userSpaceOnUse" width={fontSize * 0.8} height={fontSize * 0.8} patternTransform="rotate(45)">
          <rect width={fontSize * 0.8} height={fontSize * 0.8} fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2={fontSize * 0.8} stroke="#9aa5b4" strokeWidth={fontSize * 0.18} />
        </pattern>
      </defs>
      <PlanDimensions scale={scale} />
      <PlanSpaces placed={placed} hatchId={ids.hatch} fontSize={fontSize} />
      <g className="plan-labels plan-labels-wide">
        {placed.map((p, index) => (
          <Label key={p.rect.id ?? `free-${index}`} placed={p} />
        ))}
      </g>
      <g className="plan-labels plan-labels-narrow">
        {placedNarrow.map((p, index) => (
          <Label key={p.rect.id ?? `free-${index}`} placed={p} />
        ))}
      </g>
      {/* The outline of the whole stand, and its open front (the aisle) along the bottom. */}
      <rect x={0} y={0} width={W} height={D} className="plan-outline" strokeWidth={fontSize * 0.14} fill="none" />
      <line
        x1={0}
        y1={D}
        x2={W}
        y2={D}
        className="plan-front"
        strokeWidth={fontSize * 0.2}
        strokeDasharray={`${fontSize * 0.6} ${fontSize * 0.4}`}
      />
      <text x={W / 2} y={D + margin * 0.65} textAnchor="middle" fontSize={narrowSize * 0.7} className="plan-front-label">
        {t("stands.plan.aisle")}
      </text>
    </svg>
  );
}

/** Width along the top, depth along the left side. */
function PlanDimensions({ scale }: { scale: Scale }) {
  const { t, i18n } = useTranslation();
  const { W, D, fontSize, narrowSize, margin } = scale;
  return (
    <g className="plan-dimension" fontSize={narrowSize * 0.7}>
      <line x1={0} y1={-margin * 0.45} x2={W} y2={-margin * 0.45} strokeWidth={fontSize * 0.06} />
      <text x={W / 2} y={-margin * 0.6} textAnchor="middle">
        {t("stands.plan.metres", { value: formatMetres(i18n.language, W) })}
      </text>
      <line x1={-margin * 0.45} y1={0} x2={-margin * 0.45} y2={D} strokeWidth={fontSize * 0.06} />
      <text x={-margin * 0.6} y={D / 2} textAnchor="middle" transform={`rotate(-90 ${-margin * 0.6} ${D / 2})`}>
        {t("stands.plan.metres", { value: formatMetres(i18n.language, D) })}
      </text>
    </g>
  );
}

/** One filled rectangle per exhibitor, the free area hatched, the viewer's own space outlined. */
function PlanSpaces({ placed, hatchId, fontSize }: { placed: Placed[]; hatchId: string; fontSize: number }) {
  return (
    <>
      {placed.map((p, index) => {
        const { rect } = p;
        const fill = p.key === null ? `url(#${hatchId})` : FILLS[(p.key - 1) % FILLS.length];
        return (
          <g
            key={rect.id ?? `free-${index}`}
            className={`plan-space${rect.id === null ? " plan-free" : ""}${p.own ? " plan-own" : ""}`}
            data-space={rect.id ?? "free"}
          >
            <rect
              x={rect.x}
              y={rect.y}
              width={rect.width}
              height={rect.height}
              fill={fill}
              strokeWidth={p.own ? fontSize * 0.22 : fontSize * 0.06}
            />
          </g>
        );
      })}
    </>
  );
}

/** The legend and text alternative of the drawing: key, exhibitor, area and share of the stand. */
function PlanTable({
  placed,
  totalDm2,
  statusOf,
  tableId,
  testId,
}: {
  placed: Placed[];
  totalDm2: number;
  statusOf: Record<string, string>;
  tableId: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) });
  return (
    <TableWrap label={t("stands.plan.tableCaption")}>
      <table className="plan-table" id={tableId} data-testid={testId}>
        <caption className="visually-hidden">{t("stands.plan.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stands.plan.key")}</th>
            <th scope="col">{t("stands.plan.exhibitor")}</th>
            <th scope="col" className="num">
              {t("stands.plan.area")}
            </th>
            <th scope="col" className="num">
              {t("stands.plan.shareOfStand")}
            </th>
          </tr>
        </thead>
        <tbody>
          {placed.map((p, index) => (
            <tr key={p.rect.id ?? `free-${index}`} className={p.own ? "own-line" : p.rect.id === null ? "plan-free-row" : undefined}>
              <td>
                {p.key !== null ? (
                  <span className="plan-key" style={{ background: FILLS[(p.key - 1) % FILLS.length] }}>
                    {p.key}
                  </span>
                ) : (
                  <span className="plan-key plan-key-free" aria-hidden="true" />
                )}
              </td>
              <th scope="row">
                {p.rect.id === null ? t("stands.plan.free") : p.rect.label}
                {p.own ? <span className="tag own-tag">{t("stands.plan.yourSpace")}</span> : null}
                {p.rect.id !== null && statusOf[p.rect.id] ? <span className="tag tag-pending">{statusOf[p.rect.id]}</span> : null}
              </th>
              <td className="num">{area(p.rect.areaDm2)}</td>
              <td className="num">
                {formatNumber(locale, totalDm2 ? p.rect.areaDm2 / totalDm2 : 0, { style: "percent", maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
