import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { scheduleMeetingSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { ClubNav, MeetingList, meetingTimeZones, splitMeetings } from "../components/learning/common";
import { ScheduleForm } from "../components/learning/schedule-meeting";
import { readPost, submit } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.club.title} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor, now } = await signedIn(args);
  const view = await loaded(args.context.services.learning.getBenchmarkClub(actor, { initiativeId: idParam(args.params, "initiativeId") }));
  return { view, now: now.toISOString(), timeZones: view.permissions.manage ? meetingTimeZones() : [] };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const initiativeId = idParam(args.params, "initiativeId");
  const post = await readPost(args.request, t, { errors: "learning.errors" });
  return submit(post, scheduleMeetingSchema.omit({ initiativeId: true }), async (meeting) => {
    const created = await args.context.services.learning.scheduleMeeting(actor, { ...meeting, initiativeId });
    return redirectWithToast(`/initiatives/${initiativeId}/meetings/${created.id}`, "learning.toast.meetingScheduled");
  });
}

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { view, now, timeZones } = useLoaderData<typeof loader>();
  const { club, permissions } = view;
  useLiveRoom(`initiative:${club.initiativeId}`);
  const { upcoming, past } = splitMeetings(view.meetings, now);
  return (
    <article className="stack learning-page meetings-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> ·{" "}
            <Link to={`/initiatives/${club.initiativeId}/club`}>{club.title}</Link>
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
      <section className="card stack" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("learning.meetings.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{t("learning.meetings.noneUpcoming")}</p>
        ) : (
          <MeetingList initiativeId={club.initiativeId} meetings={upcoming} />
        )}
      </section>
      <section className="card stack" aria-labelledby="past-heading">
        <h2 id="past-heading">{t("learning.meetings.past")}</h2>
        {past.length === 0 ? (
          <p className="muted">{t("learning.meetings.nonePast")}</p>
        ) : (
          <MeetingList initiativeId={club.initiativeId} meetings={past} />
        )}
      </section>
      {permissions.manage ? <ScheduleForm view={view} zones={timeZones} /> : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
