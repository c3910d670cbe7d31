import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import { OBJECTIVES, type Objective } from "../../server/domain/initiative";
import { initiativeFieldsSchema, jointBuyInputSchema } from "../../server/schemas/initiative";
import { describedBy, Field } from "../components/field";
import {
  BudgetFields,
  budgetFieldName,
  budgetFormSchema,
  renameErrorFields,
  toBudgetInput,
  type BudgetFormInput,
} from "../components/initiative/budget-fields";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/initiatives.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

const JOINT_BUYING: Objective = "joint_buying";

/**
 * The page's form: the common fields plus both tool sections; the action drops the section the
 * objective does not use before parsing.
 */
const formSchema = initiativeFieldsSchema.extend({
  objective: z.enum(OBJECTIVES),
  jointBuy: jointBuyInputSchema.optional(),
  budget: budgetFormSchema.optional(),
});
type FormInput = {
  objective: string;
  title: string;
  description: string;
  deadline: string;
  shareQuantities: boolean;
  jointBuy: {
    inputName: string;
    specification: string;
    unit: string;
    supplierName: string;
    currency: string;
    minimumQuantity: number | string;
    priceBreaks: Array<{ minQuantity: number | string; unitPrice: string }>;
  };
  budget: BudgetFormInput;
};

async function loadNetwork(request: Request, context: LoaderFunctionArgs["context"], networkId: string | undefined) {
  const actor = await requireActor(request, context, { role: "broker" });
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
  const { network } = await loadNetwork(request, context, params.networkId);
  return {
    network: { id: network.id, name: network.name, currency: network.currency },
    currencies: CURRENCY_CODES,
  };
}

