import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { STAND_SPLIT_RULES } from "../../../server/domain/stand-costs";
import { useHydrated } from "../../lib/browser-value";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";
import { SelectField, TextField } from "./inputs";

/** A subsidy row is a share of the stand's cost or a fixed amount. */
export const SUBSIDY_KINDS = ["percent", "fixed"] as const;

/**
 * The stand form shared by "new stand" and "edit stand": the fair, the initiative's title,
 * description and booking deadline, the stand's area, frontage and minimum area per exhibitor,
 * its cost and split rule, the subsidies (repeatable rows) and the sharing settings. Subsidy rows
 * have one value field whose meaning follows the row's kind (percent or amount); `toStandInput`
 * (form-schema.ts) turns the form's value into the services' input.
 */

export type StandFormDefaults = {
  fairId: string;
  title: string;
  description: string;
  deadline: string;
  areaM2: string;
  frontageM: string;
  minAreaM2: string;
  totalCost: { amount: string; currency: string };
  splitRule: string;
  fixedFee: string;
  subsidies: Array<{ sponsor: string; kind: string; value: string; capPerFirm: string; maxEmployees: string }>;
  shareCosts: boolean;
  shareLeads: boolean;
};

type Fields = ReturnType<FormMetadata<StandFormDefaults, string[]>["getFieldset"]>;

export function StandForm({
  id,
  title,
  lead,
  submitLabel,
  cancelTo,
  fairs,
  addFairTo,
  defaultValue,
  lastResult,
  error,
}: {
  id: string;
  title: string;
  lead: string;
  submitLabel: string;
  cancelTo: string;
  fairs: Array<{ id: string; label: string }>;
  /** Where "add a fair" goes (it comes back here with the new fair chosen). */
  addFairTo: string;
  defaultValue: StandFormDefaults;
  lastResult: SubmissionResult<string[]> | null | undefined;
  error: string | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<StandFormDefaults>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="stack stand-new">
      <div className="page-head">
        <h1>{title}</h1>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{lead}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack stand-form">
        <FormError messages={[...(form.errors ?? []), error]} />
        <FairSection fields={fields} fairs={fairs} addFairTo={addFairTo} />
        <AboutSection fields={fields} />
        <SpaceSection fields={fields} />
        <fieldset>
          <legend>{t("stands.form.costSection")}</legend>
          <CostFields fields={fields} />
          <SubsidyRows form={form} fields={fields} />
        </fieldset>
        <SharingSection fields={fields} />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </section>
  );
}

function FairSection({ fields, fairs, addFairTo }: { fields: Fields; fairs: Array<{ id: string; label: string }>; addFairTo: string }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("stands.form.fairSection")}</legend>
      <SelectField
        field={fields.fairId}
        label={t("stands.form.fair")}
        hint={fairs.length ? t("stands.form.fairHint") : t("stands.form.noFairs")}
        blank={t("common.choose")}
        options={fairs.map((fair) => ({ value: fair.id, label: fair.label }))}
      />
      <p>
        <Link to={addFairTo} data-testid="add-fair">
          {t("stands.form.addFair")}
        </Link>
      </p>
    </fieldset>
  );
}

function AboutSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("stands.form.aboutSection")}</legend>
      <TextField field={fields.title} label={t("stands.form.title")} hint={t("stands.form.titleHint")} />
      <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
        <textarea
          {...getTextareaProps(fields.description)}
          rows={4}
          aria-describedby={describedBy(fields.description.id, fields.description.errors)}
        />
      </Field>
      <div className="grid-2">
        <TextField field={fields.deadline} label={t("stands.form.deadline")} type="date" hint={t("stands.form.deadlineHint")} />
      </div>
    </fieldset>
  );
}

/** The stand's area, frontage and the smallest area an exhibitor may book. */
function SpaceSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("stands.form.spaceSection")}</legend>
      <div className="grid-3">
        <TextField field={fields.areaM2} label={t("stands.form.areaM2")} inputMode="decimal" hint={t("stands.form.areaHint")} />
        <TextField field={fields.frontageM} label={t("stands.form.frontageM")} inputMode="decimal" hint={t("stands.form.frontageHint")} />
        <TextField field={fields.minAreaM2} label={t("stands.form.minAreaM2")} inputMode="decimal" hint={t("stands.form.minAreaHint")} />
      </div>
    </fieldset>
  );
}

