import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { openPeriodSchema, setReferenceSchema, submitValuesSchema } from "../../server/schemas/learning";
import type { BenchmarkClubView } from "../../server/services/learning/get-benchmark-club";
import { describedBy, Field } from "../components/field";
import { FormattedDate } from "../components/formatted";
import { ClubNav, formatKpiValue, formatRange, formatWithUnit, MeetingList, useKpiTexts } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { localeFor, serverT } from "../lib/i18n.server";
import { importFieldMessages, initiativeIdOf, kpiRangeMessage, learningFieldErrors, learningFormatIssues } from "../lib/learning-forms";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.view.club.title} · Jointly` : "Jointly" }];

/** The largest CSV file the import form takes (the service refuses more than 2,000,000 characters). */
const MAX_FILE_BYTES = 2_000_000;

type Actor = Awaited<ReturnType<typeof requireActor>>;

async function loadClub(context: LoaderFunctionArgs["context"], actor: Actor, initiativeId: string) {
  try {
    // The one gate: a club the actor may see (its initiative), else 404.
    return await context.services.learning.getBenchmarkClub(actor, { initiativeId });
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const view = await loadClub(context, actor, initiativeIdOf(params));
  return { view, now: new Date().toISOString() };
}

type Intent = "join" | "submit" | "openPeriod" | "closePeriod" | "import" | "reference";
type ImportErrors = { general: string[]; lines: Array<{ line: number; column: string; messages: string[] }> };
type ActionData = { intent: Intent; periodId?: string; reply?: unknown; error?: string | null; importErrors?: ImportErrors };

/** `rows.3.value` -> line 3, column "value"; file-level errors (`csv`) are general. */
function importErrorsOf(error: { fields?: Record<string, string[]>; fieldKeys?: Record<string, string>; fieldParams?: Record<string, Record<string, string | number>> }, t: TFunction, locale: string): ImportErrors {
  const general: string[] = [];
  const lines: ImportErrors["lines"] = [];
  for (const [key, messages] of Object.entries(error.fields ?? {})) {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(key);
    const worded = importFieldMessages(t, locale, messages, error.fieldKeys?.[key], error.fieldParams?.[key]);
    if (match) lines.push({ line: Number(match[1]), column: match[2], messages: worded });
    else general.push(...worded);
  }
  lines.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return { general, lines };
}

/** The file's bytes, at most MAX_FILE_BYTES of them; a larger file is read to its end and flagged. */
function capped(source: AsyncIterable<Uint8Array>, flag: { tooLarge: boolean }): AsyncIterable<Uint8Array> {
  return (async function* () {
    let size = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > 5 * MAX_FILE_BYTES) throw new MaxPartSizeExceededError("file", MAX_FILE_BYTES);
      if (size > MAX_FILE_BYTES) flag.tooLarge = true;
      else yield chunk;
    }
  })();
}

async function importFile(request: Request, context: ActionFunctionArgs["context"], actor: Actor, initiativeId: string, t: TFunction, locale: string) {
  const refuse = (importErrors: ImportErrors, periodId?: string) => data({ intent: "import", periodId, importErrors } satisfies ActionData, { status: 400 });
  const tooLarge = () => refuse({ general: [t("learning.import.tooLarge")], lines: [] });
  const flag = { tooLarge: false };
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, (part) => memory({ ...part, data: capped(part.data, flag) }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw error;
  }
  if (flag.tooLarge) return tooLarge();
  const periodId = z.uuid().safeParse(formData.get("periodId"));
  if (!periodId.success) return refuse({ general: [t("learning.import.choosePeriod")], lines: [] });
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse({ general: [t("learning.import.noFile")], lines: [] }, periodId.data);
  let result: { imported: number; firms: number };
  try {
    result = await context.services.learning.importKpiCsv(actor, { initiativeId, periodId: periodId.data, csv: await file.text() });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input" && error.fields) return refuse(importErrorsOf(error, t, locale), periodId.data);
    if (isAppError(error) && error.code === "conflict") return refuse({ general: [t("learning.errors.periodClosed")], lines: [] }, periodId.data);
    throwAsResponse(error);
  }
  void result;
  return redirectWithToast(`/initiatives/${initiativeId}/club#periods`, "learning.toast.imported");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf(params);
  const t = await serverT(request, context, actor);
  const here = `/initiatives/${initiativeId}/club`;
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return importFile(request, context, actor, initiativeId, t, await localeFor(request, actor));
  }
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  formData.set("initiativeId", initiativeId);
  const failed = (error: unknown, extra: Partial<ActionData> = {}) => {
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden")) {
      const message = error.code === "forbidden" ? t("learning.errors.forbidden") : t("learning.errors.conflict");
      return data({ intent, error: message, ...extra } satisfies ActionData, { status: error.status });
    }
    throwAsResponse(error);
  };

  switch (intent) {
    case "join": {
      try {
        await context.services.initiatives.join(actor, { initiativeId });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, "learning.toast.joined");
    }
    case "submit": {
      // The gate first: a club the actor may not see is a 404, whatever the form says.
      await loadClub(context, actor, initiativeId);
      const locale = await localeFor(request, actor);
      const submission = parseWithZod(formData, { schema: submitValuesSchema, formatError: learningFormatIssues(t) });
      const periodId = String(formData.get("periodId") ?? "");
      const given = [...formData.entries()].some(([key, value]) => key.startsWith("values.") && String(value).trim() !== "");
      if (!given) return data({ intent, periodId, reply: submission.reply({ formErrors: [t("learning.submit.noValues")] }) } satisfies ActionData, { status: 400 });
      if (submission.status !== "success") return data({ intent, periodId, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.submitKpiValues(actor, submission.value);
      } catch (error) {
        if (isAppError(error) && error.fields) {
          const fieldErrors = learningFieldErrors(t, error.fields, error.fieldKeys, (field, key) => kpiRangeMessage(t, locale, key, error.fieldParams?.[field], "field"));
          const formErrors = fieldErrors.values ? fieldErrors.values : [];
          delete fieldErrors.values;
          return data({ intent, periodId, reply: submission.reply({ formErrors, fieldErrors }) } satisfies ActionData, { status: 400 });
        }
        return failed(error, { periodId });
      }
      return redirectWithToast(`${here}#submit-${submission.value.periodId}`, "learning.toast.valuesSaved");
    }
    case "openPeriod": {
      const submission = parseWithZod(formData, { schema: openPeriodSchema, formatError: learningFormatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.openBenchmarkPeriod(actor, submission.value);
      } catch (error) {
        if (isAppError(error) && error.fields) {
          return data({ intent, reply: submission.reply({ fieldErrors: learningFieldErrors(t, error.fields, error.fieldKeys) }) } satisfies ActionData, { status: 400 });
        }
        if (isAppError(error) && error.code === "conflict") {
          return data({ intent, reply: submission.reply({ fieldErrors: { label: [t("learning.periods.exists")] } }) } satisfies ActionData, { status: 409 });
        }
        return failed(error);
      }
      return redirectWithToast(`${here}#periods`, "learning.toast.periodOpened");
    }
    case "closePeriod": {
      const periodId = z.uuid().safeParse(formData.get("periodId"));
      if (!periodId.success) throw new Response("Not found", { status: 404 });
      try {
        await context.services.learning.closeBenchmarkPeriod(actor, { initiativeId, periodId: periodId.data });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#periods`, "learning.toast.periodClosed");
    }
    case "reference": {
      const submission = parseWithZod(formData, { schema: setReferenceSchema, formatError: learningFormatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.setKpiReference(actor, submission.value);
      } catch (error) {
        if (isAppError(error) && error.fields) {
          const locale = await localeFor(request, actor);
          const fieldErrors = learningFieldErrors(t, error.fields, error.fieldKeys, (field, key) => kpiRangeMessage(t, locale, key, error.fieldParams?.[field], "field"));
          return data({ intent, reply: submission.reply({ fieldErrors }) } satisfies ActionData, { status: 400 });
        }
        return failed(error);
      }
      return redirectWithToast(`${here}#references`, "learning.toast.referenceSet");
    }
    default:
      return data({ intent, error: t("learning.errors.invalid") } satisfies ActionData, { status: 400 });
  }
}

type View = BenchmarkClubView;
type Period = View["periods"][number];
type AnyField = FieldMetadata<unknown>;

export default function ClubPage() {
  const { t } = useTranslation();
  const { view: rawView, now } = useLoaderData<typeof loader>();
  const view = rawView as unknown as View;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { club, kpis, periods, permissions, viewer } = view;
  useLiveRoom(`initiative:${club.initiativeId}`);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const textsOf = useKpiTexts();
  const openPeriods = periods.filter((p) => p.status === "open");
  const broker = permissions.manage || permissions.readRaw;
  const upcoming = view.meetings.filter((m) => m.status === "scheduled" && m.endsAt >= now);
  const past = view.meetings.filter((m) => !(m.status === "scheduled" && m.endsAt >= now)).reverse();

  return (
    <article className="stack learning-page club-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> · {t("learning.club.kicker")}
          </p>
          <h1>{club.title}</h1>
        </div>
        <span className={`status-badge status-${club.status}`} data-testid="club-status">
          {t(`initiatives.status.${club.status}`)}
        </span>
      </header>
      <ClubNav initiativeId={club.initiativeId} current="club" showReport={permissions.readReport} />

      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      {club.status === "draft" ? (
        <p className="notice" data-testid="club-draft">
          {t("learning.club.draft")} <Link to={`/initiatives/${club.initiativeId}`}>{t("learning.club.draftLink")}</Link>
        </p>
      ) : null}
      {club.status === "completed" || club.status === "cancelled" ? <p className="notice">{t("learning.club.ended")}</p> : null}

      {permissions.join ? (
        <section className="card stack" aria-labelledby="join-heading">
          <h2 id="join-heading">{t("learning.club.joinTitle")}</h2>
          <p>{t("learning.club.joinText")}</p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="join" className="button" disabled={busy}>
              {t("learning.club.join")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="about-heading">
        <h2 id="about-heading">{t("learning.club.about")}</h2>
        {club.description ? <p className="club-description">{club.description}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t("learning.club.periodKind")}</dt>
            <dd>{t(`learning.periodKinds.${club.periodKind}`)}</dd>
          </div>
          <div>
            <dt>{t("learning.club.joinBy")}</dt>
            <dd>
              <FormattedDate value={club.deadlineDate} />
            </dd>
          </div>
          <div>
            <dt>{t("learning.club.members")}</dt>
            <dd data-testid="club-members">{t("learning.club.memberCount", { count: view.members.length })}</dd>
          </div>
        </dl>
        <h3>{t("learning.club.kpis")}</h3>
        <ul className="kpi-chips" data-testid="club-kpis">
          {kpis.map((kpi) => {
            const texts = textsOf(kpi);
            return (
              <li key={kpi.id}>
                <strong>{texts.name}</strong> <span className="muted small">({texts.unit}, {t(`learning.kpi.directions.${kpi.direction}`).toLowerCase()})</span>
              </li>
            );
          })}
        </ul>
        <p className="muted small">{t("learning.club.confidential", { min: club.minContributors })}</p>
      </section>

      {permissions.submit
        ? openPeriods.map((period) => <SubmitForm key={`${period.id}-${JSON.stringify(period.mine?.values ?? {})}`} view={view} period={period} actionData={actionData} />)
        : null}
      {viewer.isMember && permissions.submit && openPeriods.length === 0 ? (
        <section className="card" aria-labelledby="no-open-heading">
          <h2 id="no-open-heading">{t("learning.submit.title")}</h2>
          <p className="muted">{t("learning.submit.noOpenPeriod")}</p>
        </section>
      ) : null}

      <PeriodsSection view={view} busy={busy} />
      {permissions.manage ? <OpenPeriodForm view={view} actionData={actionData} /> : null}
      {permissions.manage && openPeriods.length > 0 ? <ImportForm view={view} actionData={actionData} busy={busy} /> : null}
      {permissions.manage && periods.length > 0 ? <ReferenceForm view={view} actionData={actionData} /> : null}

      <section className="card stack" aria-labelledby="club-meetings-heading">
        <div className="section-head">
          <h2 id="club-meetings-heading">{t("learning.meetings.title")}</h2>
          <Link to={`/initiatives/${club.initiativeId}/meetings`} className="button button-secondary button-small">
            {broker && permissions.manage ? t("learning.meetings.manage") : t("learning.meetings.all")}
          </Link>
        </div>
        {view.meetings.length === 0 ? <p className="muted">{t("learning.meetings.none")}</p> : null}
        {upcoming.length ? (
          <>
            <h3>{t("learning.meetings.upcoming")}</h3>
            <MeetingList initiativeId={club.initiativeId} meetings={upcoming} />
          </>
        ) : null}
        {past.length ? (
          <>
            <h3>{t("learning.meetings.past")}</h3>
            <MeetingList initiativeId={club.initiativeId} meetings={past} />
          </>
        ) : null}
        {permissions.calendar && view.meetings.length > 0 ? (
          <p>
            <a href={`/initiatives/${club.initiativeId}/meetings.ics`} download>
              {t("learning.meetings.ics")}
            </a>
          </p>
        ) : null}
      </section>
    </article>
  );
}

function SubmitForm({ view, period, actionData }: { view: View; period: Period; actionData: ActionData | undefined }) {
  const { t, i18n } = useTranslation();
  const textsOf = useKpiTexts();
  const navigation = useNavigation();
  const mine = period.mine;
  const own = actionData?.intent === "submit" && actionData.periodId === period.id;
  const [form, rawFields] = useForm({
    id: `submit-form-${period.id}`,
    lastResult: own ? (actionData.reply as never) : undefined,
    defaultValue: { values: Object.fromEntries(Object.entries(mine?.values ?? {}).map(([k, v]) => [k, String(v)])) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const valueFields = (fields.values as FieldMetadata<Record<string, string>>).getFieldset() as unknown as Record<string, AnyField>;
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
          {mine.complete ? t("learning.submit.complete") : t("learning.submit.progress", { count: mine.submitted, total: view.kpis.length })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="periodId" value={period.id} />
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <div className="value-grid">
          {view.kpis.map((kpi) => {
            const texts = textsOf(kpi);
            const field = valueFields[kpi.id];
            const saved = mine?.values[kpi.id];
            const hint = [
              t("learning.submit.range", { range: formatRange(i18n.language, kpi.minValue, kpi.maxValue, texts.unit) }),
              t(`learning.kpi.directions.${kpi.direction}`),
              saved !== undefined ? t("learning.submit.saved", { value: formatWithUnit(i18n.language, saved, texts.unit, 6) }) : t("learning.submit.notYet"),
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

function PeriodsSection({ view, busy }: { view: View; busy: boolean }) {
  const { t } = useTranslation();
  const { club, periods, permissions, viewer } = view;
  return (
    <section className="card stack" aria-labelledby="periods-heading" id="periods">
      <h2 id="periods-heading">{t("learning.periods.title")}</h2>
      {periods.length === 0 ? (
        <p className="muted">{permissions.manage ? t("learning.periods.noneBroker") : t("learning.periods.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="periods-heading" tabIndex={0}>
          <table data-testid="periods">
            <thead>
              <tr>
                <th scope="col">{t("learning.periods.period")}</th>
                <th scope="col">{t("learning.periods.dates")}</th>
                <th scope="col">{t("learning.periods.due")}</th>
                <th scope="col">{t("learning.periods.status")}</th>
                {viewer.isMember ? <th scope="col">{t("learning.periods.yourValues")}</th> : null}
                {permissions.readRaw ? <th scope="col">{t("learning.periods.reported")}</th> : null}
                <th scope="col">
                  <span className="visually-hidden">{t("learning.periods.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id} data-period={p.label}>
                  <th scope="row">{p.label}</th>
                  <td>
                    <FormattedDate value={p.startsOn} /> – <FormattedDate value={p.endsOn} />
                  </td>
                  <td>
                    <FormattedDate value={p.submissionDue} />
                  </td>
                  <td>
                    <span className={`tag period-${p.status}`}>{t(`learning.periods.statuses.${p.status}`)}</span>
                  </td>
                  {viewer.isMember ? (
                    <td>{p.mine ? t("learning.periods.yourCount", { count: p.mine.submitted, total: view.kpis.length }) : "—"}</td>
                  ) : null}
                  {permissions.readRaw ? (
                    <td>{p.progress ? t("learning.periods.progress", { reported: p.progress.firmsReported, complete: p.progress.firmsComplete, count: p.progress.members }) : "—"}</td>
                  ) : null}
                  <td className="period-actions">
                    {permissions.readReport ? (
                      <Link to={`/initiatives/${club.initiativeId}/benchmark?period=${p.id}`}>
                        {t("learning.periods.report")}
                        <span className="visually-hidden"> {p.label}</span>
                      </Link>
                    ) : null}
                    {permissions.manage && p.status === "open" ? (
                      <Form method="post" className="inline-actions">
                        <input type="hidden" name="intent" value="closePeriod" />
                        <input type="hidden" name="periodId" value={p.id} />
                        <button type="submit" className="button button-small button-secondary" disabled={busy}>
                          {t("learning.periods.close")}
                          <span className="visually-hidden"> {p.label}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {permissions.manage && periods.some((p) => p.status === "open") ? <p className="hint">{t("learning.periods.closeHint")}</p> : null}
    </section>
  );
}

function OpenPeriodForm({ view, actionData }: { view: View; actionData: ActionData | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const next = view.nextPeriod;
  const [form, rawFields] = useForm({
    id: "open-period-form",
    lastResult: actionData?.intent === "openPeriod" ? (actionData.reply as never) : undefined,
    defaultValue: { label: next?.label ?? "", submissionDue: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  return (
    <section className="card stack" aria-labelledby="open-period-heading" id="open-period">
      <h2 id="open-period-heading">{t("learning.periods.openTitle")}</h2>
      <p className="muted">{t("learning.periods.openIntro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack" key={next?.label ?? "none"}>
        <input type="hidden" name="intent" value="openPeriod" />
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <div className="grid-2">
          <Field id={fields.label.id} label={t("learning.periods.label")} errors={fields.label.errors} hint={t(`learning.periods.labelHint_${view.club.periodKind}`)}>
            <input {...getInputProps(fields.label, { type: "text" })} autoComplete="off" aria-describedby={describedBy(fields.label.id, fields.label.errors, true)} />
          </Field>
          <Field id={fields.submissionDue.id} label={t("learning.periods.dueLabel")} errors={fields.submissionDue.errors} hint={t("learning.periods.dueHint")}>
            <input {...getInputProps(fields.submissionDue, { type: "date" })} aria-describedby={describedBy(fields.submissionDue.id, fields.submissionDue.errors, true)} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.periods.open")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ImportForm({ view, actionData, busy }: { view: View; actionData: ActionData | undefined; busy: boolean }) {
  const { t } = useTranslation();
  const openPeriods = view.periods.filter((p) => p.status === "open");
  const importErrors = actionData?.intent === "import" ? actionData.importErrors : null;
  const example = view.kpis[0]?.key ?? view.kpis[0]?.name ?? "on_time_delivery";
  return (
    <section className="card stack" aria-labelledby="import-heading" id="import">
      <h2 id="import-heading">{t("learning.import.title")}</h2>
      <p className="muted">{t("learning.import.intro")}</p>
      <p className="small">
        {t("learning.import.columns")} <code>firm,kpi,value</code> — {t("learning.import.example")} <code>{`"${view.members[0]?.name ?? "Firm"}",${example},92.5`}</code>
      </p>
      {view.permissions.exportCsv ? (
        <p className="small">
          <a href={`/initiatives/${view.club.initiativeId}/benchmark.csv`} download>
            {t("learning.import.exportHint")}
          </a>
        </p>
      ) : null}
      {importErrors ? (
        <div className="form-error import-errors" role="alert" data-testid="import-errors">
          <p>{t("learning.import.rejected")}</p>
          {importErrors.general.length ? (
            <ul>
              {importErrors.general.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {importErrors.lines.length ? (
            <ul>
              {importErrors.lines.map((l) => (
                <li key={`${l.line}-${l.column}`}>{t("learning.import.lineError", { line: l.line, column: l.column, message: l.messages.join(" ") })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="import" />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="import-period">{t("learning.import.period")}</label>
            <select id="import-period" name="periodId" defaultValue={actionData?.intent === "import" ? actionData.periodId : openPeriods[0]?.id}>
              {openPeriods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <Field id="import-file" label={t("learning.import.file")} hint={t("learning.import.fileHint")}>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("learning.import.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ReferenceForm({ view, actionData }: { view: View; actionData: ActionData | undefined }) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const navigation = useNavigation();
  const [form, rawFields] = useForm({
    id: "reference",
    lastResult: actionData?.intent === "reference" ? (actionData.reply as never) : undefined,
    defaultValue: { periodId: view.periods[0]?.id ?? "", kpiId: view.kpis[0]?.id ?? "", value: "", source: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>) => {
    const field = fields[name];
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
  };
  return (
    <section className="card stack" aria-labelledby="references-heading" id="references">
      <h2 id="references-heading">{t("learning.references.title")}</h2>
      <p className="muted">{t("learning.references.intro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <input type="hidden" name="intent" value="reference" />
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <div className="grid-2">
          {select(
            "periodId",
            t("learning.references.period"),
            view.periods.map((p) => ({ value: p.id, label: p.label })),
          )}
          {select(
            "kpiId",
            t("learning.references.kpi"),
            view.kpis.map((k) => {
              const texts = textsOf(k);
              return { value: k.id, label: `${texts.name} (${texts.unit})` };
            }),
          )}
        </div>
        <div className="grid-2">
          <Field id={fields.value.id} label={t("learning.references.value")} errors={fields.value.errors}>
            <input {...getInputProps(fields.value, { type: "text" })} inputMode="decimal" aria-describedby={describedBy(fields.value.id, fields.value.errors)} />
          </Field>
          <Field id={fields.source.id} label={t("learning.references.source")} errors={fields.source.errors} hint={t("learning.references.sourceHint")}>
            <input {...getInputProps(fields.source, { type: "text" })} aria-describedby={describedBy(fields.source.id, fields.source.errors, true)} />
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

export function ErrorBoundary() {
  return <ErrorMessage />;
}