const SECTION_PREFIX = { jointBuy: /^jointBuy[.[]/, budget: /^budget[.[]/ };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, network } = await loadNetwork(request, context, params.networkId);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  const objective = String(formData.get("objective") ?? "");
  // A joint trade-fair stand has its own form: carry over what was typed and go there.
  if (objective === "joint_selling" && !formData.has("__intent__")) {
    const carry = new URLSearchParams();
    for (const key of ["title", "description", "deadline"]) {
      const value = String(formData.get(key) ?? "").trim();
      if (value) carry.set(key, value);
    }
    const query = carry.toString();
    return redirect(`/networks/${network.id}/stands/new${query ? `?${query}` : ""}`);
  }
  // A learning network is a benchmarking club, with its own form (KPIs, periods): carry over what was typed.
  if (objective === "learning_network" && !formData.has("__intent__")) {
    const carry = new URLSearchParams();
    for (const key of ["title", "description", "deadline"]) {
      const value = String(formData.get(key) ?? "").trim();
      if (value) carry.set(key, value);
    }
    const query = carry.toString();
    return redirect(`/networks/${network.id}/clubs/new${query ? `?${query}` : ""}`);
  }
  const isJointBuy = objective === JOINT_BUYING;
  // Without JavaScript both tool sections are sent; on a real submit keep only the one the
  // objective uses (a list button's intent keeps everything, so nothing typed is lost).
  if (!formData.has("__intent__")) {
    const drop = isJointBuy ? SECTION_PREFIX.budget : SECTION_PREFIX.jointBuy;
    for (const key of [...formData.keys()]) if (drop.test(key)) formData.delete(key);
    if (!isJointBuy) {
      // The budget is optional: a blank amount with no funding source typed means "no budget yet".
      const amount = String(formData.get("budget.amount") ?? "").trim();
      const anySponsor = [...formData.entries()].some(([key, value]) => /^budget\.fundingSources\[\d+\]\.(sponsor|value)$/.test(key) && String(value).trim());
      if (!amount && !anySponsor) for (const key of [...formData.keys()]) if (SECTION_PREFIX.budget.test(key)) formData.delete(key);
    }
  }
  const submission = parseWithZod(formData, { schema: formSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  const value = submission.value;
  let created: { id: string };
  try {
    created = await context.services.initiatives.create(actor, {
      networkId: network.id,
      objective: value.objective,
      title: value.title,
      description: value.description,
      deadline: value.deadline,
      shareQuantities: value.shareQuantities,
      jointBuy: isJointBuy ? value.jointBuy : undefined,
      budget: !isJointBuy && value.budget ? toBudgetInput(value.budget) : undefined,
    });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      const renamed = renameErrorFields(error.fields, error.fieldKeys, budgetFieldName);
      return data(
        submission.reply({ formErrors: [t("initiatives.errors.checkFields")], fieldErrors: serviceFieldErrors({ fields: renamed.fields, fieldKeys: renamed.keys }, t) }),
        { status: 400 },
      );
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/initiatives/${created.id}`, "initiatives.toast.created");
}

type AnyField = FieldMetadata<unknown>;

export default function NewInitiative() {
  const { t } = useTranslation();
  const { network, currencies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, rawFields] = useForm<FormInput>({
    id: "new-initiative",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: {
      objective: JOINT_BUYING,
      title: "",
      description: "",
      deadline: "",
      jointBuy: {
        inputName: "",
        specification: "",
        unit: "",
        supplierName: "",
        currency: network.currency,
        minimumQuantity: "",
        priceBreaks: [{ minQuantity: 1, unitPrice: "" }],
      },
      budget: { amount: "", currency: network.currency, splitRule: "equal", fundingSources: [] },
    },
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const jointBuy = (fields.jointBuy as FieldMetadata<FormInput["jointBuy"]>).getFieldset() as unknown as Record<string, AnyField>;
  const breaks = (jointBuy.priceBreaks as unknown as FieldMetadata<FormInput["jointBuy"]["priceBreaks"]>).getFieldList();

  // Show only the matching tool section once JavaScript runs; without it both are shown.
  const [objective, setObjective] = useState<string>(String(fields.objective.initialValue ?? JOINT_BUYING));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const isJointBuy = objective === JOINT_BUYING;

  const text = (field: AnyField, label: string, type: "text" | "number" | "date" = "text", hint?: string) => (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input {...getInputProps(field, { type })} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );

  return (
    <section className="stack initiative-new">
      <div className="page-head">
        <h1>{t("initiatives.new.title")}</h1>
        <Link to={`/networks/${network.id}`}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("initiatives.new.lead", { network: network.name })}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field id={fields.objective.id} label={t("initiatives.fields.objective")} errors={fields.objective.errors} hint={t(`initiatives.objectiveHelp.${objective}`)}>
          <select
            {...getSelectProps(fields.objective)}
            onChange={(event) => setObjective(event.currentTarget.value)}
            aria-describedby={describedBy(fields.objective.id, fields.objective.errors, true)}
          >
            {OBJECTIVES.map((o) => (
              <option key={o} value={o}>
                {t(`initiatives.objectives.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        {objective === "joint_selling" ? (
          <p className="notice" data-testid="stand-form-link">
            {t("stands.form.fromInitiative")} <Link to={`/networks/${network.id}/stands/new`}>{t("stands.form.toStandForm")}</Link>
          </p>
        ) : null}
        {objective === "learning_network" ? (
          <p className="notice" data-testid="club-form-link">
            {t("learning.newInitiative.clubForm")} <Link to={`/networks/${network.id}/clubs/new`}>{t("learning.newInitiative.clubLink")}</Link>
          </p>
        ) : null}
        <details className="objective-guide">
          <summary>{t("initiatives.new.aboutObjectives")}</summary>
          <dl>
            {OBJECTIVES.map((o) => (
              <div key={o}>
                <dt>{t(`initiatives.objectives.${o}`)}</dt>
                <dd>{t(`initiatives.objectiveHelp.${o}`)}</dd>
              </div>
            ))}
          </dl>
        </details>
        {text(fields.title, t("initiatives.fields.title"))}
        <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
          <textarea {...getTextareaProps(fields.description)} rows={4} aria-describedby={describedBy(fields.description.id, fields.description.errors)} />
        </Field>
        <div className="grid-2">{text(fields.deadline, t("initiatives.fields.deadline"), "date")}</div>
        <label className="choice">
          <input {...getInputProps(fields.shareQuantities, { type: "checkbox" })} />
          <span>{t("initiatives.fields.shareQuantities")}</span>
        </label>

        <fieldset className="tool-section" hidden={hydrated && !isJointBuy} data-testid="joint-buy-section">
          <legend>{t("initiatives.new.jointBuySection")}</legend>
          {hydrated ? null : <p className="hint">{t("initiatives.new.onlyJointBuying")}</p>}
          <div className="grid-2">
            {text(jointBuy.inputName, t("initiatives.fields.inputName"))}
            {text(jointBuy.supplierName, t("initiatives.fields.supplierName"))}
          </div>
          <Field id={jointBuy.specification.id} label={t("initiatives.fields.specification")} errors={jointBuy.specification.errors}>
            <textarea {...getTextareaProps(jointBuy.specification)} rows={3} aria-describedby={describedBy(jointBuy.specification.id, jointBuy.specification.errors)} />
          </Field>
          <div className="grid-3">
            {text(jointBuy.unit, t("initiatives.fields.unit"), "text", t("initiatives.new.unitHint"))}
            <Field id={jointBuy.currency.id} label={t("fields.currency")} errors={jointBuy.currency.errors}>
              <select {...getSelectProps(jointBuy.currency)} aria-describedby={describedBy(jointBuy.currency.id, jointBuy.currency.errors)}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
            {text(jointBuy.minimumQuantity, t("initiatives.fields.minimumQuantity"), "number")}
          </div>
          <h2 className="h3">{t("initiatives.fields.priceBreaks")}</h2>
          <p className="hint">{t("initiatives.new.breaksHint")}</p>
          {breaks.map((item, index) => {
            const row = item.getFieldset() as unknown as Record<string, AnyField>;
            return (
              <div key={item.key} className="row-group">
                {text(row.minQuantity, t("initiatives.fields.fromQuantity"), "number")}
                <Field id={row.unitPrice.id} label={t("initiatives.fields.unitPrice")} errors={row.unitPrice.errors}>
                  <input {...getInputProps(row.unitPrice, { type: "text" })} inputMode="decimal" aria-describedby={describedBy(row.unitPrice.id, row.unitPrice.errors)} />
                </Field>
                {breaks.length > 1 ? (
                  <button {...form.remove.getButtonProps({ name: jointBuy.priceBreaks.name, index })} className="button button-small button-secondary">
                    {t("initiatives.new.removeBreak", { number: index + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          {jointBuy.priceBreaks.errors?.length ? <p className="field-errors">{jointBuy.priceBreaks.errors.join(" ")}</p> : null}
          <div className="actions">
            <button
              {...form.insert.getButtonProps({ name: jointBuy.priceBreaks.name, defaultValue: { minQuantity: "", unitPrice: "" } as never })}
              className="button button-small button-secondary"
            >
              {t("initiatives.new.addBreak")}
            </button>
          </div>
        </fieldset>

        <fieldset className="tool-section" hidden={hydrated && isJointBuy} data-testid="budget-section">
          <legend>{t("initiatives.new.budgetSection")}</legend>
          <p className="hint">{hydrated ? t("initiatives.new.budgetOptional") : `${t("initiatives.new.onlyOthers")} ${t("initiatives.new.budgetOptional")}`}</p>
          <BudgetFields form={form} field={fields.budget as unknown as FieldMetadata<BudgetFormInput | undefined>} t={t} headingLevel={2} />
        </fieldset>

        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("initiatives.new.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
