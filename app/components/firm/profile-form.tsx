import { getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS } from "../../../db/reference/certifications";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { BUYER_TYPES, FUNCTIONS, GOVERNANCE, LINKS, ROLE_LADDER, TIERS, UPGRADING_GOALS } from "../../../server/domain/chain-position";
import { Field } from "../field";
import { SelectField, TextField } from "../stand/inputs";

/** The sections of the firm profile editor: identity, chain position (SMEs) and buying (buyers). */

/**
 * The editor's values as the form holds them: every kind's fields in one shape, blanks as "".
 * The schema is a union by kind; the form shows one kind's sections and the server picks the branch.
 */
export type FirmProfileFormInput = {
  kind: string;
  name: string;
  description: string;
  website: string;
  country: string;
  region: string;
  sector: string;
  employees: number | "";
  turnover: { amount: string; currency: string };
  link: string;
  tier: number | "";
  functions: string[];
  roleLadder: string;
  upgradingGoals: string[];
  certifications: Array<{ code: string; expiresOn: string }>;
  capacities: Array<{ product: string; unitsPerMonth: number; unit: string; leadTimeDays: number }>;
  buyerType: string;
  usualGovernance: string;
};

type ProfileForm = FormMetadata<FirmProfileFormInput>;
type ProfileFields = ReturnType<ProfileForm["getFieldset"]>;
type Option = { code: string; name: string };

export function IdentityFields({ fields, countries, sectors }: { fields: ProfileFields; countries: Option[]; sectors: Option[] }) {
  const { t } = useTranslation();
  const turnover = fields.turnover.getFieldset();
  return (
    <>
      <h2>{t("firm.sections.identity")}</h2>
      <TextField field={fields.name} label={t("fields.firmName")} />
      <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={4} />
      </Field>
      <TextField field={fields.website} label={t("fields.website")} type="url" />
      <div className="grid-2">
        <SelectField
          field={fields.country}
          label={t("fields.country")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <TextField field={fields.region} label={t("fields.region")} />
      </div>
      <SelectField field={fields.sector} label={t("fields.sector")} options={sectors.map((s) => ({ value: s.code, label: s.name }))} />
      <div className="grid-3">
        <TextField field={fields.employees} label={t("fields.employees")} type="number" />
        <TextField field={turnover.amount} label={t("fields.turnoverAmount")} />
        <SelectField
          field={turnover.currency}
          label={t("fields.currency")}
          options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          blank="—"
        />
      </div>
    </>
  );
}

/** A checkbox per value; the labels come from `labelKey`'s entries. */
function Checkboxes({
  field,
  legend,
  values,
  labelKey,
}: {
  field: FieldMetadata<string[]>;
  legend: string;
  values: readonly string[];
  labelKey: string;
}) {
  const { t } = useTranslation();
  const checked = new Set(field.initialValue ?? []);
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
}

export function ChainFields({ form, fields }: { form: ProfileForm; fields: ProfileFields }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("firm.sections.chain")}</h2>
      <div className="grid-3">
        <SelectField field={fields.link} label={t("fields.link")} options={LINKS.map((l) => ({ value: l, label: t(`links.${l}`) }))} />
        <SelectField
          field={fields.tier}
          label={t("fields.tier")}
          options={TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) }))}
        />
        <SelectField
          field={fields.roleLadder}
          label={t("fields.roleLadder")}
          options={ROLE_LADDER.map((r) => ({ value: r, label: t(`roleLadder.${r}`) }))}
          blank="—"
        />
      </div>
      <Checkboxes field={fields.functions} legend={t("fields.functions")} values={FUNCTIONS} labelKey="functions" />
      <Checkboxes field={fields.upgradingGoals} legend={t("fields.upgradingGoals")} values={UPGRADING_GOALS} labelKey="upgradingGoals" />
      <CertificationRows form={form} field={fields.certifications} />
      <CapacityRows form={form} field={fields.capacities} />
    </>
  );
}

function CertificationRows({ form, field }: { form: ProfileForm; field: ProfileFields["certifications"] }) {
  const { t } = useTranslation();
  const rows = field.getFieldList();
  return (
    <>
      <h2>{t("fields.certifications")}</h2>
      {rows.length === 0 ? <p className="muted">{t("firm.noCertifications")}</p> : null}
      {rows.map((item, index) => {
        const c = item.getFieldset();
        return (
          <div key={item.key} className="row-group">
            <SelectField
              field={c.code}
              label={t("fields.certification")}
              options={CERTIFICATIONS.map((x) => ({ value: x.code, label: x.name }))}
            />
            <TextField field={c.expiresOn} label={t("fields.expiresOn")} type="date" />
            <button {...form.remove.getButtonProps({ name: field.name, index })} className="button button-small button-secondary">
              {t("common.remove")}
            </button>
          </div>
        );
      })}
      {field.errors?.length ? <p className="field-errors">{field.errors.join(" ")}</p> : null}
      <button
        {...form.insert.getButtonProps({ name: field.name, defaultValue: { code: "iso_9001", expiresOn: "" } })}
        className="button button-small button-secondary"
      >
        {t("firm.addCertification")}
      </button>
    </>
  );
}

function CapacityRows({ form, field }: { form: ProfileForm; field: ProfileFields["capacities"] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("fields.capacities")}</h2>
      {field.getFieldList().map((item, index) => {
        const c = item.getFieldset();
        return (
          <div key={item.key} className="row-group">
            <TextField field={c.product} label={t("fields.product")} />
            <TextField field={c.unitsPerMonth} label={t("fields.unitsPerMonth")} type="number" />
            <TextField field={c.unit} label={t("fields.unit")} />
            <TextField field={c.leadTimeDays} label={t("fields.leadTimeDays")} type="number" />
            <button {...form.remove.getButtonProps({ name: field.name, index })} className="button button-small button-secondary">
              {t("common.remove")}
            </button>
          </div>
        );
      })}
      <button
        {...form.insert.getButtonProps({
          name: field.name,
          defaultValue: { product: "", unitsPerMonth: 1000, unit: "", leadTimeDays: 30 },
        })}
        className="button button-small button-secondary"
      >
        {t("firm.addCapacity")}
      </button>
    </>
  );
}

export function BuyerFields({ fields }: { fields: ProfileFields }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("firm.sections.buyer")}</h2>
      <div className="grid-2">
        <SelectField
          field={fields.buyerType}
          label={t("fields.buyerType")}
          options={BUYER_TYPES.map((b) => ({ value: b, label: t(`buyerTypes.${b}`) }))}
        />
        <SelectField
          field={fields.usualGovernance}
          label={t("fields.usualGovernance")}
          options={GOVERNANCE.map((g) => ({ value: g, label: t(`governance.${g}`) }))}
          blank="—"
        />
      </div>
    </>
  );
}
