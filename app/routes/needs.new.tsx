import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { needInputSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import {
  CertificationsSection,
  DeliverySection,
  HowSection,
  needDefaults,
  VisibilitySection,
  VolumeSection,
  WhatSection,
  type NeedFields,
  type NeedFormInput,
} from "../components/sourcing/need-form";
import { readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/sourcing.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/** A buyer with a firm: a need is posted for the buyer's firm. */
async function buyer(args: RouteArgs) {
  const reader = await signedIn(args, ["need", "create"]);
  if (!reader.actor.firm) throw new Response("Forbidden", { status: 403 });
  return reader;
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await buyer(args);
  const mine = await loaded(args.context.services.firms.getMyFirm(actor));
  return {
    defaults: { country: mine.firm.country, currency: mine.firm.turnover?.currency ?? "EUR" },
    countries: countryOptions(locale),
    sectors: sectorOptions(locale),
    networks: await args.context.services.networks.listNames(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await buyer(args);
  const post = await readPost(args.request, t, { errors: "sourcing.errors" });
  const openNow = post.formData.get("openNow") === "on";
  return submit(post, needInputSchema, async (need) => {
    const created = await args.context.services.sourcing.create(actor, need);
    if (!openNow) return redirectWithToast(`/needs/${created.id}`, "sourcing.toast.created");
    await args.context.services.sourcing.transition(actor, { needId: created.id, to: "open" });
    return redirectWithToast(`/needs/${created.id}`, "sourcing.toast.createdOpen");
  });
}

export default function NewNeed() {
  const { t } = useTranslation();
  const { defaults, countries, sectors, networks } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form, fields] = useForm<NeedFormInput>({
    id: "new-need",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: needDefaults(defaults),
  });
  const all = fields as NeedFields;

  return (
    <section className="stack sourcing-page need-new">
      <div className="page-head">
        <h1>{t("sourcing.new.title")}</h1>
        <Link to="/needs">{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("sourcing.new.lead")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        <FormError messages={[...(form.errors ?? []), error]} />
        <WhatSection fields={all} sectors={sectors} />
        <VolumeSection fields={all} />
        <CertificationsSection form={form} fields={all} />
        <DeliverySection fields={all} countries={countries} />
        <HowSection fields={all} />
        <VisibilitySection fields={all} networks={networks} />
        <label className="choice open-now">
          <input type="checkbox" name="openNow" />
          <span>{t("sourcing.new.openNow")}</span>
        </label>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("sourcing.new.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
