import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClubNav, MeetingWhen, type ClubView } from "./common";

/** What the meeting page's loader gives its sections. */
export interface MeetingPageData {
  club: { initiativeId: string; title: string; networkId: string; networkName: string };
  meeting: ClubView["meetings"][number];
  members: ClubView["members"];
  permissions: { manage: boolean; attend: boolean; readReport: boolean };
  now: string;
  timeZones: string[];
}

/** The meeting's head: the club it belongs to, its title and status. */
export function MeetingHead({ data }: { data: MeetingPageData }) {
  const { t } = useTranslation();
  const { club, meeting, permissions } = data;
  return (
    <>
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link> ·{" "}
            <Link to={`/initiatives/${club.initiativeId}/meetings`}>{t("learning.meetings.title")}</Link>
          </p>
          <h1>{meeting.title}</h1>
        </div>
        <span className={`status-badge meeting-status meeting-${meeting.status}`} data-testid="meeting-status">
          {t(`learning.meetings.status.${meeting.status}`)}
        </span>
      </header>
      <ClubNav initiativeId={club.initiativeId} current="meetings" showReport={permissions.readReport} />
    </>
  );
}

/** When, where and who hosts, the agenda, and the broker's held / cancel buttons. */
export function MeetingDetails({ data, busy }: { data: MeetingPageData; busy: boolean }) {
  const { t } = useTranslation();
  const { meeting, permissions, now } = data;
  const started = meeting.startsAt <= now;
  const scheduled = meeting.status === "scheduled";
  return (
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
  );
}

type Attendee = NonNullable<MeetingPageData["meeting"]["attendance"]>[number];

function Attendees({ heading, people, testId }: { heading: string; people: Attendee[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3>{heading}</h3>
      {people.length === 0 ? (
        <p className="muted">{t("learning.meeting.nobody")}</p>
      ) : (
        <ul className="attendee-list" data-testid={testId}>
          {people.map((a, i) => (
            <li key={`${a.name}-${i}`}>
              {a.name}
              {a.firmName ? <span className="muted"> · {a.firmName}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Who comes and who does not, and the reader's own answer while the meeting is ahead. */
export function Attendance({ data, busy }: { data: MeetingPageData; busy: boolean }) {
  const { t } = useTranslation();
  const { meeting, permissions, now } = data;
  const coming = (meeting.attendance ?? []).filter((a) => a.response === "yes");
  const notComing = (meeting.attendance ?? []).filter((a) => a.response === "no");
  const answer =
    meeting.myResponse === "yes"
      ? t("learning.meeting.youCome")
      : meeting.myResponse === "no"
        ? t("learning.meeting.youDont")
        : t("learning.meeting.askResponse");
  const choice = (response: "yes" | "no") => (
    <button
      type="submit"
      name="response"
      value={response}
      className={`button${meeting.myResponse === response ? "" : " button-secondary"}`}
      aria-pressed={meeting.myResponse === response}
      disabled={busy}
    >
      {t(`learning.meeting.${response}`)}
    </button>
  );
  return (
    <section className="card stack" aria-labelledby="attendance-heading" id="attendance">
      <h2 id="attendance-heading">{t("learning.meeting.attendance")}</h2>
      {permissions.attend && meeting.status === "scheduled" && meeting.startsAt > now ? (
        <Form method="post" className="stack no-print">
          <input type="hidden" name="intent" value="respond" />
          <p data-testid="my-response">{answer}</p>
          <div className="actions">
            {choice("yes")}
            {choice("no")}
          </div>
        </Form>
      ) : null}
      {meeting.attendance ? (
        <div className="grid-2">
          <Attendees heading={t("learning.meeting.coming", { count: coming.length })} people={coming} testId="coming" />
          <Attendees heading={t("learning.meeting.notComing", { count: notComing.length })} people={notComing} testId="not-coming" />
        </div>
      ) : null}
    </section>
  );
}
