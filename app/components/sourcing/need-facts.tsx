import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { certificationName } from "../../../db/reference/certifications";
import { FormattedDate, FormattedMoney } from "../formatted";
import { volumeText } from "./match";
import type { NeedPageData } from "./need-page";

/** The need itself: what is sought, how much, where, when and on which terms. */
export function NeedFacts({ page }: { page: NeedPageData }) {
  const { t } = useTranslation();
  const { need } = page;
  return (
    <section className="card stack" aria-labelledby="need-heading">
      <h2 id="need-heading">{t("sourcing.page.about")}</h2>
      {need.description ? <p className="need-description">{need.description}</p> : null}
      <NeedFactList page={page} />
      <NeedLists need={need} />
    </section>
  );
}

/** One term and its description in the facts list. */
function fact(label: string, value: ReactNode) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function NeedFactList({ page }: { page: NeedPageData }) {
  const { t, i18n } = useTranslation();
  const { need } = page;
  return (
    <dl className="facts">
      {fact(t("sourcing.fields.buyer"), need.buyerName)}
      {fact(t("sourcing.fields.sector"), page.sectorName)}
      {fact(t("sourcing.fields.link"), t(`links.${need.link}`))}
      {fact(t("sourcing.fields.tier"), t(`tiers.${need.tier}`))}
      {fact(
        t("sourcing.fields.volume"),
        <span data-testid="need-volume">{volumeText(t, i18n.language, need.volume, need.unit, need.volumePeriod)}</span>,
      )}
      {fact(
        t("sourcing.fields.targetUnitPrice"),
        need.targetUnitPriceMinor === null ? (
          t("sourcing.page.noPrice")
        ) : (
          <FormattedMoney amountMinor={need.targetUnitPriceMinor} currency={need.currency} />
        ),
      )}
      {fact(
        t("sourcing.fields.delivery"),
        [need.deliveryPlace, page.countryNames[need.deliveryCountry] ?? need.deliveryCountry].filter(Boolean).join(", "),
      )}
      {fact(
        t("sourcing.fields.window"),
        need.windowStart || need.windowEnd ? (
          <>
            {need.windowStart ? <FormattedDate value={need.windowStart} /> : "…"} –{" "}
            {need.windowEnd ? <FormattedDate value={need.windowEnd} /> : "…"}
          </>
        ) : (
          t("sourcing.page.noWindow")
        ),
      )}
      {fact(t("sourcing.fields.closingDate"), <FormattedDate value={need.closingDate} />)}
      {fact(t("sourcing.page.specifiesFact"), t(`sourcing.specifies.${need.specifies}`))}
      {fact(t("sourcing.page.designsJointlyFact"), need.designsJointly ? t("sourcing.page.yes") : t("sourcing.page.no"))}
      {fact(t("sourcing.page.exclusivityFact"), need.exclusivity ? t("sourcing.page.yes") : t("sourcing.page.no"))}
      {fact(
        t("sourcing.page.supportFact"),
        need.supportOffered.length ? need.supportOffered.map((s) => t(`sourcing.support.${s}`)).join(", ") : t("sourcing.page.none"),
      )}
      {fact(
        t("sourcing.fields.visibility"),
        need.visibility === "all" ? t("sourcing.visibility.all") : need.networkIds.map((id) => page.networkNames[id] ?? id).join(", "),
      )}
    </dl>
  );
}

/** The functions sought and the certifications asked for. */
function NeedLists({ need }: { need: NeedPageData["need"] }) {
  const { t } = useTranslation();
  return (
    <div className="need-lists">
      <div>
        <h3>{t("sourcing.page.functionsFact")}</h3>
        {need.functions.length ? (
          <ul className="tags">
            {need.functions.map((f) => (
              <li key={f} className="tag">
                {t(`functions.${f}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("sourcing.page.noFunctions")}</p>
        )}
      </div>
      <div>
        <h3>{t("sourcing.fields.certifications")}</h3>
        {need.certifications.length ? (
          <ul className="tags">
            {need.certifications.map((c) => (
              <li key={c.code} className={`tag${c.mustHave ? " tag-accent" : ""}`}>
                {certificationName(c.code)} · {t(`sourcing.certKind.${c.mustHave ? "must_have" : "preferred"}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("sourcing.page.noCertifications")}</p>
        )}
      </div>
    </div>
  );
}
