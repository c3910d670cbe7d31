import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { addMeetingActionSchema, updateMeetingSchema } from "../../server/schemas/learning";
import type { BenchmarkClubView } from "../../server/services/learning/get-benchmark-club";
import { describedBy, Field } from "../components/field";
import { FormattedDate } from "../components/formatted";
import { ClubNav, localInputValue, MeetingWhen } from "../components/learning";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/learning.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serverT } from "../lib/i18n.server";
import { initiativeIdOf, learningFieldErrors, learningFormatIssues } from "../lib/learning-forms";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.meeting.title} · Jointly` : "Jointly" }];

function meetingIdOf(params: { meetingId?: string }): string {
  const parsed = z.uuid().safeParse(params.meetingId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

type Actor = Awaited<ReturnType<typeof requireActor>>;

/** The club (the one gate) and its meeting, or a 404. */
async function loadMeeting(context: LoaderFunctionArgs["context"], actor: Actor, initiativeId: string, meetingId: string) {
  let view;
  try {
    view = await context.services.learning.getBenchmarkClub(actor, { initiativeId });
  } catch (error) {
    throwAsResponse(error);
  }
  const meeting = view.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Response("Not found", { status: 404 });
  return { view, meeting };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { view, meeting } = await loadMeeting(context, actor, initiativeIdOf(params), meetingIdOf(params));
  const manage = view.permissions.manage;
  return {
    club: { initiativeId: view.club.initiativeId, title: view.club.title, networkId: view.club.networkId, networkName: view.club.networkName },
    meeting,
    members: manage ? view.members : [],
    permissions: { manage, attend: view.permissions.attend, readReport: view.permissions.readReport },
    now: new Date().toISOString(),
    timeZones: manage ? (Intl.supportedValuesOf("timeZone").includes("UTC") ? Intl.supportedValuesOf("timeZone") : ["UTC", ...Intl.supportedValuesOf("timeZone")]) : [],
  };
}

type Intent = "respond" | "minutes" | "status" | "reschedule" | "addAction" | "actionStatus";
type ActionData = { intent: Intent; reply?: unknown; error?: string | null };

const respondFormSchema = z.object({ response: z.enum(["yes", "no"]) });
const statusFormSchema = z.object({ status: z.enum(["held", "cancelled"]) });
const actionStatusFormSchema = z.object({ actionId: z.uuid(), status: z.enum(["open", "done"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf(params);
  const meetingId = meetingIdOf(params);
  const t = await serverT(request, context, actor);
  const here = `/initiatives/${initiativeId}/meetings/${meetingId}`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  formData.set("initiativeId", initiativeId);
  formData.set("meetingId", meetingId);
  const failed = (error: unknown) => {
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden")) {
      const message = error.code === "forbidden" ? t("learning.errors.forbidden") : t("learning.errors.conflict");
      return data({ intent, error: message } satisfies ActionData, { status: error.status });
    }
    throwAsResponse(error);
  };
  const invalid = () => data({ intent, error: t("learning.errors.invalid") } satisfies ActionData, { status: 400 });

  switch (intent) {
    case "respond": {
      const parsed = respondFormSchema.safeParse({ response: formData.get("response") });
      if (!parsed.success) return invalid();
      try {
        await context.services.learning.respondToMeeting(actor, { initiativeId, meetingId, response: parsed.data.response });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#attendance`, parsed.data.response === "yes" ? "learning.toast.coming" : "learning.toast.notComing");
    }
    case "status": {
      const parsed = statusFormSchema.safeParse({ status: formData.get("status") });
      if (!parsed.success) return invalid();
      try {
        await context.services.learning.updateMeeting(actor, { initiativeId, meetingId, status: parsed.data.status });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, parsed.data.status === "held" ? "learning.toast.meetingHeld" : "learning.toast.meetingCancelled");
    }
    case "minutes": {
      const schema = z.object({ minutes: z.string().trim().max(20_000).default("") });
      const submission = parseWithZod(formData, { schema, formatError: learningFormatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.updateMeeting(actor, { initiativeId, meetingId, minutes: submission.value.minutes });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#minutes`, "learning.toast.minutesSaved");
    }
    case "reschedule": {
      const submission = parseWithZod(formData, { schema: updateMeetingSchema, formatError: learningFormatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.updateMeeting(actor, { ...submission.value, hostFirmId: submission.value.hostFirmId ?? null, agenda: submission.value.agenda ?? "" });
      } catch (error) {
        if (isAppError(error) && error.fields) {
          return data({ intent, reply: submission.reply({ fieldErrors: learningFieldErrors(t, error.fields, error.fieldKeys) }) } satisfies ActionData, { status: 400 });
        }
        return failed(error);
      }
      return redirectWithToast(here, "learning.toast.meetingUpdated");
    }
    case "addAction": {
      const submission = parseWithZod(formData, { schema: addMeetingActionSchema, formatError: learningFormatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply() } satisfies ActionData, { status: 400 });
      try {
        await context.services.learning.addMeetingAction(actor, submission.value);
      } catch (error) {
        if (isAppError(error) && error.fields) {
          return data({ intent, reply: submission.reply({ fieldErrors: learningFieldErrors(t, error.fields, error.fieldKeys) }) } satisfies ActionData, { status: 400 });
        }
        return failed(error);
      }
      return redirectWithToast(`${here}#actions`, "learning.toast.actionAdded");
    }
    case "actionStatus": {
      const parsed = actionStatusFormSchema.safeParse({ actionId: formData.get("actionId"), status: formData.get("status") });
      if (!parsed.success) return invalid();
      try {
        await context.services.learning.updateMeetingAction(actor, { initiativeId, ...parsed.data });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#actions`, parsed.data.status === "done" ? "learning.toast.actionDone" : "learning.toast.actionReopened");
    }
    default:
      return invalid();
  }
}

type Loaded = {
  club: { initiativeId: string; title: string; networkId: string; networkName: string };
  meeting: BenchmarkClubView["meetings"][number];
  members: BenchmarkClubView["members"];
  permissions: { manage: boolean; attend: boolean; readReport: boolean };
  now: string;
  timeZones: string[];
};
type AnyField = FieldMetadata<unknown>;

export default function MeetingPage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>() as unknown as Loaded;
  const { club, meeting, permissions, now } = loaded;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  useLiveRoom(`initiative:${club.initiativeId}`);
  const started = meeting.startsAt <= now;
  const scheduled = meeting.status === "scheduled";
  const coming = (meeting.attendance ?? []).filter((a) => a.response === "yes");
  const notComing = (meeting.attendance ?? []).filter((a) => a.response === "no");

  return (
    <article className="stack learning-page meeting-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link> · <Link to={`/initiatives/${club.initiativeId}/meetings`}>{t("learning.meetings.title")}</Link>
          </p>
          <h1>{meeting.title}</h1>
        </div>
        <span className={`status-badge meeting-status meeting-${meeting.status}`} data-testid="meeting-status">
          {t(`learning.meetings.status.${meeting.status}`)}
        </span>
      </header>
      <ClubNav initiativeId={club.initiativeId} current="meetings" showReport={permissions.readReport} />

      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("learning.meeting.details")}</h2>
        <dl className="facts">
          <div className="fact-wide">
            <dt>{t("learning.meeting.when")}</dt>
            <dd>
              <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
            </dd>
          </div>
          <div>
            <dt>{t("learning.meetings.fields.place")}</dt>
            <dd>{meeting.place}</dd>
          </div>
          <div>
            <dt>{t("learning.meetings.fields.host")}</dt>
            <dd>{meeting.hostName ?? t("learning.meetings.noHost")}</dd>
          </div>
        </dl>
        <h3>{t("learning.meetings.fields.agenda")}</h3>
        {meeting.agenda ? <p className="prewrap">{meeting.agenda}</p> : <p className="muted">{t("learning.meeting.noAgenda")}</p>}
        {permissions.manage && scheduled ? (
          <Form method="post" className="actions no-print" aria-label={t("learning.meeting.statusActions")}>
            <input type="hidden" name="intent" value="status" />
            {started ? (
              <button type="submit" name="status" value="held" className="button" disabled={busy}>
                {t("learning.meeting.markHeld")}
              </button>
            ) : null}
            <button type="submit" name="status" value="cancelled" className="button button-danger" disabled={busy}>
              {t("learning.meeting.cancel")}
            </button>
          </Form>
        ) : null}
        {permissions.manage && scheduled && !started ? <p className="hint">{t("learning.meeting.heldLater")}</p> : null}
      </section>

      {permissions.manage && scheduled ? <RescheduleForm loaded={loaded} actionData={actionData} /> : null}

      <section className="card stack" aria-labelledby="attendance-heading" id="attendance">
        <h2 id="attendance-heading">{t("learning.meeting.attendance")}</h2>
        {permissions.attend && scheduled && !started ? (
          <Form method="post" className="stack no-print">
            <input type="hidden" name="intent" value="respond" />
            <p data-testid="my-response">
              {meeting.myResponse === "yes" ? t("learning.meeting.youCome") : meeting.myResponse === "no" ? t("learning.meeting.youDont") : t("learning.meeting.askResponse")}
            </p>
            <div className="actions">
              <button type="submit" name="response" value="yes" className={`button${meeting.myResponse === "yes" ? "" : " button-secondary"}`} aria-pressed={meeting.myResponse === "yes"} disabled={busy}>
                {t("learning.meeting.yes")}
              </button>
              <button type="submit" name="response" value="no" className={`button${meeting.myResponse === "no" ? "" : " button-secondary"}`} aria-pressed={meeting.myResponse === "no"} disabled={busy}>
                {t("learning.meeting.no")}
              </button>
            </div>
          </Form>
        ) : null}
        {meeting.attendance ? (
          <div className="grid-2">
            <div>
              <h3>{t("learning.meeting.coming", { count: coming.length })}</h3>
              {coming.length === 0 ? (
                <p className="muted">{t("learning.meeting.nobody")}</p>
              ) : (
                <ul className="attendee-list" data-testid="coming">
                  {coming.map((a, i) => (
                    <li key={`${a.name}-${i}`}>
                      {a.name}
                      {a.firmName ? <span className="muted"> · {a.firmName}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>{t("learning.meeting.notComing", { count: notComing.length })}</h3>
              {notComing.length === 0 ? (
                <p className="muted">{t("learning.meeting.nobody")}</p>
              ) : (
                <ul className="attendee-list" data-testid="not-coming">
                  {notComing.map((a, i) => (
                    <li key={`${a.name}-${i}`}>
                      {a.name}
                      {a.firmName ? <span className="muted"> · {a.firmName}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : null}
      </section>

      <MinutesSection loaded={loaded} actionData={actionData} />
      <ActionsSection loaded={loaded} actionData={actionData} />
    </article>
  );
}

function MinutesSection({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { meeting, permissions } = loaded;
  const [form, rawFields] = useForm({
    id: "minutes-form",
    lastResult: actionData?.intent === "minutes" ? (actionData.reply as never) : undefined,
    defaultValue: { minutes: meeting.minutes ?? "" },
    shouldValidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  if (meeting.minutes === null) return null;
  return (
    <section className="card stack" aria-labelledby="minutes-heading" id="minutes">
      <h2 id="minutes-heading">{t("learning.meeting.minutes")}</h2>
      {meeting.minutes ? <div className="prewrap minutes" data-testid="minutes">{meeting.minutes}</div> : <p className="muted">{t("learning.meeting.noMinutes")}</p>}
      {permissions.manage ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack no-print" key={meeting.minutes}>
          <input type="hidden" name="intent" value="minutes" />
          <Field id={fields.minutes.id} label={t("learning.meeting.editMinutes")} errors={fields.minutes.errors} hint={t("learning.meeting.minutesHint")}>
            <textarea {...getTextareaProps(fields.minutes)} rows={8} aria-describedby={describedBy(fields.minutes.id, fields.minutes.errors, true)} />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("learning.meeting.saveMinutes")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function ActionsSection({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { meeting, permissions, members } = loaded;
  const [form, rawFields] = useForm({
    id: "add-action",
    lastResult: actionData?.intent === "addAction" ? (actionData.reply as never) : undefined,
    defaultValue: { description: "", ownerFirmId: "", dueOn: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  if (meeting.actions === null) return null;
  return (
    <section className="card stack" aria-labelledby="actions-heading" id="actions">
      <h2 id="actions-heading">{t("learning.meeting.actions")}</h2>
      {meeting.actions.length === 0 ? (
        <p className="muted">{t("learning.meeting.noActions")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="meeting-actions">
            <thead>
              <tr>
                <th scope="col">{t("learning.meeting.action")}</th>
                <th scope="col">{t("learning.meeting.owner")}</th>
                <th scope="col">{t("learning.meeting.dueOn")}</th>
                <th scope="col">{t("learning.meeting.actionStatus")}</th>
                {permissions.manage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("learning.periods.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {meeting.actions.map((a) => (
                <tr key={a.id} className={a.status === "done" ? "action-done" : undefined}>
                  <th scope="row" className="prewrap">
                    {a.description}
                  </th>
                  <td>{a.ownerName ?? "—"}</td>
                  <td>{a.dueOn ? <FormattedDate value={a.dueOn} /> : "—"}</td>
                  <td>
                    <span className={`tag action-${a.status}`}>{t(`learning.meeting.actionStatuses.${a.status}`)}</span>
                  </td>
                  {permissions.manage ? (
                    <td>
                      <Form method="post" className="inline-actions">
                        <input type="hidden" name="intent" value="actionStatus" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <input type="hidden" name="status" value={a.status === "done" ? "open" : "done"} />
                        <button type="submit" className="button button-small button-secondary" disabled={busy}>
                          {a.status === "done" ? t("learning.meeting.reopen") : t("learning.meeting.markDone")}
                          <span className="visually-hidden"> {a.description}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {permissions.manage ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack no-print">
          <h3>{t("learning.meeting.addAction")}</h3>
          <input type="hidden" name="intent" value="addAction" />
          {form.errors?.length ? (
            <p className="form-error" role="alert">
              {form.errors.join(" ")}
            </p>
          ) : null}
          <Field id={fields.description.id} label={t("learning.meeting.action")} errors={fields.description.errors}>
            <textarea {...getTextareaProps(fields.description)} rows={2} aria-describedby={describedBy(fields.description.id, fields.description.errors)} />
          </Field>
          <div className="grid-2">
            <Field id={fields.ownerFirmId.id} label={t("learning.meeting.owner")} errors={fields.ownerFirmId.errors}>
              <select {...getSelectProps(fields.ownerFirmId)} aria-describedby={describedBy(fields.ownerFirmId.id, fields.ownerFirmId.errors)}>
                <option value="">{t("learning.meeting.noOwner")}</option>
                {members.map((m) => (
                  <option key={m.firmId} value={m.firmId}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={fields.dueOn.id} label={t("learning.meeting.dueOn")} errors={fields.dueOn.errors}>
              <input {...getInputProps(fields.dueOn, { type: "date" })} aria-describedby={describedBy(fields.dueOn.id, fields.dueOn.errors)} />
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("learning.meeting.addActionSubmit")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function RescheduleForm({ loaded, actionData }: { loaded: Loaded; actionData: ActionData | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { meeting, members, timeZones } = loaded;
  const mine = actionData?.intent === "reschedule";
  const [form, rawFields] = useForm({
    id: "reschedule",
    lastResult: mine ? (actionData.reply as never) : undefined,
    defaultValue: {
      title: meeting.title,
      hostFirmId: meeting.hostFirmId ?? "",
      startsAt: localInputValue(meeting.startsAt, "UTC"),
      endsAt: localInputValue(meeting.endsAt, "UTC"),
      timeZone: "UTC",
      place: meeting.place,
      agenda: meeting.agenda,
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  // With JavaScript, the times are shown and read in the broker's own time zone.
  const zoneRef = useRef<HTMLSelectElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const endRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine || !local || !timeZones.includes(local) || !zoneRef.current || !startRef.current || !endRef.current) return;
    zoneRef.current.value = local;
    startRef.current.value = localInputValue(meeting.startsAt, local);
    endRef.current.value = localInputValue(meeting.endsAt, local);
  }, [mine, timeZones, meeting.startsAt, meeting.endsAt]);

  const text = (name: string, label: string) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors}>
        <input {...getInputProps(field, { type: "text" })} aria-describedby={describedBy(field.id, field.errors)} />
      </Field>
    );
  };
  return (
    <details className="card reschedule no-print" open={mine || undefined}>
      <summary>{t("learning.meeting.reschedule")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="stack" key={`${meeting.startsAt}-${meeting.endsAt}-${meeting.title}`}>
        <input type="hidden" name="intent" value="reschedule" />
        <p className="hint">{t("learning.meeting.rescheduleHint")}</p>
        {form.errors?.length ? (
          <p className="form-error" role="alert">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <div className="grid-2">
          {text("title", t("learning.meetings.fields.title"))}
          <Field id={fields.hostFirmId.id} label={t("learning.meetings.fields.host")} errors={fields.hostFirmId.errors}>
            <select {...getSelectProps(fields.hostFirmId)} aria-describedby={describedBy(fields.hostFirmId.id, fields.hostFirmId.errors)}>
              <option value="">{t("learning.meetings.noHost")}</option>
              {members.map((m) => (
                <option key={m.firmId} value={m.firmId}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid-3">
          <Field id={fields.startsAt.id} label={t("learning.meetings.fields.startsAt")} errors={fields.startsAt.errors}>
            <input {...getInputProps(fields.startsAt, { type: "datetime-local" })} ref={startRef} aria-describedby={describedBy(fields.startsAt.id, fields.startsAt.errors)} />
          </Field>
          <Field id={fields.endsAt.id} label={t("learning.meetings.fields.endsAt")} errors={fields.endsAt.errors}>
            <input {...getInputProps(fields.endsAt, { type: "datetime-local" })} ref={endRef} aria-describedby={describedBy(fields.endsAt.id, fields.endsAt.errors)} />
          </Field>
          <Field id={fields.timeZone.id} label={t("learning.meetings.fields.timeZone")} errors={fields.timeZone.errors}>
            <select {...getSelectProps(fields.timeZone)} ref={zoneRef} aria-describedby={describedBy(fields.timeZone.id, fields.timeZone.errors)}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {text("place", t("learning.meetings.fields.place"))}
        <Field id={fields.agenda.id} label={t("learning.meetings.fields.agenda")} errors={fields.agenda.errors}>
          <textarea {...getTextareaProps(fields.agenda)} rows={5} aria-describedby={describedBy(fields.agenda.id, fields.agenda.errors)} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.meeting.saveChanges")}
          </button>
        </div>
      </Form>
    </details>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
