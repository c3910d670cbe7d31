import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NetworkForm } from "../components/network-form";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { NEW_NETWORK_DEFAULTS, networkFormSchema, toFormFieldErrors, toNetworkInput } from "../lib/network-form.server";
import { sectorOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: "broker" });
  const locale = await localeFor(request, actor);
  return { defaultValue: NEW_NETWORK_DEFAULTS, sectors: sectorOptions(locale) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: "broker" });
  const t = await serverT(request, context, actor);
  const submission = parseWithZod(await request.formData(), { schema: networkFormSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  let created;
  try {
    created = await context.services.networks.create(actor, toNetworkInput(submission.value));
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data(submission.reply({ fieldErrors: toFormFieldErrors(serviceFieldErrors(error, t)) }), { status: 400 });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/networks/${created.id}`, "networks.toast.created");
}

export default function NewNetwork() {
  const { t } = useTranslation();
  const { defaultValue, sectors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <NetworkForm
      title={t("networks.form.newTitle")}
      submitLabel={t("networks.form.create")}
      cancelTo="/networks"
      defaultValue={defaultValue}
      lastResult={lastResult}
      sectors={sectors}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
