import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";
import { useKpiTexts, type ClubView } from "./common";

type ReferenceFields = { periodId: string; kpiId: string; value: string; source: string };

function Select({
  field,
  label,
  options,
}: {
  field: FieldMetadata<string, ReferenceFields>;
  label: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The broker sets a reference value of a KPI for a period (an outside benchmark), with its source. */
export function ReferenceForm({ view }: { view: ClubView }) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const navigation = useNavigation();
  const { lastResult } = useFormResult("reference");
  const [form, fields] = useForm<ReferenceFields>({
    id: "reference",
    lastResult,
    defaultValue: { periodId: view.periods[0]?.id ?? "", kpiId: view.kpis[0]?.id ?? "", value: "", source: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const kpiOptions = view.kpis.map((k) => {
    const texts = textsOf(k);
    return { value: k.id, label: `${texts.name} (${texts.unit})` };
  });
  return (
    <section className="card stack" aria-labelledby="references-heading" id="references">
      <h2 id="references-heading">{t("learning.references.title")}</h2>
      <p className="muted">{t("learning.references.intro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <input type="hidden" name="intent" value="reference" />
        <FormError messages={form.errors ?? []} />
        <div className="grid-2">
          <Select
            field={fields.periodId}
            label={t("learning.references.period")}
            options={view.periods.map((p) => ({ value: p.id, label: p.label }))}
          />
          <Select field={fields.kpiId} label={t("learning.references.kpi")} options={kpiOptions} />
        </div>
        <div className="grid-2">
          <Field id={fields.value.id} label={t("learning.references.value")} errors={fields.value.errors}>
            <input
              {...getInputProps(fields.value, { type: "text" })}
              inputMode="decimal"
              aria-describedby={describedBy(fields.value.id, fields.value.errors)}
            />
          </Field>
          <Field
            id={fields.source.id}
            label={t("learning.references.source")}
            errors={fields.source.errors}
            hint={t("learning.references.sourceHint")}
          >
            <input
              {...getInputProps(fields.source, { type: "text" })}
              aria-describedby={describedBy(fields.source.id, fields.source.errors, true)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.references.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
