import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { certificationName } from "../../../db/reference/certifications";
import type { DependenceWarning } from "../../../server/services/sourcing/projection";
import { formatDate, formatNumber } from "../../../i18n/format";
import { FormattedDate } from "../formatted";

/**
 * Shared pieces of the sourcing pages (styles in app/styles/sourcing.css): a match's score and
 * the translated reason of each part, the projected dependence warning and the diversification
 * options. Reasons are i18n keys with parameters (server/domain/matching.ts); their codes (links,
 * functions, goals, certifications, countries) are turned into words before interpolation.
 */

type Reason = { key: string; params: Record<string, string | number> };
export type Part = { part: string; points: number; max: number; reason: Reason; details: Reason[] };
export type Options = {
  needs: Array<{ needId: string; product: string; buyerName: string; score: number }>;
  fairs: Array<{ initiativeId: string; title: string; deadline: string }>;
  /** Buyers met at trade fairs (the SME's own, and shared ones of its stands). */
  leads?: Array<{
    leadId: string;
    initiativeId: string;
    fairName: string;
    buyerName: string;
    country: string;
    nextStep: string;
    own: boolean;
  }>;
};

/** A country code as its name in the reader's language. */
function regionName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
export type Dependence = DependenceWarning;
type Level = NonNullable<DependenceWarning["projectedLevel"]>;

const LEVEL_ORDER: readonly Level[] = ["none", "notable", "warning", "critical"];
const COUNTRY_PARAMS = ["country", "smeCountry", "needCountry"];

/** Basis points (10,000 = 100%) as a percent in the reader's locale. */
export function formatBp(locale: string, bp: number): string {
  return formatNumber(locale, bp / 10_000, { style: "percent", maximumFractionDigits: 1 });
}

/** The country codes the reasons name, for the loader to turn into names in the reader's language. */
export function countryCodesOf(parts: ReadonlyArray<Part>): string[] {
  const codes = new Set<string>();
  for (const p of parts) {
    for (const reason of [p.reason, ...p.details]) {
      for (const key of COUNTRY_PARAMS) if (typeof reason.params[key] === "string") codes.add(reason.params[key]);
    }
  }
  return [...codes];
}

const listOf = (value: string | number | undefined, t: TFunction, prefix: string) =>
  String(value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => t(`${prefix}.${v}`))
    .join(", ");

/** One reason as a sentence in the reader's language. */
function reasonText(reason: Reason, t: TFunction, locale: string, context: { unit: string; countryNames: Record<string, string> }): string {
  const p = reason.params;
  // The buyer sees the upgrading part's points only: the SME's goals are private.
  if (reason.key === "match.upgrading.fit" && p.goals === undefined) return t("sourcing.reasons.upgradingPrivate");
  const out: Record<string, string | number> = { ...p, unit: context.unit };
  const num = (v: string | number) => formatNumber(locale, Number(v));
  const pct = (v: string | number) => formatNumber(locale, Number(v) / 100, { style: "percent", maximumFractionDigits: 0 });
  for (const [key, value] of Object.entries(p)) {
    if (key === "link" || key === "smeLink" || key === "needLink") out[key] = t(`links.${value}`);
    else if (key === "function") out[key] = t(`functions.${value}`);
    else if (key === "missing") out[key] = listOf(value, t, "functions");
    else if (key === "goal") out[key] = t(`upgradingGoals.${value}`);
    else if (key === "goals") out[key] = listOf(value, t, "upgradingGoals");
    else if (key === "support") out[key] = listOf(value, t, "sourcing.support");
    else if (key === "code") out[key] = certificationName(String(value));
    else if (key === "kind") out[key] = t(`sourcing.certKind.${value}`);
    else if (COUNTRY_PARAMS.includes(key)) out[key] = context.countryNames[String(value)] ?? String(value);
    else if (key === "expiresOn" || key === "expiredOn") out[key] = formatDate(locale, String(value));
    else if (key === "capacity" || key === "volume" || key === "penalty") out[key] = num(value);
    else if (key === "percent") out[key] = pct(value);
  }
  return t(reason.key, out);
}

