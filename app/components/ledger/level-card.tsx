import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";
import { FormattedMoney, FormattedNumber } from "../formatted";
import type { Figures } from "./chart-data";
import { formatBp, formatPointsChange, FormattedPercent, HhiBadge, LevelBadge, type DependenceLevel } from "./dependence";

type Latest = NonNullable<Figures["latest"]>;

/** The latest period's figures, its level and what that level means and asks for. */
export function LevelCard({
  latest,
  level,
  thresholds,
  currency,
}: {
  latest: Latest;
  level: DependenceLevel;
  thresholds: Figures["thresholds"];
  currency: Figures["currency"];
}) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const num = (n: number) => formatNumber(i18n.language, n);
  return (
    <section className={`card stack level-card level-card-${level}`} aria-labelledby="latest-figures" data-testid="latest-figures">
      <div className="level-head">
        <h2 id="latest-figures">{t("dependence.panel.latest", { period: latest.period })}</h2>
        <LevelBadge level={level} />
      </div>
      <LatestFacts latest={latest} currency={currency} />
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
      <LevelExplanation level={level} latest={latest} />
    </section>
  );
}

function LatestFacts({ latest, currency }: { latest: Latest; currency: Figures["currency"] }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** What the level means, why it matters and what to do about it. */
function LevelExplanation({ level, latest }: { level: DependenceLevel; latest: Latest }) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number) => formatBp(i18n.language, bp);
  return (
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
  );
}

/** Sales through agents: the agent's share and the end customers behind it. */
export function AgentSales({ agents }: { agents: Latest["measure"]["shares"] }) {
  const { t, i18n } = useTranslation();
  const pct = (bp: number) => formatBp(i18n.language, bp);
  return (
    <section className="card stack" aria-labelledby="agent-sales" data-testid="agent-sales">
      <h2 id="agent-sales">{t("dependence.panel.agentsTitle")}</h2>
      <p className="muted">{t("dependence.panel.agentsIntro")}</p>
      <ul>
        {agents.map((a) => (
          <li key={a.key}>
            {t("dependence.panel.agentLine", {
              agent: a.name,
              share: pct(a.shareBp),
              customers: a.endCustomers.join(", ") || "—",
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How the top share and the HHI moved over the periods. */
export function Trend({ trend }: { trend: Figures["trend"] }) {
  const { t, i18n } = useTranslation();
  return (
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
            hhi: formatNumber(i18n.language, trend.hhiChange, {
              signDisplay: "exceptZero",
            }),
          })}
        </p>
      )}
    </section>
  );
}
