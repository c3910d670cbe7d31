import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PERIOD_KINDS } from "../../../server/domain/benchmark";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";
import { formatRange, useKpiTexts, type KpiLike } from "./common";

type ChoosableKpi = KpiLike & { id: string; direction: string; minValue: number; maxValue: number; shipped: boolean };
type ClubFields = { title: string; description: string; deadline: string; periodKind: string; kpiIds: string[] };

/** The KPIs to compare, as checkboxes (the shipped ones ticked by default). */
function KpiChoices({ field, kpis, networkId }: { field: FieldMetadata<string[], ClubFields>; kpis: ChoosableKpi[]; networkId: string }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  const initial = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  const errors = field.errors;
  return (
    <fieldset
      className={`kpi-choices${errors?.length ? " field-invalid" : ""}`}
      aria-describedby={`${field.id}-hint${errors?.length ? ` ${field.id}-error` : ""}`}
    >
      <legend>{t("learning.clubNew.kpis")}</legend>
      <p className="hint" id={`${field.id}-hint`}>
        {t("learning.clubNew.kpisHint")} <Link to={`/networks/${networkId}/kpis`}>{t("learning.clubNew.catalogueLink")}</Link>
      </p>
      {errors?.length ? (
        <ul className="field-errors" id={`${field.id}-error`}>
          <li>{t("learning.clubNew.chooseKpis")}</li>
        </ul>
      ) : null}
      <ul className="kpi-choice-list">
        {kpis.map((kpi) => {
          const texts = textsOf(kpi);
          const id = `kpi-${kpi.id}`;
          return (
            <li key={kpi.id}>
              <label className="choice" htmlFor={id}>
                <input type="checkbox" id={id} name={field.name} value={kpi.id} defaultChecked={checked.has(kpi.id)} />
                <span>
                  <strong>{texts.name}</strong>{" "}
                  <span className="muted small">
                    ({t(`learning.kpi.directions.${kpi.direction}`)}; {formatRange(i18n.language, kpi.minValue, kpi.maxValue, texts.unit)})
                  </span>
                  {kpi.shipped ? null : <span className="tag own-tag">{t("learning.kpis.ownTag")}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A broker starts a benchmarking club: its name, join-by date, period kind and KPIs. */
export function NewClubForm({
  networkId,
  kpis,
  prefill,
}: {
  networkId: string;
  kpis: ChoosableKpi[];
  prefill: { title: string; description: string; deadline: string };
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<ClubFields>({
    id: "new-club",
    lastResult,
    defaultValue: { ...prefill, periodKind: "quarter", kpiIds: kpis.filter((k) => k.shipped).map((k) => k.id) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="card stack">
      <FormError messages={[...(form.errors ?? []), error]} />
      <Field id={fields.title.id} label={t("learning.clubNew.name")} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} aria-describedby={describedBy(fields.title.id, fields.title.errors)} />
      </Field>
      <Field
        id={fields.description.id}
        label={t("fields.description")}
        errors={fields.description.errors}
        hint={t("learning.clubNew.descriptionHint")}
      >
        <textarea
          {...getTextareaProps(fields.description)}
          rows={4}
          aria-describedby={describedBy(fields.description.id, fields.description.errors, true)}
        />
      </Field>
      <div className="grid-2">
        <Field
          id={fields.deadline.id}
          label={t("learning.clubNew.joinBy")}
          errors={fields.deadline.errors}
          hint={t("learning.clubNew.joinByHint")}
        >
          <input
            {...getInputProps(fields.deadline, { type: "date" })}
            aria-describedby={describedBy(fields.deadline.id, fields.deadline.errors, true)}
          />
        </Field>
        <Field
          id={fields.periodKind.id}
          label={t("learning.clubNew.periodKind")}
          errors={fields.periodKind.errors}
          hint={t("learning.clubNew.periodKindHint")}
        >
          <select
            {...getSelectProps(fields.periodKind)}
            aria-describedby={describedBy(fields.periodKind.id, fields.periodKind.errors, true)}
          >
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`learning.periodKinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <KpiChoices field={fields.kpiIds} kpis={kpis} networkId={networkId} />
      <p className="hint">{t("learning.clubNew.draftHint")}</p>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("learning.clubNew.submit")}
        </button>
      </div>
    </Form>
  );
}