/** Whether exhibitors see each other's cost lines and leads. */
function SharingSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("stands.form.sharingSection")}</legend>
      <label className="choice">
        <input {...getInputProps(fields.shareCosts, { type: "checkbox" })} />
        <span>{t("stands.form.shareCosts")}</span>
      </label>
      <label className="choice">
        <input {...getInputProps(fields.shareLeads, { type: "checkbox" })} />
        <span>{t("stands.form.shareLeads")}</span>
      </label>
    </fieldset>
  );
}

function CostFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  const cost = fields.totalCost.getFieldset();
  // The fee field matters for "fee plus area" only; without JavaScript it is always shown.
  const [rule, setRule] = useState(String(fields.splitRule.initialValue ?? "by_area"));
  const hydrated = useHydrated();
  return (
    <>
      <div className="grid-3">
        <TextField field={cost.amount} label={t("stands.form.totalCost")} inputMode="decimal" hint={t("stands.form.totalCostHint")} />
        <SelectField field={cost.currency} label={t("fields.currency")} options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))} />
      </div>
      <div className="grid-3">
        <Field
          id={fields.splitRule.id}
          label={t("stands.form.splitRule")}
          errors={fields.splitRule.errors}
          hint={t(`stands.splitRuleHelp.${rule}`)}
        >
          <select
            {...getSelectProps(fields.splitRule)}
            onChange={(event) => setRule(event.currentTarget.value)}
            aria-describedby={describedBy(fields.splitRule.id, fields.splitRule.errors, true)}
          >
            {STAND_SPLIT_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`stands.splitRules.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <div hidden={hydrated && rule !== "fee_plus_area"} className="fee-field">
          <TextField field={fields.fixedFee} label={t("stands.form.fixedFee")} inputMode="decimal" hint={t("stands.form.fixedFeeHint")} />
        </div>
      </div>
    </>
  );
}

function SubsidyRows({ form, fields }: { form: FormMetadata<StandFormDefaults, string[]>; fields: Fields }) {
  const { t } = useTranslation();
  const subsidies = fields.subsidies.getFieldList();
  const kinds = SUBSIDY_KINDS.map((kind) => ({ value: kind, label: t(`stands.subsidyKinds.${kind}`) }));
  return (
    <>
      <h2 className="h3">{t("stands.form.subsidies")}</h2>
      <p className="hint">{t("stands.form.subsidiesHint")}</p>
      {subsidies.length === 0 ? <p className="muted">{t("stands.form.noSubsidies")}</p> : null}
      {subsidies.map((item, index) => {
        const row = item.getFieldset();
        return (
          <fieldset key={item.key ?? `subsidy-${index}`} className="subsidy-row" data-testid={`subsidy-${index}`}>
            <legend>{t("stands.form.subsidyNumber", { number: index + 1 })}</legend>
            <div className="grid-3">
              <TextField field={row.sponsor} label={t("stands.form.sponsor")} />
              <SelectField field={row.kind} label={t("stands.form.subsidyKind")} options={kinds} />
              <TextField
                field={row.value}
                label={t("stands.form.subsidyValue")}
                inputMode="decimal"
                hint={t("stands.form.subsidyValueHint")}
              />
            </div>
            <div className="grid-3">
              <TextField field={row.capPerFirm} label={t("stands.form.capPerFirm")} inputMode="decimal" hint={t("stands.form.optional")} />
              <TextField
                field={row.maxEmployees}
                label={t("stands.form.maxEmployees")}
                type="number"
                inputMode="numeric"
                hint={t("stands.form.maxEmployeesHint")}
              />
            </div>
            <button
              {...form.remove.getButtonProps({ name: fields.subsidies.name, index })}
              className="button button-small button-secondary"
            >
              {t("stands.form.removeSubsidy", { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {fields.subsidies.errors?.length ? <p className="field-errors">{fields.subsidies.errors.join(" ")}</p> : null}
      <div className="actions">
        <button
          {...form.insert.getButtonProps({
            name: fields.subsidies.name,
            defaultValue: { sponsor: "", kind: "percent", value: "", capPerFirm: "", maxEmployees: "" },
          })}
          className="button button-small button-secondary"
        >
          {t("stands.form.addSubsidy")}
        </button>
      </div>
    </>
  );
}
