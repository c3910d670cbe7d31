import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NetworkForm } from "../components/network-form";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { networkFormSchema, toFormFieldErrors, toNetworkFormDefaults, toNetworkInput } from "../lib/network-form.server";
import { sectorOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

const ROLES = ["broker", "admin"] as const;

/** A malformed id in the address is simply a page that does not exist. */
function networkIdOf(params: { networkId?: string }): string {
  const parsed = z.uuid().safeParse(params.networkId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: [...ROLES] });
  const networkId = networkIdOf(params);
  const locale = await localeFor(request, actor);
  let page;
  try {
    page = await context.services.networks.get(actor, { networkId });
  } catch (error) {
    throwAsResponse(error);
  }
  if (!page.permissions.update) throw new Response("Forbidden", { status: 403 });
  return {
    networkId,
    name: page.network.name,
    defaultValue: toNetworkFormDefaults(page.network),
    sectors: sectorOptions(locale),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: [...ROLES] });
  const networkId = networkIdOf(params);
  const t = await serverT(request, context, actor);
  const submission = parseWithZod(await request.formData(), { schema: networkFormSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  try {
    await context.services.networks.update(actor, { networkId, ...toNetworkInput(submission.value) });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data(submission.reply({ fieldErrors: toFormFieldErrors(serviceFieldErrors(error, t)) }), { status: 400 });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/networks/${networkId}`, "networks.toast.saved");
}

export default function EditNetwork() {
  const { t } = useTranslation();
  const { networkId, name, defaultValue, sectors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <NetworkForm
      title={t("networks.form.editTitle", { name })}
      submitLabel={t("common.save")}
      cancelTo={`/networks/${networkId}`}
      defaultValue={defaultValue}
      lastResult={lastResult}
      sectors={sectors}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
