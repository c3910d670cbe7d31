import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OBJECTIVES } from "../../../server/domain/initiative";
import { describedBy, Field } from "../field";
import { BudgetFields, type BudgetFormInput } from "./budget-fields";

/** The sections of the "new initiative" form: objective, common fields and the two tool sections. */

export type NewInitiativeInput = {
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

/** The form's first values: a joint purchase in the network's currency. */
export function newInitiativeDefaults(currency: string): Omit<NewInitiativeInput, "shareQuantities"> {
  return {
    objective: "joint_buying",
    title: "",
    description: "",
    deadline: "",
    jointBuy: {
      inputName: "",
      specification: "",
      unit: "",
      supplierName: "",
      currency,
      minimumQuantity: "",
      priceBreaks: [{ minQuantity: 1, unitPrice: "" }],
    },
    budget: { amount: "", currency, splitRule: "equal", fundingSources: [] },
  };
}

type AnyField = FieldMetadata<unknown>;

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

function TextArea({ field, label, rows }: { field: AnyField; label: string; rows: number }) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      <textarea {...getTextareaProps(field)} rows={rows} aria-describedby={describedBy(field.id, field.errors)} />
    </Field>
  );
}

/** The objective, with links to the stand and club forms, which those objectives use instead. */
export function ObjectiveField({
  field,
  networkId,
  objective,
  onChange,
}: {
  field: AnyField;
  networkId: string;
  objective: string;
  onChange: (objective: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        id={field.id}
        label={t("initiatives.fields.objective")}
        errors={field.errors}
        hint={t(`initiatives.objectiveHelp.${objective}`)}
      >
        <select
          {...getSelectProps(field)}
          onChange={(event) => onChange(event.currentTarget.value)}
          aria-describedby={describedBy(field.id, field.errors, true)}
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
          {t("stands.form.fromInitiative")} <Link to={`/networks/${networkId}/stands/new`}>{t("stands.form.toStandForm")}</Link>
        </p>
      ) : null}
      {objective === "learning_network" ? (
        <p className="notice" data-testid="club-form-link">
          {t("learning.newInitiative.clubForm")} <Link to={`/networks/${networkId}/clubs/new`}>{t("learning.newInitiative.clubLink")}</Link>
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
    </>
  );
}

/** Title, description, deadline and whether participants see each other's quantities. */
export function CommonFields({
  title,
  description,
  deadline,
  shareQuantities,
}: {
  title: AnyField;
  description: AnyField;
  deadline: AnyField;
  shareQuantities: AnyField;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput field={title} label={t("initiatives.fields.title")} />
      <TextArea field={description} label={t("fields.description")} rows={4} />
      <div className="grid-2">
        <TextInput field={deadline} label={t("initiatives.fields.deadline")} type="date" />
      </div>
      <label className="choice">
        <input {...getInputProps(shareQuantities, { type: "checkbox" })} />
        <span>{t("initiatives.fields.shareQuantities")}</span>
      </label>
    </>
  );
}

type JointBuyField = FieldMetadata<NewInitiativeInput["jointBuy"], NewInitiativeInput>;

/** The supplier's quote of a joint purchase: what, from whom, the minimum and the price breaks. */
export function JointBuySection({
  form,
  field,
  currencies,
  hidden,
  hydrated,
}: {
  form: FormMetadata<NewInitiativeInput>;
  field: JointBuyField;
  currencies: readonly string[];
  hidden: boolean;
  hydrated: boolean;
}) {
  const { t } = useTranslation();
  const jointBuy = field.getFieldset();
  return (
    <fieldset className="tool-section" hidden={hidden} data-testid="joint-buy-section">
      <legend>{t("initiatives.new.jointBuySection")}</legend>
      {hydrated ? null : <p className="hint">{t("initiatives.new.onlyJointBuying")}</p>}
      <div className="grid-2">
        <TextInput field={jointBuy.inputName} label={t("initiatives.fields.inputName")} />
        <TextInput field={jointBuy.supplierName} label={t("initiatives.fields.supplierName")} />
      </div>
      <TextArea field={jointBuy.specification} label={t("initiatives.fields.specification")} rows={3} />
      <div className="grid-3">
        <TextInput field={jointBuy.unit} label={t("initiatives.fields.unit")} hint={t("initiatives.new.unitHint")} />
        <Field id={jointBuy.currency.id} label={t("fields.currency")} errors={jointBuy.currency.errors}>
          <select {...getSelectProps(jointBuy.currency)} aria-describedby={describedBy(jointBuy.currency.id, jointBuy.currency.errors)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <TextInput field={jointBuy.minimumQuantity} label={t("initiatives.fields.minimumQuantity")} type="number" />
      </div>
      <PriceBreaks form={form} field={jointBuy.priceBreaks} />
    </fieldset>
  );
}

function PriceBreaks({
  form,
  field,
}: {
  form: FormMetadata<NewInitiativeInput>;
  field: FieldMetadata<NewInitiativeInput["jointBuy"]["priceBreaks"], NewInitiativeInput>;
}) {
  const { t } = useTranslation();
  const breaks = field.getFieldList();
  return (
    <>
      <h2 className="h3">{t("initiatives.fields.priceBreaks")}</h2>
      <p className="hint">{t("initiatives.new.breaksHint")}</p>
      {breaks.map((item, index) => {
        const row = item.getFieldset();
        return (
          <div key={item.key} className="row-group">
            <TextInput field={row.minQuantity} label={t("initiatives.fields.fromQuantity")} type="number" />
            <Field id={row.unitPrice.id} label={t("initiatives.fields.unitPrice")} errors={row.unitPrice.errors}>
              <input
                {...getInputProps(row.unitPrice, { type: "text" })}
                inputMode="decimal"
                aria-describedby={describedBy(row.unitPrice.id, row.unitPrice.errors)}
              />
            </Field>
            {breaks.length > 1 ? (
              <button {...form.remove.getButtonProps({ name: field.name, index })} className="button button-small button-secondary">
                {t("initiatives.new.removeBreak", { number: index + 1 })}
              </button>
            ) : null}
          </div>
        );
      })}
      {field.errors?.length ? <p className="field-errors">{field.errors.join(" ")}</p> : null}
      <div className="actions">
        <button
          {...form.insert.getButtonProps({ name: field.name, defaultValue: { minQuantity: "", unitPrice: "" } })}
          className="button button-small button-secondary"
        >
          {t("initiatives.new.addBreak")}
        </button>
      </div>
    </>
  );
}

/** The generic tool's optional budget. */
export function BudgetSection({
  form,
  field,
  hidden,
  hydrated,
}: {
  form: FormMetadata<NewInitiativeInput>;
  field: FieldMetadata<BudgetFormInput, NewInitiativeInput>;
  hidden: boolean;
  hydrated: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="tool-section" hidden={hidden} data-testid="budget-section">
      <legend>{t("initiatives.new.budgetSection")}</legend>
      <p className="hint">
        {hydrated ? t("initiatives.new.budgetOptional") : `${t("initiatives.new.onlyOthers")} ${t("initiatives.new.budgetOptional")}`}
      </p>
      <BudgetFields form={form} field={field} t={t} headingLevel={2} />
    </fieldset>
  );
}
