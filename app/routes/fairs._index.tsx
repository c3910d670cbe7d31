import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { FairCards, fairTiming } from "../components/stand/fair-cards";
import { loaded, signedIn } from "../lib/route.server";
import styles from "../styles/stands.css";
import { countryName } from "../lib/names.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/fairs": the trade fairs recorded on Jointly, soonest first (with `?past=1` also those that
 * ended). Brokers add fairs here; their networks' stands then point at them.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale, now } = await signedIn(args, ["stand", "listFairs"]);
  const includePast = new URL(args.request.url).searchParams.get("past") === "1";
  const { items } = await loaded(args.context.services.stands.listFairs(actor, { includePast }));
  const today = now.toISOString().slice(0, 10);
  return {
    canCreate: actor.role === "broker",
    includePast,
    fairs: items.map((f) => ({ ...f, countryName: countryName(f.country, locale), ...fairTiming(f, today) })),
  };
}

export default function FairsIndex() {
  const { t } = useTranslation();
  const { fairs, canCreate, includePast } = useLoaderData<typeof loader>();
  return (
    <section className="stack fairs-page">
      <div className="page-head">
        <h1>{t("stands.fairs.title")}</h1>
        {canCreate ? (
          <Link to="/fairs/new" className="button">
            {t("stands.fairs.add")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("stands.fairs.lead")}</p>
      <p>
        {includePast ? (
          <Link to="/fairs">{t("stands.fairs.upcomingOnly")}</Link>
        ) : (
          <Link to="/fairs?past=1">{t("stands.fairs.showPast")}</Link>
        )}
      </p>
      {fairs.length === 0 ? (
        <p className="card muted">{includePast ? t("stands.fairs.noneAtAll") : t("stands.fairs.none")}</p>
      ) : (
        <FairCards fairs={fairs} />
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
