import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { openPeriodSchema, periodIdSchema, setReferenceSchema, clubValuesForm as valuesForm } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { ClubAbout, ClubHead, ClubMeetings, NoOpenPeriod } from "../components/learning/club-about";
import { ImportForm } from "../components/learning/club-import";
import { OpenPeriodForm, PeriodsSection } from "../components/learning/club-periods";
import { ReferenceForm } from "../components/learning/club-reference";
import { SubmitForm } from "../components/learning/club-submit";
import { importUpload, isUpload } from "../components/learning/import.server";
import { clubWord } from "../components/learning/words";
import { formText, perform, readPost, submit, unknownForm, type FormResult } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/learning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.club.title} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor, now } = await signedIn(args);
  // The one gate: a club the actor may see (its initiative), else 404.
  const view = await loaded(args.context.services.learning.getBenchmarkClub(actor, { initiativeId: idParam(args.params, "initiativeId") }));
  return { view, now: now.toISOString() };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, locale } = await signedIn(args);
  const initiativeId = idParam(args.params, "initiativeId");
  const learning = args.context.services.learning;
  const here = `/initiatives/${initiativeId}/club`;
  if (isUpload(args.request))
    return importUpload(args.request, { t, locale }, here, (file) => learning.importKpiCsv(actor, { initiativeId, ...file }));
  const post = await readPost(args.request, t, { errors: "learning.errors", word: clubWord(t, locale, "field") });
  switch (post.intent) {
    case "join":
      return perform(post, async () => {
        await args.context.services.initiatives.join(actor, { initiativeId });
        return redirectWithToast(here, "learning.toast.joined");
      });
    case "submit":
      // The gate first: a club the actor may not see is a 404, whatever the form says.
      await loaded(learning.getBenchmarkClub(actor, { initiativeId }));
      // One form per open period: its answer goes back to the form of the period sent.
      return submit({ ...post, target: formText(post.formData, "periodId") || null }, valuesForm, async (values) => {
        await learning.submitKpiValues(actor, { ...values, initiativeId });
        return redirectWithToast(`${here}#submit-${values.periodId}`, "learning.toast.valuesSaved");
      });
    case "openPeriod":
      return submit(post, openPeriodSchema.omit({ initiativeId: true }), async (period) => {
        await learning.openBenchmarkPeriod(actor, { ...period, initiativeId });
        return redirectWithToast(`${here}#periods`, "learning.toast.periodOpened");
      });
    case "closePeriod":
      return submit(post, periodIdSchema.omit({ initiativeId: true }), async ({ periodId }) => {
        await learning.closeBenchmarkPeriod(actor, { initiativeId, periodId });
        return redirectWithToast(`${here}#periods`, "learning.toast.periodClosed");
      });
    case "reference":
      return submit(post, setReferenceSchema.omit({ initiativeId: true }), async (reference) => {
        await learning.setKpiReference(actor, { ...reference, initiativeId });
        return redirectWithToast(`${here}#references`, "learning.toast.referenceSet");
      });
    default:
      return unknownForm(post);
  }
}

export default function ClubPage() {
  const { view, now } = useLoaderData<typeof loader>();
  const answer = useActionData<FormResult>();
  const { periods, permissions, viewer } = view;
  useLiveRoom(`initiative:${view.club.initiativeId}`);
  const busy = useNavigation().state !== "idle";
  const openPeriods = periods.filter((p) => p.status === "open");
  return (
    <article className="stack learning-page club-page">
      <ClubHead view={view} busy={busy} error={answer?.error ?? null} />
      <ClubAbout view={view} />
      {permissions.submit
        ? openPeriods.map((period) => (
            <SubmitForm key={`${period.id}-${JSON.stringify(period.mine?.values ?? {})}`} view={view} period={period} />
          ))
        : null}
      {viewer.isMember && permissions.submit && openPeriods.length === 0 ? <NoOpenPeriod /> : null}
      <PeriodsSection view={view} busy={busy} />
      {permissions.manage ? <OpenPeriodForm view={view} /> : null}
      {permissions.manage && openPeriods.length > 0 ? <ImportForm view={view} busy={busy} /> : null}
      {permissions.manage && periods.length > 0 ? <ReferenceForm view={view} /> : null}
      <ClubMeetings view={view} now={now} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
