import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import { STAND_SPLIT_RULES } from "../../server/domain/stand-costs";
import { createStandSchema } from "../../server/schemas/stands";
import type { TFunction } from "i18next";
import { formatIssues } from "../lib/messages";
import { describedBy, Field } from "./field";

/**
 * The stand form shared by "new stand" and "edit stand": the fair, the initiative's title,
 * description and booking deadline, the stand's area, frontage and minimum area per exhibitor,
 * its cost and split rule, the subsidies (repeatable rows) and the sharing settings. Subsidy rows
 * have one value field whose meaning follows the row's kind (percent or amount); `toStandInput`
 * turns the form's value into the services' input.
 */

const decimal = z.string().trim().regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 12.50");

export const SUBSIDY_KINDS = ["percent", "fixed"] as const;

export const subsidyRowFormSchema = z
  .object({
    sponsor: z.string().trim().min(2, "At least 2 characters").max(120),
    kind: z.enum(SUBSIDY_KINDS),
    value: decimal,
    capPerFirm: decimal.optional(),
    maxEmployees: z.number().int().min(1, "Must be at least 1").max(10_000_000).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.kind !== "percent") return;
    const percent = Number(row.value.replace(",", "."));
    if (percent < 0.01) ctx.addIssue({ code: "too_small", minimum: 0.01, origin: "number", inclusive: true, input: percent, path: ["value"], message: "At least 0.01" });
    if (percent > 100) ctx.addIssue({ code: "too_big", maximum: 100, origin: "number", inclusive: true, input: percent, path: ["value"], message: "At most 100" });
  });

/**
 * conform's `formatError` for the stand forms: like `formatIssues`, but an area or a length that
 * does not match its pattern gets its own words (zod keeps no `params` on a regex check).
 */
export function standIssues(t: TFunction) {
  const plain = formatIssues(t);
  return (issues: Parameters<typeof plain>[0]) =>
    issues.map((issue) => {
      const field = String(issue.path[issue.path.length - 1] ?? "");
      if (issue.code === "invalid_format" && issue.format === "regex") {
        if (field === "areaM2" || field === "minAreaM2") return t("validation.invalid_area");
        if (field === "frontageM") return t("validation.invalid_length");
      }
      return plain([issue])[0];
    });
}

/** The form's schema: the service's fields (without the ids) with subsidies as form rows. */
export const standFormSchema = createStandSchema.omit({ networkId: true, subsidies: true }).extend({
  subsidies: z.array(subsidyRowFormSchema).max(10).default([]),
});
export type StandFormValue = z.output<typeof standFormSchema>;

/** The form's value -> the fields createStand / updateStand take (without the ids). */
export function toStandInput(value: StandFormValue) {
  const { subsidies, fixedFee, ...rest } = value;
  return {
    ...rest,
    // A fee only means something for "fee plus area"; a leftover value from another rule is dropped.
    fixedFee: value.splitRule === "fee_plus_area" ? fixedFee : undefined,
    subsidies: subsidies.map((row) => {
      const limits = { capPerFirm: row.capPerFirm, maxEmployees: row.maxEmployees };
      return row.kind === "percent"
        ? { kind: "percent" as const, sponsor: row.sponsor, percent: Number(row.value.replace(",", ".")), ...limits }
        : { kind: "fixed" as const, sponsor: row.sponsor, amount: row.value, ...limits };
    }),
  };
}

/** A service's field path ("subsidies.0.percent", "totalCost.amount") -> the form's field name. */
export function standFieldName(path: string): string {
  const row = /^subsidies\.(\d+)\.(\w+)$/.exec(path);
  if (row) {
    const [, index, field] = row;
    const name = field === "percent" || field === "amount" ? "value" : field;
    return `subsidies[${index}].${name}`;
  }
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** Service field errors renamed to the form's fields (keys too, for translation). */
export function renameStandErrors(fields: Record<string, string[]> | undefined, keys: Record<string, string> | undefined) {
  const outFields: Record<string, string[]> = {};
  const outKeys: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const name = standFieldName(path).replace(/\[(\d+)\]/g, ".$1");
    outFields[name] = [...(outFields[name] ?? []), ...messages];
    if (keys?.[path]) outKeys[name] = keys[path];
  }
  return { fields: outFields, keys: outKeys };
}

export interface StandFormDefaults {
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
}

