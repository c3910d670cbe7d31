import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { countryName } from "../../db/reference/countries";
import { LEAD_BUYER_TYPES } from "../../server/domain/stand-lead";
import { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../../server/domain/stand-tasks";
import type { Actor } from "../../server/authz/actor";
import { formatDm2AsM2 } from "../../server/domain/stand-space";
import { addLeadSchema, addTaskSchema, decideSpaceSchema, requestSpaceSchema } from "../../server/schemas/stands";
import type { StandView } from "../../server/services/stands/get-stand";
import { describedBy, Field } from "../components/field";
import { standIssues } from "../components/stand-form";
import { FormattedDate, FormattedMoney } from "../components/formatted";
import { StandCosts } from "../components/stand-costs";
import { formatM2, formatMetres, StandPlan, TableWrap } from "../components/stand-plan";
import type { Locale } from "../../server/domain/locale";
import { ErrorMessage } from "../components/error-message";
import initiativeStyles from "../styles/initiatives.css";
import styles from "../styles/stands.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { countryOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: initiativeStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.view.initiative.title} · Jointly` : "Jointly" }];

/**
 * "/initiatives/:initiativeId/stand": the joint trade-fair stand. The fair, the live plan with
 * the free area and the viewer's own space (request, change, release, waiting position), the
 * broker's decisions on requests and the waiting list, the costs, the shared task list, the
 * leads log and the calendar. Every change pushes `stand:updated` to `initiative:<id>`.
 */
async function loadView(context: LoaderFunctionArgs["context"], actor: Actor, initiativeId: string | undefined) {
  try {
    return await context.services.stands.getStand(actor, { initiativeId });
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") throw new Response("Not found", { status: 404 });
    throwAsResponse(error);
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const locale = await localeFor(request, actor);
  const view = await loadView(context, actor, params.initiativeId);
  const codes = new Set([view.fair.country, ...(view.leads ?? []).map((l) => l.country)]);
  return {
    view,
    publicUrl: context.env.PUBLIC_URL,
    countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
    // The country list only for those who log leads (it is long).
    countries: view.permissions.canAddLead ? countryOptions(locale) : [],
  };
}

const requestFormSchema = requestSpaceSchema.omit({ initiativeId: true });
const decideFormSchema = decideSpaceSchema.omit({ initiativeId: true });
const taskFormSchema = addTaskSchema.omit({ initiativeId: true });
const taskUpdateFormSchema = z.object({
  taskId: z.uuid(),
  status: z.enum(STAND_TASK_STATUSES),
  ownerUserId: z.string().trim().max(100).optional(),
  dueOn: z.iso.date("Must be a date (YYYY-MM-DD)").optional(),
});
const leadFormSchema = addLeadSchema.omit({ initiativeId: true });
const leadIdSchema = z.object({ leadId: z.uuid() });

type Intent = "request" | "release" | "decide" | "addTask" | "updateTask" | "addLead" | "invite";
type ActionData = { intent: Intent; target: string | null; reply: SubmissionResult<string[]> | null; error: string | null } | undefined;

/** A service's field error, in the reader's language with the stand's own figures where they help. */
function fieldErrors(error: { fields?: Record<string, string[]>; fieldKeys?: Record<string, string> }, view: StandView, t: TFunction, locale: Locale) {
  const out = serviceFieldErrors(error, t);
  const m2 = (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) });
  for (const [field, key] of Object.entries(error.fieldKeys ?? {})) {
    const special: Record<string, string> = {
      below_min_area: t("stands.errors.belowMinArea", { area: m2(view.stand.minAreaDm2) }),
      above_stand_area: t("stands.errors.aboveStandArea", { area: m2(view.stand.areaDm2) }),
      no_room: view.waitingCount > 0 ? t("stands.errors.noRoomQueue") : t("stands.errors.noRoom", { area: m2(view.stand.freeDm2) }),
      trim_not_smaller: t("stands.errors.trimNotSmaller"),
      not_task_owner: t("stands.errors.notTaskOwner"),
    };
    if (special[key]) out[field] = [special[key]];
  }
  return out;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const t = await serverT(request, context, actor);
  const locale = await localeFor(request, actor);
  const view = await loadView(context, actor, params.initiativeId);
  const initiativeId = view.initiative.id;
  const here = `/initiatives/${initiativeId}/stand`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const target = String(formData.get("target") ?? "") || null;

  const failed = (error: unknown, reply?: (fields: Record<string, string[]>) => SubmissionResult<string[]>) => {
    if (isAppError(error) && error.fields && reply) {
      return data({ intent, target, reply: reply(fieldErrors(error, view, t, locale)), error: null }, { status: error.status });
    }
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden" || error.code === "invalid_input" || error.code === "not_found")) {
      const key = error.code === "forbidden" ? "stands.errors.forbidden" : error.code === "not_found" ? "stands.errors.gone" : error.code === "conflict" ? "stands.errors.conflict" : "stands.errors.invalid";
      return data({ intent, target, reply: null, error: t(key) }, { status: error.status });
    }
    throwAsResponse(error);
  };
  const invalid = (reply: SubmissionResult<string[]>) => data({ intent, target, reply, error: null }, { status: 400 });

  switch (intent) {
    case "request": {
      const submission = parseWithZod(formData, { schema: requestFormSchema, formatError: standIssues(t) });
      if (submission.status !== "success") return invalid(submission.reply());
      try {
        await context.services.stands.requestStandSpace(actor, { initiativeId, ...submission.value });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#my-space`, "stands.toast.requested");
    }
    case "release":
      try {
        await context.services.stands.releaseStandSpace(actor, { initiativeId });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#my-space`, "stands.toast.released");
    case "decide": {
      const submission = parseWithZod(formData, { schema: decideFormSchema, formatError: standIssues(t) });
      if (submission.status !== "success") return invalid(submission.reply());
      if (submission.value.decision === "trim" && !submission.value.areaM2) {
        return invalid(submission.reply({ fieldErrors: { areaM2: [t("validation.required")] } }));
      }
      try {
        await context.services.stands.decideStandSpace(actor, {
          initiativeId,
          ...submission.value,
          areaM2: submission.value.decision === "trim" ? submission.value.areaM2 : undefined,
        });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#requests`, `stands.toast.decided_${submission.value.decision}`);
    }
    case "addTask": {
      const submission = parseWithZod(formData, { schema: taskFormSchema, formatError: standIssues(t) });
      if (submission.status !== "success") return invalid(submission.reply());
      try {
        await context.services.stands.addStandTask(actor, { initiativeId, ...submission.value });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#tasks`, "stands.toast.taskAdded");
    }
    case "updateTask": {
      const submission = parseWithZod(formData, { schema: taskUpdateFormSchema, formatError: standIssues(t) });
      if (submission.status !== "success") return invalid(submission.reply());
      const { taskId, status, ownerUserId, dueOn } = submission.value;
      try {
        await context.services.stands.updateStandTask(actor, { initiativeId, taskId, status, ownerUserId: ownerUserId ?? null, ...(dueOn ? { dueOn } : {}) });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#tasks`, "stands.toast.taskUpdated");
    }
    case "addLead": {
      const submission = parseWithZod(formData, { schema: leadFormSchema, formatError: standIssues(t) });
      if (submission.status !== "success") return invalid(submission.reply());
      try {
        await context.services.stands.addStandLead(actor, { initiativeId, ...submission.value });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#leads`, "stands.toast.leadAdded");
    }
    case "invite": {
      const parsed = leadIdSchema.safeParse({ leadId: formData.get("leadId") });
      if (!parsed.success) return data({ intent, target, reply: null, error: t("stands.errors.invalid") }, { status: 400 });
      try {
        await context.services.stands.inviteLeadBuyer(actor, { initiativeId, leadId: parsed.data.leadId });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`${here}#lead-${parsed.data.leadId}`, "stands.toast.invited");
    }
    default:
      return data({ intent, target, reply: null, error: t("stands.errors.invalid") }, { status: 400 });
  }
}

type LoaderData = { view: StandView; publicUrl: string; countryNames: Record<string, string>; countries: Array<{ code: string; name: string }> };
type AnyField = FieldMetadata<unknown>;

export default function StandPage() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaderData<typeof loader>() as unknown as LoaderData;
  const actionData = useActionData<typeof action>() as ActionData;
  const { view, countryNames } = loaded;
  const { initiative, fair, stand, permissions, viewer } = view;
  useLiveRoom(`initiative:${initiative.id}`);
  const locale = i18n.language;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) });
  const ownSpaceId = view.plan.spaces.find((s) => s.own)?.spaceId ?? null;
  const statusOf = Object.fromEntries(view.plan.spaces.filter((s) => s.status === "requested").map((s) => [s.spaceId, t("stands.spaceStatus.requested")]));
  const seesTasks = view.tasks !== null;
  const seesLeads = view.leads !== null;

  return (
    <article className="stack stand-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${initiative.networkId}`}>{initiative.networkName}</Link> ·{" "}
            <Link to={`/initiatives/${initiative.id}`}>{t("stands.page.initiativePage")}</Link>
          </p>
          <h1>{initiative.title}</h1>
          <p className="stand-fair-line">
            {t("stands.page.atFair", { fair: fair.name, city: fair.city, country: countryNames[fair.country] ?? fair.country })} ·{" "}
            <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
          </p>
        </div>
        <span className={`status-badge status-${initiative.status}`} data-testid="initiative-status">
          {t(`initiatives.status.${initiative.status}`)}
        </span>
      </header>

      <nav aria-label={t("stands.page.sections")} className="section-nav">
        <ul>
          <li>
            <a href="#plan">{t("stands.page.planTitle")}</a>
          </li>
          {permissions.canDecide || view.waitingList.length > 0 ? (
            <li>
              <a href="#requests">{t("stands.page.requestsTitle")}</a>
            </li>
          ) : null}
          <li>
            <a href="#costs">{t("stands.page.costsTitle")}</a>
          </li>
          {seesTasks ? (
            <li>
              <a href="#tasks">{t("stands.page.tasksTitle")}</a>
            </li>
          ) : null}
          {seesLeads ? (
            <li>
              <a href="#leads">{t("stands.page.leadsTitle")}</a>
            </li>
          ) : null}
          <li>
            <a href="#fair">{t("stands.page.fairTitle")}</a>
          </li>
        </ul>
      </nav>

      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {initiative.status === "draft" && viewer.isBroker ? (
        <p className="notice" data-testid="draft-notice">
          {t("stands.page.draftNotice")} <Link to={`/initiatives/${initiative.id}`}>{t("stands.page.openOnInitiative")}</Link>
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="plan-heading" id="plan">
        <h2 id="plan-heading">{t("stands.page.planTitle")}</h2>
        <div className="stand-free" aria-live="polite" data-testid="stand-free">
          <p>
            <strong data-testid="free-area">{t("stands.page.freeNow", { area: area(stand.freeDm2) })}</strong>{" "}
            <span className="muted">
              {t("stands.page.ofTotal", { taken: area(stand.allocatedDm2), total: area(stand.areaDm2), count: view.plan.spaces.length })}
            </span>
            {view.waitingCount > 0 ? <span className="muted"> · {t("stands.page.waitingCount", { count: view.waitingCount })}</span> : null}
          </p>
        </div>
        <StandPlan plan={view.plan.layout} ownId={ownSpaceId} statusOf={statusOf} />
        <MySpace view={view} actionData={actionData} />
      </section>

      {permissions.canDecide || (viewer.isBroker && view.waitingList.length > 0) ? <Requests view={view} actionData={actionData} /> : null}

      <section className="card stack" aria-labelledby="costs-heading" id="costs">
        <h2 id="costs-heading">{t("stands.page.costsTitle")}</h2>
        <StandCosts costs={view.costs} subsidies={view.subsidies} allocatedDm2={stand.allocatedDm2} ownFirmId={viewer.firmId} />
      </section>

      {seesTasks ? <Tasks view={view} actionData={actionData} /> : null}
      {seesLeads ? <Leads loaded={loaded} actionData={actionData} /> : null}

      <section className="card stack" aria-labelledby="fair-heading" id="fair">
        <h2 id="fair-heading">{t("stands.page.fairTitle")}</h2>
        <dl className="facts" data-testid="fair-facts">
          <div>
            <dt>{t("stands.fairs.name")}</dt>
            <dd>{fair.name}</dd>
          </div>
          <div>
            <dt>{t("stands.fairs.dates")}</dt>
            <dd>
              <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
            </dd>
          </div>
          <div>
            <dt>{t("stands.fairs.place")}</dt>
            <dd>{[fair.venue, fair.city, countryNames[fair.country] ?? fair.country].filter(Boolean).join(", ")}</dd>
          </div>
          {fair.organiser ? (
            <div>
              <dt>{t("stands.fairs.organiser")}</dt>
              <dd>{fair.organiser}</dd>
            </div>
          ) : null}
          {fair.website ? (
            <div>
              <dt>{t("stands.fairs.website")}</dt>
              <dd>
                <a href={fair.website} rel="noopener noreferrer" target="_blank">
                  {fair.website.replace(/^https?:\/\//, "")}
                </a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("stands.form.deadline")}</dt>
            <dd>
              <FormattedDate value={initiative.deadlineDate} />{" "}
              <span className="muted small">{initiative.bookingOpen ? t("stands.page.bookingOpen") : t("stands.page.bookingClosed")}</span>
            </dd>
          </div>
          <div>
            <dt>{t("stands.form.areaM2")}</dt>
            <dd>
              {area(stand.areaDm2)}
              {stand.frontageDm ? (
                <span className="muted small"> · {t("stands.page.frontage", { length: t("stands.plan.metres", { value: formatMetres(locale, stand.frontageDm) }) })}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("stands.form.minAreaM2")}</dt>
            <dd>{area(stand.minAreaDm2)}</dd>
          </div>
          <div>
            <dt>{t("stands.costs.totalCost")}</dt>
            <dd>
              <FormattedMoney amountMinor={stand.totalCostMinor} currency={stand.currency} />
            </dd>
          </div>
          <div>
            <dt>{t("stands.page.sharing")}</dt>
            <dd>
              {stand.shareCosts ? t("stands.page.costsShared") : t("stands.page.costsPrivate")}; {stand.shareLeads ? t("stands.page.leadsShared") : t("stands.page.leadsPrivate")}
            </dd>
          </div>
        </dl>
        {initiative.description ? <p className="stand-description">{initiative.description}</p> : null}
        <div className="actions">
          {permissions.canExportCalendar ? (
            <a className="button button-secondary" href={`/initiatives/${initiative.id}/stand/calendar.ics`} download data-testid="calendar-link">
              {t("stands.page.calendar")}
            </a>
          ) : null}
          {permissions.canManage ? (
            <Link className="button button-secondary" to={`/initiatives/${initiative.id}/stand/edit`}>
              {t("stands.page.edit")}
            </Link>
          ) : null}
        </div>
        {permissions.canExportCalendar ? <p className="hint">{t("stands.page.calendarHint")}</p> : null}
      </section>
    </article>
  );
}

function MySpace({ view, actionData }: { view: StandView; actionData: ActionData }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { mySpace, permissions, stand, initiative, viewer } = view;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const [form, fields] = useForm<{ areaM2: string }>({
    id: "request-space",
    lastResult: actionData?.intent === "request" ? actionData.reply : undefined,
    defaultValue: { areaM2: mySpace ? formatDm2AsM2(mySpace.requestedDm2) : "" },
    shouldValidate: "onSubmit",
  });
  const areaField = fields.areaM2 as unknown as AnyField;
  if (!viewer.isMember && !mySpace) return null;

  return (
    <div className="my-space" id="my-space" aria-live="polite" data-testid="my-space">
      <h3>{t("stands.mySpace.title")}</h3>
      {mySpace ? (
        <p data-testid="my-space-status" data-status={mySpace.status}>
          {mySpace.status === "waiting"
            ? t("stands.mySpace.waiting", { area: area(mySpace.requestedDm2), position: mySpace.position, count: view.waitingCount })
            : mySpace.status === "confirmed"
              ? t("stands.mySpace.confirmed", { area: area(mySpace.grantedDm2) })
              : t("stands.mySpace.requested", { area: area(mySpace.grantedDm2) })}
        </p>
      ) : (
        <p className="muted" data-testid="my-space-status" data-status="none">
          {t("stands.mySpace.none")}
        </p>
      )}
      {permissions.canRequest ? (
        <Form method="post" {...getFormProps(form)} noValidate className="inline-form request-form">
          <input type="hidden" name="intent" value="request" />
          <Field
            id={areaField.id}
            label={mySpace ? t("stands.mySpace.changeLabel") : t("stands.mySpace.requestLabel")}
            errors={areaField.errors}
            hint={t("stands.mySpace.hint", { min: area(stand.minAreaDm2), free: area(stand.freeDm2) })}
          >
            <input
              {...getInputProps(areaField, { type: "text" })}
              key={mySpace ? `${mySpace.requestedDm2}-${mySpace.status}` : "none"}
              inputMode="decimal"
              aria-describedby={describedBy(areaField.id, areaField.errors, true)}
            />
          </Field>
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {mySpace ? t("stands.mySpace.change") : t("stands.mySpace.request")}
          </button>
        </Form>
      ) : viewer.isMember && !initiative.bookingOpen ? (
        <p className="muted small">{initiative.status === "draft" ? t("stands.mySpace.notOpenYet") : t("stands.mySpace.closed")}</p>
      ) : null}
      {permissions.canRelease ? (
        <Form method="post" className="actions release-form">
          <input type="hidden" name="intent" value="release" />
          <button type="submit" className="button button-secondary" disabled={navigation.state !== "idle"}>
            {mySpace?.status === "waiting" ? t("stands.mySpace.leaveQueue") : t("stands.mySpace.release")}
          </button>
          <span className="hint">{t("stands.mySpace.releaseHint")}</span>
        </Form>
      ) : null}
    </div>
  );
}

function Requests({ view, actionData }: { view: StandView; actionData: ActionData }) {
  const { t, i18n } = useTranslation();
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const { permissions } = view;
  return (
    <section className="card stack" aria-labelledby="requests-heading" id="requests" data-testid="requests">
      <h2 id="requests-heading">{t("stands.page.requestsTitle")}</h2>
      <h3>{t("stands.requests.holding")}</h3>
      {view.plan.spaces.length === 0 ? (
        <p className="muted">{t("stands.requests.noneHolding")}</p>
      ) : (
        <TableWrap label={t("stands.requests.holding")}>
          <table className="requests-table">
            <thead>
              <tr>
                <th scope="col">{t("stands.plan.exhibitor")}</th>
                <th scope="col" className="num">
                  {t("stands.plan.area")}
                </th>
                <th scope="col">{t("stands.requests.status")}</th>
                {permissions.canDecide ? <th scope="col">{t("stands.requests.decision")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {view.plan.spaces.map((s) => (
                <tr key={s.spaceId} data-testid={`request-${s.spaceId}`}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{area(s.areaDm2)}</td>
                  <td>
                    <span className={`tag space-${s.status}`}>{t(`stands.spaceStatus.${s.status}`)}</span>
                  </td>
                  {permissions.canDecide ? (
                    <td>
                      <DecideControls spaceId={s.spaceId} firmName={s.label} status={s.status} areaDm2={s.areaDm2} actionData={actionData} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3 id="waiting-list">{t("stands.requests.waitingList")}</h3>
      {view.waitingList.length === 0 ? (
        <p className="muted">{t("stands.requests.noneWaiting")}</p>
      ) : (
        <>
          <p className="hint">{t("stands.requests.waitingHint")}</p>
          <TableWrap label={t("stands.requests.waitingList")}>
            <table className="waiting-table" data-testid="waiting-list">
              <thead>
                <tr>
                  <th scope="col">{t("stands.requests.position")}</th>
                  <th scope="col">{t("stands.plan.exhibitor")}</th>
                  <th scope="col" className="num">
                    {t("stands.requests.asksFor")}
                  </th>
                  <th scope="col">{t("stands.requests.since")}</th>
                  {permissions.canDecide ? <th scope="col">{t("stands.requests.decision")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {view.waitingList.map((w) => (
                  <tr key={w.spaceId}>
                    <td>{w.position}</td>
                    <th scope="row">{w.firmName}</th>
                    <td className="num">{area(w.requestedDm2)}</td>
                    <td>
                      <FormattedDate value={w.queuedAt} style="datetime" />
                    </td>
                    {permissions.canDecide ? (
                      <td>
                        <DecideControls spaceId={w.spaceId} firmName={w.firmName} status="waiting" areaDm2={w.requestedDm2} actionData={actionData} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

/** Confirm / trim to … / decline for one request: separate small forms, each works without JavaScript. */
function DecideControls({
  spaceId,
  firmName,
  status,
  areaDm2,
  actionData,
}: {
  spaceId: string;
  firmName: string;
  status: "requested" | "confirmed" | "waiting";
  areaDm2: number;
  actionData: ActionData;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = actionData?.intent === "decide" && actionData.target === spaceId;
  const [form, fields] = useForm<{ areaM2: string }>({
    id: `trim-${spaceId}`,
    lastResult: mine ? actionData.reply : undefined,
    shouldValidate: "onSubmit",
  });
  const areaField = fields.areaM2 as unknown as AnyField;
  const busy = navigation.state !== "idle";
  const hidden = (decision: string) => (
    <>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="target" value={spaceId} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="decide-controls">
      {status === "requested" ? (
        <Form method="post" className="inline-form">
          {hidden("confirm")}
          <button type="submit" className="button button-small" disabled={busy} aria-label={t("stands.requests.confirmFor", { firm: firmName })}>
            {t("stands.requests.confirm")}
          </button>
        </Form>
      ) : null}
      {status !== "waiting" ? (
        <Form method="post" {...getFormProps(form)} noValidate className={`trim-form${areaField.errors?.length ? " field-invalid" : ""}`}>
          {hidden("trim")}
          <div className="inline-form">
            <label htmlFor={areaField.id} className="trim-label">
              {t("stands.requests.trimTo")}
              <span className="visually-hidden"> ({firmName})</span>
            </label>
            <input
              {...getInputProps(areaField, { type: "text" })}
              inputMode="decimal"
              size={5}
              title={t("stands.requests.trimHint", { area: t("stands.plan.m2", { value: formatDm2AsM2(areaDm2) }) })}
              aria-describedby={describedBy(areaField.id, areaField.errors)}
            />
            <button type="submit" className="button button-small button-secondary" disabled={busy}>
              {t("stands.requests.trim")}
            </button>
          </div>
          {areaField.errors?.length ? (
            <ul className="field-errors" id={`${areaField.id}-error`}>
              {areaField.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </Form>
      ) : null}
      <Form method="post" className="inline-form">
        {hidden("decline")}
        <button type="submit" className="button button-small button-danger" disabled={busy} aria-label={t("stands.requests.declineFor", { firm: firmName })}>
          {t("stands.requests.decline")}
        </button>
      </Form>
    </div>
  );
}

function Tasks({ view, actionData }: { view: StandView; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const tasks = view.tasks ?? [];
  const { permissions, taskOwners } = view;
  const [form, rawFields] = useForm<{ title: string; category: string; ownerUserId: string; dueOn: string; status: string }>({
    id: "add-task",
    lastResult: actionData?.intent === "addTask" ? actionData.reply : undefined,
    defaultValue: { category: "other", status: "todo" },
    shouldValidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  useResetAfterSuccess(form, "addTask", actionData);
  const overdue = tasks.filter((task) => task.overdue).length;

  return (
    <section className="card stack" aria-labelledby="tasks-heading" id="tasks" data-testid="tasks">
      <h2 id="tasks-heading">{t("stands.page.tasksTitle")}</h2>
      {overdue > 0 ? (
        <p className="notice" data-testid="overdue-notice">
          {t("stands.tasks.overdueCount", { count: overdue })}
        </p>
      ) : null}
      {tasks.length === 0 ? (
        <p className="muted">{t("stands.tasks.none")}</p>
      ) : (
        <TableWrap label={t("stands.page.tasksTitle")}>
          <table className="task-table" data-testid="task-table">
            <thead>
              <tr>
                <th scope="col">{t("stands.tasks.task")}</th>
                <th scope="col">{t("stands.tasks.owner")}</th>
                <th scope="col">{t("stands.tasks.due")}</th>
                <th scope="col">{t("stands.tasks.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className={task.overdue ? "task-overdue" : task.status === "done" ? "task-done" : undefined} data-testid={`task-${task.id}`}>
                  <th scope="row">
                    {task.title}
                    <span className="muted small task-category"> · {t(`stands.taskCategories.${task.category}`)}</span>
                  </th>
                  <td>{task.ownerName ?? <span className="muted">{t("stands.tasks.noOwner")}</span>}</td>
                  <td>
                    <FormattedDate value={task.dueOn} />
                    {task.overdue ? <span className="tag tag-overdue">{t("stands.tasks.overdue")}</span> : null}
                  </td>
                  <td>
                    {permissions.canUpdateTasks ? (
                      <TaskUpdateForm task={task} owners={taskOwners} actionData={actionData} />
                    ) : (
                      <span className={`tag task-status-${task.status}`}>{t(`stands.taskStatuses.${task.status}`)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {permissions.canAddTask ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack add-task-form">
          <h3>{t("stands.tasks.addTitle")}</h3>
          <input type="hidden" name="intent" value="addTask" />
          <div className="grid-2">
            <Field id={fields.title.id} label={t("stands.tasks.title")} errors={fields.title.errors}>
              <input {...getInputProps(fields.title, { type: "text" })} aria-describedby={describedBy(fields.title.id, fields.title.errors)} />
            </Field>
            <Field id={fields.category.id} label={t("stands.tasks.category")} errors={fields.category.errors}>
              <select {...getSelectProps(fields.category)}>
                {STAND_TASK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`stands.taskCategories.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="grid-3">
            <Field id={fields.ownerUserId.id} label={t("stands.tasks.owner")} errors={fields.ownerUserId.errors}>
              <select {...getSelectProps(fields.ownerUserId)} aria-describedby={describedBy(fields.ownerUserId.id, fields.ownerUserId.errors)}>
                <option value="">{t("stands.tasks.noOwner")}</option>
                {taskOwners.map((o) => (
                  <option key={o.userId} value={o.userId}>
                    {o.firmName ? `${o.name} (${o.firmName})` : `${o.name} (${t("roles.broker")})`}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={fields.dueOn.id} label={t("stands.tasks.due")} errors={fields.dueOn.errors}>
              <input {...getInputProps(fields.dueOn, { type: "date" })} aria-describedby={describedBy(fields.dueOn.id, fields.dueOn.errors)} />
            </Field>
            <Field id={fields.status.id} label={t("stands.tasks.status")} errors={fields.status.errors}>
              <select {...getSelectProps(fields.status)}>
                {STAND_TASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`stands.taskStatuses.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("stands.tasks.add")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

type Task = NonNullable<StandView["tasks"]>[number];

function TaskUpdateForm({ task, owners, actionData }: { task: Task; owners: StandView["taskOwners"]; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = actionData?.intent === "updateTask" && actionData.target === task.id;
  const [form, rawFields] = useForm<{ taskId: string; status: string; ownerUserId: string; dueOn: string }>({
    id: `task-form-${task.id}`,
    lastResult: mine ? actionData.reply : undefined,
    defaultValue: { taskId: task.id, status: task.status, ownerUserId: task.ownerUserId ?? "", dueOn: task.dueOn },
    shouldValidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const version = `${task.status}-${task.ownerUserId}-${task.dueOn}`;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="task-update" key={version}>
      <input type="hidden" name="intent" value="updateTask" />
      <input type="hidden" name="target" value={task.id} />
      <input type="hidden" name="taskId" value={task.id} />
      <div className="inline-form">
        <label htmlFor={fields.status.id} className="visually-hidden">
          {t("stands.tasks.statusOf", { task: task.title })}
        </label>
        <select {...getSelectProps(fields.status)} data-testid="task-status">
          {STAND_TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`stands.taskStatuses.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small button-secondary" disabled={navigation.state !== "idle"}>
          {t("common.save")}
          <span className="visually-hidden"> ({task.title})</span>
        </button>
      </div>
      <details className="task-more">
        <summary>{t("stands.tasks.ownerAndDue")}</summary>
        <Field id={fields.ownerUserId.id} label={t("stands.tasks.owner")} errors={fields.ownerUserId.errors}>
          <select {...getSelectProps(fields.ownerUserId)}>
            <option value="">{t("stands.tasks.noOwner")}</option>
            {owners.map((o) => (
              <option key={o.userId} value={o.userId}>
                {o.firmName ? `${o.name} (${o.firmName})` : `${o.name} (${t("roles.broker")})`}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.dueOn.id} label={t("stands.tasks.due")} errors={fields.dueOn.errors}>
          <input {...getInputProps(fields.dueOn, { type: "date" })} />
        </Field>
      </details>
    </Form>
  );
}

function Leads({ loaded, actionData }: { loaded: LoaderData; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { view, countries, countryNames, publicUrl } = loaded;
  const leads = view.leads ?? [];
  const { permissions } = view;
  const [form, rawFields] = useForm<Record<string, string>>({
    id: "add-lead",
    lastResult: actionData?.intent === "addLead" ? actionData.reply : undefined,
    defaultValue: { buyerType: "retailer", country: "" },
    shouldValidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  useResetAfterSuccess(form, "addLead", actionData);
  const text = (name: string, label: string, type: "text" | "date" | "email" = "text", hint?: string) => (
    <Field id={fields[name].id} label={label} errors={fields[name].errors} hint={hint}>
      <input {...getInputProps(fields[name], { type })} aria-describedby={describedBy(fields[name].id, fields[name].errors, Boolean(hint))} />
    </Field>
  );

  return (
    <section className="card stack" aria-labelledby="leads-heading" id="leads" data-testid="leads">
      <h2 id="leads-heading">{t("stands.page.leadsTitle")}</h2>
      <p className="muted small">{view.viewer.seesAllLeads ? t("stands.leads.seesAll") : t("stands.leads.seesOwn")}</p>
      {leads.length === 0 ? (
        <p className="muted">{t("stands.leads.none")}</p>
      ) : (
        <TableWrap label={t("stands.page.leadsTitle")}>
          <table className="lead-table" data-testid="lead-table">
            <thead>
              <tr>
                <th scope="col">{t("stands.leads.buyer")}</th>
                {view.viewer.seesAllLeads ? <th scope="col">{t("stands.plan.exhibitor")}</th> : null}
                <th scope="col">{t("stands.leads.products")}</th>
                <th scope="col">{t("stands.leads.nextStep")}</th>
                <th scope="col">{t("stands.leads.followUp")}</th>
                <th scope="col">{t("stands.leads.invitation")}</th>
              </tr>
            </thead>
            <tbody>
              {leads.map((lead) => (
                <tr key={lead.id} id={`lead-${lead.id}`} className={lead.own ? "own-line" : undefined}>
                  <th scope="row">
                    {lead.buyerName}
                    <span className="muted small lead-meta">
                      {t(`stands.buyerTypes.${lead.buyerType}`)} · {countryNames[lead.country] ?? lead.country}
                    </span>
                    {lead.contactEmail ? <span className="small lead-meta">{lead.contactEmail}</span> : null}
                  </th>
                  {view.viewer.seesAllLeads ? <td>{lead.firmName}</td> : null}
                  <td>{lead.products || <span className="muted">—</span>}</td>
                  <td>{lead.nextStep || <span className="muted">—</span>}</td>
                  <td>{lead.followUpOn ? <FormattedDate value={lead.followUpOn} /> : <span className="muted">—</span>}</td>
                  <td>
                    <LeadInvitation lead={lead} publicUrl={publicUrl} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {permissions.canAddLead ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack add-lead-form">
          <h3>{t("stands.leads.addTitle")}</h3>
          <input type="hidden" name="intent" value="addLead" />
          <div className="grid-3">
            {text("buyerName", t("stands.leads.buyerName"))}
            <Field id={fields.country.id} label={t("fields.country")} errors={fields.country.errors}>
              <select {...getSelectProps(fields.country)} aria-describedby={describedBy(fields.country.id, fields.country.errors)}>
                <option value="">{t("common.choose")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={fields.buyerType.id} label={t("stands.leads.buyerType")} errors={fields.buyerType.errors}>
              <select {...getSelectProps(fields.buyerType)}>
                {LEAD_BUYER_TYPES.map((b) => (
                  <option key={b} value={b}>
                    {t(`stands.buyerTypes.${b}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id={fields.products.id} label={t("stands.leads.products")} errors={fields.products.errors}>
            <textarea {...getTextareaProps(fields.products)} rows={2} aria-describedby={describedBy(fields.products.id, fields.products.errors)} />
          </Field>
          <div className="grid-3">
            {text("nextStep", t("stands.leads.nextStep"))}
            {text("followUpOn", t("stands.leads.followUp"), "date")}
            {text("contactEmail", t("stands.leads.contactEmail"), "email", t("stands.leads.contactHint"))}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("stands.leads.add")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function LeadInvitation({ lead, publicUrl }: { lead: NonNullable<StandView["leads"]>[number]; publicUrl: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [copied, setCopied] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (lead.joined) return <span className="tag tag-valid">{t("stands.leads.joined")}</span>;
  if (lead.invitationPath) {
    const url = `${publicUrl.replace(/\/$/, "")}${lead.invitationPath}`;
    const id = `invite-${lead.id}`;
    return (
      <div className="invite-link">
        <label htmlFor={id} className="small">
          {t("stands.leads.linkLabel", { buyer: lead.buyerName })}
        </label>
        <input id={id} type="text" readOnly value={url} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
        {canCopy ? (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => {
              void navigator.clipboard.writeText(url).then(() => setCopied(true));
            }}
          >
            {copied ? t("stands.leads.copied") : t("stands.leads.copy")}
          </button>
        ) : null}
      </div>
    );
  }
  if (lead.canInvite) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="invite" />
        <input type="hidden" name="leadId" value={lead.id} />
        <button type="submit" className="button button-small button-secondary" disabled={navigation.state !== "idle"}>
          {t("stands.leads.invite")}
          <span className="visually-hidden"> ({lead.buyerName})</span>
        </button>
      </Form>
    );
  }
  return <span className="muted">—</span>;
}

/** Empties an "add" form once its submission went through (the action redirects; errors come back as data). */
function useResetAfterSuccess(form: { reset: () => void }, intent: Intent, actionData: ActionData) {
  const navigation = useNavigation();
  const sending = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" && navigation.formData?.get("intent") === intent) sending.current = true;
    if (navigation.state === "idle" && sending.current) {
      sending.current = false;
      if (actionData?.intent !== intent) form.reset();
    }
  }, [navigation.state, navigation.formData, actionData, form, intent]);
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
