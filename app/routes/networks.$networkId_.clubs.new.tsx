import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { PERIOD_KINDS } from "../../server/domain/benchmark";
import { createBenchmarkClubSchema } from "../../server/schemas/learning";
import { describedBy, Field } from "../components/field";
import { formatRange, useKpiTexts } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors } from "../lib/messages";
import { serverT } from "../lib/i18n.server";
import { learningFormatIssues } from "../lib/learning-forms";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

function networkIdOf(params: { networkId?: string }): string {
  const parsed = z.uuid().safeParse(params.networkId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

/** The network and its KPIs, for its brokers only (the service answers 404 to outsiders). */
async function loadNetwork(request: Request, context: LoaderFunctionArgs["context"], networkIdParam: string | undefined) {
  const actor = await requireActor(request, context);
  const networkId = networkIdOf({ networkId: networkIdParam });
  try {
    const catalogue = await context.services.learning.listKpis(actor, { networkId });
    const page = await context.services.networks.get(actor, { networkId });
    if (!catalogue.permissions.create || !page.permissions.createInitiative) throw new Response("Forbidden", { status: 403 });
    return { actor, network: { id: page.network.id, name: page.network.name }, kpis: catalogue.kpis };
  } catch (error) {
    if (error instanceof Response) throw error;
    throwAsResponse(error);
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { network, kpis } = await loadNetwork(request, context, params.networkId);
  // The new-initiative form sends what was typed there when "learning network" was chosen.
  const url = new URL(request.url);
  const prefill = {
    title: (url.searchParams.get("title") ?? "").slice(0, 160),
    description: (url.searchParams.get("description") ?? "").slice(0, 4000),
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(url.searchParams.get("deadline") ?? "") ? url.searchParams.get("deadline")! : "",
  };
  return { network, kpis, prefill };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, network } = await loadNetwork(request, context, params.networkId);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  formData.set("networkId", network.id);
  const submission = parseWithZod(formData, { schema: createBenchmarkClubSchema, formatError: learningFormatIssues(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let created: { id: string };
  try {
    created = await context.services.learning.createBenchmarkClub(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data(submission.reply({ formErrors: [t("learning.errors.checkFields")], fieldErrors: serviceFieldErrors(error, t) }), { status: 400 });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(`/initiatives/${created.id}`, "learning.toast.clubCreated");
}

type AnyField = FieldMetadata<unknown>;

export default function NewClubPage() {
  const { t, i18n } = useTranslation();
  const { network, kpis, prefill } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const textsOf = useKpiTexts();
  const [form, rawFields] = useForm({
    id: "new-club",
    lastResult,
    defaultValue: { ...prefill, periodKind: "quarter", kpiIds: kpis.filter((k) => k.shipped).map((k) => k.id) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const initialKpis = fields.kpiIds.initialValue;
  const checked = new Set(Array.isArray(initialKpis) ? initialKpis.map(String) : initialKpis ? [String(initialKpis)] : []);
  const kpiErrors = fields.kpiIds.errors;

  return (
    <section className="stack learning-page">
      <div className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${network.id}`}>{network.name}</Link>
          </p>
          <h1>{t("learning.clubNew.title")}</h1>
        </div>
        <Link to={`/networks/${network.id}`}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("learning.clubNew.lead")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field id={fields.title.id} label={t("learning.clubNew.name")} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} aria-describedby={describedBy(fields.title.id, fields.title.errors)} />
        </Field>
        <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors} hint={t("learning.clubNew.descriptionHint")}>
          <textarea {...getTextareaProps(fields.description)} rows={4} aria-describedby={describedBy(fields.description.id, fields.description.errors, true)} />
        </Field>
        <div className="grid-2">
          <Field id={fields.deadline.id} label={t("learning.clubNew.joinBy")} errors={fields.deadline.errors} hint={t("learning.clubNew.joinByHint")}>
            <input {...getInputProps(fields.deadline, { type: "date" })} aria-describedby={describedBy(fields.deadline.id, fields.deadline.errors, true)} />
          </Field>
          <Field id={fields.periodKind.id} label={t("learning.clubNew.periodKind")} errors={fields.periodKind.errors} hint={t("learning.clubNew.periodKindHint")}>
            <select {...getSelectProps(fields.periodKind)} aria-describedby={describedBy(fields.periodKind.id, fields.periodKind.errors, true)}>
              {PERIOD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`learning.periodKinds.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className={`kpi-choices${kpiErrors?.length ? " field-invalid" : ""}`} aria-describedby={`${fields.kpiIds.id}-hint${kpiErrors?.length ? ` ${fields.kpiIds.id}-error` : ""}`}>
          <legend>{t("learning.clubNew.kpis")}</legend>
          <p className="hint" id={`${fields.kpiIds.id}-hint`}>
            {t("learning.clubNew.kpisHint")}{" "}
            <Link to={`/networks/${network.id}/kpis`}>{t("learning.clubNew.catalogueLink")}</Link>
          </p>
          {kpiErrors?.length ? (
            <ul className="field-errors" id={`${fields.kpiIds.id}-error`}>
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
                    <input type="checkbox" id={id} name={fields.kpiIds.name} value={kpi.id} defaultChecked={checked.has(kpi.id)} />
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
        <p className="hint">{t("learning.clubNew.draftHint")}</p>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.clubNew.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
