import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { scheduleMeetingSchema } from "../../server/schemas/learning";
import type { BenchmarkClubView } from "../../server/services/learning/get-benchmark-club";
import { describedBy, Field } from "../components/field";
import { ClubNav, MeetingList } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serverT } from "../lib/i18n.server";
import { initiativeIdOf, learningFieldErrors, learningFormatIssues } from "../lib/learning-forms";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.view.club.title} · Jointly` : "Jointly" }];

/** The time zones a meeting's local times may be given in (the server's list, so the page hydrates). */
function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf(params);
  let view;
  try {
    view = await context.services.learning.getBenchmarkClub(actor, { initiativeId });
  } catch (error) {
    throwAsResponse(error);
  }
  return { view, now: new Date().toISOString(), timeZones: view.permissions.manage ? timeZones() : [] };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf(params);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  formData.set("initiativeId", initiativeId);
  const submission = parseWithZod(formData, { schema: scheduleMeetingSchema, formatError: learningFormatIssues(t) });
  if (submission.status !== "success") return data({ reply: submission.reply(), error: null }, { status: 400 });
  let created: { id: string };
  try {
    created = await context.services.learning.scheduleMeeting(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) return data({ reply: submission.reply({ fieldErrors: learningFieldErrors(t, error.fields, error.fieldKeys) }), error: null }, { status: 400 });
    if (isAppError(error) && error.code === "conflict") return data({ reply: null, error: t("learning.errors.conflict") }, { status: 409 });
    throwAsResponse(error);
  }
  return redirectWithToast(`/initiatives/${initiativeId}/meetings/${created.id}`, "learning.toast.meetingScheduled");
}

type View = BenchmarkClubView;
type AnyField = FieldMetadata<unknown>;

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { view: rawView, now, timeZones: zones } = useLoaderData<typeof loader>();
  const view = rawView as unknown as View;
  const actionData = useActionData<typeof action>();
  const { club, permissions } = view;
  useLiveRoom(`initiative:${club.initiativeId}`);
  const upcoming = view.meetings.filter((m) => m.status === "scheduled" && m.endsAt >= now);
  const past = view.meetings.filter((m) => !(m.status === "scheduled" && m.endsAt >= now)).reverse();

  return (
    <article className="stack learning-page meetings-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> · <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link>
          </p>
          <h1>{t("learning.meetings.title")}</h1>
        </div>
        {permissions.calendar ? (
          <a href={`/initiatives/${club.initiativeId}/meetings.ics`} className="button button-secondary" download>
            {t("learning.meetings.ics")}
          </a>
        ) : null}
      </header>
      <ClubNav initiativeId={club.initiativeId} current="meetings" showReport={permissions.readReport} />
      <p className="muted">{t("learning.meetings.intro")}</p>
      {permissions.calendar ? (
        <p className="muted small">
          {t("learning.meetings.subscribeHint")} <Link to="/settings#settings-calendar-title">{t("learning.meetings.subscribeLink")}</Link>
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("learning.meetings.upcoming")}</h2>
        {upcoming.length === 0 ? <p className="muted">{t("learning.meetings.noneUpcoming")}</p> : <MeetingList initiativeId={club.initiativeId} meetings={upcoming} />}
      </section>
      <section className="card stack" aria-labelledby="past-heading">
        <h2 id="past-heading">{t("learning.meetings.past")}</h2>
        {past.length === 0 ? <p className="muted">{t("learning.meetings.nonePast")}</p> : <MeetingList initiativeId={club.initiativeId} meetings={past} />}
      </section>

      {permissions.manage ? <ScheduleForm view={view} zones={zones} lastResult={actionData?.reply} /> : null}
    </article>
  );
}

function ScheduleForm({ view, zones, lastResult }: { view: View; zones: string[]; lastResult: unknown }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, rawFields] = useForm({
    id: "schedule-meeting",
    lastResult: lastResult as never,
    defaultValue: { title: "", hostFirmId: "", startsAt: "", endsAt: "", timeZone: "UTC", place: "", agenda: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  // Local times are read in the broker's own time zone once JavaScript knows it.
  const zoneRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!lastResult && zoneRef.current && local && zones.includes(local)) zoneRef.current.value = local;
  }, [lastResult, zones]);

  const text = (name: string, label: string, type: "text" | "datetime-local" = "text", hint?: string) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors} hint={hint}>
        <input {...getInputProps(field, { type })} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
      </Field>
    );
  };

  return (
    <section className="card stack" aria-labelledby="schedule-heading" id="schedule">
      <h2 id="schedule-heading">{t("learning.meetings.scheduleTitle")}</h2>
      <p className="muted">{t("learning.meetings.scheduleIntro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <div className="grid-2">
          {text("title", t("learning.meetings.fields.title"), "text", t("learning.meetings.titleHint"))}
          <Field id={fields.hostFirmId.id} label={t("learning.meetings.fields.host")} errors={fields.hostFirmId.errors} hint={t("learning.meetings.hostHint")}>
            <select {...getSelectProps(fields.hostFirmId)} aria-describedby={describedBy(fields.hostFirmId.id, fields.hostFirmId.errors, true)}>
              <option value="">{t("learning.meetings.noHost")}</option>
              {view.members.map((m) => (
                <option key={m.firmId} value={m.firmId}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid-3">
          {text("startsAt", t("learning.meetings.fields.startsAt"), "datetime-local")}
          {text("endsAt", t("learning.meetings.fields.endsAt"), "datetime-local")}
          <Field id={fields.timeZone.id} label={t("learning.meetings.fields.timeZone")} errors={fields.timeZone.errors}>
            <select {...getSelectProps(fields.timeZone)} ref={zoneRef} aria-describedby={describedBy(fields.timeZone.id, fields.timeZone.errors)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {text("place", t("learning.meetings.fields.place"), "text", t("learning.meetings.placeHint"))}
        <Field id={fields.agenda.id} label={t("learning.meetings.fields.agenda")} errors={fields.agenda.errors}>
          <textarea {...getTextareaProps(fields.agenda)} rows={5} aria-describedby={describedBy(fields.agenda.id, fields.agenda.errors)} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.meetings.schedule")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
