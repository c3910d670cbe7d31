import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../db/reference/countries";
import { minorDigits } from "../../db/reference/currencies";
import type { Actor } from "../../server/authz/actor";
import { minorToDecimal } from "../../server/domain/money";
import { formatDm2AsM2 } from "../../server/domain/stand-space";
import { StandForm, renameStandErrors, standIssues, standFormSchema, toStandInput, type StandFormDefaults } from "../components/stand-form";
import { formatDate } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/stands.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** "/initiatives/:initiativeId/stand/edit": the network's broker changes a draft or open stand. */
async function loadManaged(request: Request, context: LoaderFunctionArgs["context"], initiativeId: string | undefined) {
  const actor: Actor = await requireActor(request, context);
  let view;
  try {
    view = await context.services.stands.getStand(actor, { initiativeId });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") throw new Response("Not found", { status: 404 });
    throwAsResponse(error);
  }
  if (!view.permissions.canManage) throw new Response("Forbidden", { status: 403 });
  return { actor, view };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, view } = await loadManaged(request, context, params.initiativeId);
  const locale = await localeFor(request, actor);
  const { items } = await context.services.stands.listFairs(actor, {});
  // The stand's own fair stays choosable even once it is no longer upcoming.
  const fairs = items.some((f) => f.id === view.fair.id) ? items : [view.fair, ...items];
  const chosen = new URL(request.url).searchParams.get("fairId");
  const { stand, initiative } = view;
  const digits = minorDigits(stand.currency);
  const defaultValue: StandFormDefaults = {
    fairId: chosen && fairs.some((f) => f.id === chosen) ? chosen : view.fair.id,
    title: initiative.title,
    description: initiative.description,
    deadline: initiative.deadlineDate,
    areaM2: formatDm2AsM2(stand.areaDm2),
    frontageM: stand.frontageDm ? String(stand.frontageDm / 10) : "",
    minAreaM2: formatDm2AsM2(stand.minAreaDm2),
    totalCost: { amount: minorToDecimal(stand.totalCostMinor, digits), currency: stand.currency },
    splitRule: stand.splitRule,
    fixedFee: stand.fixedFeeMinor !== null ? minorToDecimal(stand.fixedFeeMinor, digits) : "",
    subsidies: view.subsidies.map((s) => ({
      sponsor: s.sponsor,
      kind: s.kind,
      value: s.kind === "percent" ? String((s.percentBasisPoints ?? 0) / 100) : minorToDecimal(s.amountMinor ?? 0, digits),
      capPerFirm: s.capPerFirmMinor !== null ? minorToDecimal(s.capPerFirmMinor, digits) : "",
      maxEmployees: s.maxEmployees !== null ? String(s.maxEmployees) : "",
    })),
    shareCosts: stand.shareCosts,
    shareLeads: stand.shareLeads,
  };
  const here = `/initiatives/${initiative.id}/stand/edit`;
  return {
    initiative: { id: initiative.id, title: initiative.title },
    fairs: fairs.map((f) => ({
      id: f.id,
      label: `${f.name} · ${f.city}, ${countryName(f.country, locale)} · ${formatDate(locale, f.startsOn)}–${formatDate(locale, f.endsOn)}`,
    })),
    addFairTo: `/fairs/new?${new URLSearchParams({ returnTo: here })}`,
    defaultValue,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, view } = await loadManaged(request, context, params.initiativeId);
  const t = await serverT(request, context, actor);
  const submission = parseWithZod(await request.formData(), { schema: standFormSchema, formatError: standIssues(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  try {
    await context.services.stands.updateStand(actor, { initiativeId: view.initiative.id, ...toStandInput(submission.value) });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      const renamed = renameStandErrors(error.fields, error.fieldKeys);
      return data(submission.reply({ formErrors: [t("stands.errors.checkFields")], fieldErrors: serviceFieldErrors({ fields: renamed.fields, fieldKeys: renamed.keys }, t) }), {
        status: 400,
      });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/initiatives/${view.initiative.id}/stand`, "stands.toast.standUpdated");
}

export default function EditStand() {
  const { t } = useTranslation();
  const { initiative, fairs, addFairTo, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
