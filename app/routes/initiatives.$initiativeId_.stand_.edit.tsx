import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { StandForm } from "../components/stand/form";
import { fairChoice, standDefaults, submitStand } from "../components/stand/form.server";
import { readPost } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/stands.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** "/initiatives/:initiativeId/stand/edit": the network's broker changes a draft or open stand. */
async function managed(args: RouteArgs) {
  const reader = await signedIn(args);
  const view = await loaded(args.context.services.stands.getStand(reader.actor, { initiativeId: idParam(args.params, "initiativeId") }));
  if (!view.permissions.canManage) throw new Response("Forbidden", { status: 403 });
  return { ...reader, view };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale, view } = await managed(args);
  const { items } = await args.context.services.stands.listFairs(actor, {});
  // The stand's own fair stays choosable even once it is no longer upcoming.
  const fairs = items.some((f) => f.id === view.fair.id) ? items : [view.fair, ...items];
  const chosen = new URL(args.request.url).searchParams.get("fairId");
  const here = `/initiatives/${view.initiative.id}/stand/edit`;
  return {
    initiative: { id: view.initiative.id, title: view.initiative.title },
    fairs: fairs.map((f) => fairChoice(f, locale)),
    addFairTo: `/fairs/new?${new URLSearchParams({ returnTo: here })}`,
    defaultValue: standDefaults(view, chosen && fairs.some((f) => f.id === chosen) ? chosen : view.fair.id),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, view } = await managed(args);
  const initiativeId = view.initiative.id;
  const post = await readPost(args.request, t, { errors: "stands.errors" });
  return submitStand(post, async (input) => {
    await args.context.services.stands.updateStand(actor, { initiativeId, ...input });
    return redirectWithToast(`/initiatives/${initiativeId}/stand`, "stands.toast.standUpdated");
  });
}

export default function EditStand() {
  const { t } = useTranslation();
  const { initiative, fairs, addFairTo, defaultValue } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  return (
    <StandForm
      id="edit-stand"
      title={t("stands.form.editTitle")}
      lead={t("stands.form.editLead", { title: initiative.title })}
      submitLabel={t("stands.form.save")}
      cancelTo={`/initiatives/${initiative.id}/stand`}
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