type AnyField = FieldMetadata<unknown>;

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
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, rawFields] = useForm<StandFormDefaults>({ id, lastResult, defaultValue, shouldValidate: "onSubmit", shouldRevalidate: "onSubmit" });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const cost = (fields.totalCost as FieldMetadata<StandFormDefaults["totalCost"]>).getFieldset() as unknown as Record<string, AnyField>;
  const subsidies = (fields.subsidies as unknown as FieldMetadata<StandFormDefaults["subsidies"]>).getFieldList();

  // The fee field matters for "fee plus area" only; without JavaScript it is always shown.
  const [rule, setRule] = useState(String(fields.splitRule.initialValue ?? "by_area"));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const input = (field: AnyField, label: string, options: { type?: "text" | "date" | "number"; hint?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <Field id={field.id} label={label} errors={field.errors} hint={options.hint}>
      <input
        {...getInputProps(field, { type: options.type ?? "text" })}
        inputMode={options.inputMode}
        aria-describedby={describedBy(field.id, field.errors, Boolean(options.hint))}
      />
    </Field>
  );

  return (
    <section className="stack stand-new">
      <div className="page-head">
        <h1>{title}</h1>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{lead}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack stand-form">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}

        <fieldset>
          <legend>{t("stands.form.fairSection")}</legend>
          <Field id={fields.fairId.id} label={t("stands.form.fair")} errors={fields.fairId.errors} hint={fairs.length ? t("stands.form.fairHint") : t("stands.form.noFairs")}>
            <select {...getSelectProps(fields.fairId)} aria-describedby={describedBy(fields.fairId.id, fields.fairId.errors, true)}>
              <option value="">{t("common.choose")}</option>
              {fairs.map((fair) => (
                <option key={fair.id} value={fair.id}>
                  {fair.label}
                </option>
              ))}
            </select>
          </Field>
          <p>
            <Link to={addFairTo} data-testid="add-fair">
              {t("stands.form.addFair")}
            </Link>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t("stands.form.aboutSection")}</legend>
          {input(fields.title, t("stands.form.title"), { hint: t("stands.form.titleHint") })}
          <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
            <textarea {...getTextareaProps(fields.description)} rows={4} aria-describedby={describedBy(fields.description.id, fields.description.errors)} />
          </Field>
          <div className="grid-2">{input(fields.deadline, t("stands.form.deadline"), { type: "date", hint: t("stands.form.deadlineHint") })}</div>
        </fieldset>

        <fieldset>
          <legend>{t("stands.form.spaceSection")}</legend>
          <div className="grid-3">
            {input(fields.areaM2, t("stands.form.areaM2"), { inputMode: "decimal", hint: t("stands.form.areaHint") })}
            {input(fields.frontageM, t("stands.form.frontageM"), { inputMode: "decimal", hint: t("stands.form.frontageHint") })}
            {input(fields.minAreaM2, t("stands.form.minAreaM2"), { inputMode: "decimal", hint: t("stands.form.minAreaHint") })}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t("stands.form.costSection")}</legend>
          <div className="grid-3">
            {input(cost.amount, t("stands.form.totalCost"), { inputMode: "decimal", hint: t("stands.form.totalCostHint") })}
            <Field id={cost.currency.id} label={t("fields.currency")} errors={cost.currency.errors}>
              <select {...getSelectProps(cost.currency)} aria-describedby={describedBy(cost.currency.id, cost.currency.errors)}>
                {CURRENCY_CODES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="grid-3">
            <Field id={fields.splitRule.id} label={t("stands.form.splitRule")} errors={fields.splitRule.errors} hint={t(`stands.splitRuleHelp.${rule}`)}>
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
              {input(fields.fixedFee, t("stands.form.fixedFee"), { inputMode: "decimal", hint: t("stands.form.fixedFeeHint") })}
            </div>
          </div>

          <h2 className="h3">{t("stands.form.subsidies")}</h2>
          <p className="hint">{t("stands.form.subsidiesHint")}</p>
          {subsidies.length === 0 ? <p className="muted">{t("stands.form.noSubsidies")}</p> : null}
          {subsidies.map((item, index) => {
            const row = item.getFieldset() as unknown as Record<string, AnyField>;
            return (
              <fieldset key={item.key ?? `subsidy-${index}`} className="subsidy-row" data-testid={`subsidy-${index}`}>
                <legend>{t("stands.form.subsidyNumber", { number: index + 1 })}</legend>
                <div className="grid-3">
                  {input(row.sponsor, t("stands.form.sponsor"))}
                  <Field id={row.kind.id} label={t("stands.form.subsidyKind")} errors={row.kind.errors}>
                    <select {...getSelectProps(row.kind)}>
                      {SUBSIDY_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`stands.subsidyKinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {input(row.value, t("stands.form.subsidyValue"), { inputMode: "decimal", hint: t("stands.form.subsidyValueHint") })}
                </div>
                <div className="grid-3">
                  {input(row.capPerFirm, t("stands.form.capPerFirm"), { inputMode: "decimal", hint: t("stands.form.optional") })}
                  {input(row.maxEmployees, t("stands.form.maxEmployees"), { type: "number", inputMode: "numeric", hint: t("stands.form.maxEmployeesHint") })}
                </div>
                <button {...form.remove.getButtonProps({ name: fields.subsidies.name, index })} className="button button-small button-secondary">
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
                defaultValue: { sponsor: "", kind: "percent", value: "", capPerFirm: "", maxEmployees: "" } as never,
              })}
              className="button button-small button-secondary"
            >
              {t("stands.form.addSubsidy")}
            </button>
          </div>
        </fieldset>

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

        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </section>
  );
}
