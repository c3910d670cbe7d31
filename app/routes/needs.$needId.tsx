import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type AppLoadContext, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { certificationName } from "../../db/reference/certifications";
import { countryName } from "../../db/reference/countries";
import { isicTitle } from "../../db/reference/isic";
import type { Actor } from "../../server/authz/actor";
import { decideResponseSchema, needTransitionSchema, respondSchema } from "../../server/schemas/sourcing";
import { describedBy, Field } from "../components/field";
import { FormattedDate, FormattedMoney, FormattedNumber } from "../components/formatted";
import { countryCodesOf, DependenceBlock, DiversificationOptions, formatBp, LevelBadge, MatchParts, NeedStatus, ScoreBar, volumeText, type Part } from "../components/sourcing/match";
import { formatNumber } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/sourcing.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.need.product} · Jointly` : "Jointly" }];

/** A malformed id in the address is simply a page that does not exist. */
function needIdOf(params: { needId?: string }): string {
  const parsed = z.uuid().safeParse(params.needId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

/**
 * The consortia a broker already formed for this need: its networks' open joint_selling
 * initiatives whose creation the activity log links to the need.
 */
async function formedConsortia(context: AppLoadContext, actor: Actor, needId: string) {
  const { brokered } = await context.services.networks.list(actor);
  const found = [];
  for (const network of brokered) {
    const page = await context.services.networks.get(actor, { networkId: network.id });
    for (const initiative of page.initiatives.filter((i) => i.objective === "joint_selling" && (i.status === "open" || i.status === "locked"))) {
      const view = await context.services.initiatives.get(actor, { initiativeId: initiative.id });
      const linked = view.activity.some((a) => a.action === "initiative.created" && (a.after as { needId?: string } | null)?.needId === needId);
      if (linked) found.push({ initiativeId: initiative.id, title: initiative.title, networkName: network.name, members: view.participants.map((p) => p.name) });
    }
  }
  return found;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const needId = needIdOf(params);
  const locale = await localeFor(request, actor);
  const sourcing = context.services.sourcing;
  try {
    const view = await sourcing.get(actor, { needId });
    const { need } = view;
    const isBroker = actor.role === "broker";
    const seesRanking = view.owner || isBroker || actor.role === "admin";
    const matches = seesRanking ? await sourcing.matches(actor, { needId }) : null;
    const fit =
      actor.role === "sme" && actor.firm && need.status === "open" ? ((await sourcing.myMatchingNeeds(actor)).items.find((i) => i.needId === needId) ?? null) : null;
    const proposals = (isBroker || actor.role === "admin") && need.status === "open" ? await sourcing.consortiumProposals(actor, { needId }) : null;
    const consortia = isBroker ? await formedConsortia(context, actor, needId) : [];
    const networkNames = Object.fromEntries((await context.services.networks.listNames()).map((n) => [n.id, n.name]));
    const parts: Part[] = [...(matches?.items.flatMap((m) => m.parts) ?? []), ...(fit?.parts ?? [])];
    const codes = new Set([need.deliveryCountry, ...countryCodesOf(parts), ...(matches?.items.map((m) => m.country) ?? [])]);
    return {
      viewer: { role: actor.role, firmId: actor.firm?.id ?? null, owner: view.owner, canDecide: view.owner && actor.role === "buyer" },
      need,
      sectorName: `${need.sector} · ${isicTitle(need.sector, locale)}`,
      transitions: view.transitions,
      responses: view.responses,
      matches,
      fit,
      proposals,
      consortia,
      networkNames,
      countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") throw new Response("Not found", { status: 404 });
    throwAsResponse(error);
  }
}

const responseFormSchema = respondSchema.omit({ needId: true, initiativeId: true });
const consortiumResponseSchema = responseFormSchema.extend({ initiativeId: z.uuid() });
const consortiumFormSchema = z.object({ networkId: z.uuid(), firmIds: z.array(z.uuid()).min(2).max(5) });

type Intent = "transition" | "decide" | "respond" | "consortium" | "consortiumRespond";
type ActionData = { intent: Intent; reply: SubmissionResult<string[]> | null; error: string | null; initiativeId?: string } | undefined;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const t = await serverT(request, context, actor);
  const needId = needIdOf(params);
  const here = `/needs/${needId}`;
  const sourcing = context.services.sourcing;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const initiativeId = intent === "consortiumRespond" ? String(formData.get("initiativeId") ?? "") : undefined;
  const failed = (error: unknown, reply?: (fieldErrors: Record<string, string[]>) => SubmissionResult<string[]>) => {
    if (isAppError(error) && error.fields && reply) return data({ intent, initiativeId, reply: reply(serviceFieldErrors(error, t)), error: null }, { status: 400 });
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden" || error.code === "invalid_input")) {
      const message = error.fields ? Object.values(serviceFieldErrors(error, t)).flat().join(" ") : t(`sourcing.errors.${error.code === "invalid_input" ? "invalid" : error.code}`);
      return data({ intent, initiativeId, reply: null, error: message || t("sourcing.errors.invalid") }, { status: error.status });
    }
    throwAsResponse(error);
  };
  const invalid = () => data({ intent, initiativeId, reply: null, error: t("sourcing.errors.invalid") }, { status: 400 });

  switch (intent) {
    case "transition": {
      const parsed = needTransitionSchema.safeParse({ needId, to: formData.get("to") });
      if (!parsed.success) return invalid();
      try {
        await sourcing.transition(actor, parsed.data);
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, `sourcing.toast.status_${parsed.data.to}`);
    }
    case "decide": {
      const parsed = decideResponseSchema.safeParse({
        responseId: formData.get("responseId"),
        decision: formData.get("decision"),
        recordExpectedSales: formData.get("recordExpectedSales") === "on",
      });
      if (!parsed.success) return invalid();
      try {
        await sourcing.decideResponse(actor, parsed.data);
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, `sourcing.toast.decision_${parsed.data.decision}`);
    }
    case "respond":
    case "consortiumRespond": {
      const schema = intent === "respond" ? responseFormSchema : consortiumResponseSchema;
      const submission = parseWithZod(formData, { schema, formatError: formatIssues(t) });
      if (submission.status !== "success") return data({ intent, initiativeId, reply: submission.reply(), error: null }, { status: 400 });
      try {
        await sourcing.respond(actor, { needId, ...submission.value });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(here, intent === "respond" ? "sourcing.toast.responded" : "sourcing.toast.consortiumResponded");
    }
    case "consortium": {
      const parsed = consortiumFormSchema.safeParse({ networkId: formData.get("networkId"), firmIds: formData.getAll("firmIds") });
      if (!parsed.success) return invalid();
      let created: { initiativeId: string };
      try {
        created = await sourcing.createConsortium(actor, { needId, ...parsed.data });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(`/initiatives/${created.initiativeId}`, "sourcing.toast.consortiumCreated");
    }
    default:
      return invalid();
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type AnyField = FieldMetadata<unknown>;

export default function NeedPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const { need, viewer } = page;
  useLiveRoom(`need:${need.id}`);
  // Rankings move when an SME's profile or ledger changes.
  useLiveRoom("needs:all");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  return (
    <article className="stack sourcing-page need-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to="/needs">{t("sourcing.title")}</Link> · {need.buyerName}
          </p>
          <h1>{need.product}</h1>
        </div>
        <NeedStatus status={need.status} testId="need-status" />
      </header>

      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      {viewer.owner && need.status === "draft" ? <p className="notice card">{t("sourcing.page.draftNotice")}</p> : null}
      {page.transitions.length > 0 ? (
        <Form method="post" className="actions transitions" aria-label={t("sourcing.page.statusActions")}>
          <input type="hidden" name="intent" value="transition" />
          {page.transitions.map((to) => (
            <button key={to} type="submit" name="to" value={to} className={`button${to === "open" ? "" : " button-secondary"}`} disabled={busy}>
              {t(`sourcing.transition.${to}`)}
            </button>
          ))}
        </Form>
      ) : null}

      <NeedFacts page={page} />

      {viewer.role === "sme" ? <SmeSection page={page} actionData={actionData} /> : null}

      {page.matches ? <Matches page={page} /> : null}

      {page.proposals ? <Proposals page={page} /> : null}

      {viewer.role === "broker" ? <Consortia page={page} actionData={actionData} /> : null}

      {viewer.owner || page.responses.length > 0 ? <Responses page={page} /> : null}
    </article>
  );
}

function NeedFacts({ page }: { page: Data }) {
  const { t, i18n } = useTranslation();
  const { need } = page;
  const fact = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className="card stack" aria-labelledby="need-heading">
      <h2 id="need-heading">{t("sourcing.page.about")}</h2>
      {need.description ? <p className="need-description">{need.description}</p> : null}
      <dl className="facts">
        {fact(t("sourcing.fields.buyer"), need.buyerName)}
        {fact(t("sourcing.fields.sector"), page.sectorName)}
        {fact(t("sourcing.fields.link"), t(`links.${need.link}`))}
        {fact(t("sourcing.fields.tier"), t(`tiers.${need.tier}`))}
        {fact(t("sourcing.fields.volume"), <span data-testid="need-volume">{volumeText(t, i18n.language, need.volume, need.unit, need.volumePeriod)}</span>)}
        {fact(
          t("sourcing.fields.targetUnitPrice"),
          need.targetUnitPriceMinor === null ? t("sourcing.page.noPrice") : <FormattedMoney amountMinor={need.targetUnitPriceMinor} currency={need.currency} />,
        )}
        {fact(t("sourcing.fields.delivery"), [need.deliveryPlace, page.countryNames[need.deliveryCountry] ?? need.deliveryCountry].filter(Boolean).join(", "))}
        {fact(
          t("sourcing.fields.window"),
          need.windowStart || need.windowEnd ? (
            <>
              {need.windowStart ? <FormattedDate value={need.windowStart} /> : "…"} – {need.windowEnd ? <FormattedDate value={need.windowEnd} /> : "…"}
            </>
          ) : (
            t("sourcing.page.noWindow")
          ),
        )}
        {fact(t("sourcing.fields.closingDate"), <FormattedDate value={need.closingDate} />)}
        {fact(t("sourcing.page.specifiesFact"), t(`sourcing.specifies.${need.specifies}`))}
        {fact(t("sourcing.page.designsJointlyFact"), need.designsJointly ? t("sourcing.page.yes") : t("sourcing.page.no"))}
        {fact(t("sourcing.page.exclusivityFact"), need.exclusivity ? t("sourcing.page.yes") : t("sourcing.page.no"))}
        {fact(t("sourcing.page.supportFact"), need.supportOffered.length ? need.supportOffered.map((s) => t(`sourcing.support.${s}`)).join(", ") : t("sourcing.page.none"))}
        {fact(
          t("sourcing.fields.visibility"),
          need.visibility === "all" ? t("sourcing.visibility.all") : need.networkIds.map((id) => page.networkNames[id] ?? id).join(", "),
        )}
      </dl>
      <div className="need-lists">
        <div>
          <h3>{t("sourcing.page.functionsFact")}</h3>
          {need.functions.length ? (
            <ul className="tags">
              {need.functions.map((f) => (
                <li key={f} className="tag">
                  {t(`functions.${f}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("sourcing.page.noFunctions")}</p>
          )}
        </div>
        <div>
          <h3>{t("sourcing.fields.certifications")}</h3>
          {need.certifications.length ? (
            <ul className="tags">
              {need.certifications.map((c) => (
                <li key={c.code} className={`tag${c.mustHave ? " tag-accent" : ""}`}>
                  {certificationName(c.code)} · {t(`sourcing.certKind.${c.mustHave ? "must_have" : "preferred"}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("sourcing.page.noCertifications")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function SmeSection({ page, actionData }: { page: Data; actionData: ActionData }) {
  const { t } = useTranslation();
  const { need, fit } = page;
  const own = page.responses.find((r) => r.firmId === page.viewer.firmId) ?? null;
  return (
    <>
      <section className="card stack" aria-labelledby="fit-heading" data-testid="your-fit">
        <div className="fit-head">
          <h2 id="fit-heading">{t("sourcing.page.yourFit")}</h2>
          {fit ? <ScoreBar score={fit.score} /> : null}
        </div>
        {fit ? (
          <>
            {fit.needsConsortium ? <p className="tag tag-accent">{t("sourcing.match.needsConsortium")}</p> : null}
            <MatchParts parts={fit.parts} unit={need.unit} countryNames={page.countryNames} />
            <DependenceBlock dependence={fit.dependence} buyerName={need.buyerName} />
            <DiversificationOptions options={fit.options} />
          </>
        ) : (
          <p className="muted">{need.status === "open" ? t("sourcing.page.notAFit") : t("sourcing.page.fitWhenOpen")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="respond-heading">
        <h2 id="respond-heading">{t("sourcing.respond.title")}</h2>
        {own ? (
          <p data-testid="own-response">
            {t("sourcing.respond.already")} <ResponseStatus status={own.status} />
          </p>
        ) : need.status === "open" ? (
          <RespondForm intent="respond" actionData={actionData} currency={need.currency} unit={need.unit} />
        ) : (
          <p className="muted">{t("sourcing.respond.closed")}</p>
        )}
      </section>
    </>
  );
}

function RespondForm({ intent, initiativeId, actionData, currency, unit }: { intent: "respond" | "consortiumRespond"; initiativeId?: string; actionData: ActionData; currency: string; unit: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = actionData?.intent === intent && (intent === "respond" || actionData.initiativeId === initiativeId);
  const [form, rawFields] = useForm<{ unitPrice: string; quantity: number | string; leadTimeDays: number | string; note: string }>({
    id: intent === "respond" ? "respond" : `respond-${initiativeId}`,
    lastResult: mine ? actionData?.reply : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { unitPrice: "", quantity: "", leadTimeDays: "", note: "" },
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const input = (field: AnyField, label: string, type: "text" | "number", extra: Record<string, string> = {}) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <input {...getInputProps(field, { type })} {...extra} aria-describedby={describedBy(field.id, field.errors)} />
    </Field>
  );
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack respond-form">
      <input type="hidden" name="intent" value={intent} />
      {initiativeId ? <input type="hidden" name="initiativeId" value={initiativeId} /> : null}
      {form.errors?.length ? (
        <p className="form-error" role="alert">
          {form.errors.join(" ")}
        </p>
      ) : null}
      <div className="grid-3">
        {input(fields.unitPrice, t("sourcing.respond.unitPrice", { currency }), "text", { inputMode: "decimal" })}
        {input(fields.quantity, t("sourcing.respond.quantity", { unit }), "number")}
        {input(fields.leadTimeDays, t("sourcing.respond.leadTimeDays"), "number")}
      </div>
      <Field id={fields.note.id} label={t("sourcing.respond.note")} errors={fields.note.errors}>
        <textarea {...getTextareaProps(fields.note)} rows={3} aria-describedby={describedBy(fields.note.id, fields.note.errors)} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {intent === "respond" ? t("sourcing.respond.submit") : t("sourcing.respond.submitConsortium")}
        </button>
      </div>
    </Form>
  );
}

function Matches({ page }: { page: Data }) {
  const { t, i18n } = useTranslation();
  const matches = page.matches!;
  const { need, viewer } = page;
  const forBroker = viewer.role === "broker" || viewer.role === "admin";
  return (
    <section className="card stack" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{forBroker ? t("sourcing.page.memberMatches") : t("sourcing.page.matches")}</h2>
      <p className="muted small">
        {forBroker ? t("sourcing.page.memberMatchesLead") : t("sourcing.page.matchesLead")}{" "}
        {t("sourcing.page.perMonth", { volume: formatNumber(i18n.language, matches.volumePerMonth), unit: matches.unit })}
      </p>
      {!matches.anyCanSupplyAlone && matches.items.length > 0 ? <p className="notice card small">{forBroker ? t("sourcing.page.noneAlone") : t("sourcing.page.noneAloneBuyer")}</p> : null}
      {matches.items.length === 0 ? (
        <p className="muted">{t("sourcing.page.noMatches")}</p>
      ) : (
        <ol className="match-list" data-testid="matches">
          {matches.items.map((m, index) => (
            <li key={m.firmId} className="match-card" data-testid="match">
              <div className="match-head">
                <span className="match-rank" aria-label={t("sourcing.match.rank", { rank: index + 1 })}>
                  {index + 1}
                </span>
                <div className="match-who">
                  <h3>
                    <Link to={`/firms/${m.firmId}`}>{m.name}</Link>
                  </h3>
                  <p className="muted small">
                    {t(`links.${m.link}`)} · {t(`tiers.${m.tier}`)} · {[m.region, page.countryNames[m.country] ?? m.country].filter(Boolean).join(", ")}
                  </p>
                </div>
                <ScoreBar score={m.score} />
              </div>
              {m.needsConsortium ? <p className="tag tag-accent">{t("sourcing.match.partialCapacity")}</p> : null}
              {m.dependence ? (
                <p className="member-dependence small">
                  {t("sourcing.match.projectedShare")}{" "}
                  <strong>{m.dependence.projectedTopShareBp === null ? "—" : formatBp(i18n.language, m.dependence.projectedTopShareBp)}</strong>{" "}
                  {m.dependence.projectedLevel ? <LevelBadge level={m.dependence.projectedLevel} /> : null}
                </p>
              ) : null}
              <details className="why">
                <summary>{t("sourcing.match.why")}</summary>
                <MatchParts parts={m.parts} unit={need.unit} countryNames={page.countryNames} />
                {m.dependence ? <DependenceBlock dependence={m.dependence} buyerName={need.buyerName} subject="member" headingLevel={4} /> : null}
                {m.options ? <DiversificationOptions options={m.options} headingLevel={4} /> : null}
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Proposals({ page }: { page: Data }) {
  const { t, i18n } = useTranslation();
  const proposals = page.proposals!;
  const navigation = useNavigation();
  const canForm = page.viewer.role === "broker";
  return (
    <section className="card stack" aria-labelledby="proposals-heading" data-testid="consortium-proposals">
      <h2 id="proposals-heading">{t("sourcing.consortium.title")}</h2>
      <p className="muted small">{t("sourcing.consortium.lead", { volume: formatNumber(i18n.language, proposals.volumePerMonth), unit: proposals.unit })}</p>
      {proposals.proposals.length === 0 ? (
        <p className="muted">{t("sourcing.consortium.none")}</p>
      ) : (
        <ol className="proposal-list">
          {proposals.proposals.map((p) => (
            <li key={`${p.networkId}-${p.firmIds.join("-")}`} className="proposal-card" data-testid="proposal">
              <div className="match-head">
                <div className="match-who">
                  <h3>{t("sourcing.consortium.members", { count: p.members.length, network: page.networkNames[p.networkId] ?? "" })}</h3>
                  <p className="muted small">
                    {t("sourcing.consortium.capacity", { capacity: formatNumber(i18n.language, p.combinedCapacity), unit: proposals.unit })} ·{" "}
                    {t("sourcing.consortium.maxShare", { share: formatBp(i18n.language, p.maxProjectedTopShareBp) })}
                  </p>
                </div>
                <ScoreBar score={p.combinedScore} label={t("sourcing.consortium.combinedScore", { score: p.combinedScore })} />
              </div>
              <ul className="proposal-members">
                {p.members.map((m) => (
                  <li key={m.firmId}>
                    <Link to={`/firms/${m.firmId}`}>{m.name}</Link>{" "}
                    <span className="muted small">
                      {t("sourcing.consortium.memberCapacity", { capacity: formatNumber(i18n.language, m.capacityPerMonth), unit: proposals.unit })}
                    </span>
                  </li>
                ))}
              </ul>
              {canForm ? (
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="consortium" />
                  <input type="hidden" name="networkId" value={p.networkId} />
                  {p.firmIds.map((id) => (
                    <input key={id} type="hidden" name="firmIds" value={id} />
                  ))}
                  <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                    {t("sourcing.consortium.create")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Consortia({ page, actionData }: { page: Data; actionData: ActionData }) {
  const { t } = useTranslation();
  if (page.consortia.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="consortia-heading" data-testid="consortia">
      <h2 id="consortia-heading">{t("sourcing.consortium.formed")}</h2>
      {page.consortia.map((c) => {
        const answered = page.responses.find((r) => r.initiativeId === c.initiativeId) ?? null;
        return (
          <div key={c.initiativeId} className="consortium-card stack">
            <h3>
              <Link to={`/initiatives/${c.initiativeId}`}>{c.title}</Link>
            </h3>
            <p className="muted small">
              {c.networkName} · {c.members.join(", ")}
            </p>
            {answered ? (
              <p>
                {t("sourcing.respond.alreadyConsortium")} <ResponseStatus status={answered.status} />
              </p>
            ) : page.need.status === "open" ? (
              <RespondForm intent="consortiumRespond" initiativeId={c.initiativeId} actionData={actionData} currency={page.need.currency} unit={page.need.unit} />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function ResponseStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`response-status response-${status}`}>{t(`sourcing.responses.status.${status}`)}</span>;
}

function Responses({ page }: { page: Data }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { need, viewer } = page;
  const decidable = viewer.canDecide && (need.status === "open" || need.status === "closed");
  return (
    <section className="card stack" aria-labelledby="responses-heading" data-testid="responses">
      <h2 id="responses-heading">{t("sourcing.responses.title", { count: page.responses.length })}</h2>
      {page.responses.length === 0 ? (
        <p className="muted">{t("sourcing.responses.none")}</p>
      ) : (
        <ul className="response-list">
          {page.responses.map((r) => (
            <li key={r.id} className="response-card">
              <div className="match-head">
                <h3>
                  {r.firmId ? <Link to={`/firms/${r.firmId}`}>{r.firmName}</Link> : t("sourcing.responses.consortium")}
                </h3>
                <ResponseStatus status={r.status} />
              </div>
              <dl className="facts">
                <div>
                  <dt>{t("sourcing.responses.unitPrice")}</dt>
                  <dd>
                    <FormattedMoney amountMinor={r.unitPriceMinor} currency={r.currency} />
                  </dd>
                </div>
                <div>
                  <dt>{t("sourcing.responses.quantity")}</dt>
                  <dd>
                    <FormattedNumber value={r.quantity} /> {need.unit}
                  </dd>
                </div>
                <div>
                  <dt>{t("sourcing.responses.leadTime")}</dt>
                  <dd>{t("sourcing.responses.days", { count: r.leadTimeDays })}</dd>
                </div>
                <div>
                  <dt>{t("sourcing.responses.received")}</dt>
                  <dd>
                    <FormattedDate value={r.createdAt} />
                  </dd>
                </div>
              </dl>
              {r.note ? <p className="response-note">{r.note}</p> : null}
              {decidable && (r.status === "submitted" || r.status === "shortlisted") ? (
                <Form method="post" className="decide-form" aria-label={t("sourcing.responses.decideLabel", { name: r.firmName ?? t("sourcing.responses.consortium") })}>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="responseId" value={r.id} />
                  <label className="choice">
                    <input type="checkbox" name="recordExpectedSales" />
                    <span>{t("sourcing.responses.recordExpectedSales")}</span>
                  </label>
                  <div className="actions">
                    {r.status === "submitted" ? (
                      <button type="submit" name="decision" value="shortlist" className="button button-secondary" disabled={navigation.state !== "idle"}>
                        {t("sourcing.responses.shortlist")}
                      </button>
                    ) : null}
                    <button type="submit" name="decision" value="decline" className="button button-secondary" disabled={navigation.state !== "idle"}>
                      {t("sourcing.responses.decline")}
                    </button>
                    <button type="submit" name="decision" value="award" className="button" disabled={navigation.state !== "idle"}>
                      {t("sourcing.responses.award")}
                    </button>
                  </div>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
