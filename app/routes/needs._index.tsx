import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../db/reference/countries";
import { FormattedDate } from "../components/formatted";
import { countryCodesOf, DependenceBlock, DiversificationOptions, MatchParts, NeedStatus, ScoreBar, volumeText } from "../components/sourcing/match";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/sourcing.css";
import { requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { localeFor } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/needs": a buyer's own needs (every status); for an SME the open needs that fit it, each with
 * its explained score and projected dependence, then the other open needs; for a broker or an
 * administrator the open needs (every need for an administrator).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const locale = await localeFor(request, actor);
  try {
    const needs = await context.services.sourcing.list(actor);
    const matching = actor.role === "sme" && actor.firm ? (await context.services.sourcing.myMatchingNeeds(actor)).items : [];
    const fitting = new Set(matching.map((m) => m.needId));
    const units = new Map(needs.map((n) => [n.id, n.unit]));
    const codes = new Set([...needs.map((n) => n.deliveryCountry), ...matching.flatMap((m) => countryCodesOf(m.parts))]);
    return {
      role: actor.role,
      hasFirm: actor.firm !== null,
      needs: actor.role === "sme" ? needs.filter((n) => !fitting.has(n.id)) : needs,
      matching: matching.map((m) => ({ ...m, unit: units.get(m.needId) ?? "" })),
      countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function NeedsIndex() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { role } = data;
  // SMEs, brokers and admins hear when the set of open needs changes; a buyer's list is its own.
  useLiveRoom("needs:all");

  return (
    <section className="stack sourcing-page">
      <div className="page-head">
        <h1>{t("sourcing.title")}</h1>
        {role === "buyer" && data.hasFirm ? (
          <Link to="/needs/new" className="button">
            {t("sourcing.index.post")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(`sourcing.index.lead_${role}`)}</p>

      {role === "sme" ? <MatchingNeeds data={data} /> : null}

      <section className="card" aria-labelledby="needs-heading">
        <h2 id="needs-heading">{t(role === "buyer" ? "sourcing.index.mine" : role === "sme" ? "sourcing.index.otherOpen" : role === "admin" ? "sourcing.index.all" : "sourcing.index.open")}</h2>
        {data.needs.length === 0 ? (
          <p className="muted">{t(role === "buyer" ? "sourcing.index.noneMine" : role === "sme" ? "sourcing.index.noneOther" : "sourcing.index.noneOpen")}</p>
        ) : (
          <NeedsTable data={data} />
        )}
      </section>
    </section>
  );
}

function NeedsTable({ data }: { data: Data }) {
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

function MatchingNeeds({ data }: { data: Data }) {
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
                  {t("sourcing.index.fromBuyer", { buyer: m.buyerName })} · {t("sourcing.fields.closingDate")} <FormattedDate value={m.closingDate} />
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

export function ErrorBoundary() {
  return <ErrorMessage />;
}
