import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS } from "../../db/reference/certifications";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import { FUNCTIONS, LINKS, TIERS } from "../../server/domain/chain-position";
import { needInputSchema } from "../../server/schemas/sourcing";
import { SUPPORT_KINDS } from "../../server/domain/need";
import { describedBy, Field } from "../components/field";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/sourcing.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, translateIssue } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

const PERIODS = ["month", "quarter", "year"] as const;
const SPECIFIES = ["what", "what_and_how"] as const;
/** Validation keys of the need's schema and services that only these pages use. */
const OWN_KEYS = new Set(["window_order", "choose_network"]);

type FormInput = {
  product: string;
  description: string;
  sector: string;
  link: string;
  functions: string[];
  tier: number | string;
  volume: number | string;
  volumePeriod: string;
  unit: string;
  targetUnitPrice: string;
  currency: string;
  certifications: Array<{ code: string; mustHave: boolean }>;
  deliveryPlace: string;
  deliveryCountry: string;
  windowStart: string;
  windowEnd: string;
  closingDate: string;
  specifies: string;
  designsJointly: boolean;
  supportOffered: string[];
  exclusivity: boolean;
  visibility: string;
  networkIds: string[];
};

async function requireBuyer(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(request, context, { role: "buyer" });
  if (!actor.firm) throw new Response("Forbidden", { status: 403 });
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireBuyer(request, context);
  const locale = await localeFor(request, actor);
  let mine;
  try {
    mine = await context.services.firms.getMyFirm(actor);
  } catch (error) {
    throwAsResponse(error);
  }
  return {
    defaults: { country: mine.firm.country, currency: mine.firm.turnover?.currency ?? "EUR" },
    countries: countryOptions(locale),
    sectors: sectorOptions(locale),
    networks: await context.services.networks.listNames(),
  };
}

/** A validation issue in the reader's language; the sourcing-only keys live under sourcing.validation. */
function formatError(t: TFunction) {
  return (issues: Parameters<typeof translateIssue>[0][]) =>
    issues.map((issue) => {
      const key = issue.params?.key;
      return typeof key === "string" && OWN_KEYS.has(key) ? t(`sourcing.validation.${key}`) : translateIssue(issue, t);
    });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireBuyer(request, context);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  const openNow = formData.get("openNow") === "on";
  const submission = parseWithZod(formData, { schema: needInputSchema, formatError: formatError(t) });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  let created: { id: string };
  try {
    created = await context.services.sourcing.create(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) {
      const own: Record<string, string> = {};
      const other: Record<string, string> = {};
      for (const [field, key] of Object.entries(error.fieldKeys ?? {})) (OWN_KEYS.has(key) ? own : other)[field] = key;
      const fieldErrors = serviceFieldErrors({ fields: error.fields, fieldKeys: other }, t);
      for (const [field, key] of Object.entries(own)) fieldErrors[field.replace(/\.(\d+)(?=\.|$)/g, "[$1]")] = [t(`sourcing.validation.${key}`)];
      return data(submission.reply({ formErrors: [t("sourcing.errors.checkFields")], fieldErrors }), { status: 400 });
    }
    throwAsResponse(error);
  }
  if (openNow) {
    try {
      await context.services.sourcing.transition(actor, { needId: created.id, to: "open" });
    } catch (error) {
      throwAsResponse(error);
    }
    return redirectWithToast(`/needs/${created.id}`, "sourcing.toast.createdOpen");
  }
  return redirectWithToast(`/needs/${created.id}`, "sourcing.toast.created");
}

type AnyField = FieldMetadata<unknown>;

/** A checkbox group's initial value: one checked box comes back as a lone string. */
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);

