import { getInputProps, getSelectProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import type { TFunction } from "i18next";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { SPLIT_RULES } from "../../../server/domain/cost-split";
import { describedBy, Field } from "../field";

/** The kinds of a funding source row: a share of the budget or a fixed amount. */
export const FUNDING_KINDS = ["percent", "fixed"] as const;

export type BudgetFormInput = {
  amount: string;
  currency: string;
  splitRule: string;
  fundingSources: Array<{ sponsor: string; kind: string; value: string }>;
};

/**
 * A service's field path for the budget (create: "budget.budget.amount",
 * "budget.fundingSources.0.percent"; set-budget and saveBudget: "budget.amount",
 * "fundingSources.0.amount") -> the form's field name under "budget.".
 */
export function budgetFieldName(path: string): string | null {
  const p = path.replace(/^budget\.budget\./, "budget.");
  if (/^budget\.(amount|currency)$/.test(p)) return p;
  const row = /^(?:budget\.)?fundingSources\.(\d+)\.(\w+)$/.exec(p);
  if (row) return `budget.fundingSources.${row[1]}.${row[2] === "sponsor" ? "sponsor" : row[2] === "kind" ? "kind" : "value"}`;
  if (/^(?:budget\.)?fundingSources$/.test(p)) return "budget.fundingSources";
  if (/^(?:budget\.)?(splitRule|customWeights)/.test(p)) return "budget.splitRule";
  if (p === "budget") return "budget.amount";
  return null;
}

/** Renames a service error's fields (and their i18n keys) with `rename`, keeping unknown paths as they are. */
export function renameErrorFields(
  fields: Record<string, string[]> | undefined,
  keys: Record<string, string> | undefined,
  rename: (path: string) => string | null,
) {
  const outFields: Record<string, string[]> = {};
  const outKeys: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const name = rename(path) ?? path;
    outFields[name] = [...(outFields[name] ?? []), ...messages];
    if (keys?.[path]) outKeys[name] = keys[path];
  }
  return { fields: outFields, keys: outKeys };
}

/** Budget amount and currency, split rule and the funding-source rows with add/remove buttons. */
export function BudgetFields({
  form,
  field,
  t,
  headingLevel = 3,
}: {
  /* eslint-disable @typescript-eslint/no-explicit-any -- shared by forms of different shapes */
  form: FormMetadata<any>;
  field: FieldMetadata<BudgetFormInput, any>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  t: TFunction;
  headingLevel?: 2 | 3;
}) {
  const budget = field.getFieldset();
  const sources = budget.fundingSources.getFieldList();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <div className="grid-3">
        <Field id={budget.amount.id} label={t("initiatives.fields.budgetAmount")} errors={budget.amount.errors}>
          <input
            {...getInputProps(budget.amount, { type: "text" })}
            inputMode="decimal"
            aria-describedby={describedBy(budget.amount.id, budget.amount.errors)}
          />
        </Field>
        <Field id={budget.currency.id} label={t("fields.currency")} errors={budget.currency.errors}>
          <select {...getSelectProps(budget.currency)} aria-describedby={describedBy(budget.currency.id, budget.currency.errors)}>
            {CURRENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field id={budget.splitRule.id} label={t("initiatives.fields.splitRule")} errors={budget.splitRule.errors}>
          <select {...getSelectProps(budget.splitRule)} aria-describedby={describedBy(budget.splitRule.id, budget.splitRule.errors)}>
            {SPLIT_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`initiatives.splitRules.${rule}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Heading className="h3">{t("initiatives.fields.fundingSources")}</Heading>
      {sources.length === 0 ? <p className="muted">{t("initiatives.budget.noFunding")}</p> : null}
      {sources.map((item, index) => (
        <div key={item.key} className="row-group">
          <FundingSourceFields row={item.getFieldset()} t={t} />
          <button
            {...form.remove.getButtonProps({ name: budget.fundingSources.name, index })}
            className="button button-small button-secondary"
          >
            {t("initiatives.new.removeFunding", { number: index + 1 })}
          </button>
        </div>
      ))}
      {budget.fundingSources.errors?.length ? <p className="field-errors">{budget.fundingSources.errors.join(" ")}</p> : null}
      <div className="actions">
        <button
          {...form.insert.getButtonProps({ name: budget.fundingSources.name, defaultValue: { sponsor: "", kind: "percent", value: "" } })}
          className="button button-small button-secondary"
        >
          {t("initiatives.new.addFunding")}
        </button>
      </div>
    </>
  );
}

type FundingRowFields = ReturnType<FieldMetadata<BudgetFormInput["fundingSources"][number]>["getFieldset"]>;

/** One funding source: who pays, and a percentage or a fixed amount. */
function FundingSourceFields({ row, t }: { row: FundingRowFields; t: TFunction }) {
  return (
    <>
      <Field id={row.sponsor.id} label={t("initiatives.fields.sponsor")} errors={row.sponsor.errors}>
        <input {...getInputProps(row.sponsor, { type: "text" })} aria-describedby={describedBy(row.sponsor.id, row.sponsor.errors)} />
      </Field>
      <Field id={row.kind.id} label={t("initiatives.fields.fundingKind")} errors={row.kind.errors}>
        <select {...getSelectProps(row.kind)}>
          {FUNDING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`initiatives.fundingKinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={row.value.id} label={t("initiatives.fields.fundingValue")} errors={row.value.errors}>
        <input
          {...getInputProps(row.value, { type: "text" })}
          inputMode="decimal"
          aria-describedby={describedBy(row.value.id, row.value.errors)}
        />
      </Field>
    </>
  );
}
