import type { ReactNode } from "react";
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
      <FirmFacts firm={firm} countryName={countryName} sectorName={sectorName} />
      {firm.description ? <p>{firm.description}</p> : null}
      {firm.functions.length > 0 ? (
        <Tags heading={t("fields.functions")} labels={firm.functions.map((f) => [f, t(`functions.${f}`)])} />
      ) : null}
      {firm.kind === "sme" ? <Certifications certifications={firm.certifications} /> : null}
      {firm.upgradingGoals && firm.upgradingGoals.length > 0 ? (
        <Tags heading={t("fields.upgradingGoals")} labels={firm.upgradingGoals.map((g) => [g, t(`upgradingGoals.${g}`)])} />
      ) : null}
      {firm.capacities && firm.capacities.length > 0 ? <Capacities capacities={firm.capacities} /> : null}
    </div>
  );
}

/** One term and its description in the facts list. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function FirmFacts({ firm, countryName, sectorName }: { firm: Firm; countryName: string; sectorName: string }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <Fact term={t("fields.kind")}>{t(`firmKinds.${firm.kind}`)}</Fact>
      <Fact term={t("fields.country")}>
        {countryName}
        {firm.region ? ` · ${firm.region}` : ""}
      </Fact>
      <Fact term={t("fields.sector")}>{sectorName}</Fact>
      {firm.employees !== null ? (
        <Fact term={t("fields.employees")}>
          <FormattedNumber value={firm.employees} />
        </Fact>
      ) : null}
      {firm.turnover ? (
        <Fact term={t("fields.turnover")}>
          <FormattedMoney amountMinor={firm.turnover.amountMinor} currency={firm.turnover.currency} />
        </Fact>
      ) : null}
      {firm.kind === "sme" && firm.link ? <Fact term={t("fields.link")}>{t(`links.${firm.link}`)}</Fact> : null}
      {firm.kind === "sme" && firm.tier ? <Fact term={t("fields.tier")}>{t(`tiers.${firm.tier}`)}</Fact> : null}
      {firm.roleLadder ? <Fact term={t("fields.roleLadder")}>{t(`roleLadder.${firm.roleLadder}`)}</Fact> : null}
      {firm.buyerType ? <Fact term={t("fields.buyerType")}>{t(`buyerTypes.${firm.buyerType}`)}</Fact> : null}
      {firm.usualGovernance ? <Fact term={t("fields.usualGovernance")}>{t(`governance.${firm.usualGovernance}`)}</Fact> : null}
      {firm.website ? (
        <Fact term={t("fields.website")}>
          <a href={firm.website} rel="noopener noreferrer">
            {firm.website}
          </a>
        </Fact>
      ) : null}
    </dl>
  );
}

/** A headed list of tags; `labels` pairs each value (the key) with its label. */
function Tags({ heading, labels }: { heading: string; labels: Array<[string, string]> }) {
  return (
    <section>
      <h2>{heading}</h2>
      <ul className="tags">
        {labels.map(([value, label]) => (
          <li key={value} className="tag">
            {label}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Certifications({ certifications }: { certifications: Firm["certifications"] }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t("fields.certifications")}</h2>
      {certifications.length === 0 ? (
        <p className="muted">{t("firm.noCertifications")}</p>
      ) : (
        <ul className="tags">
          {certifications.map((c) => (
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
  );
}

function Capacities({ capacities }: { capacities: NonNullable<Firm["capacities"]> }) {
  const { t } = useTranslation();
  return (
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
            {capacities.map((c) => (
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
  );
}
