import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { chartOf } from "../components/ledger/chart-data";
import { AgentSales, LevelCard, Trend } from "../components/ledger/level-card";
import { SharesChart } from "../components/ledger/shares-chart";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import styles from "../styles/dependence.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `${page.figures.firm.name} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const firmId = idParam(args.params, "firmId");
  const figures = await loaded(args.context.services.ledger.firmDependence(actor, { firmId }));
  return { figures, chart: chartOf(figures.periods) };
}

export default function DependencePage() {
  const { t } = useTranslation();
  const { figures, chart } = useLoaderData<typeof loader>();
  const { firm, currency, thresholds, periods, latest, trend } = figures;
  useLiveRoom(`firm:${firm.id}`);
  const missing = periods.flatMap((p) => p.missingRates.map((c) => ({ period: p.period, currency: c })));
  const agents = latest?.measure.shares.filter((s) => s.viaAgent) ?? [];
  const level = latest?.level ?? null;

  return (
    <div className="stack dependence-page">
      <header className="page-head">
        <div>
          <p className="muted small">{firm.name}</p>
          <h1>{t("dependence.panel.title")}</h1>
        </div>
        <Link to={`/firms/${firm.id}/ledger`} className="button button-secondary">
          {t("dependence.links.ledger")}
        </Link>
      </header>
      <p className="muted">{t("dependence.panel.confidential")}</p>

      {missing.length > 0 ? (
        <section className="notice" role="status" aria-labelledby="missing-rates" data-testid="missing-rates">
          <h2 id="missing-rates" className="h-small">
            {t("dependence.panel.missingRatesTitle")}
          </h2>
          <ul>
            {missing.map((m) => (
              <li key={`${m.period}-${m.currency}`}>
                {t("dependence.panel.missingRate", {
                  currency: m.currency,
                  period: m.period,
                  base: currency ?? "",
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!latest || !level ? (
        <section className="card">
          <p>{periods.length === 0 ? t("dependence.panel.noSales") : t("dependence.panel.noFigures")}</p>
          <p>
            <Link to={`/firms/${firm.id}/ledger`}>{t("dependence.links.ledger")}</Link>
          </p>
        </section>
      ) : (
        <>
          <LevelCard latest={latest} level={level} thresholds={thresholds} currency={currency} />
          {agents.length > 0 ? <AgentSales agents={agents} /> : null}
          <Trend trend={trend} />
        </>
      )}

      {chart.bars.length > 0 ? <SharesChart chart={chart} firmName={firm.name} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
