import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../../server/authz/permissions";
import { ErrorMessage } from "../components/error-message";
import { countryCodesOf } from "../components/sourcing/match";
import { MatchingNeeds, NeedsTable } from "../components/sourcing/needs-list";
import { useLiveRoom } from "../lib/live";
import { loaded, signedIn } from "../lib/route.server";
import styles from "../styles/sourcing.css";
import { countryName } from "../lib/names.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/needs": a buyer's own needs (every status); for an SME the open needs that fit it, each with
 * its explained score and projected dependence, then the other open needs; for a broker or an
 * administrator the open needs (every need for an administrator).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args);
  const sourcing = args.context.services.sourcing;
  const needs = await loaded(sourcing.list(actor));
  // Whoever answers needs for its own firm (an SME) sees those that fit the firm.
  const answersForFirm = actor.firm !== null && can(actor, "need", "respond");
  const matching = answersForFirm ? (await loaded(sourcing.myMatchingNeeds(actor))).items : [];
  const fitting = new Set(matching.map((m) => m.needId));
  const units = new Map(needs.map((n) => [n.id, n.unit]));
  const codes = new Set([...needs.map((n) => n.deliveryCountry), ...matching.flatMap((m) => countryCodesOf(m.parts))]);
  return {
    role: actor.role,
    hasFirm: actor.firm !== null,
    mayPost: actor.firm !== null && can(actor, "need", "create"),
    needs: actor.role === "sme" ? needs.filter((n) => !fitting.has(n.id)) : needs,
    matching: matching.map((m) => ({ ...m, unit: units.get(m.needId) ?? "" })),
    countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
  };
}

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
        {data.mayPost ? (
          <Link to="/needs/new" className="button">
            {t("sourcing.index.post")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(`sourcing.index.lead_${role}`)}</p>

      {role === "sme" ? <MatchingNeeds data={data} /> : null}

      <section className="card" aria-labelledby="needs-heading">
        <h2 id="needs-heading">
          {t(
            role === "buyer"
              ? "sourcing.index.mine"
              : role === "sme"
                ? "sourcing.index.otherOpen"
                : role === "admin"
                  ? "sourcing.index.all"
                  : "sourcing.index.open",
          )}
        </h2>
        {data.needs.length === 0 ? (
          <p className="muted">
            {t(role === "buyer" ? "sourcing.index.noneMine" : role === "sme" ? "sourcing.index.noneOther" : "sourcing.index.noneOpen")}
          </p>
        ) : (
          <NeedsTable data={data} />
        )}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
