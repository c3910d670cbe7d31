import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";
import { formatRange, formatWithUnit, useKpiTexts, type ClubView } from "./common";

type Period = ClubView["periods"][number];

/** A member's values for one open period: one field per KPI, with its range and the value saved. */
export function SubmitForm({ view, period }: { view: ClubView; period: Period }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = period.mine;
  const { lastResult } = useFormResult("submit", period.id);
  const [form, fields] = useForm<{ values: Record<string, string> }>({
    id: `submit-form-${period.id}`,
    lastResult,
    defaultValue: { values: Object.fromEntries(Object.entries(mine?.values ?? {}).map(([k, v]) => [k, String(v)])) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const headingId = `submit-heading-${period.id}`;

  return (
    <section className="card stack submit-card" aria-labelledby={headingId} id={`submit-${period.id}`} data-testid="submit-values">
      <h2 id={headingId}>{t("learning.submit.heading", { period: period.label })}</h2>
      <p className="muted">
        {t("learning.submit.intro")}{" "}
        <strong>
          {t("learning.submit.due")} <FormattedDate value={period.submissionDue} />
        </strong>
      </p>
      {mine ? (
        <p className={mine.complete ? "ok-text" : "muted"} data-testid="own-progress">
          {mine.complete
            ? t("learning.submit.complete")
            : t("learning.submit.progress", { count: mine.submitted, total: view.kpis.length })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="periodId" value={period.id} />
        <FormError messages={[...(form.errors ?? []), ...(fields.values.errors ?? [])]} />
        <ValueFields view={view} period={period} fields={fields.values.getFieldset()} />
        <p className="hint">{t("learning.submit.correct")}</p>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.submit.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

type ValueField = FieldMetadata<string, { values: Record<string, string> }>;

function ValueFields({ view, period, fields }: { view: ClubView; period: Period; fields: Record<string, ValueField> }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  return (
    <div className="value-grid">
      {view.kpis.map((kpi) => {
        const texts = textsOf(kpi);
        const field = fields[kpi.id];
        const saved = period.mine?.values[kpi.id];
        const hint = [
          t("learning.submit.range", { range: formatRange(i18n.language, kpi.minValue, kpi.maxValue, texts.unit) }),
          t(`learning.kpi.directions.${kpi.direction}`),
          saved !== undefined
            ? t("learning.submit.saved", { value: formatWithUnit(i18n.language, saved, texts.unit, 6) })
            : t("learning.submit.notYet"),
        ].join(" · ");
        return (
          <Field key={kpi.id} id={field.id} label={`${texts.name} (${texts.unit})`} errors={field.errors} hint={hint}>
            <input
              {...getInputProps(field, { type: "number" })}
              step="any"
              min={kpi.minValue}
              max={kpi.maxValue}
              inputMode="decimal"
              aria-describedby={describedBy(field.id, field.errors, true)}
            />
          </Field>
        );
      })}
    </div>
  );
}
