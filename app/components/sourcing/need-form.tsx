import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS } from "../../../db/reference/certifications";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { FUNCTIONS, LINKS, TIERS } from "../../../server/domain/chain-position";
import { SUPPORT_KINDS } from "../../../server/domain/need";
import { useHydrated } from "../../lib/browser-value";
import { describedBy, Field } from "../field";

/**
 * The sections of the "post a need" form (needs.new): what is sought, volume and price,
 * certifications, delivery, how the buyer works with the supplier, and who sees the need.
 */

const PERIODS = ["month", "quarter", "year"] as const;
const SPECIFIES = ["what", "what_and_how"] as const;

export type NeedFormInput = {
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

/** The form's first values: the buyer's own country and currency. */
export function needDefaults(defaults: { country: string; currency: string }): NeedFormInput {
  return {
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
  };
}

type AnyField = FieldMetadata<unknown>;
export type NeedFields = Record<keyof NeedFormInput, AnyField>;
type Option = { value: string; label: string };

/** A checkbox group's initial value: one checked box comes back as a lone string. */
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);

function TextInput({
  field,
  label,
  type = "text",
  hint,
}: {
  field: AnyField;
  label: string;
  type?: "text" | "number" | "date";
  hint?: string;
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input {...getInputProps(field, { type })} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );
}

function Select({ field, label, options, blank = false }: { field: AnyField; label: string; options: Option[]; blank?: boolean }) {
  const { t } = useTranslation();
  return (
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
}

function Checkboxes({ field, legend, values, labelKey }: { field: AnyField; legend: string; values: readonly string[]; labelKey: string }) {
  const { t } = useTranslation();
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
      <FieldErrors field={field} />
    </fieldset>
  );
}

