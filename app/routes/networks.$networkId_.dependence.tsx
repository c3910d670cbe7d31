import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DOMINANCE_LIMIT_BP } from "../../server/domain/disclosure";
import { periodSchema } from "../../server/schemas/ledger";
import { formatBp, FormattedPercent, LevelBadge } from "../components/ledger/dependence";
import { FormattedMoney, FormattedNumber } from "../components/formatted";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/dependence.css";
import { requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { useLiveRoom } from "../lib/live";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.network.name} · Jointly` : "Jointly" }];

function networkIdOf(params: { networkId?: string }): string {
  const parsed = z.uuid().safeParse(params.networkId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const networkId = networkIdOf(params);
  // A period that is not one ("?period=soon") shows the latest instead.
  const requested = periodSchema.safeParse(new URL(request.url).searchParams.get("period") ?? undefined);
  let figures;
  let page;
  try {
    // The service is the gate: the network's brokers and admins; members are refused, others told 404.
    figures = await context.services.ledger.networkDependence(actor, { networkId, ...(requested.success ? { period: requested.data } : {}) });
    page = await context.services.networks.get(actor, { networkId });
  } catch (error) {
    throwAsResponse(error);
  }
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
  const { period, periods, currency, thresholds, disclosure, members, systemicBuyers, missingRates } = figures;
  useLiveRoom(`network:${network.id}`);
  const pct = (bp: number) => formatBp(i18n.language, bp);
  const names = new Map(members.map((m) => [m.firmId, m.name]));

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
                  {t("dependence.network.missingRate", { firm: m.name, currency: c, period: period ?? "", base: currency })}
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
          <section className="card stack" aria-labelledby="members-risk">
            <h2 id="members-risk">{t("dependence.network.membersTitle", { period })}</h2>
            {members.length === 0 ? (
              <p className="muted">{t("dependence.network.noMemberFigures")}</p>
            ) : (
              <div className="table-wrap" role="region" aria-labelledby="members-risk" tabIndex={0}>
                <table data-testid="members-by-risk">
                  <thead>
                    <tr>
                      <th scope="col">{t("dependence.network.member")}</th>
                      <th scope="col">{t("dependence.measures.level")}</th>
                      <th scope="col" className="num">
                        {t("dependence.measures.topShare")}
                      </th>
                      <th scope="col">{t("dependence.measures.topBuyer")}</th>
                      <th scope="col" className="num">
                        {t("dependence.measures.hhi")}
                      </th>
                      <th scope="col" className="num">
                        {t("dependence.measures.buyers")}
                      </th>
                      <th scope="col" className="num">
                        {t("dependence.measures.total")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.firmId} data-level={m.level}>
                        <th scope="row">
                          <Link to={`/firms/${m.firmId}/dependence`}>{m.name}</Link>
                        </th>
                        <td>
                          <LevelBadge level={m.level} />
                        </td>
                        <td className="num">
                          <FormattedPercent bp={m.topShareBp} />
                        </td>
                        <td>
                          {m.topBuyer ? m.topBuyer.name : "—"}
                          {m.topBuyer?.viaAgent ? <span className="muted small"> ({t("dependence.panel.agentFlag")})</span> : null}
                        </td>
                        <td className="num">
                          <FormattedNumber value={m.hhi} />
                        </td>
                        <td className="num">
                          <FormattedNumber value={m.buyers} />
                        </td>
                        <td className="num">
                          <FormattedMoney amountMinor={m.totalMinor} currency={currency} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {withoutSales.length > 0 ? (
              <p className="muted small">{t("dependence.network.withoutSales", { firms: withoutSales.map((m) => m.name).join(", ") })}</p>
            ) : null}
          </section>

          <section className="card stack" aria-labelledby="systemic-buyers" data-testid="systemic-buyers">
            <h2 id="systemic-buyers">{t("dependence.network.systemicTitle")}</h2>
            <p className="muted">{t("dependence.network.systemicIntro", { share: pct(thresholds.systemicShareBp) })}</p>
            {systemicBuyers.length === 0 ? (
              <p>{t("dependence.network.noSystemic")}</p>
            ) : (
              <ul className="systemic-list">
                {systemicBuyers.map((b) => (
                  <li key={b.key} className="systemic-buyer">
                    <h3>
                      {b.name}
                      {b.viaAgent ? <span className="muted small"> ({t("dependence.panel.agentFlag")})</span> : null}
                    </h3>
                    {b.amountMinor !== null && b.shareBp !== null ? (
                      <p data-testid="systemic-combined">
                        {t("dependence.network.systemicShare", { share: pct(b.shareBp) })} (
                        <FormattedMoney amountMinor={b.amountMinor} currency={currency} />)
                      </p>
                    ) : (
                      <p data-testid="systemic-withheld">
                        {t("dependence.network.systemicAtLeast", { share: pct(thresholds.systemicShareBp) })}{" "}
                        {b.withheld === "dominated"
                          ? t("dependence.network.combinedDominated", { limit: pct(DOMINANCE_LIMIT_BP) })
                          : t("dependence.network.combinedTooFew", { count: b.contributors, min: disclosure.minContributors })}
                      </p>
                    )}
                    <p className="muted small">{t("dependence.network.dependingMembers", { count: b.members.length })}</p>
                    <ul className="link-list">
                      {b.members.map((m) => (
                        <li key={m.firmId}>
                          <Link to={`/firms/${m.firmId}/dependence`}>{m.name || names.get(m.firmId)}</Link>:{" "}
                          {t("dependence.network.memberShare", { share: pct(m.shareBp) })}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
