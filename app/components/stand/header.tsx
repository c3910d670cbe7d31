import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { StandView } from "../../../server/services/stands/get-stand";
import { FormattedDate } from "../formatted";

/** The stand page's head: network and initiative links, title, fair line and status. */
export function StandHeader({ view, countryNames }: { view: StandView; countryNames: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiative, fair } = view;
  return (
    <header className="page-head">
      <div>
        <p className="muted small">
          <Link to={`/networks/${initiative.networkId}`}>{initiative.networkName}</Link> ·{" "}
          <Link to={`/initiatives/${initiative.id}`}>{t("stands.page.initiativePage")}</Link>
        </p>
        <h1>{initiative.title}</h1>
        <p className="stand-fair-line">
          {t("stands.page.atFair", { fair: fair.name, city: fair.city, country: countryNames[fair.country] ?? fair.country })} ·{" "}
          <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
        </p>
      </div>
      <span className={`status-badge status-${initiative.status}`} data-testid="initiative-status">
        {t(`initiatives.status.${initiative.status}`)}
      </span>
    </header>
  );
}

/** Links to the page's sections the reader sees. */
export function SectionNav({ view }: { view: StandView }) {
  const { t } = useTranslation();
  const sections: Array<[string, string, boolean]> = [
    ["plan", "stands.page.planTitle", true],
    ["requests", "stands.page.requestsTitle", view.permissions.canDecide || view.waitingList.length > 0],
    ["costs", "stands.page.costsTitle", true],
    ["tasks", "stands.page.tasksTitle", view.tasks !== null],
    ["leads", "stands.page.leadsTitle", view.leads !== null],
    ["fair", "stands.page.fairTitle", true],
  ];
  return (
    <nav aria-label={t("stands.page.sections")} className="section-nav">
      <ul>
        {sections
          .filter(([, , shown]) => shown)
          .map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
