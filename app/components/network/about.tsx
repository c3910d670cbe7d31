import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";
import { FormattedNumber } from "../formatted";

interface Permissions {
  createInitiative: boolean;
  update: boolean;
}

/** The network's name and the tools its brokers start from. */
export function NetworkHead({ id, name, permissions }: { id: string; name: string; permissions: Permissions }) {
  const { t } = useTranslation();
  return (
    <div className="page-head">
      <h1>{name}</h1>
      <div className="actions">
        {permissions.createInitiative ? (
          <>
            <Link to={`/networks/${id}/initiatives/new`} className="button">
              {t("networks.page.startInitiative")}
            </Link>
            <Link to={`/networks/${id}/stands/new`} className="button button-secondary" data-testid="new-stand">
              {t("stands.form.newTitle")}
            </Link>
            <Link to={`/networks/${id}/clubs/new`} className="button button-secondary" data-testid="new-club">
              {t("learning.nav.newClub")}
            </Link>
          </>
        ) : null}
        <Link to={`/networks/${id}/kpis`} className="button button-secondary" data-testid="kpi-catalogue">
          {t("learning.nav.kpis")}
        </Link>
        {permissions.update ? (
          <>
            <Link to={`/networks/${id}/dependence`} className="button button-secondary">
              {t("dependence.links.networkDependence")}
            </Link>
            <Link to={`/networks/${id}/edit`} className="button button-secondary">
              {t("networks.page.edit")}
            </Link>
          </>
        ) : null}
      </div>
    </div>
  );
}

interface About {
  description: string;
  sectorName: string;
  region: string;
  currency: string;
  thresholds: Record<"notable" | "warning" | "critical" | "hhiModerate" | "hhiHigh" | "systemic", number>;
}

/** What the network is: sector, region, brokers, size, currency and its dependence thresholds. */
export function NetworkAbout({ network, brokers, memberCount }: { network: About; brokers: Array<{ name: string }>; memberCount: number }) {
  const { t, i18n } = useTranslation();
  const num = (value: number) => formatNumber(i18n.language, value);
  const th = network.thresholds;
  return (
    <section className="card" aria-labelledby="network-about">
      <h2 id="network-about" className="visually-hidden">
        {t("networks.page.about")}
      </h2>
      {network.description ? <p>{network.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t("fields.sector")}</dt>
          <dd>{network.sectorName}</dd>
        </div>
        <div>
          <dt>{t("fields.region")}</dt>
          <dd>{network.region || "—"}</dd>
        </div>
        <div>
          <dt>{t("networks.page.brokers")}</dt>
          <dd data-testid="network-brokers">{brokers.map((b) => b.name).join(", ") || "—"}</dd>
        </div>
        <div>
          <dt>{t("networks.columns.members")}</dt>
          <dd>
            <FormattedNumber value={memberCount} />
          </dd>
        </div>
        <div>
          <dt>{t("fields.currency")}</dt>
          <dd>{network.currency}</dd>
        </div>
        <div className="fact-wide">
          <dt>{t("networks.page.thresholds")}</dt>
          <dd>
            {t("networks.page.thresholdsSummary", {
              notable: num(th.notable),
              warning: num(th.warning),
              critical: num(th.critical),
              hhiModerate: num(th.hhiModerate),
              hhiHigh: num(th.hhiHigh),
              systemic: num(th.systemic),
            })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
