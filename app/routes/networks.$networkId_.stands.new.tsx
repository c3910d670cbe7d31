import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StandForm, renameStandErrors, standIssues, standFormSchema, toStandInput, type StandFormDefaults } from "../components/stand-form";
import { formatDate } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/stands.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";
import { countryName } from "../../db/reference/countries";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** "/networks/:networkId/stands/new": a network's broker starts a joint trade-fair stand. */
async function loadNetwork(request: Request, context: LoaderFunctionArgs["context"], networkId: string | undefined) {
  const actor = await requireActor(request, context, { role: ["broker", "admin"] });
  let view;
  try {
    view = await context.services.networks.get(actor, { networkId });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") throw new Response("Not found", { status: 404 });
    throwAsResponse(error);
  }
  if (!view.permissions.createInitiative) throw new Response("Forbidden", { status: 403 });
  return { actor, network: view.network };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, network } = await loadNetwork(request, context, params.networkId);
  const locale = await localeFor(request, actor);
  const { items } = await context.services.stands.listFairs(actor, {});
  const query = new URL(request.url).searchParams;
  const chosen = query.get("fairId") ?? "";
  // What the "new initiative" form carried over, kept when coming back from "add a fair".
  const carried = Object.fromEntries(
    (["title", "description", "deadline"] as const).map((key) => [key, (query.get(key) ?? "").slice(0, key === "description" ? 4000 : 160)]),
  ) as Record<"title" | "description" | "deadline", string>;
  const keep = new URLSearchParams(Object.entries(carried).filter(([, value]) => value));
  const here = `/networks/${network.id}/stands/new${keep.toString() ? `?${keep}` : ""}`;
  return {
    network: { id: network.id, name: network.name, currency: network.currency },
    fairs: items.map((f) => ({
      id: f.id,
      label: `${f.name} · ${f.city}, ${countryName(f.country, locale)} · ${formatDate(locale, f.startsOn)}–${formatDate(locale, f.endsOn)}`,
    })),
    chosenFairId: items.some((f) => f.id === chosen) ? chosen : "",
    carried: { ...carried, deadline: /^\d{4}-\d{2}-\d{2}$/.test(carried.deadline) ? carried.deadline : "" },
    addFairTo: `/fairs/new?${new URLSearchParams({ returnTo: here })}`,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, network } = await loadNetwork(request, context, params.networkId);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: standFormSchema, formatError: standIssues(t) });
  if (submission.status !== "success") {
    // A list button (add or remove a subsidy) answers 200 with the form as it now is.
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  let created: { id: string };
  try {
    created = await context.services.stands.createStand(actor, { networkId: network.id, ...toStandInput(submission.value) });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      const renamed = renameStandErrors(error.fields, error.fieldKeys);
      return data(submission.reply({ formErrors: [t("stands.errors.checkFields")], fieldErrors: serviceFieldErrors({ fields: renamed.fields, fieldKeys: renamed.keys }, t) }), {
        status: 400,
      });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/initiatives/${created.id}/stand`, "stands.toast.standCreated");
}

export default function NewStand() {
  const { t } = useTranslation();
  const { network, fairs, chosenFairId, carried, addFairTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const defaultValue: StandFormDefaults = {
    fairId: chosenFairId,
    title: carried.title,
    description: carried.description,
    deadline: carried.deadline,
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
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
