import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addMeetingActionSchema, respondToMeetingSchema, updateMeetingActionSchema, updateMeetingSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import { meetingTimeZones } from "../components/learning/common";
import { ActionsSection, MinutesSection } from "../components/learning/meeting-minutes";
import { Attendance, MeetingDetails, MeetingHead } from "../components/learning/meeting-page";
import { RescheduleForm } from "../components/learning/reschedule-meeting";
import { readPost, submit, unknownForm, type FormResult } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor, now } = await signedIn(args);
  const meetingId = idParam(args.params, "meetingId");
  // The club is the one gate; a meeting that is not one of its own is a 404.
  const view = await loaded(args.context.services.learning.getBenchmarkClub(actor, { initiativeId: idParam(args.params, "initiativeId") }));
  const meeting = view.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Response("Not found", { status: 404 });
  const { club, permissions } = view;
  return {
    club: { initiativeId: club.initiativeId, title: club.title, networkId: club.networkId, networkName: club.networkName },
    meeting,
    members: permissions.manage ? view.members : [],
    permissions: { manage: permissions.manage, attend: permissions.attend, readReport: permissions.readReport },
    now: now.toISOString(),
    timeZones: permissions.manage ? meetingTimeZones() : [],
  };
}

const meetingForm = { initiativeId: true, meetingId: true } as const;

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const initiativeId = idParam(args.params, "initiativeId");
  const meetingId = idParam(args.params, "meetingId");
  const learning = args.context.services.learning;
  const here = `/initiatives/${initiativeId}/meetings/${meetingId}`;
  const post = await readPost(args.request, t, { errors: "learning.errors" });
  switch (post.intent) {
    case "respond":
      return submit(post, respondToMeetingSchema.omit(meetingForm), async ({ response }) => {
        await learning.respondToMeeting(actor, { initiativeId, meetingId, response });
        return redirectWithToast(`${here}#attendance`, response === "yes" ? "learning.toast.coming" : "learning.toast.notComing");
      });
    case "status":
      return submit(post, updateMeetingSchema.pick({ status: true }).required(), async ({ status }) => {
        await learning.updateMeeting(actor, { initiativeId, meetingId, status });
        return redirectWithToast(here, status === "held" ? "learning.toast.meetingHeld" : "learning.toast.meetingCancelled");
      });
    case "minutes":
      // An emptied field clears the minutes.
      return submit(
        post,
        updateMeetingSchema.pick({ minutes: true }).extend({ minutes: updateMeetingSchema.shape.minutes.default("") }),
        async ({ minutes }) => {
          await learning.updateMeeting(actor, { initiativeId, meetingId, minutes });
          return redirectWithToast(`${here}#minutes`, "learning.toast.minutesSaved");
        },
      );
    case "reschedule":
      return submit(post, updateMeetingSchema.omit(meetingForm), async (changes) => {
        // Emptied host and agenda fields clear them.
        await learning.updateMeeting(actor, {
          ...changes,
          initiativeId,
          meetingId,
          hostFirmId: changes.hostFirmId ?? null,
          agenda: changes.agenda ?? "",
        });
        return redirectWithToast(here, "learning.toast.meetingUpdated");
      });
    case "addAction":
      return submit(post, addMeetingActionSchema.omit(meetingForm), async (item) => {
        await learning.addMeetingAction(actor, { ...item, initiativeId, meetingId });
        return redirectWithToast(`${here}#actions`, "learning.toast.actionAdded");
      });
    case "actionStatus":
      return submit(post, updateMeetingActionSchema.pick({ actionId: true, status: true }).required(), async (change) => {
        await learning.updateMeetingAction(actor, { ...change, initiativeId });
        return redirectWithToast(
          `${here}#actions`,
          change.status === "done" ? "learning.toast.actionDone" : "learning.toast.actionReopened",
        );
      });
    default:
      return unknownForm(post);
  }
}

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<FormResult>();
  const busy = useNavigation().state !== "idle";
  useLiveRoom(`initiative:${data.club.initiativeId}`);
  const scheduled = data.meeting.status === "scheduled";
  return (
    <article className="stack learning-page meeting-page">
      <MeetingHead data={data} />
      <FormError messages={[answer?.error]} />
      <MeetingDetails data={data} busy={busy} />
      {data.permissions.manage && scheduled ? <RescheduleForm data={data} /> : null}
      <Attendance data={data} busy={busy} />
      <MinutesSection data={data} />
      <ActionsSection data={data} busy={busy} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
