import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../db/reference/countries";
import { FormattedDate } from "../components/formatted";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/stands.css";
import { requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { localeFor } from "../lib/i18n.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/fairs": the trade fairs recorded on Jointly, soonest first (with `?past=1` also those that
 * ended). Brokers add fairs here; their networks' stands then point at them.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: ["broker", "sme", "admin"] });
  const locale = await localeFor(request, actor);
  const includePast = new URL(request.url).searchParams.get("past") === "1";
  try {
    const { items } = await context.services.stands.listFairs(actor, { includePast });
    const today = new Date().toISOString().slice(0, 10);
    return {
      canCreate: actor.role === "broker",
      includePast,
      fairs: items.map((f) => ({
        ...f,
        countryName: countryName(f.country, locale),
        state: f.endsOn < today ? ("past" as const) : f.startsOn <= today ? ("running" as const) : ("upcoming" as const),
        daysToGo: Math.round((Date.parse(`${f.startsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
      })),
    };
  } catch (error) {
    throwAsResponse(error);
  }
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
        {includePast ? <Link to="/fairs">{t("stands.fairs.upcomingOnly")}</Link> : <Link to="/fairs?past=1">{t("stands.fairs.showPast")}</Link>}
      </p>
      {fairs.length === 0 ? (
        <p className="card muted">{includePast ? t("stands.fairs.noneAtAll") : t("stands.fairs.none")}</p>
      ) : (
        <ul className="fair-cards" data-testid="fairs">
          {fairs.map((fair) => (
            <li key={fair.id} id={`fair-${fair.id}`} className="card fair-card">
              <div className="fair-card-head">
                <h2>{fair.name}</h2>
                <span className={`tag fair-${fair.state}`}>
                  {fair.state === "upcoming" ? t("stands.fairs.inDays", { count: fair.daysToGo }) : t(`stands.fairs.state_${fair.state}`)}
                </span>
              </div>
              <dl className="facts">
                <div>
                  <dt>{t("stands.fairs.dates")}</dt>
                  <dd>
                    <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
                  </dd>
                </div>
                <div>
                  <dt>{t("stands.fairs.place")}</dt>
                  <dd>{[fair.venue, fair.city, fair.countryName].filter(Boolean).join(", ")}</dd>
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
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