export default function NewNeed() {
  const { t } = useTranslation();
  const { defaults, countries, sectors, networks } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, rawFields] = useForm<FormInput>({
    id: "new-need",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: {
      product: "",
      description: "",
      sector: "",
      link: "",
      functions: [],
      tier: 1,
      volume: "",
      volumePeriod: "month",
      unit: "",
      targetUnitPrice: "",
      currency: defaults.currency,
      certifications: [],
      deliveryPlace: "",
      deliveryCountry: defaults.country,
      windowStart: "",
      windowEnd: "",
      closingDate: "",
      specifies: "what",
      designsJointly: false,
      supportOffered: [],
      exclusivity: false,
      visibility: "all",
      networkIds: [],
    },
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const certifications = (fields.certifications as unknown as FieldMetadata<FormInput["certifications"]>).getFieldList();

  // The network list shows only for "selected networks" once JavaScript runs; without it, always.
  const [visibility, setVisibility] = useState(String(fields.visibility.initialValue ?? "all"));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const text = (field: AnyField, label: string, type: "text" | "number" | "date" = "text", hint?: string) => (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input {...getInputProps(field, { type })} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );
  const select = (field: AnyField, label: string, options: Array<{ value: string; label: string }>, blank = false) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
        {blank ? <option value="">{t("common.choose")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const checkboxes = (field: AnyField, legend: string, values: readonly string[], labelKey: string) => {
    const checked = new Set(asList(field.initialValue));
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
  const checkbox = (field: AnyField, label: string, hint?: string) => (
    <div className="field">
      <label className="choice">
        <input {...getInputProps(field, { type: "checkbox" })} aria-describedby={hint ? `${field.id}-hint` : undefined} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="stack sourcing-page need-new">
      <div className="page-head">
        <h1>{t("sourcing.new.title")}</h1>
        <Link to="/needs">{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("sourcing.new.lead")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}

        <fieldset className="form-section">
          <legend>{t("sourcing.new.sectionWhat")}</legend>
          {text(fields.product, t("sourcing.fields.product"))}
          <Field id={fields.description.id} label={t("sourcing.fields.description")} errors={fields.description.errors}>
            <textarea {...getTextareaProps(fields.description)} rows={3} aria-describedby={describedBy(fields.description.id, fields.description.errors)} />
          </Field>
          {select(fields.sector, t("sourcing.fields.sector"), sectors.map((s) => ({ value: s.code, label: s.name })), true)}
          <div className="grid-2">
            {select(fields.link, t("sourcing.fields.link"), LINKS.map((l) => ({ value: l, label: t(`links.${l}`) })), true)}
            {select(fields.tier, t("sourcing.fields.tier"), TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) })))}
          </div>
          {checkboxes(fields.functions, t("sourcing.fields.functions"), FUNCTIONS, "functions")}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("sourcing.new.sectionVolume")}</legend>
          <div className="grid-3">
            {text(fields.volume, t("sourcing.fields.volume"), "number")}
            {select(fields.volumePeriod, t("sourcing.fields.volumePeriod"), PERIODS.map((p) => ({ value: p, label: t(`sourcing.periods.${p}`) })))}
            {text(fields.unit, t("sourcing.fields.unit"), "text", t("sourcing.new.unitHint"))}
          </div>
          <div className="grid-2">
            <Field id={fields.targetUnitPrice.id} label={t("sourcing.fields.targetUnitPrice")} errors={fields.targetUnitPrice.errors} hint={t("sourcing.new.priceHint")}>
              <input
                {...getInputProps(fields.targetUnitPrice, { type: "text" })}
                inputMode="decimal"
                aria-describedby={describedBy(fields.targetUnitPrice.id, fields.targetUnitPrice.errors, true)}
              />
            </Field>
            {select(fields.currency, t("sourcing.fields.currency"), CURRENCY_CODES.map((c) => ({ value: c, label: c })))}
          </div>
        </fieldset>

        <fieldset className="form-section" data-testid="certifications-section">
          <legend>{t("sourcing.fields.certifications")}</legend>
          <p className="hint">{t("sourcing.new.certificationsHint")}</p>
          {certifications.length === 0 ? <p className="muted small">{t("sourcing.new.noCertifications")}</p> : null}
          {certifications.map((item, index) => {
            const row = item.getFieldset() as unknown as Record<string, AnyField>;
            return (
              <div key={item.key} className="row-group cert-row">
                {select(row.code, t("sourcing.fields.certification"), CERTIFICATIONS.map((c) => ({ value: c.code, label: c.name })))}
                <label className="choice must-have">
                  <input {...getInputProps(row.mustHave, { type: "checkbox" })} />
                  <span>{t("sourcing.fields.mustHave")}</span>
                </label>
                <button {...form.remove.getButtonProps({ name: fields.certifications.name, index })} className="button button-small button-secondary">
                  {t("sourcing.new.removeCertification", { number: index + 1 })}
                </button>
              </div>
            );
          })}
          {fields.certifications.errors?.length ? <p className="field-errors">{fields.certifications.errors.join(" ")}</p> : null}
          <div className="actions">
            <button
              {...form.insert.getButtonProps({ name: fields.certifications.name, defaultValue: { code: "iso_9001", mustHave: false } as never })}
              className="button button-small button-secondary"
            >
              {t("sourcing.new.addCertification")}
            </button>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("sourcing.new.sectionDelivery")}</legend>
          <div className="grid-2">
            {text(fields.deliveryPlace, t("sourcing.fields.deliveryPlace"))}
            {select(fields.deliveryCountry, t("sourcing.fields.deliveryCountry"), countries.map((c) => ({ value: c.code, label: c.name })))}
          </div>
          <div className="grid-3">
            {text(fields.windowStart, t("sourcing.fields.windowStart"), "date")}
            {text(fields.windowEnd, t("sourcing.fields.windowEnd"), "date")}
            {text(fields.closingDate, t("sourcing.fields.closingDate"), "date")}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("sourcing.new.sectionHow")}</legend>
          <fieldset className="radio-group">
            <legend>{t("sourcing.fields.specifies")}</legend>
            {SPECIFIES.map((s) => (
              <label key={s} className="choice">
                <input type="radio" name={fields.specifies.name} value={s} defaultChecked={fields.specifies.initialValue === s} />
                <span>
                  {t(`sourcing.specifies.${s}`)} <span className="muted small">{t(`sourcing.specifiesHelp.${s}`)}</span>
                </span>
              </label>
            ))}
            {fields.specifies.errors?.length ? <p className="field-errors">{fields.specifies.errors.join(" ")}</p> : null}
          </fieldset>
          {checkbox(fields.designsJointly, t("sourcing.fields.designsJointly"), t("sourcing.new.designsJointlyHint"))}
          {checkboxes(fields.supportOffered, t("sourcing.fields.supportOffered"), SUPPORT_KINDS, "sourcing.support")}
          {checkbox(fields.exclusivity, t("sourcing.fields.exclusivity"), t("sourcing.new.exclusivityHint"))}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("sourcing.fields.visibility")}</legend>
          {(["all", "networks"] as const).map((v) => (
            <label key={v} className="choice">
              <input
                type="radio"
                name={fields.visibility.name}
                value={v}
                defaultChecked={(fields.visibility.initialValue ?? "all") === v}
                onChange={(event) => event.currentTarget.checked && setVisibility(v)}
              />
              <span>{t(`sourcing.visibility.${v}`)}</span>
            </label>
          ))}
          <fieldset className="checkbox-grid" hidden={hydrated && visibility !== "networks"} data-testid="networks-choice">
            <legend>{hydrated ? t("sourcing.fields.networks") : t("sourcing.new.networksNoJs")}</legend>
            {networks.length === 0 ? <p className="muted small">{t("sourcing.new.noNetworks")}</p> : null}
            {networks.map((n) => (
              <label key={n.id} className="choice">
                <input
                  type="checkbox"
                  name={fields.networkIds.name}
                  value={n.id}
                  defaultChecked={asList(fields.networkIds.initialValue).includes(n.id)}
                />
                <span>{n.name}</span>
              </label>
            ))}
            {fields.networkIds.errors?.length ? <p className="field-errors">{fields.networkIds.errors.join(" ")}</p> : null}
          </fieldset>
        </fieldset>

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
