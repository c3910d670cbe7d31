import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { minorDigits } from "../../db/reference/currencies";
import { minorToDecimal } from "../../server/domain/money";
import { firmProfileSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { myFirmReader } from "../components/firm/my-firm.server";
import { BuyerFields, ChainFields, IdentityFields, type FirmProfileFormInput } from "../components/firm/profile-form";
import { FormError } from "../components/form-error";
import { formText, readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { loaded } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await myFirmReader(args);
  const { firm, permissions } = await loaded(args.context.services.firms.getMyFirm(actor));
  if (!permissions.update) throw new Response("Forbidden", { status: 403 });
  const defaultValue: FirmProfileFormInput = {
    kind: firm.kind,
    name: firm.name,
    description: firm.description,
    website: firm.website ?? "",
    country: firm.country,
    region: firm.region,
    sector: firm.sector,
    employees: firm.employees ?? "",
    turnover: firm.turnover
      ? { amount: minorToDecimal(firm.turnover.amountMinor, minorDigits(firm.turnover.currency)), currency: firm.turnover.currency }
      : { amount: "", currency: "" },
    link: firm.link ?? "",
    tier: firm.tier ?? "",
    functions: firm.functions,
    roleLadder: firm.roleLadder ?? "",
    upgradingGoals: firm.upgradingGoals,
    certifications: firm.certifications.map((c) => ({ code: c.code, expiresOn: c.expiresOn ?? "" })),
    capacities: firm.capacities,
    buyerType: firm.buyerType ?? "",
    usualGovernance: firm.usualGovernance ?? "",
  };
  return {
    kind: firm.kind,
    defaultValue,
    countries: countryOptions(locale),
    sectors: sectorOptions(locale),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await myFirmReader(args);
  const post = await readPost(args.request, t);
  // A blank turnover amount means "not given", whatever currency the select shows.
  if (!formText(post.formData, "turnover.amount").trim()) {
    post.formData.delete("turnover.amount");
    post.formData.delete("turnover.currency");
  }
  return submit(post, firmProfileSchema, async (profile) => {
    await args.context.services.firms.updateMyFirm(actor, profile);
    return redirectWithToast("/firm", "firmSaved");
  });
}

export default function EditFirm() {
  const { t } = useTranslation();
  const { kind, defaultValue, countries, sectors } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form, fields] = useForm<FirmProfileFormInput>({
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t("firm.editTitle")}</h1>
        <Link to="/firm">{t("common.cancel")}</Link>
      </div>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        <input type="hidden" name="kind" value={kind} />
        <FormError messages={[...(form.errors ?? []), error]} />
        <IdentityFields fields={fields} countries={countries} sectors={sectors} />
        {kind === "sme" ? <ChainFields form={form} fields={fields} /> : null}
        {kind === "buyer" ? <BuyerFields fields={fields} /> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
