import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { StandForm } from "../components/stand/form";
import { fairChoice, submitStand } from "../components/stand/form.server";
import { readPost } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/stands.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** "/networks/:networkId/stands/new": a network's broker starts a joint trade-fair stand. */
async function brokered(args: RouteArgs) {
  const reader = await signedIn(args, ["initiative", "create"]);
  const view = await loaded(args.context.services.networks.get(reader.actor, { networkId: idParam(args.params, "networkId") }));
  if (!view.permissions.createInitiative) throw new Response("Forbidden", { status: 403 });
  return { ...reader, network: view.network };
}

/** What the "new initiative" form carried over, kept when coming back from "add a fair". */
function carriedOver(query: URLSearchParams) {
  const field = (key: string, max: number) => (query.get(key) ?? "").slice(0, max);
  const deadline = field("deadline", 160);
  return {
    title: field("title", 160),
    description: field("description", 4000),
    deadline,
    validDeadline: /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : "",
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale, network } = await brokered(args);
  const { items } = await args.context.services.stands.listFairs(actor, {});
  const query = new URL(args.request.url).searchParams;
  const chosen = query.get("fairId") ?? "";
  const { validDeadline, ...carried } = carriedOver(query);
  const keep = new URLSearchParams(Object.entries(carried).filter(([, value]) => value));
  const here = `/networks/${network.id}/stands/new${keep.toString() ? `?${keep}` : ""}`;
  return {
    network: { id: network.id, name: network.name, currency: network.currency },
    fairs: items.map((f) => fairChoice(f, locale)),
    chosenFairId: items.some((f) => f.id === chosen) ? chosen : "",
    carried: { ...carried, deadline: validDeadline },
    addFairTo: `/fairs/new?${new URLSearchParams({ returnTo: here })}`,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, network } = await brokered(args);
  const post = await readPost(args.request, t, { errors: "stands.errors" });
  return submitStand(post, async (input) => {
    const created = await args.context.services.stands.createStand(actor, { networkId: network.id, ...input });
    return redirectWithToast(`/initiatives/${created.id}/stand`, "stands.toast.standCreated");
  });
}

export default function NewStand() {
  const { t } = useTranslation();
  const { network, fairs, chosenFairId, carried, addFairTo } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const defaultValue = {
    ...carried,
    fairId: chosenFairId,
    areaM2: "",
    frontageM: "",
    minAreaM2: "2",
    totalCost: { amount: "", currency: network.currency },
    splitRule: "by_area",
    fixedFee: "",
    subsidies: [],
    shareCosts: false,
    shareLeads: false,
  };
  return (
    <StandForm
      id="new-stand"
      title={t("stands.form.newTitle")}
      lead={t("stands.form.newLead", { network: network.name })}
      submitLabel={t("stands.form.create")}
      cancelTo={`/networks/${network.id}`}
      fairs={fairs}
      addFairTo={addFairTo}
      defaultValue={defaultValue}
      lastResult={lastResult}
      error={error}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