function Checkbox({ field, label, hint }: { field: AnyField; label: string; hint: string }) {
  return (
    <div className="field">
      <label className="choice">
        <input {...getInputProps(field, { type: "checkbox" })} aria-describedby={`${field.id}-hint`} />
        <span>{label}</span>
      </label>
      <p className="hint" id={`${field.id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

function FieldErrors({ field }: { field: AnyField }) {
  return field.errors?.length ? <p className="field-errors">{field.errors.join(" ")}</p> : null;
}

export function WhatSection({ fields, sectors }: { fields: NeedFields; sectors: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t("sourcing.new.sectionWhat")}</legend>
      <TextInput field={fields.product} label={t("sourcing.fields.product")} />
      <Field id={fields.description.id} label={t("sourcing.fields.description")} errors={fields.description.errors}>
        <textarea
          {...getTextareaProps(fields.description)}
          rows={3}
          aria-describedby={describedBy(fields.description.id, fields.description.errors)}
        />
      </Field>
      <Select
        field={fields.sector}
        label={t("sourcing.fields.sector")}
        options={sectors.map((s) => ({ value: s.code, label: s.name }))}
        blank
      />
      <div className="grid-2">
        <Select
          field={fields.link}
          label={t("sourcing.fields.link")}
          options={LINKS.map((l) => ({ value: l, label: t(`links.${l}`) }))}
          blank
        />
        <Select
          field={fields.tier}
          label={t("sourcing.fields.tier")}
          options={TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) }))}
        />
      </div>
      <Checkboxes field={fields.functions} legend={t("sourcing.fields.functions")} values={FUNCTIONS} labelKey="functions" />
    </fieldset>
  );
}

export function VolumeSection({ fields }: { fields: NeedFields }) {
  const { t } = useTranslation();
  const price = fields.targetUnitPrice;
  return (
    <fieldset className="form-section">
      <legend>{t("sourcing.new.sectionVolume")}</legend>
      <div className="grid-3">
        <TextInput field={fields.volume} label={t("sourcing.fields.volume")} type="number" />
        <Select
          field={fields.volumePeriod}
          label={t("sourcing.fields.volumePeriod")}
          options={PERIODS.map((p) => ({ value: p, label: t(`sourcing.periods.${p}`) }))}
        />
        <TextInput field={fields.unit} label={t("sourcing.fields.unit")} hint={t("sourcing.new.unitHint")} />
      </div>
      <div className="grid-2">
        <Field id={price.id} label={t("sourcing.fields.targetUnitPrice")} errors={price.errors} hint={t("sourcing.new.priceHint")}>
          <input
            {...getInputProps(price, { type: "text" })}
            inputMode="decimal"
            aria-describedby={describedBy(price.id, price.errors, true)}
          />
        </Field>
        <Select
          field={fields.currency}
          label={t("sourcing.fields.currency")}
          options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
        />
      </div>
    </fieldset>
  );
}

export function CertificationsSection({ form, fields }: { form: FormMetadata<NeedFormInput>; fields: NeedFields }) {
  const { t } = useTranslation();
  const list = fields.certifications as FieldMetadata<NeedFormInput["certifications"]>;
  const rows = list.getFieldList();
  return (
    <fieldset className="form-section" data-testid="certifications-section">
      <legend>{t("sourcing.fields.certifications")}</legend>
      <p className="hint">{t("sourcing.new.certificationsHint")}</p>
      {rows.length === 0 ? <p className="muted small">{t("sourcing.new.noCertifications")}</p> : null}
      {rows.map((item, index) => {
        const row = item.getFieldset();
        return (
          <div key={item.key} className="row-group cert-row">
            <Select
              field={row.code as AnyField}
              label={t("sourcing.fields.certification")}
              options={CERTIFICATIONS.map((c) => ({ value: c.code, label: c.name }))}
            />
            <label className="choice must-have">
              <input {...getInputProps(row.mustHave, { type: "checkbox" })} />
              <span>{t("sourcing.fields.mustHave")}</span>
            </label>
            <button {...form.remove.getButtonProps({ name: list.name, index })} className="button button-small button-secondary">
              {t("sourcing.new.removeCertification", { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <FieldErrors field={fields.certifications} />
      <div className="actions">
        <button
          {...form.insert.getButtonProps({ name: list.name, defaultValue: { code: "iso_9001", mustHave: false } })}
          className="button button-small button-secondary"
        >
          {t("sourcing.new.addCertification")}
        </button>
      </div>
    </fieldset>
  );
}

export function DeliverySection({ fields, countries }: { fields: NeedFields; countries: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t("sourcing.new.sectionDelivery")}</legend>
      <div className="grid-2">
        <TextInput field={fields.deliveryPlace} label={t("sourcing.fields.deliveryPlace")} />
        <Select
          field={fields.deliveryCountry}
          label={t("sourcing.fields.deliveryCountry")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
      </div>
      <div className="grid-3">
        <TextInput field={fields.windowStart} label={t("sourcing.fields.windowStart")} type="date" />
        <TextInput field={fields.windowEnd} label={t("sourcing.fields.windowEnd")} type="date" />
        <TextInput field={fields.closingDate} label={t("sourcing.fields.closingDate")} type="date" />
      </div>
    </fieldset>
  );
}

export function HowSection({ fields }: { fields: NeedFields }) {
  const { t } = useTranslation();
  return (
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
        <FieldErrors field={fields.specifies} />
      </fieldset>
      <Checkbox field={fields.designsJointly} label={t("sourcing.fields.designsJointly")} hint={t("sourcing.new.designsJointlyHint")} />
      <Checkboxes
        field={fields.supportOffered}
        legend={t("sourcing.fields.supportOffered")}
        values={SUPPORT_KINDS}
        labelKey="sourcing.support"
      />
      <Checkbox field={fields.exclusivity} label={t("sourcing.fields.exclusivity")} hint={t("sourcing.new.exclusivityHint")} />
    </fieldset>
  );
}

/** Who sees the need; the network list shows only for "selected networks" once JavaScript runs (without it, always). */
export function VisibilitySection({ fields, networks }: { fields: NeedFields; networks: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const [visibility, setVisibility] = useState(typeof fields.visibility.initialValue === "string" ? fields.visibility.initialValue : "all");
  const hydrated = useHydrated();
  const chosen = asList(fields.networkIds.initialValue);
  return (
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
            <input type="checkbox" name={fields.networkIds.name} value={n.id} defaultChecked={chosen.includes(n.id)} />
            <span>{n.name}</span>
          </label>
        ))}
        <FieldErrors field={fields.networkIds} />
      </fieldset>
    </fieldset>
  );
}
