import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Actor } from "../../server/authz/actor";
import { createBenchmarkClubSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { NewClubForm } from "../components/learning/new-club-form";
import { readPost, submit } from "../lib/form-action.server";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** The network and its KPIs, for its brokers only (the service answers 404 to outsiders). */
async function brokersNetwork({ context, params }: RouteArgs, actor: Actor) {
  const networkId = idParam(params, "networkId");
  const catalogue = await loaded(context.services.learning.listKpis(actor, { networkId }));
  const page = await loaded(context.services.networks.get(actor, { networkId }));
  if (!catalogue.permissions.create || !page.permissions.createInitiative) throw new Response("Forbidden", { status: 403 });
  return { network: { id: page.network.id, name: page.network.name }, kpis: catalogue.kpis };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const { network, kpis } = await brokersNetwork(args, actor);
  // The new-initiative form sends what was typed there when "learning network" was chosen.
  const query = new URL(args.request.url).searchParams;
  const deadline = query.get("deadline") ?? "";
  const prefill = {
    title: (query.get("title") ?? "").slice(0, 160),
    description: (query.get("description") ?? "").slice(0, 4000),
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : "",
  };
  return { network, kpis, prefill };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const { network } = await brokersNetwork(args, actor);
  const post = await readPost(args.request, t, { errors: "learning.errors" });
  return submit(post, createBenchmarkClubSchema.omit({ networkId: true }), async (club) => {
    const created = await args.context.services.learning.createBenchmarkClub(actor, { ...club, networkId: network.id });
    return redirectWithToast(`/initiatives/${created.id}`, "learning.toast.clubCreated");
  });
}

export default function NewClubPage() {
  const { t } = useTranslation();
  const { network, kpis, prefill } = useLoaderData<typeof loader>();
  return (
    <section className="stack learning-page">
      <div className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${network.id}`}>{network.name}</Link>
          </p>
          <h1>{t("learning.clubNew.title")}</h1>
        </div>
        <Link to={`/networks/${network.id}`}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("learning.clubNew.lead")}</p>
      <NewClubForm networkId={network.id} kpis={kpis} prefill={prefill} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
