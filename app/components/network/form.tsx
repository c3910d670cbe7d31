import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { MAX_CONTRIBUTORS_SETTING, MIN_CONTRIBUTORS } from "../../../server/domain/disclosure";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";

type Fields = Record<string, FieldMetadata<string>>;

const SHARE_FIELDS = ["notableShare", "warningShare", "criticalShare"] as const;

/**
 * The network form shared by "new" and "edit": details, then the six dependence thresholds with
 * where each default comes from. Shares are typed in percent, HHI in points.
 */
export function NetworkForm({
  title,
  submitLabel,
  cancelTo,
  defaultValue,
  sectors,
}: {
  title: string;
  submitLabel: string;
  cancelTo: string;
  defaultValue: Record<string, string>;
  sectors: Array<{ code: string; name: string }>;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<Record<string, string>>({
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{title}</h1>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        <FormError messages={[...(form.errors ?? []), error]} />
        <AboutFields fields={fields} sectors={sectors} />
        <ThresholdFields fields={fields} />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The network's name, sector, region, currency and description. */
function AboutFields({ fields, sectors }: { fields: Fields; sectors: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  const text = (name: string, label: string, hint?: string) => (
    <Field id={fields[name].id} label={label} errors={fields[name].errors} hint={hint}>
      <input
        {...getInputProps(fields[name], { type: "text" })}
        aria-describedby={describedBy(fields[name].id, fields[name].errors, !!hint)}
      />
    </Field>
  );
  return (
    <>
      <h2>{t("networks.form.about")}</h2>
      {text("name", t("networks.form.name"))}
      <Field id={fields.sector.id} label={t("fields.sector")} errors={fields.sector.errors}>
        <select {...getSelectProps(fields.sector)} aria-describedby={describedBy(fields.sector.id, fields.sector.errors)}>
          <option value="">{t("common.choose")}</option>
          {sectors.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid-2">
        {text("region", t("fields.region"), t("networks.form.regionHint"))}
        <Field id={fields.currency.id} label={t("fields.currency")} errors={fields.currency.errors} hint={t("networks.form.currencyHint")}>
          <select {...getSelectProps(fields.currency)} aria-describedby={describedBy(fields.currency.id, fields.currency.errors, true)}>
            {CURRENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
        <textarea
          {...getTextareaProps(fields.description)}
          rows={4}
          aria-describedby={describedBy(fields.description.id, fields.description.errors)}
        />
      </Field>
    </>
  );
}

/** The dependence thresholds and the disclosure floor, each with where its default comes from. */
function ThresholdFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  const threshold = (name: string, unit: "percent" | "points") => (
    <Field id={fields[name].id} label={t(`networks.form.${name}`)} errors={fields[name].errors} hint={t(`networks.form.hints.${name}`)}>
      <input
        {...getInputProps(fields[name], { type: "number" })}
        inputMode={unit === "percent" ? "decimal" : "numeric"}
        step={unit === "percent" ? "0.01" : "1"}
        min={unit === "percent" ? "0.01" : "1"}
        max={unit === "percent" ? "100" : "10000"}
        aria-describedby={describedBy(fields[name].id, fields[name].errors, true)}
      />
    </Field>
  );
  const floor = fields.disclosureMinContributors;
  return (
    <>
      <fieldset className="thresholds">
        <legend>{t("networks.form.thresholds")}</legend>
        <p className="hint">{t("networks.form.thresholdsIntro")}</p>
        <div className="grid-3">
          {SHARE_FIELDS.map((name) => (
            <div key={name}>{threshold(name, "percent")}</div>
          ))}
        </div>
        <div className="grid-3">
          {threshold("hhiModerate", "points")}
          {threshold("hhiHigh", "points")}
          {threshold("systemicShare", "percent")}
        </div>
      </fieldset>
      <fieldset className="thresholds">
        <legend>{t("networks.form.disclosure")}</legend>
        <Field
          id={floor.id}
          label={t("networks.form.disclosureMinContributors")}
          errors={floor.errors}
          hint={t("networks.form.hints.disclosureMinContributors", {
            min: MIN_CONTRIBUTORS,
          })}
        >
          <input
            {...getInputProps(floor, { type: "number" })}
            inputMode="numeric"
            step="1"
            min={MIN_CONTRIBUTORS}
            max={MAX_CONTRIBUTORS_SETTING}
            aria-describedby={describedBy(floor.id, floor.errors, true)}
          />
        </Field>
      </fieldset>
    </>
  );
}
