import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { periodSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { formatBp } from "../components/ledger/dependence";
import { MembersByRisk, SystemicBuyers } from "../components/ledger/network-dependence";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import styles from "../styles/dependence.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `${page.network.name} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const networkId = idParam(args.params, "networkId");
  // A period that is not one ("?period=soon") shows the latest instead.
  const requested = periodSchema.safeParse(new URL(args.request.url).searchParams.get("period") ?? undefined);
  const { ledger, networks } = args.context.services;
  // The service is the gate: the network's brokers and admins; members are refused, others told 404.
  const figures = await loaded(
    ledger.networkDependence(actor, {
      networkId,
      ...(requested.success ? { period: requested.data } : {}),
    }),
  );
  const page = await loaded(networks.get(actor, { networkId }));
  const shown = new Set([...figures.members.map((m) => m.firmId), ...figures.missingRates.map((m) => m.firmId)]);
  return {
    network: { id: page.network.id, name: page.network.name },
    figures,
    withoutSales: page.members.filter((m) => m.kind === "sme" && !shown.has(m.firmId)).map((m) => ({ firmId: m.firmId, name: m.name })),
  };
}

export default function NetworkDependencePage() {
  const { t, i18n } = useTranslation();
  const { network, figures, withoutSales } = useLoaderData<typeof loader>();
  const { period, periods, currency, thresholds, missingRates } = figures;
  useLiveRoom(`network:${network.id}`);
  const pct = (bp: number) => formatBp(i18n.language, bp);

  return (
    <div className="stack dependence-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${network.id}`}>{network.name}</Link>
          </p>
          <h1>{t("dependence.network.title")}</h1>
        </div>
        {periods.length > 0 ? (
          <Form method="get" className="inline-form period-form">
            <label htmlFor="period-select">{t("dependence.fields.period")}</label>
            <select id="period-select" name="period" defaultValue={period ?? ""} key={period ?? ""}>
              {[...periods].reverse().map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-small">
              {t("dependence.network.show")}
            </button>
          </Form>
        ) : null}
      </header>
      <p className="muted">{t("dependence.network.intro")}</p>
      <p className="muted small">
        {t("dependence.network.thresholds", {
          notable: pct(thresholds.notableShareBp),
          warning: pct(thresholds.warningShareBp),
          critical: pct(thresholds.criticalShareBp),
          systemic: pct(thresholds.systemicShareBp),
        })}
      </p>

      {missingRates.length > 0 ? (
        <section className="notice" role="status" aria-labelledby="network-missing-rates" data-testid="missing-rates">
          <h2 id="network-missing-rates" className="h-small">
            {t("dependence.panel.missingRatesTitle")}
          </h2>
          <ul>
            {missingRates.flatMap((m) =>
              m.currencies.map((c) => (
                <li key={`${m.firmId}-${c}`}>
                  {t("dependence.network.missingRate", {
                    firm: m.name,
                    currency: c,
                    period: period ?? "",
                    base: currency,
                  })}
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}

      {period === null ? (
        <section className="card">
          <p>{t("dependence.network.noSales")}</p>
        </section>
      ) : (
        <>
          <MembersByRisk figures={figures} withoutSales={withoutSales} />
          <SystemicBuyers figures={figures} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
