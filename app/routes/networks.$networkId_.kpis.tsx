import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { createKpiSchema } from "../../server/schemas/learning";
import { describedBy, Field } from "../components/field";
import { formatRange, useKpiTexts } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors } from "../lib/messages";
import { serverT } from "../lib/i18n.server";
import { learningFormatIssues } from "../lib/learning-forms";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `KPI · ${loaded.network.name} · Jointly` : "Jointly" }];

/** A malformed id in the address is simply a page that does not exist. */
function networkIdOf(params: { networkId?: string }): string {
  const parsed = z.uuid().safeParse(params.networkId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const networkId = networkIdOf(params);
  try {
    // The service is the gate: readers of the network; everyone else gets 404.
    const catalogue = await context.services.learning.listKpis(actor, { networkId });
    const page = await context.services.networks.get(actor, { networkId });
    return {
      network: { id: page.network.id, name: page.network.name },
      kpis: catalogue.kpis,
      permissions: { create: catalogue.permissions.create, createClub: catalogue.permissions.create && page.permissions.createInitiative },
    };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const networkId = networkIdOf(params);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  formData.set("networkId", networkId);
  const submission = parseWithZod(formData, { schema: createKpiSchema, formatError: learningFormatIssues(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await context.services.learning.createKpi(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) return data(submission.reply({ fieldErrors: serviceFieldErrors(error, t) }), { status: 400 });
    throwAsResponse(error);
  }
  return redirectWithToast(`/networks/${networkId}/kpis#own-kpis`, "learning.toast.kpiCreated");
}

type AnyField = FieldMetadata<unknown>;

export default function KpiCataloguePage() {
  const { t, i18n } = useTranslation();
  const { network, kpis, permissions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const textsOf = useKpiTexts();
  useLiveRoom(`network:${network.id}`);
  const [form, rawFields] = useForm({
    id: "new-kpi",
    lastResult,
    defaultValue: { direction: "higher" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const shipped = kpis.filter((k) => k.shipped);
  const own = kpis.filter((k) => !k.shipped);

  const text = (name: string, label: string, hint?: string, extra: Record<string, string> = {}) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors} hint={hint}>
        <input {...getInputProps(field, { type: "text" })} {...extra} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
      </Field>
    );
  };
  const area = (name: string, label: string, hint?: string) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors} hint={hint}>
        <textarea {...getTextareaProps(field)} rows={3} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
      </Field>
    );
  };

  const list = (items: typeof kpis, testId: string) => (
    <ul className="kpi-list" data-testid={testId}>
      {items.map((kpi) => {
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

  return (
    <div className="stack learning-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${network.id}`}>{network.name}</Link>
          </p>
          <h1>{t("learning.kpis.title")}</h1>
        </div>
        {permissions.createClub ? (
          <Link to={`/networks/${network.id}/clubs/new`} className="button">
            {t("learning.kpis.startClub")}
          </Link>
        ) : null}
      </header>
      <p className="muted">{t("learning.kpis.intro")}</p>

      <section className="card stack" aria-labelledby="shipped-kpis">
        <h2 id="shipped-kpis">{t("learning.kpis.shipped")}</h2>
        <p className="muted small">{t("learning.kpis.shippedHint")}</p>
        {list(shipped, "shipped-kpis")}
      </section>

      <section className="card stack" aria-labelledby="own-kpis-heading" id="own-kpis">
        <h2 id="own-kpis-heading">{t("learning.kpis.own")}</h2>
        {own.length === 0 ? <p className="muted">{t("learning.kpis.noOwn")}</p> : list(own, "own-kpis")}
      </section>

      {permissions.create ? (
        <section className="card stack" aria-labelledby="add-kpi">
          <h2 id="add-kpi">{t("learning.kpis.add")}</h2>
          <Form method="post" {...getFormProps(form)} noValidate className="stack">
            {form.errors?.length ? (
              <p className="form-error" role="alert">
                {form.errors.join(" ")}
              </p>
            ) : null}
            <div className="grid-2">
              {text("name", t("learning.kpi.name"))}
              {text("unit", t("learning.kpi.unit"), t("learning.kpis.unitHint"))}
            </div>
            {area("description", t("learning.kpi.description"))}
            <div className="grid-3">
              <Field id={fields.direction.id} label={t("learning.kpi.direction")} errors={fields.direction.errors}>
                <select {...getSelectProps(fields.direction)} aria-describedby={describedBy(fields.direction.id, fields.direction.errors)}>
                  <option value="higher">{t("learning.kpi.directions.higher")}</option>
                  <option value="lower">{t("learning.kpi.directions.lower")}</option>
                </select>
              </Field>
              {text("minValue", t("learning.kpi.min"), undefined, { inputMode: "decimal" })}
              {text("maxValue", t("learning.kpi.max"), undefined, { inputMode: "decimal" })}
            </div>
            {area("computation", t("learning.kpi.computation"), t("learning.kpis.computationHint"))}
            <div className="actions">
              <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                {t("learning.kpis.addSubmit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
