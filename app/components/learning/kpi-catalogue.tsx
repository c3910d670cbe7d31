import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";
import { formatRange, useKpiTexts, type KpiLike } from "./common";

/** A KPI as the catalogue lists it. */
type CatalogueKpi = KpiLike & { id: string; direction: string; minValue: number; maxValue: number };

/** KPIs with their unit, direction, valid range and how they are computed. */
export function KpiList({ kpis, testId }: { kpis: CatalogueKpi[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  return (
    <ul className="kpi-list" data-testid={testId}>
      {kpis.map((kpi) => {
        const texts = textsOf(kpi);
        return (
          <li key={kpi.id} className="kpi-item">
            <h3>{texts.name}</h3>
            {texts.description ? <p>{texts.description}</p> : null}
            <dl className="facts kpi-facts">
              <div>
                <dt>{t("learning.kpi.unit")}</dt>
                <dd>{texts.unit}</dd>
              </div>
              <div>
                <dt>{t("learning.kpi.direction")}</dt>
                <dd>{t(`learning.kpi.directions.${kpi.direction}`)}</dd>
              </div>
              <div>
                <dt>{t("learning.kpi.range")}</dt>
                <dd>{formatRange(i18n.language, kpi.minValue, kpi.maxValue, texts.unit)}</dd>
              </div>
            </dl>
            {texts.computation ? (
              <p className="kpi-computation">
                <strong>{t("learning.kpi.computation")}:</strong> {texts.computation}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

type KpiFields = {
  name: string;
  unit: string;
  description: string;
  direction: string;
  minValue: string;
  maxValue: string;
  computation: string;
};
type KpiField = FieldMetadata<string, KpiFields>;

function Text({ field, label, hint, decimal = false }: { field: KpiField; label: string; hint?: string; decimal?: boolean }) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input
        {...getInputProps(field, { type: "text" })}
        inputMode={decimal ? "decimal" : undefined}
        aria-describedby={describedBy(field.id, field.errors, Boolean(hint))}
      />
    </Field>
  );
}

function Area({ field, label, hint }: { field: KpiField; label: string; hint?: string }) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <textarea {...getTextareaProps(field)} rows={3} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );
}

/** A broker adds a KPI of the network's own. */
export function NewKpiForm() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<KpiFields>({
    id: "new-kpi",
    lastResult,
    defaultValue: { direction: "higher" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="card stack" aria-labelledby="add-kpi">
      <h2 id="add-kpi">{t("learning.kpis.add")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError messages={[...(form.errors ?? []), error]} />
        <div className="grid-2">
          <Text field={fields.name} label={t("learning.kpi.name")} />
          <Text field={fields.unit} label={t("learning.kpi.unit")} hint={t("learning.kpis.unitHint")} />
        </div>
        <Area field={fields.description} label={t("learning.kpi.description")} />
        <div className="grid-3">
          <Field id={fields.direction.id} label={t("learning.kpi.direction")} errors={fields.direction.errors}>
            <select {...getSelectProps(fields.direction)} aria-describedby={describedBy(fields.direction.id, fields.direction.errors)}>
              <option value="higher">{t("learning.kpi.directions.higher")}</option>
              <option value="lower">{t("learning.kpi.directions.lower")}</option>
            </select>
          </Field>
          <Text field={fields.minValue} label={t("learning.kpi.min")} decimal />
          <Text field={fields.maxValue} label={t("learning.kpi.max")} decimal />
        </div>
        <Area field={fields.computation} label={t("learning.kpi.computation")} hint={t("learning.kpis.computationHint")} />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.kpis.addSubmit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
