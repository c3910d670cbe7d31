import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { kpiBodySchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { KpiList, NewKpiForm } from "../components/learning/kpi-catalogue";
import { readPost, submit } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `KPI · ${data.network.name} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const networkId = idParam(args.params, "networkId");
  // The service is the gate: readers of the network; everyone else gets 404.
  const catalogue = await loaded(args.context.services.learning.listKpis(actor, { networkId }));
  const page = await loaded(args.context.services.networks.get(actor, { networkId }));
  return {
    network: { id: page.network.id, name: page.network.name },
    kpis: catalogue.kpis,
    permissions: { create: catalogue.permissions.create, createClub: catalogue.permissions.create && page.permissions.createInitiative },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const networkId = idParam(args.params, "networkId");
  const post = await readPost(args.request, t, { errors: "learning.errors" });
  return submit(post, kpiBodySchema, async (kpi) => {
    await args.context.services.learning.createKpi(actor, { ...kpi, networkId });
    return redirectWithToast(`/networks/${networkId}/kpis#own-kpis`, "learning.toast.kpiCreated");
  });
}

export default function KpiCataloguePage() {
  const { t } = useTranslation();
  const { network, kpis, permissions } = useLoaderData<typeof loader>();
  useLiveRoom(`network:${network.id}`);
  const own = kpis.filter((k) => !k.shipped);
  return (
    <div className="stack learning-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${network.id}`}>{network.name}</Link>
          </p>
          <h1>{t("learning.kpis.title")}</h1>
        </div>
        {permissions.createClub ? (
          <Link to={`/networks/${network.id}/clubs/new`} className="button">
            {t("learning.kpis.startClub")}
          </Link>
        ) : null}
      </header>
      <p className="muted">{t("learning.kpis.intro")}</p>
      <section className="card stack" aria-labelledby="shipped-kpis">
        <h2 id="shipped-kpis">{t("learning.kpis.shipped")}</h2>
        <p className="muted small">{t("learning.kpis.shippedHint")}</p>
        <KpiList kpis={kpis.filter((k) => k.shipped)} testId="shipped-kpis" />
      </section>
      <section className="card stack" aria-labelledby="own-kpis-heading" id="own-kpis">
        <h2 id="own-kpis-heading">{t("learning.kpis.own")}</h2>
        {own.length === 0 ? <p className="muted">{t("learning.kpis.noOwn")}</p> : <KpiList kpis={own} testId="own-kpis" />}
      </section>
      {permissions.create ? <NewKpiForm /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
