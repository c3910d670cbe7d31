import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { FormError } from "../form-error";
import { localInputValue } from "./common";
import { MeetingFields, type MeetingFormValues } from "./meeting-form";
import type { MeetingPageData } from "./meeting-page";

/** The broker moves or edits a scheduled meeting; its times are shown in UTC until the page runs. */
export function RescheduleForm({ data }: { data: MeetingPageData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { meeting, members, timeZones } = data;
  const { lastResult, error } = useFormResult("reschedule");
  const mine = lastResult !== undefined || error !== null;
  const [form, fields] = useForm<MeetingFormValues>({
    id: "reschedule",
    lastResult,
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
  // With JavaScript, the times are shown and read in the broker's own time zone.
  const zone = useRef<HTMLSelectElement>(null);
  const start = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine || !local || !timeZones.includes(local) || !zone.current || !start.current || !end.current) return;
    zone.current.value = local;
    start.current.value = localInputValue(meeting.startsAt, local);
    end.current.value = localInputValue(meeting.endsAt, local);
  }, [mine, timeZones, meeting.startsAt, meeting.endsAt]);

  return (
    <details className="card reschedule no-print" open={mine || undefined}>
      <summary>{t("learning.meeting.reschedule")}</summary>
      <Form
        method="post"
        {...getFormProps(form)}
        noValidate
        className="stack"
        key={`${meeting.startsAt}-${meeting.endsAt}-${meeting.title}`}
      >
        <input type="hidden" name="intent" value="reschedule" />
        <p className="hint">{t("learning.meeting.rescheduleHint")}</p>
        <FormError messages={form.errors ?? []} />
        <MeetingFields fields={fields} members={members} zones={timeZones} zoneRef={zone} startRef={start} endRef={end} />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.meeting.saveChanges")}
          </button>
        </div>
      </Form>
    </details>
  );
}
