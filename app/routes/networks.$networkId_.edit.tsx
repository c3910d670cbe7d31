import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { NetworkForm } from "../components/network/form";
import { readPost, submit } from "../lib/form-action.server";
import { asNetworkForm, networkFormSchema, toNetworkFormDefaults, toNetworkInput } from "../components/network/form-values.server";
import { sectorOptions } from "../lib/options.server";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args, ["network", "update"]);
  const networkId = idParam(args.params, "networkId");
  const page = await loaded(args.context.services.networks.get(actor, { networkId }));
  if (!page.permissions.update) throw new Response("Forbidden", { status: 403 });
  return { networkId, name: page.network.name, defaultValue: toNetworkFormDefaults(page.network), sectors: sectorOptions(locale) };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["network", "update"]);
  const networkId = idParam(args.params, "networkId");
  return submit(await readPost(args.request, t), networkFormSchema, async (value) => {
    await asNetworkForm(args.context.services.networks.update(actor, { networkId, ...toNetworkInput(value) }));
    return redirectWithToast(`/networks/${networkId}`, "networks.toast.saved");
  });
}

export default function EditNetwork() {
  const { t } = useTranslation();
  const { networkId, name, defaultValue, sectors } = useLoaderData<typeof loader>();
  return (
    <NetworkForm
      title={t("networks.form.editTitle", { name })}
      submitLabel={t("common.save")}
      cancelTo={`/networks/${networkId}`}
      defaultValue={defaultValue}
      sectors={sectors}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