/** The score as a bar with its number (the number is what assistive technology reads). */
export function ScoreBar({ score, label }: { score: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="score" data-testid="score">
      <span className="score-bar" aria-hidden="true">
        <span className="score-fill" style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
      <span className="score-number">{label ?? t("sourcing.match.scoreOf", { score })}</span>
    </span>
  );
}

/** Each part of a score: points out of its maximum and the reason, with the item-by-item notes. */
export function MatchParts({
  parts,
  unit,
  countryNames,
}: {
  parts: ReadonlyArray<Part>;
  unit: string;
  countryNames: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const context = { unit, countryNames };
  return (
    <ul className="match-parts">
      {parts.map((p) => (
        <li key={p.part} className={p.points === p.max ? "part-full" : p.points === 0 ? "part-none" : "part-some"}>
          <span className="part-name">{t(`sourcing.parts.${p.part}`)}</span>{" "}
          <span className="part-points">{t("sourcing.match.points", { points: p.points, max: p.max })}</span>
          <span className="part-reason">{reasonText(p.reason, t, i18n.language, context)}</span>
          {p.details.length ? (
            <ul className="part-details">
              {p.details.map((d, index) => (
                <li key={`${d.key}-${index}`}>{reasonText(d, t, i18n.language, context)}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A dependence level in words and colour (colour is never the only cue). */
export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <span className={`src-level src-level-${level}`} data-level={level}>
      <span aria-hidden="true">{level === "none" ? "✓ " : level === "notable" ? "• " : "! "}</span>
      {t(`sourcing.levels.${level}`)}
    </span>
  );
}

function rank(level: Level | null): number {
  return level ? LEVEL_ORDER.indexOf(level) : -1;
}

/**
 * What winning the need would do to the firm's dependence: current against projected top-buyer
 * share, HHI and level, with a plain sentence, never hidden (DOMAIN.md "Match").
 */
export function DependenceBlock({
  dependence,
  buyerName,
  subject = "own",
  headingLevel = 3,
}: {
  dependence: Dependence;
  buyerName: string;
  subject?: "own" | "member";
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const d = dependence;
  const H = headingLevel === 3 ? "h3" : "h4";
  const rises = d.projectedLevel !== null && d.currentLevel !== null && rank(d.projectedLevel) > rank(d.currentLevel);
  const level = d.projectedLevel ?? "none";
  const showFigures = d.unavailable !== "no_price" && d.unavailable !== "missing_rate";
  return (
    <div
      className={`dependence-block dependence-${rises ? "rises" : "steady"} src-card-${level}`}
      data-testid="projected-dependence"
      data-level={d.projectedLevel ?? ""}
    >
      <div className="dependence-head">
        <H>{t("sourcing.dependence.title")}</H>
        {d.projectedLevel ? <LevelBadge level={d.projectedLevel} /> : null}
      </div>
      <p className={rises ? "dependence-sentence warn-sentence" : "dependence-sentence"}>{dependenceSentence(t, d, buyerName, subject)}</p>
      {d.buyerBecomesTop && showFigures ? (
        <p className="small">{t(`sourcing.dependence.becomesTop_${subject}`, { buyer: buyerName })}</p>
      ) : null}
      {showFigures ? <DependenceTable dependence={d} /> : null}
    </div>
  );
}

/** The plain sentence: why no figures can be shown, or how the level moves. */
function dependenceSentence(t: TFunction, d: Dependence, buyerName: string, subject: "own" | "member"): string {
  if (d.unavailable === "no_price") return t("sourcing.dependence.noPrice");
  if (d.unavailable === "missing_rate") return t("sourcing.dependence.missingRate");
  if (d.unavailable === "no_ledger") return t(`sourcing.dependence.noLedger_${subject}`, { buyer: buyerName });
  const moved = d.projectedLevel !== null && d.currentLevel !== null ? rank(d.projectedLevel) - rank(d.currentLevel) : 0;
  const levels = { from: t(`sourcing.levels.${d.currentLevel}`), to: t(`sourcing.levels.${d.projectedLevel}`) };
  if (moved > 0) return t(`sourcing.dependence.rises_${subject}`, levels);
  if (moved < 0) return t(`sourcing.dependence.falls_${subject}`, levels);
  return t(`sourcing.dependence.stays_${subject}`, { level: t(`sourcing.levels.${d.projectedLevel ?? "none"}`) });
}

/** Current against projected top-buyer share, HHI and level. */
function DependenceTable({ dependence: d }: { dependence: Dependence }) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number | null) => (bp === null ? "—" : formatBp(i18n.language, bp));
  const hhi = (value: number | null) => (value === null ? "—" : formatNumber(i18n.language, value));
  return (
    <div className="table-wrap">
      <table className="dependence-table">
        <caption className="visually-hidden">{t("sourcing.dependence.caption")}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{d.period ? t("sourcing.dependence.current", { period: d.period }) : t("sourcing.dependence.currentNone")}</th>
            <th scope="col">{t("sourcing.dependence.projected")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("sourcing.dependence.topShare")}</th>
            <td className="num">{pct(d.currentTopShareBp)}</td>
            <td className="num" data-testid="projected-share">
              {pct(d.projectedTopShareBp)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("sourcing.dependence.hhi")}</th>
            <td className="num">{hhi(d.currentHhi)}</td>
            <td className="num">{hhi(d.projectedHhi)}</td>
          </tr>
          <tr>
            <th scope="row">{t("sourcing.dependence.level")}</th>
            <td>{d.currentLevel ? <LevelBadge level={d.currentLevel} /> : "—"}</td>
            <td>{d.projectedLevel ? <LevelBadge level={d.projectedLevel} /> : "—"}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Other open needs that fit, joint trade-fair stands open in the firm's networks, and buyers met at fairs. */
export function DiversificationOptions({ options, headingLevel = 3 }: { options: Options; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const H = headingLevel === 3 ? "h3" : "h4";
  const leads = options.leads ?? [];
  return (
    <div className="diversification" data-testid="diversification">
      <H>{t("sourcing.options.title")}</H>
      {options.needs.length === 0 && options.fairs.length === 0 && leads.length === 0 ? (
        <p className="muted small">{t("sourcing.options.none")}</p>
      ) : null}
      {options.needs.length ? (
        <ul className="option-list">
          {options.needs.map((n) => (
            <li key={n.needId}>
              <Link to={`/needs/${n.needId}`}>{n.product}</Link>{" "}
              <span className="muted">{t("sourcing.options.needFrom", { buyer: n.buyerName, score: n.score })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {options.fairs.length ? (
        <ul className="option-list">
          {options.fairs.map((f) => (
            <li key={f.initiativeId}>
              <Link to={`/initiatives/${f.initiativeId}`}>{f.title}</Link>{" "}
              <span className="muted">
                {t("sourcing.options.fairUntil")} <FormattedDate value={f.deadline} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {leads.length ? (
        <ul className="option-list" data-testid="option-leads">
          {leads.map((l) => (
            <li key={l.leadId}>
              <Link to={`/initiatives/${l.initiativeId}/stand`}>{l.buyerName}</Link>{" "}
              <span className="muted">
                {t(l.own ? "sourcing.options.leadMet" : "sourcing.options.leadShared", {
                  country: regionName(i18n.language, l.country),
                  fair: l.fairName,
                })}
                {l.nextStep ? ` ${t("sourcing.options.leadNext", { step: l.nextStep })}` : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A need's status as a badge in words. */
export function NeedStatus({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`need-status need-status-${status}`} data-testid={testId}>
      {t(`sourcing.status.${status}`)}
    </span>
  );
}

/** "30,000 pairs per month" in the reader's locale. */
export function volumeText(t: TFunction, locale: string, volume: number, unit: string, period: string): string {
  return t(`sourcing.volumePer.${period}`, { volume: formatNumber(locale, volume), unit });
}
