import { useTranslation } from "react-i18next";
import { certificationName } from "../../../db/reference/certifications";
import type { PrivateFirm, PublicFirm } from "../../../server/services/firms/firm-views";
import { FormattedDate, FormattedMoney, FormattedNumber } from "../formatted";

type Firm = PublicFirm & Partial<Pick<PrivateFirm, "turnover" | "upgradingGoals" | "capacities">>;

/** A firm's profile; private fields appear only when the loader sent them. */
export function FirmProfile({ firm, countryName, sectorName }: { firm: Firm; countryName: string; sectorName: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>{t("fields.kind")}</dt>
          <dd>{t(`firmKinds.${firm.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.country")}</dt>
          <dd>
            {countryName}
            {firm.region ? ` · ${firm.region}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("fields.sector")}</dt>
          <dd>{sectorName}</dd>
        </div>
        {firm.employees !== null ? (
          <div>
            <dt>{t("fields.employees")}</dt>
            <dd>
              <FormattedNumber value={firm.employees} />
            </dd>
          </div>
        ) : null}
        {firm.turnover ? (
          <div>
            <dt>{t("fields.turnover")}</dt>
            <dd>
              <FormattedMoney amountMinor={firm.turnover.amountMinor} currency={firm.turnover.currency} />
            </dd>
          </div>
        ) : null}
        {firm.kind === "sme" && firm.link ? (
          <div>
            <dt>{t("fields.link")}</dt>
            <dd>{t(`links.${firm.link}`)}</dd>
          </div>
        ) : null}
        {firm.kind === "sme" && firm.tier ? (
          <div>
            <dt>{t("fields.tier")}</dt>
            <dd>{t(`tiers.${firm.tier}`)}</dd>
          </div>
        ) : null}
        {firm.roleLadder ? (
          <div>
            <dt>{t("fields.roleLadder")}</dt>
            <dd>{t(`roleLadder.${firm.roleLadder}`)}</dd>
          </div>
        ) : null}
        {firm.buyerType ? (
          <div>
            <dt>{t("fields.buyerType")}</dt>
            <dd>{t(`buyerTypes.${firm.buyerType}`)}</dd>
          </div>
        ) : null}
        {firm.usualGovernance ? (
          <div>
            <dt>{t("fields.usualGovernance")}</dt>
            <dd>{t(`governance.${firm.usualGovernance}`)}</dd>
          </div>
        ) : null}
        {firm.website ? (
          <div>
            <dt>{t("fields.website")}</dt>
            <dd>
              <a href={firm.website} rel="noopener noreferrer">
                {firm.website}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {firm.description ? <p>{firm.description}</p> : null}
      {firm.functions.length > 0 ? (
        <section>
          <h2>{t("fields.functions")}</h2>
          <ul className="tags">
            {firm.functions.map((f) => (
              <li key={f} className="tag">
                {t(`functions.${f}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {firm.kind === "sme" ? (
        <section>
          <h2>{t("fields.certifications")}</h2>
          {firm.certifications.length === 0 ? (
            <p className="muted">{t("firm.noCertifications")}</p>
          ) : (
            <ul className="tags">
              {firm.certifications.map((c) => (
                <li key={c.code} className={`tag tag-${c.status}`}>
                  {certificationName(c.code)}
                  {c.expiresOn ? (
                    <>
                      {" · "}
                      {t(`certificationStatus.${c.status}`)} <FormattedDate value={c.expiresOn} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {firm.upgradingGoals && firm.upgradingGoals.length > 0 ? (
        <section>
          <h2>{t("fields.upgradingGoals")}</h2>
          <ul className="tags">
            {firm.upgradingGoals.map((g) => (
              <li key={g} className="tag">
                {t(`upgradingGoals.${g}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {firm.capacities && firm.capacities.length > 0 ? (
        <section>
          <h2>{t("fields.capacities")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fields.product")}</th>
                  <th scope="col">{t("fields.unitsPerMonth")}</th>
                  <th scope="col">{t("fields.leadTimeDays")}</th>
                </tr>
              </thead>
              <tbody>
                {firm.capacities.map((c) => (
                  <tr key={`${c.product}-${c.unit}`}>
                    <td>{c.product}</td>
                    <td>
                      <FormattedNumber value={c.unitsPerMonth} /> {c.unit}
                    </td>
                    <td>
                      <FormattedNumber value={c.leadTimeDays} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
