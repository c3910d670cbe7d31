import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { GOVERNANCE } from "../../../server/domain/chain-position";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";

type AnyField = FieldMetadata<string>;

function TextField({ field, label, hint, extra = {} }: { field: AnyField; label: string; hint?: string; extra?: Record<string, string> }) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input {...getInputProps(field, { type: "text" })} {...extra} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );
}

function SelectField({
  field,
  label,
  options,
  blank,
}: {
  field: AnyField;
  label: string;
  options: Array<{ value: string; label: string }>;
  blank?: string;
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Adding one sale by hand: who bought, how much, in which market and through which channel. */
export function EntryForm({
  buyers,
  defaultCurrency,
  busy,
}: {
  buyers: Array<{ id: string; name: string }>;
  defaultCurrency: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { lastResult, error } = useFormResult("add");
  const [form, fields] = useForm<Record<string, string>>({
    id: "add-entry",
    lastResult,
    defaultValue: {
      currency: defaultCurrency,
      market: "export",
      channel: "direct",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="card stack" aria-labelledby="ledger-add">
      <h2 id="ledger-add">{t("dependence.ledger.add")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <input type="hidden" name="intent" value="add" />
        <FormError messages={[...(form.errors ?? []), error]} />
        <SaleFields fields={fields} buyers={buyers} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("dependence.ledger.addSubmit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

type EntryFields = ReturnType<FormMetadata<Record<string, string>>["getFieldset"]>;

/** The sale itself: period, buyer, amount, market, channel, governance and exclusivity. */
function SaleFields({ fields, buyers }: { fields: EntryFields; buyers: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const options = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <>
      <div className="grid-3">
        <TextField
          field={fields.period}
          label={t("dependence.fields.period")}
          hint={t("dependence.ledger.periodHint")}
          extra={{ inputMode: "text", autoComplete: "off" }}
        />
        <SelectField
          field={fields.customerFirmId}
          label={t("dependence.fields.platformBuyer")}
          options={buyers.map((b) => ({ value: b.id, label: b.name }))}
          blank={t("dependence.ledger.notOnJointly")}
        />
        <TextField field={fields.customerName} label={t("dependence.fields.customerName")} hint={t("dependence.ledger.customerHint")} />
      </div>
      <div className="grid-3">
        <TextField
          field={fields.amount}
          label={t("dependence.fields.amount")}
          hint={t("dependence.ledger.amountHint")}
          extra={{ inputMode: "decimal" }}
        />
        <SelectField
          field={fields.currency}
          label={t("fields.currency")}
          options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          blank={t("common.choose")}
        />
        <SelectField
          field={fields.market}
          label={t("dependence.fields.market")}
          options={options("dependence.markets", ["export", "domestic"])}
        />
      </div>
      <div className="grid-3">
        <SelectField
          field={fields.channel}
          label={t("dependence.fields.channel")}
          options={options("dependence.channels", ["direct", "agent"])}
        />
        <TextField field={fields.agentName} label={t("dependence.fields.agentName")} hint={t("dependence.ledger.agentHint")} />
        <SelectField
          field={fields.governance}
          label={t("dependence.fields.governance")}
          options={options("governance", GOVERNANCE)}
          blank={t("dependence.ledger.notStated")}
        />
      </div>
      <div className="field">
        <label className="choice" htmlFor={fields.exclusivity.id}>
          <input {...getInputProps(fields.exclusivity, { type: "checkbox" })} />
          <span>{t("dependence.ledger.exclusivityLabel")}</span>
        </label>
      </div>
    </>
  );
}
