import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DOMINANCE_LIMIT_BP } from "../../../server/domain/disclosure";
import type { getNetworkDependence } from "../../../server/services/ledger/get-network-dependence";
import { FormattedMoney, FormattedNumber } from "../formatted";
import { formatBp, FormattedPercent, LevelBadge } from "./dependence";

type Figures = Awaited<ReturnType<typeof getNetworkDependence>>;

/** The members of a network by their dependence, the most exposed first. */
export function MembersByRisk({ figures, withoutSales }: { figures: Figures; withoutSales: Array<{ name: string }> }) {
  const { t } = useTranslation();
  const { period, members, currency } = figures;
  return (
    <section className="card stack" aria-labelledby="members-risk">
      <h2 id="members-risk">{t("dependence.network.membersTitle", { period })}</h2>
      {members.length === 0 ? (
        <p className="muted">{t("dependence.network.noMemberFigures")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="members-risk" tabIndex={0}>
          <table data-testid="members-by-risk">
            <thead>
              <tr>
                <th scope="col">{t("dependence.network.member")}</th>
                <th scope="col">{t("dependence.measures.level")}</th>
                <th scope="col" className="num">
                  {t("dependence.measures.topShare")}
                </th>
                <th scope="col">{t("dependence.measures.topBuyer")}</th>
                <th scope="col" className="num">
                  {t("dependence.measures.hhi")}
                </th>
                <th scope="col" className="num">
                  {t("dependence.measures.buyers")}
                </th>
                <th scope="col" className="num">
                  {t("dependence.measures.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.firmId} data-level={m.level}>
                  <th scope="row">
                    <Link to={`/firms/${m.firmId}/dependence`}>{m.name}</Link>
                  </th>
                  <td>
                    <LevelBadge level={m.level} />
                  </td>
                  <td className="num">
                    <FormattedPercent bp={m.topShareBp} />
                  </td>
                  <td>
                    {m.topBuyer ? m.topBuyer.name : "—"}
                    {m.topBuyer?.viaAgent ? <span className="muted small"> ({t("dependence.panel.agentFlag")})</span> : null}
                  </td>
                  <td className="num">
                    <FormattedNumber value={m.hhi} />
                  </td>
                  <td className="num">
                    <FormattedNumber value={m.buyers} />
                  </td>
                  <td className="num">
                    <FormattedMoney amountMinor={m.totalMinor} currency={currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {withoutSales.length > 0 ? (
        <p className="muted small">
          {t("dependence.network.withoutSales", {
            firms: withoutSales.map((m) => m.name).join(", "),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** Buyers many members depend on, with their combined share when it may be disclosed. */
export function SystemicBuyers({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const { thresholds, systemicBuyers, currency, disclosure, members } = figures;
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const names = new Map(members.map((m) => [m.firmId, m.name]));
  return (
    <section className="card stack" aria-labelledby="systemic-buyers" data-testid="systemic-buyers">
      <h2 id="systemic-buyers">{t("dependence.network.systemicTitle")}</h2>
      <p className="muted">
        {t("dependence.network.systemicIntro", {
          share: pct(thresholds.systemicShareBp),
        })}
      </p>
      {systemicBuyers.length === 0 ? (
        <p>{t("dependence.network.noSystemic")}</p>
      ) : (
        <ul className="systemic-list">
          {systemicBuyers.map((b) => (
            <li key={b.key} className="systemic-buyer">
              <h3>
                {b.name}
                {b.viaAgent ? <span className="muted small"> ({t("dependence.panel.agentFlag")})</span> : null}
              </h3>
              {b.amountMinor !== null && b.shareBp !== null ? (
                <p data-testid="systemic-combined">
                  {t("dependence.network.systemicShare", {
                    share: pct(b.shareBp),
                  })}{" "}
                  (
                  <FormattedMoney amountMinor={b.amountMinor} currency={currency} />)
                </p>
              ) : (
                <p data-testid="systemic-withheld">
                  {t("dependence.network.systemicAtLeast", {
                    share: pct(thresholds.systemicShareBp),
                  })}{" "}
                  {b.withheld === "dominated"
                    ? t("dependence.network.combinedDominated", {
                        limit: pct(DOMINANCE_LIMIT_BP),
                      })
                    : t("dependence.network.combinedTooFew", {
                        count: b.contributors,
                        min: disclosure.minContributors,
                      })}
                </p>
              )}
              <p className="muted small">
                {t("dependence.network.dependingMembers", {
                  count: b.members.length,
                })}
              </p>
              <ul className="link-list">
                {b.members.map((m) => (
                  <li key={m.firmId}>
                    <Link to={`/firms/${m.firmId}/dependence`}>{m.name || names.get(m.firmId)}</Link>:{" "}
                    {t("dependence.network.memberShare", {
                      share: pct(m.shareBp),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
