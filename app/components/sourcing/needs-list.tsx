import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "../formatted";
import {
  DependenceBlock,
  DiversificationOptions,
  MatchParts,
  NeedStatus,
  ScoreBar,
  volumeText,
  type Dependence,
  type Options,
  type Part,
} from "./match";

/** The lists of "/needs": the needs a reader may see, and for an SME the open needs that fit its firm. */

export interface NeedsData {
  role: string;
  hasFirm: boolean;
  needs: Array<{
    id: string;
    product: string;
    buyerName: string;
    link: string;
    tier: number;
    volume: number;
    unit: string;
    volumePeriod: string;
    deliveryCountry: string;
    closingDate: string;
    status: string;
  }>;
  matching: Array<{
    needId: string;
    product: string;
    buyerName: string;
    closingDate: string;
    score: number;
    needsConsortium: boolean;
    unit: string;
    parts: Part[];
    dependence: Dependence;
    options: Options;
  }>;
  countryNames: Record<string, string>;
}

export function NeedsTable({ data }: { data: NeedsData }) {
  const { t, i18n } = useTranslation();
  const showStatus = data.role === "buyer" || data.role === "admin";
  return (
    <div className="table-wrap">
      <table data-testid="needs-table">
        <thead>
          <tr>
            <th scope="col">{t("sourcing.fields.product")}</th>
            {data.role === "buyer" ? null : <th scope="col">{t("sourcing.fields.buyer")}</th>}
            <th scope="col">{t("sourcing.fields.linkTier")}</th>
            <th scope="col">{t("sourcing.fields.volume")}</th>
            <th scope="col">{t("sourcing.fields.deliveryCountry")}</th>
            <th scope="col">{t("sourcing.fields.closingDate")}</th>
            {showStatus ? <th scope="col">{t("sourcing.fields.status")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.needs.map((n) => (
            <tr key={n.id}>
              <th scope="row">
                <Link to={`/needs/${n.id}`}>{n.product}</Link>
              </th>
              {data.role === "buyer" ? null : <td>{n.buyerName}</td>}
              <td>
                {t(`links.${n.link}`)} · {t(`tiers.${n.tier}`)}
              </td>
              <td>{volumeText(t, i18n.language, n.volume, n.unit, n.volumePeriod)}</td>
              <td>{data.countryNames[n.deliveryCountry] ?? n.deliveryCountry}</td>
              <td>
                <FormattedDate value={n.closingDate} />
              </td>
              {showStatus ? (
                <td>
                  <NeedStatus status={n.status} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MatchingNeeds({ data }: { data: NeedsData }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="fits-heading">
      <h2 id="fits-heading">{t("sourcing.index.fitsMe")}</h2>
      <p className="muted small">{t("sourcing.index.fitsLead")}</p>
      {!data.hasFirm ? <p className="muted">{t("sourcing.index.noFirm")}</p> : null}
      <ol className="fit-list" data-testid="matching-needs">
        {data.matching.map((m) => (
          <li key={m.needId} className="fit-card" data-testid="matching-need">
            <div className="fit-head">
              <div>
                <h3>
                  <Link to={`/needs/${m.needId}`}>{m.product}</Link>
                </h3>
                <p className="muted small">
                  {t("sourcing.index.fromBuyer", { buyer: m.buyerName })} · {t("sourcing.fields.closingDate")}{" "}
                  <FormattedDate value={m.closingDate} />
                </p>
              </div>
              <ScoreBar score={m.score} />
            </div>
            {m.needsConsortium ? <p className="tag tag-accent">{t("sourcing.match.needsConsortium")}</p> : null}
            <details className="why">
              <summary>{t("sourcing.match.why")}</summary>
              <MatchParts parts={m.parts} unit={m.unit} countryNames={data.countryNames} />
            </details>
            <DependenceBlock dependence={m.dependence} buyerName={m.buyerName} />
            <DiversificationOptions options={m.options} />
          </li>
        ))}
      </ol>
      {data.hasFirm && data.matching.length === 0 ? <p className="muted">{t("sourcing.index.noneFit")}</p> : null}
    </section>
  );
}
