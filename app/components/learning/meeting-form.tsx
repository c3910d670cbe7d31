import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, Field } from "../field";
import type { ClubView } from "./common";

/** A meeting's fields as the schedule and reschedule forms send them. */
export type MeetingFormValues = {
  title: string;
  hostFirmId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  agenda: string;
};
type Fields = { [K in keyof MeetingFormValues]: FieldMetadata<string, MeetingFormValues> };

function TextField({
  field,
  label,
  type = "text",
  hint,
  inputRef,
}: {
  field: Fields["title"];
  label: string;
  type?: "text" | "datetime-local";
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input {...getInputProps(field, { type })} ref={inputRef} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
    </Field>
  );
}

/**
 * The fields of a meeting: title, host, local start and end in a time zone, place and agenda.
 * `hints` adds the schedule form's explanations under title, host and place.
 */
export function MeetingFields({
  fields,
  members,
  zones,
  zoneRef,
  startRef,
  endRef,
  hints = false,
}: {
  fields: Fields;
  members: ClubView["members"];
  zones: string[];
  /** The time fields, so a page can show them in the reader's own time zone once it runs. */
  zoneRef?: Ref<HTMLSelectElement>;
  startRef?: Ref<HTMLInputElement>;
  endRef?: Ref<HTMLInputElement>;
  hints?: boolean;
}) {
  const { t } = useTranslation();
  const hint = (key: string) => (hints ? t(key) : undefined);
  return (
    <>
      <div className="grid-2">
        <TextField field={fields.title} label={t("learning.meetings.fields.title")} hint={hint("learning.meetings.titleHint")} />
        <Field
          id={fields.hostFirmId.id}
          label={t("learning.meetings.fields.host")}
          errors={fields.hostFirmId.errors}
          hint={hint("learning.meetings.hostHint")}
        >
          <select
            {...getSelectProps(fields.hostFirmId)}
            aria-describedby={describedBy(fields.hostFirmId.id, fields.hostFirmId.errors, hints)}
          >
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
        <TextField field={fields.startsAt} label={t("learning.meetings.fields.startsAt")} type="datetime-local" inputRef={startRef} />
        <TextField field={fields.endsAt} label={t("learning.meetings.fields.endsAt")} type="datetime-local" inputRef={endRef} />
        <Field id={fields.timeZone.id} label={t("learning.meetings.fields.timeZone")} errors={fields.timeZone.errors}>
          <select
            {...getSelectProps(fields.timeZone)}
            ref={zoneRef}
            aria-describedby={describedBy(fields.timeZone.id, fields.timeZone.errors)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <TextField field={fields.place} label={t("learning.meetings.fields.place")} hint={hint("learning.meetings.placeHint")} />
      <Field id={fields.agenda.id} label={t("learning.meetings.fields.agenda")} errors={fields.agenda.errors}>
        <textarea {...getTextareaProps(fields.agenda)} rows={5} aria-describedby={describedBy(fields.agenda.id, fields.agenda.errors)} />
      </Field>
    </>
  );
}
