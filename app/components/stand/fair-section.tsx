import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { StandView } from "../../../server/services/stands/get-stand";
import { FormattedDate, FormattedMoney } from "../formatted";
import { formatM2, formatMetres } from "./plan";

/** The fair and the stand's settings as facts, with the calendar download and the broker's edit link. */
export function FairSection({ view, countryNames }: { view: StandView; countryNames: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiative, fair, permissions } = view;
  return (
    <section className="card stack" aria-labelledby="fair-heading" id="fair">
      <h2 id="fair-heading">{t("stands.page.fairTitle")}</h2>
      <dl className="facts" data-testid="fair-facts">
        <div>
          <dt>{t("stands.fairs.name")}</dt>
          <dd>{fair.name}</dd>
        </div>
        <div>
          <dt>{t("stands.fairs.dates")}</dt>
          <dd>
            <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
          </dd>
        </div>
        <div>
          <dt>{t("stands.fairs.place")}</dt>
          <dd>{[fair.venue, fair.city, countryNames[fair.country] ?? fair.country].filter(Boolean).join(", ")}</dd>
        </div>
        {fair.organiser ? (
          <div>
            <dt>{t("stands.fairs.organiser")}</dt>
            <dd>{fair.organiser}</dd>
          </div>
        ) : null}
        {fair.website ? (
          <div>
            <dt>{t("stands.fairs.website")}</dt>
            <dd>
              <a href={fair.website} rel="noopener noreferrer" target="_blank">
                {fair.website.replace(/^https?:\/\//, "")}
              </a>
            </dd>
          </div>
        ) : null}
        <StandFacts view={view} />
      </dl>
      {initiative.description ? <p className="stand-description">{initiative.description}</p> : null}
      <div className="actions">
        {permissions.canExportCalendar ? (
          <a
            className="button button-secondary"
            href={`/initiatives/${initiative.id}/stand/calendar.ics`}
            download
            data-testid="calendar-link"
          >
            {t("stands.page.calendar")}
          </a>
        ) : null}
        {permissions.canManage ? (
          <Link className="button button-secondary" to={`/initiatives/${initiative.id}/stand/edit`}>
            {t("stands.page.edit")}
          </Link>
        ) : null}
      </div>
      {permissions.canExportCalendar ? <p className="hint">{t("stands.page.calendarHint")}</p> : null}
    </section>
  );
}

function StandFacts({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const { initiative, stand } = view;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  return (
    <>
      <div>
        <dt>{t("stands.form.deadline")}</dt>
        <dd>
          <FormattedDate value={initiative.deadlineDate} />{" "}
          <span className="muted small">{initiative.bookingOpen ? t("stands.page.bookingOpen") : t("stands.page.bookingClosed")}</span>
        </dd>
      </div>
      <div>
        <dt>{t("stands.form.areaM2")}</dt>
        <dd>
          {area(stand.areaDm2)}
          {stand.frontageDm ? (
            <span className="muted small">
              {" "}
              · {t("stands.page.frontage", { length: t("stands.plan.metres", { value: formatMetres(i18n.language, stand.frontageDm) }) })}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("stands.form.minAreaM2")}</dt>
        <dd>{area(stand.minAreaDm2)}</dd>
      </div>
      <div>
        <dt>{t("stands.costs.totalCost")}</dt>
        <dd>
          <FormattedMoney amountMinor={stand.totalCostMinor} currency={stand.currency} />
        </dd>
      </div>
      <div>
        <dt>{t("stands.page.sharing")}</dt>
        <dd>
          {stand.shareCosts ? t("stands.page.costsShared") : t("stands.page.costsPrivate")};{" "}
          {stand.shareLeads ? t("stands.page.leadsShared") : t("stands.page.leadsPrivate")}
        </dd>
      </div>
    </>
  );
}
