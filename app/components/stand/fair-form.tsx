import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { fairInputSchema } from "../../../server/schemas/stands";
import { FormError } from "../form-error";
import { useFormResult } from "../../lib/form-result";
import { SelectField, TextField } from "./inputs";

/** The "new fair" form: name, place, organiser, dates and website. */
export function FairForm({ countries }: { countries: Array<{ code: string; name: string }> }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<z.input<typeof fairInputSchema>>({
    id: "new-fair",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: { country: "DE" },
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="card stack">
      <FormError messages={[...(form.errors ?? []), error]} />
      <TextField field={fields.name} label={t("stands.fairs.name")} hint={t("stands.fairs.nameHint")} />
      <div className="grid-2">
        <TextField field={fields.venue} label={t("stands.fairs.venue")} />
        <TextField field={fields.city} label={t("stands.fairs.city")} />
      </div>
      <div className="grid-2">
        <SelectField
          field={fields.country}
          label={t("fields.country")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <TextField field={fields.organiser} label={t("stands.fairs.organiser")} />
      </div>
      <div className="grid-2">
        <TextField field={fields.startsOn} label={t("stands.fairs.startsOn")} type="date" />
        <TextField field={fields.endsOn} label={t("stands.fairs.endsOn")} type="date" />
      </div>
      <TextField field={fields.website} label={t("stands.fairs.website")} type="url" hint={t("stands.fairs.websiteHint")} />
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("stands.fairs.create")}
        </button>
      </div>
    </Form>
  );
}
