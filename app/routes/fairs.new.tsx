import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fairInputSchema } from "../../server/schemas/stands";
import { describedBy, Field } from "../components/field";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/stands.css";
import { requireActor, safeRedirect } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { countryOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/fairs/new": a broker adds a trade fair (any network's stand may then point at it). Opened
 * from the stand form with `?returnTo=…`, it goes back there with the new fair chosen.
 */
function returnTarget(request: Request): string | null {
  const to = new URL(request.url).searchParams.get("returnTo");
  const safe = safeRedirect(to, "");
  return safe || null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: "broker" });
  const locale = await localeFor(request, actor);
  return { countries: countryOptions(locale), returnTo: returnTarget(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: "broker" });
  const t = await serverT(request, context, actor);
  const submission = parseWithZod(await request.formData(), { schema: fairInputSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let created: { id: string };
  try {
    created = await context.services.stands.createFair(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) {
      const fieldErrors = serviceFieldErrors(error, t);
      // The shared "ends before start" text speaks of meetings; a fair has its own words.
      if (error.fieldKeys?.endsOn === "ends_before_start") fieldErrors.endsOn = [t("stands.errors.fairEndsBeforeStart")];
      return data(submission.reply({ fieldErrors }), { status: 400 });
    }
    throwAsResponse(error);
  }
  const back = returnTarget(request);
  if (back) {
    const url = new URL(back, "http://local");
    url.searchParams.set("fairId", created.id);
    return redirectWithToast(`${url.pathname}${url.search}`, "stands.toast.fairCreated");
  }
  return redirectWithToast(`/fairs#fair-${created.id}`, "stands.toast.fairCreated");
}

type AnyField = FieldMetadata<string>;

export default function NewFair() {
  const { t } = useTranslation();
  const { countries, returnTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, rawFields] = useForm({ id: "new-fair", lastResult, shouldValidate: "onSubmit", shouldRevalidate: "onSubmit", defaultValue: { country: "DE" } });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const text = (name: string, label: string, type: "text" | "date" | "url" = "text", hint?: string) => (
    <Field id={fields[name].id} label={label} errors={fields[name].errors} hint={hint}>
      <input {...getInputProps(fields[name], { type })} aria-describedby={describedBy(fields[name].id, fields[name].errors, Boolean(hint))} />
    </Field>
  );
  return (
    <section className="stack fair-new">
      <div className="page-head">
        <h1>{t("stands.fairs.newTitle")}</h1>
        <Link to={returnTo ?? "/fairs"}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("stands.fairs.newLead")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        {text("name", t("stands.fairs.name"), "text", t("stands.fairs.nameHint"))}
        <div className="grid-2">
          {text("venue", t("stands.fairs.venue"))}
          {text("city", t("stands.fairs.city"))}
        </div>
        <div className="grid-2">
          <Field id={fields.country.id} label={t("fields.country")} errors={fields.country.errors}>
            <select {...getSelectProps(fields.country)} aria-describedby={describedBy(fields.country.id, fields.country.errors)}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          {text("organiser", t("stands.fairs.organiser"))}
        </div>
        <div className="grid-2">
          {text("startsOn", t("stands.fairs.startsOn"), "date")}
          {text("endsOn", t("stands.fairs.endsOn"), "date")}
        </div>
        {text("website", t("stands.fairs.website"), "url", t("stands.fairs.websiteHint"))}
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("stands.fairs.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
