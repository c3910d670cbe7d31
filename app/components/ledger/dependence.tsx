import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";

/** Shared pieces of the ledger and dependence pages (styles in app/styles/dependence.css). */

export type DependenceLevel = "none" | "notable" | "warning" | "critical";
export type HhiLevel = "unconcentrated" | "moderate" | "high";

/** Basis points (10,000 = 100%) as a percent in the reader's locale: 8000 -> "80%", 1250 -> "12.5%". */
export function formatBp(locale: string, bp: number): string {
  return formatNumber(locale, bp / 10_000, {
    style: "percent",
    maximumFractionDigits: 2,
  });
}

/** A change in basis points as signed percentage points: 1250 -> "+12.5". */
export function formatPointsChange(locale: string, bp: number): string {
  return formatNumber(locale, bp / 100, {
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
}

export function FormattedPercent({ bp }: { bp: number }) {
  const { i18n } = useTranslation();
  return <>{formatBp(i18n.language, bp)}</>;
}

/** The level as a coloured badge that also says it in words (colour is never the only cue). */
export function LevelBadge({ level }: { level: DependenceLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`level-badge level-${level}`} data-level={level}>
      <span aria-hidden="true" className="level-icon">
        {level === "none" ? "✓" : level === "notable" ? "•" : "!"}
      </span>{" "}
      {t(`dependence.levels.${level}`)}
    </span>
  );
}

export function HhiBadge({ level }: { level: HhiLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`level-badge hhi-${level}`} data-hhi-level={level}>
      {t(`dependence.hhiLevels.${level}`)}
    </span>
  );
}
