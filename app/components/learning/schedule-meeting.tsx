import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { FormError } from "../form-error";
import type { ClubView } from "./common";
import { MeetingFields, type MeetingFormValues } from "./meeting-form";

/** The broker schedules a meeting; local times are read in the chosen time zone. */
export function ScheduleForm({ view, zones }: { view: ClubView; zones: string[] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // The page's one form: its post names no intent.
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<MeetingFormValues>({
    id: "schedule-meeting",
    lastResult,
    defaultValue: { title: "", hostFirmId: "", startsAt: "", endsAt: "", timeZone: "UTC", place: "", agenda: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  // Local times are read in the broker's own time zone once JavaScript knows it.
  const zoneRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!lastResult && zoneRef.current && local && zones.includes(local)) zoneRef.current.value = local;
  }, [lastResult, zones]);

  return (
    <section className="card stack" aria-labelledby="schedule-heading" id="schedule">
      <h2 id="schedule-heading">{t("learning.meetings.scheduleTitle")}</h2>
      <p className="muted">{t("learning.meetings.scheduleIntro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError messages={[...(form.errors ?? []), error]} />
        <MeetingFields fields={fields} members={view.members} zones={zones} zoneRef={zoneRef} hints />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.meetings.schedule")}
          </button>
        </div>
      </Form>
    </section>
  );
}
