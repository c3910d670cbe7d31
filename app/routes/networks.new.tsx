import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { NetworkForm } from "../components/network/form";
import { readPost, submit } from "../lib/form-action.server";
import { asNetworkForm, NEW_NETWORK_DEFAULTS, networkFormSchema, toNetworkInput } from "../components/network/form-values.server";
import { sectorOptions } from "../lib/options.server";
import { signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { locale } = await signedIn(args, ["network", "create"]);
  return { defaultValue: NEW_NETWORK_DEFAULTS, sectors: sectorOptions(locale) };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["network", "create"]);
  return submit(await readPost(args.request, t), networkFormSchema, async (value) => {
    const created = await asNetworkForm(args.context.services.networks.create(actor, toNetworkInput(value)));
    return redirectWithToast(`/networks/${created.id}`, "networks.toast.created");
  });
}

export default function NewNetwork() {
  const { t } = useTranslation();
  const { defaultValue, sectors } = useLoaderData<typeof loader>();
  return (
    <NetworkForm
      title={t("networks.form.newTitle")}
      submitLabel={t("networks.form.create")}
      cancelTo="/networks"
      defaultValue={defaultValue}
      sectors={sectors}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
