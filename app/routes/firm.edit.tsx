import type { z } from "zod";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS } from "../../db/reference/certifications";
import { CURRENCY_CODES, minorDigits } from "../../db/reference/currencies";
import { BUYER_TYPES, FUNCTIONS, GOVERNANCE, LINKS, ROLE_LADDER, TIERS, UPGRADING_GOALS } from "../../server/domain/chain-position";
import { minorToDecimal } from "../../server/domain/money";
import { firmProfileSchema } from "../../server/schemas/firm";
import { describedBy, Field } from "../components/field";
import { ErrorMessage } from "../components/error-message";
import { myFirmReader } from "../components/firm/my-firm.server";
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
  return {
    kind: firm.kind,
    defaultValue: {
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
    },
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

type AnyField = FieldMetadata<unknown>;

export default function EditFirm() {
  const { t } = useTranslation();
  const { kind, defaultValue, countries, sectors } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form, rawFields] = useForm<z.input<typeof firmProfileSchema>>({
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const turnover = (fields.turnover as FieldMetadata<{ amount: string; currency: string }>).getFieldset();
  const certifications = (fields.certifications as FieldMetadata<Array<{ code: string; expiresOn: string }>>).getFieldList();
  const capacities = (
    fields.capacities as FieldMetadata<Array<{ product: string; unitsPerMonth: number; unit: string; leadTimeDays: number }>>
  ).getFieldList();

  const text = (field: AnyField, label: string, type: "text" | "url" | "number" | "date" = "text") => (
    <Field id={field.id} label={label} errors={field.errors}>
      <input {...getInputProps(field, { type })} aria-describedby={describedBy(field.id, field.errors)} />
    </Field>
  );
  const select = (field: AnyField, label: string, options: Array<{ value: string; label: string }>, blank = false) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
        {blank ? <option value="">—</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const checkboxes = (field: AnyField, legend: string, values: readonly string[], labelKey: string) => {
    const checked = new Set((field.initialValue as string[] | undefined) ?? []);
    return (
      <fieldset className="checkbox-grid">
        <legend>{legend}</legend>
        {values.map((v) => (
          <label key={v} className="choice">
            <input type="checkbox" name={field.name} value={v} defaultChecked={checked.has(v)} />
            <span>{t(`${labelKey}.${v}`)}</span>
          </label>
        ))}
        {field.errors?.length ? <p className="field-errors">{field.errors.join(" ")}</p> : null}
      </fieldset>
    );
  };

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t("firm.editTitle")}</h1>
        <Link to="/firm">{t("common.cancel")}</Link>
      </div>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        <input type="hidden" name="kind" value={kind} />
        <FormError messages={[...(form.errors ?? []), error]} />
        <h2>{t("firm.sections.identity")}</h2>
        {text(fields.name, t("fields.firmName"))}
        <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
          <textarea {...getTextareaProps(fields.description)} rows={4} />
        </Field>
        {text(fields.website, t("fields.website"), "url")}
        <div className="grid-2">
          {select(
            fields.country,
            t("fields.country"),
            countries.map((c) => ({ value: c.code, label: c.name })),
          )}
          {text(fields.region, t("fields.region"))}
        </div>
        {select(
          fields.sector,
          t("fields.sector"),
          sectors.map((s) => ({ value: s.code, label: s.name })),
        )}
        <div className="grid-3">
          {text(fields.employees, t("fields.employees"), "number")}
          {text(turnover.amount as AnyField, t("fields.turnoverAmount"))}
          {select(
            turnover.currency as AnyField,
            t("fields.currency"),
            CURRENCY_CODES.map((c) => ({ value: c, label: c })),
            true,
          )}
        </div>

        {kind === "sme" ? (
          <>
            <h2>{t("firm.sections.chain")}</h2>
            <div className="grid-3">
              {select(
                fields.link,
                t("fields.link"),
                LINKS.map((l) => ({ value: l, label: t(`links.${l}`) })),
              )}
              {select(
                fields.tier,
                t("fields.tier"),
                TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) })),
              )}
              {select(
                fields.roleLadder,
                t("fields.roleLadder"),
                ROLE_LADDER.map((r) => ({ value: r, label: t(`roleLadder.${r}`) })),
                true,
              )}
            </div>
            {checkboxes(fields.functions, t("fields.functions"), FUNCTIONS, "functions")}
            {checkboxes(fields.upgradingGoals, t("fields.upgradingGoals"), UPGRADING_GOALS, "upgradingGoals")}

            <h2>{t("fields.certifications")}</h2>
            {certifications.length === 0 ? <p className="muted">{t("firm.noCertifications")}</p> : null}
            {certifications.map((item, index) => {
              const c = item.getFieldset() as unknown as Record<string, AnyField>;
              return (
                <div key={item.key} className="row-group">
                  {select(
                    c.code,
                    t("fields.certification"),
                    CERTIFICATIONS.map((x) => ({ value: x.code, label: x.name })),
                  )}
                  {text(c.expiresOn, t("fields.expiresOn"), "date")}
                  <button
                    {...form.remove.getButtonProps({ name: fields.certifications.name, index })}
                    className="button button-small button-secondary"
                  >
                    {t("common.remove")}
                  </button>
                </div>
              );
            })}
            {fields.certifications.errors?.length ? <p className="field-errors">{fields.certifications.errors.join(" ")}</p> : null}
            <button
              {...form.insert.getButtonProps({
                name: fields.certifications.name,
                defaultValue: { code: "iso_9001", expiresOn: "" } as never,
              })}
              className="button button-small button-secondary"
            >
              {t("firm.addCertification")}
            </button>

            <h2>{t("fields.capacities")}</h2>
            {capacities.map((item, index) => {
              const c = item.getFieldset() as unknown as Record<string, AnyField>;
              return (
                <div key={item.key} className="row-group">
                  {text(c.product, t("fields.product"))}
                  {text(c.unitsPerMonth, t("fields.unitsPerMonth"), "number")}
                  {text(c.unit, t("fields.unit"))}
                  {text(c.leadTimeDays, t("fields.leadTimeDays"), "number")}
                  <button
                    {...form.remove.getButtonProps({ name: fields.capacities.name, index })}
                    className="button button-small button-secondary"
                  >
                    {t("common.remove")}
                  </button>
                </div>
              );
            })}
            <button
              {...form.insert.getButtonProps({
                name: fields.capacities.name,
                defaultValue: { product: "", unitsPerMonth: 1000, unit: "", leadTimeDays: 30 } as never,
              })}
              className="button button-small button-secondary"
            >
              {t("firm.addCapacity")}
            </button>
          </>
        ) : null}

        {kind === "buyer" ? (
          <>
            <h2>{t("firm.sections.buyer")}</h2>
            <div className="grid-2">
              {select(
                fields.buyerType,
                t("fields.buyerType"),
                BUYER_TYPES.map((b) => ({ value: b, label: t(`buyerTypes.${b}`) })),
              )}
              {select(
                fields.usualGovernance,
                t("fields.usualGovernance"),
                GOVERNANCE.map((g) => ({ value: g, label: t(`governance.${g}`) })),
                true,
              )}
            </div>
          </>
        ) : null}

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
