import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";
import type { MeetingPageData } from "./meeting-page";

/** The minutes, for the club's readers; the broker writes them. */
export function MinutesSection({ data }: { data: MeetingPageData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { meeting, permissions } = data;
  const { lastResult } = useFormResult("minutes");
  const [form, fields] = useForm<{ minutes: string }>({
    id: "minutes-form",
    lastResult,
    defaultValue: { minutes: meeting.minutes ?? "" },
    shouldValidate: "onSubmit",
  });
  if (meeting.minutes === null) return null;
  return (
    <section className="card stack" aria-labelledby="minutes-heading" id="minutes">
      <h2 id="minutes-heading">{t("learning.meeting.minutes")}</h2>
      {meeting.minutes ? (
        <div className="prewrap minutes" data-testid="minutes">
          {meeting.minutes}
        </div>
      ) : (
        <p className="muted">{t("learning.meeting.noMinutes")}</p>
      )}
      {permissions.manage ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack no-print" key={meeting.minutes}>
          <input type="hidden" name="intent" value="minutes" />
          <Field
            id={fields.minutes.id}
            label={t("learning.meeting.editMinutes")}
            errors={fields.minutes.errors}
            hint={t("learning.meeting.minutesHint")}
          >
            <textarea
              {...getTextareaProps(fields.minutes)}
              rows={8}
              aria-describedby={describedBy(fields.minutes.id, fields.minutes.errors, true)}
            />
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

type MeetingAction = NonNullable<MeetingPageData["meeting"]["actions"]>[number];

function ActionRow({ action: a, manage, busy }: { action: MeetingAction; manage: boolean; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <tr className={a.status === "done" ? "action-done" : undefined}>
      <th scope="row" className="prewrap">
        {a.description}
      </th>
      <td>{a.ownerName ?? "—"}</td>
      <td>{a.dueOn ? <FormattedDate value={a.dueOn} /> : "—"}</td>
      <td>
        <span className={`tag action-${a.status}`}>{t(`learning.meeting.actionStatuses.${a.status}`)}</span>
      </td>
      {manage ? (
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
  );
}

/** The follow-up actions agreed at the meeting; the broker adds them and marks them done. */
export function ActionsSection({ data, busy }: { data: MeetingPageData; busy: boolean }) {
  const { t } = useTranslation();
  const { meeting, permissions } = data;
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
                <ActionRow key={a.id} action={a} manage={permissions.manage} busy={busy} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {permissions.manage ? <AddActionForm members={data.members} busy={busy} /> : null}
    </section>
  );
}

function AddActionForm({ members, busy }: { members: MeetingPageData["members"]; busy: boolean }) {
  const { t } = useTranslation();
  const { lastResult } = useFormResult("addAction");
  const [form, fields] = useForm<{ description: string; ownerFirmId: string; dueOn: string }>({
    id: "add-action",
    lastResult,
    defaultValue: { description: "", ownerFirmId: "", dueOn: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack no-print">
      <h3>{t("learning.meeting.addAction")}</h3>
      <input type="hidden" name="intent" value="addAction" />
      <FormError messages={form.errors ?? []} />
      <Field id={fields.description.id} label={t("learning.meeting.action")} errors={fields.description.errors}>
        <textarea
          {...getTextareaProps(fields.description)}
          rows={2}
          aria-describedby={describedBy(fields.description.id, fields.description.errors)}
        />
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
  );
}
