import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { minorDigits } from "../../db/reference/currencies";
import { INITIATIVE_STATUSES } from "../../server/domain/initiative";
import { minorToDecimal } from "../../server/domain/money";
import type { InitiativeView } from "../../server/services/initiatives/get-initiative";
import { describedBy, Field } from "../components/field";
import { FormattedDate, FormattedMoney, FormattedNumber } from "../components/formatted";
import { StandPanel, standActivityText } from "../components/stand-panel";
import { ClubPanel, clubActivityText } from "../components/club-panel";
import {
  BudgetFields,
  budgetFieldName,
  budgetFormSchema,
  renameErrorFields,
  toBudgetInput,
  type BudgetFormInput,
} from "../components/initiative/budget-fields";
import { formatMoney, formatNumber } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/initiatives.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { serverT } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.initiative.title} · Jointly` : "Jointly" }];

async function loadView(context: LoaderFunctionArgs["context"], actor: Awaited<ReturnType<typeof requireActor>>, initiativeId: string | undefined) {
  try {
    return await context.services.initiatives.get(actor, { initiativeId });
  } catch (error) {
    // A malformed id is simply a page that does not exist.
    if (isAppError(error) && error.code === "invalid_input") throw new Response("Not found", { status: 404 });
    throwAsResponse(error);
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return loadView(context, actor, params.initiativeId);
}

const commitSchema = z.object({ quantity: z.number().int().min(0).max(100_000_000) });
const messageFormSchema = z.object({ body: z.string().trim().min(1).max(4000) });
const budgetPageSchema = z.object({ budget: budgetFormSchema });
const transitionFormSchema = z.object({ to: z.enum(INITIATIVE_STATUSES) });

type Intent = "join" | "leave" | "transition" | "commit" | "message" | "budget";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const t = await serverT(request, context, actor);
  const view = await loadView(context, actor, params.initiativeId);
  const initiativeId = view.initiative.id;
  const here = `/initiatives/${initiativeId}`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? (formData.has("__intent__") ? "budget" : "")) as Intent;
  const failed = (error: unknown, reply?: (fields: Record<string, string[]>) => unknown) => {
    if (isAppError(error) && error.fields && reply) return data({ intent, reply: reply(serviceFieldErrors(error, t)), error: null }, { status: 400 });
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden" || error.code === "invalid_input")) {
      const message = error.code === "conflict" ? t("initiatives.errors.conflict") : error.code === "forbidden" ? t("initiatives.errors.forbidden") : t("initiatives.errors.invalid");
      return data({ intent, reply: null, error: message }, { status: error.status });
    }
    throwAsResponse(error);
  };

  switch (intent) {
    case "join":
    case "leave":
      try {
        if (intent === "join") await context.services.initiatives.join(actor, { initiativeId });
        else await context.services.initiatives.leave(actor, { initiativeId });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, intent === "join" ? "initiatives.toast.joined" : "initiatives.toast.left");
    case "transition": {
      const parsed = transitionFormSchema.safeParse({ to: formData.get("to") });
      if (!parsed.success) return data({ intent, reply: null, error: t("initiatives.errors.invalid") }, { status: 400 });
      try {
        await context.services.initiatives.transition(actor, { initiativeId, to: parsed.data.to });
      } catch (error) {
        return failed(error);
      }
      return redirectWithToast(here, `initiatives.toast.status_${parsed.data.to}`);
    }
    case "commit": {
      const submission = parseWithZod(formData, { schema: commitSchema, formatError: formatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      try {
        await context.services.initiatives.setCommitment(actor, { initiativeId, quantity: submission.value.quantity });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(here, submission.value.quantity === 0 ? "initiatives.toast.commitmentWithdrawn" : "initiatives.toast.commitmentSaved");
    }
    case "message": {
      const submission = parseWithZod(formData, { schema: messageFormSchema, formatError: formatIssues(t) });
      if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      try {
        await context.services.initiatives.postMessage(actor, { initiativeId, body: submission.value.body });
      } catch (error) {
        return failed(error, (fieldErrors) => submission.reply({ fieldErrors }));
      }
      return redirectWithToast(`${here}#discussion`, "initiatives.toast.messageSent");
    }
    case "budget": {
      const submission = parseWithZod(formData, { schema: budgetPageSchema, formatError: formatIssues(t) });
      if (submission.status !== "success") {
        return data({ intent: "budget" as const, reply: submission.reply(), error: null }, { status: submission.status === "error" ? 400 : 200 });
      }
      // Custom weights: one optional whole number per participant; blank keeps the current weight.
      const customWeights: Record<string, number> = {};
      const weightErrors: Record<string, string[]> = {};
      for (const p of view.participants) {
        const raw = String(formData.get(`weight-${p.firmId}`) ?? "").trim();
        if (!raw) continue;
        const weight = Number(raw);
        if (!Number.isInteger(weight) || weight < 0 || weight > 1_000_000) weightErrors["budget.splitRule"] = [t("initiatives.errors.weights")];
        else customWeights[p.firmId] = weight;
      }
      if (Object.keys(weightErrors).length) return data({ intent: "budget" as const, reply: submission.reply({ fieldErrors: weightErrors }), error: null }, { status: 400 });
      try {
        await context.services.initiatives.setBudget(actor, { initiativeId, ...toBudgetInput(submission.value.budget, customWeights) });
      } catch (error) {
        if (isAppError(error) && error.fields) {
          const renamed = renameErrorFields(error.fields, error.fieldKeys, budgetFieldName);
          return data(
            { intent: "budget" as const, reply: submission.reply({ fieldErrors: serviceFieldErrors({ fields: renamed.fields, fieldKeys: renamed.keys }, t) }), error: null },
            { status: 400 },
          );
        }
        return failed(error);
      }
      return redirectWithToast(here, "initiatives.toast.budgetSaved");
    }
    default:
      return data({ intent, reply: null, error: t("initiatives.errors.invalid") }, { status: 400 });
  }
}

type View = InitiativeView;
type JointBuy = NonNullable<View["jointBuy"]>;
type Budget = NonNullable<View["budget"]>;
type ActionData = { intent: Intent; reply: unknown; error: string | null } | undefined;

/** The derived form in one sentence, e.g. "Vertical, multilateral: 4 firms from 3 different links (…)". */
function formSentence(form: View["form"], t: TFunction): string {
  const links = form.links.map((l) => t(`links.${l}`)).join(", ");
  if (form.size === null) return t("initiatives.shape.notYet", { count: form.count });
  if (form.orientation === null) return t(`initiatives.shape.${form.size}_unknown`, { count: form.count });
  return t(`initiatives.shape.${form.orientation}_${form.size}`, { count: form.count, linkCount: form.links.length, links });
}

export default function InitiativePage() {
  const { t } = useTranslation();
  const view = useLoaderData<typeof loader>() as unknown as View;
  const actionData = useActionData<typeof action>() as ActionData;
  const { initiative, form, participants, jointBuy, budget, permissions, viewer } = view;
  useLiveRoom(`initiative:${initiative.id}`);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  return (
    <article className="stack initiative-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${initiative.networkId}`}>{initiative.networkName}</Link>
          </p>
          <h1>{initiative.title}</h1>
        </div>
        <span className={`status-badge status-${initiative.status}`} data-testid="initiative-status">
          {t(`initiatives.status.${initiative.status}`)}
        </span>
      </header>

      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}

      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t("initiatives.page.about")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("initiatives.fields.objective")}</dt>
            <dd>{t(`initiatives.objectives.${initiative.objective}`)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.fields.deadline")}</dt>
            <dd>
              <FormattedDate value={initiative.deadlineDate} />
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.page.form")}</dt>
            <dd data-testid="initiative-form">{formSentence(form, t)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.page.figures")}</dt>
            <dd>{initiative.shareQuantities ? t("initiatives.page.figuresShared") : t("initiatives.page.figuresPrivate")}</dd>
          </div>
        </dl>
        <p className="muted small">{t(`initiatives.objectiveHelp.${initiative.objective}`)}</p>
        {initiative.description ? <p className="initiative-description">{initiative.description}</p> : null}

        {permissions.join || permissions.leave ? (
          <Form method="post" className="actions no-print">
            {permissions.join ? (
              <button type="submit" name="intent" value="join" className="button" disabled={busy}>
                {t("initiatives.page.join")}
              </button>
            ) : null}
            {permissions.leave ? (
              <button type="submit" name="intent" value="leave" className="button button-secondary" disabled={busy}>
                {t("initiatives.page.leave")}
              </button>
            ) : null}
          </Form>
        ) : null}
        {permissions.transitions.length > 0 ? (
          <Form method="post" className="actions transitions no-print" aria-label={t("initiatives.page.statusActions")}>
            <input type="hidden" name="intent" value="transition" />
            {permissions.transitions.map((to) => (
              <button
                key={to}
                type="submit"
                name="to"
                value={to}
                className={`button${to === "cancelled" ? " button-danger" : to === "open" || to === "locked" ? "" : " button-secondary"}`}
                disabled={busy}
              >
                {to === "locked" && initiative.tool !== "joint_buy" ? t("initiatives.transition.lockedGeneric") : t(`initiatives.transition.${to}`)}
              </button>
            ))}
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("initiatives.page.participants", { count: participants.length })}</h2>
        {participants.length === 0 ? (
          <p className="muted">{t("initiatives.page.noParticipants")}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="participants">
              <thead>
                <tr>
                  <th scope="col">{t("initiatives.page.firm")}</th>
                  <th scope="col">{t("fields.link")}</th>
                  <th scope="col">{t("fields.tier")}</th>
                  <th scope="col">{t("initiatives.page.joined")}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.firmId}>
                    <th scope="row">
                      <Link to={`/firms/${p.firmId}`}>{p.name}</Link>
                      {p.firmId === viewer.firmId ? <span className="tag own-tag">{t("initiatives.page.you")}</span> : null}
                    </th>
                    <td>{p.link ? t(`links.${p.link}`) : "—"}</td>
                    <td>{p.tier ? t(`tiers.${p.tier}`) : "—"}</td>
                    <td>
                      <FormattedDate value={p.joinedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {jointBuy ? <JointBuyPanel view={view} jointBuy={jointBuy} actionData={actionData} /> : null}
      {initiative.tool === "generic" ? <BudgetPanel view={view} budget={budget} actionData={actionData} /> : null}
      {initiative.tool === "stand" ? <StandPanel stand={view.stand} /> : null}
      {initiative.tool === "benchmark_club" ? <ClubPanel initiativeId={initiative.id} club={view.club} status={initiative.status} /> : null}
      <Discussion view={view} actionData={actionData} />
      <ActivityLog view={view} />
    </article>
  );
}

function JointBuyPanel({ view, jointBuy, actionData }: { view: View; jointBuy: JointBuy; actionData: ActionData }) {
  const { t, i18n } = useTranslation();
  const { initiative, permissions, viewer } = view;
  const { quote, reached, next, own } = jointBuy;
  const currency = quote.currency;
  const unit = quote.unit;
  const money = (minor: number) => <FormattedMoney amountMinor={minor} currency={currency} />;
  const qty = (n: number) => `${formatNumber(i18n.language, n)} ${unit}`;
  const navigation = useNavigation();

  const [commitForm, commitFields] = useForm<{ quantity: number | string }>({
    id: "commit",
    lastResult: actionData?.intent === "commit" ? (actionData.reply as never) : undefined,
    defaultValue: { quantity: own?.quantity ?? 0 },
    shouldValidate: "onSubmit",
  });
  const quantity = commitFields.quantity as unknown as FieldMetadata<unknown>;

  return (
    <section className="card stack" aria-labelledby="joint-buy-heading" data-testid="joint-buy">
      <h2 id="joint-buy-heading">{t("initiatives.jointBuy.title")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("initiatives.fields.inputName")}</dt>
          <dd>{quote.inputName}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.supplierName")}</dt>
          <dd>{quote.supplierName}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.unit")}</dt>
          <dd>{unit}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.minimumQuantity")}</dt>
          <dd>{qty(quote.minimumQuantity)}</dd>
        </div>
      </dl>
      {quote.specification ? (
        <div>
          <h3>{t("initiatives.fields.specification")}</h3>
          <p className="initiative-description">{quote.specification}</p>
        </div>
      ) : null}

      <h3>{t("initiatives.jointBuy.breaks")}</h3>
      <div className="table-wrap">
        <table className="breaks-table">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.fields.fromQuantity")}</th>
              <th scope="col">{t("initiatives.jointBuy.unitPriceCol", { unit })}</th>
              <th scope="col">{t("initiatives.jointBuy.breakState")}</th>
            </tr>
          </thead>
          <tbody>
            {quote.priceBreaks.map((b) => {
              const isReached = reached?.minQuantity === b.minQuantity;
              return (
                <tr key={b.minQuantity} className={isReached ? "break-reached" : undefined} aria-current={isReached ? "true" : undefined}>
                  <th scope="row">{qty(b.minQuantity)}</th>
                  <td>{money(b.unitPriceMinor)}</td>
                  <td>
                    {isReached ? (
                      <span className="tag tag-valid">{t("initiatives.jointBuy.reachedTag")}</span>
                    ) : jointBuy.total >= b.minQuantity ? (
                      <span className="muted">{t("initiatives.jointBuy.passedTag")}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t("initiatives.jointBuy.pool")}</h3>
      <div className="pool" aria-live="polite" aria-atomic="false" data-testid="pool">
        <dl className="pool-figures">
          <div>
            <dt>{t("initiatives.jointBuy.pooledTotal")}</dt>
            <dd data-testid="pool-total">{qty(jointBuy.total)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.reachedPrice")}</dt>
            <dd data-testid="reached-price">
              {reached ? t("initiatives.jointBuy.perUnit", { price: formatMoney(i18n.language, reached.unitPriceMinor, currency), unit }) : t("initiatives.jointBuy.noneYet")}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.nextBreak")}</dt>
            <dd data-testid="next-break">
              {next && jointBuy.neededForNext !== null
                ? t("initiatives.jointBuy.nextBreakText", {
                    price: formatMoney(i18n.language, next.unitPriceMinor, currency),
                    quantity: formatNumber(i18n.language, next.minQuantity),
                    needed: formatNumber(i18n.language, jointBuy.neededForNext),
                    unit,
                  })
                : t("initiatives.jointBuy.bestReached")}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.minimum")}</dt>
            <dd data-testid="minimum-status" className={jointBuy.meetsMinimum ? "ok-text" : "warn-text"}>
              {jointBuy.meetsMinimum
                ? t("initiatives.jointBuy.minimumMet", { quantity: formatNumber(i18n.language, quote.minimumQuantity), unit })
                : t("initiatives.jointBuy.minimumMissing", {
                    needed: formatNumber(i18n.language, jointBuy.neededForMinimum),
                    quantity: formatNumber(i18n.language, quote.minimumQuantity),
                    unit,
                  })}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.totalCost")}</dt>
            <dd data-testid="total-cost">{money(jointBuy.totalCostMinor)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.totalSaving")}</dt>
            <dd>{money(jointBuy.totalSavingMinor)}</dd>
          </div>
        </dl>

        {viewer.isParticipant ? (
          <div className="own-figures" data-testid="own-figures">
            <h4>{t("initiatives.jointBuy.yours")}</h4>
            {own ? (
              <dl className="pool-figures">
                <div>
                  <dt>{t("initiatives.jointBuy.ownQuantity")}</dt>
                  <dd data-testid="own-quantity">{qty(own.quantity)}</dd>
                </div>
                <div>
                  <dt>{t("initiatives.jointBuy.ownCost")}</dt>
                  <dd data-testid="own-cost">{money(own.costMinor)}</dd>
                </div>
                <div>
                  <dt>{t("initiatives.jointBuy.ownSaving")}</dt>
                  <dd data-testid="own-saving">
                    {money(own.savingMinor)}{" "}
                    <span className="muted small">{t("initiatives.jointBuy.aloneWouldCost", { cost: formatMoney(i18n.language, own.aloneCostMinor, currency) })}</span>
                  </dd>
                </div>
              </dl>
            ) : (
              <p className="muted" data-testid="own-cost">
                {t("initiatives.jointBuy.noCommitment")}
              </p>
            )}
          </div>
        ) : null}
      </div>

      {permissions.commit ? (
        <Form method="post" {...getFormProps(commitForm)} noValidate className="inline-form commit-form no-print">
          <input type="hidden" name="intent" value="commit" />
          <Field id={quantity.id} label={t("initiatives.jointBuy.yourQuantity", { unit })} errors={quantity.errors} hint={t("initiatives.jointBuy.quantityHint")}>
            <input
              {...getInputProps(quantity, { type: "number" })}
              key={`${own?.quantity ?? 0}`}
              defaultValue={own?.quantity ?? 0}
              min={0}
              step={1}
              aria-describedby={describedBy(quantity.id, quantity.errors, true)}
            />
          </Field>
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("common.save")}
          </button>
        </Form>
      ) : null}

      <h3>{t("initiatives.jointBuy.lines")}</h3>
      {!jointBuy.seesAll ? <p className="muted small">{t("initiatives.jointBuy.ownLineOnly")}</p> : null}
      <div className="table-wrap">
        <table data-testid="lines">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.page.firm")}</th>
              <th scope="col">{t("initiatives.jointBuy.quantityCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.costCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.aloneCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.savingCol")}</th>
            </tr>
          </thead>
          <tbody>
            {jointBuy.lines.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t("initiatives.jointBuy.noLines")}
                </td>
              </tr>
            ) : null}
            {jointBuy.lines.map((line) => (
              <tr key={line.firmId} className={line.firmId === viewer.firmId ? "own-line" : undefined}>
                <th scope="row">{line.firmName}</th>
                <td>{qty(line.quantity)}</td>
                <td>{money(line.costMinor)}</td>
                <td>
                  {money(line.aloneCostMinor)}{" "}
                  <span className="muted small">({t("initiatives.jointBuy.perUnit", { price: formatMoney(i18n.language, line.aloneUnitPriceMinor, currency), unit })})</span>
                </td>
                <td>{money(line.savingMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("initiatives.jointBuy.totalRow", { count: jointBuy.participantCount })}</th>
              <td>{qty(jointBuy.total)}</td>
              <td>{money(jointBuy.totalCostMinor)}</td>
              <td />
              <td>{money(jointBuy.totalSavingMinor)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      {permissions.purchaseSummary ? (
        <div className="purchase-summary no-print">
          <a className="button button-secondary" href={`/initiatives/${initiative.id}/purchase-summary.csv`} download>
            {t("initiatives.jointBuy.download")}
          </a>
          <p className="muted small">{t("initiatives.jointBuy.printHint")}</p>
        </div>
      ) : null}
    </section>
  );
}

function BudgetPanel({ view, budget, actionData }: { view: View; budget: Budget | null; actionData: ActionData }) {
  const { t } = useTranslation();
  const { permissions, viewer, participants } = view;
  const navigation = useNavigation();
  const money = (minor: number) => <FormattedMoney amountMinor={minor} currency={budget?.currency ?? "USD"} />;
  const defaultValue = budget
    ? {
        budget: {
          amount: minorToDecimal(budget.budgetMinor, minorDigits(budget.currency)),
          currency: budget.currency,
          splitRule: budget.splitRule,
          fundingSources: budget.funding.map((f) => ({
            sponsor: f.sponsor,
            kind: f.kind,
            value: f.kind === "percent" ? String((f.percentBasisPoints ?? 0) / 100) : minorToDecimal(f.amountMinor, minorDigits(budget.currency)),
          })),
        },
      }
    : { budget: { amount: "", currency: "", splitRule: "equal", fundingSources: [] } };
  const [form, fields] = useForm<{ budget: BudgetFormInput }>({
    id: "budget",
    lastResult: actionData?.intent === "budget" ? (actionData.reply as never) : undefined,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });

  return (
    <section className="card stack" aria-labelledby="budget-heading" data-testid="budget">
      <h2 id="budget-heading">{t("initiatives.budget.title")}</h2>
      {budget ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t("initiatives.budget.budget")}</dt>
              <dd>{money(budget.budgetMinor)}</dd>
            </div>
            <div>
              <dt>{t("initiatives.budget.funded")}</dt>
              <dd>{money(budget.fundedTotal)}</dd>
            </div>
            <div>
              <dt>{t("initiatives.budget.toSplit")}</dt>
              <dd>{money(budget.toSplit)}</dd>
            </div>
            <div>
              <dt>{t("initiatives.fields.splitRule")}</dt>
              <dd>{t(`initiatives.splitRules.${budget.splitRule}`)}</dd>
            </div>
          </dl>
          <h3>{t("initiatives.fields.fundingSources")}</h3>
          {budget.funding.length === 0 ? (
            <p className="muted">{t("initiatives.budget.noFunding")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("initiatives.fields.sponsor")}</th>
                    <th scope="col">{t("initiatives.fields.fundingKind")}</th>
                    <th scope="col">{t("initiatives.budget.amount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {budget.funding.map((f, index) => (
                    <tr key={`${f.sponsor}-${index}`}>
                      <th scope="row">{f.sponsor}</th>
                      <td>
                        {f.kind === "percent" ? (
                          <FormattedNumber value={(f.percentBasisPoints ?? 0) / 10000} options={{ style: "percent", maximumFractionDigits: 2 }} />
                        ) : (
                          t("initiatives.fundingKinds.fixed")
                        )}
                      </td>
                      <td>{money(f.amountMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t("initiatives.budget.shares")}</h3>
          {budget.missingFigures.length > 0 ? (
            <p className="notice" role="status" data-testid="missing-figures">
              {t(budget.splitRule === "by_turnover" ? "initiatives.budget.missingTurnover" : budget.splitRule === "custom" ? "initiatives.budget.missingWeights" : "initiatives.budget.missingEmployees", {
                firms: budget.missingFigures.map((m) => m.firmName).join(", "),
              })}
            </p>
          ) : null}
          {budget.shares.length === 0 ? (
            <p className="muted">{t("initiatives.budget.noShares")}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="shares">
                <thead>
                  <tr>
                    <th scope="col">{t("initiatives.page.firm")}</th>
                    <th scope="col">{t("initiatives.budget.share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {budget.shares.map((s) => (
                    <tr key={s.firmId} className={s.firmId === viewer.firmId ? "own-line" : undefined}>
                      <th scope="row">{s.firmName}</th>
                      <td>{money(s.amountMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <p className="muted">{t("initiatives.budget.none")}</p>
      )}

      {permissions.update ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack budget-form no-print">
          <h3>{t("initiatives.budget.setTitle")}</h3>
          <input type="hidden" name="intent" value="budget" />
          <BudgetFields form={form} field={fields.budget as unknown as FieldMetadata<BudgetFormInput | undefined>} t={t} headingLevel={3} />
          {participants.length > 0 ? (
            <fieldset>
              <legend>{t("initiatives.budget.weights")}</legend>
              <p className="hint">{t("initiatives.budget.weightsHint")}</p>
              <div className="grid-3">
                {participants.map((p) => (
                  <div className="field" key={p.firmId}>
                    <label htmlFor={`weight-${p.firmId}`}>{p.name}</label>
                    <input id={`weight-${p.firmId}`} name={`weight-${p.firmId}`} type="number" min={0} step={1} inputMode="numeric" />
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("initiatives.budget.save")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function Discussion({ view, actionData }: { view: View; actionData: ActionData }) {
  const { t } = useTranslation();
  const { messages, permissions } = view;
  const navigation = useNavigation();
  const [form, fields] = useForm<{ body: string }>({
    id: "message",
    lastResult: actionData?.intent === "message" ? (actionData.reply as never) : undefined,
    shouldValidate: "onSubmit",
  });
  // Empty the box once a message went through (the action redirects; an error comes back as data).
  const sending = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" && navigation.formData?.get("intent") === "message") sending.current = true;
    if (navigation.state === "idle" && sending.current) {
      sending.current = false;
      if (actionData?.intent !== "message") form.reset();
    }
  }, [navigation.state, navigation.formData, actionData, form]);
  const body = fields.body as unknown as FieldMetadata<unknown>;
  return (
    <section className="card stack" aria-labelledby="discussion-heading" id="discussion">
      <h2 id="discussion-heading">{t("initiatives.discussion.title")}</h2>
      {messages.length === 0 ? <p className="muted">{t("initiatives.discussion.empty")}</p> : null}
      <ol className="messages" data-testid="messages">
        {messages.map((m) => (
          <li key={m.id} className="message">
            <p className="message-meta">
              <strong>{m.authorName}</strong>
              {m.firmName ? <span className="muted"> · {m.firmName}</span> : null}
              <span className="muted">
                {" "}
                · <FormattedDate value={m.createdAt} style="datetime" />
              </span>
            </p>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {permissions.message ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack message-form no-print">
          <input type="hidden" name="intent" value="message" />
          <Field id={body.id} label={t("initiatives.discussion.label")} errors={body.errors}>
            <textarea {...getTextareaProps(body)} rows={3} aria-describedby={describedBy(body.id, body.errors)} />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("initiatives.discussion.send")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

const ACTIVITY_ACTIONS = new Set([
  "initiative.created",
  "initiative.updated",
  "initiative.open",
  "initiative.locked",
  "initiative.completed",
  "initiative.cancelled",
  "participant.joined",
  "participant.left",
  "commitment.made",
  "commitment.changed",
  "commitment.withdrawn",
  "jointbuy.break_reached",
  "budget.set",
]);

function ActivityLog({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const unit = view.jointBuy?.quote.unit ?? "";
  const currency = view.jointBuy?.quote.currency;
  const num = (value: unknown) => (typeof value === "number" ? formatNumber(i18n.language, value) : "—");
  const status = (value: unknown) => (typeof value === "string" ? t(`initiatives.status.${value}`) : "—");

  const details = (entry: View["activity"][number]): ReactNode[] => {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const after = (entry.after ?? {}) as Record<string, unknown>;
    const out: ReactNode[] = [];
    const has = (key: string) => key in before || key in after;
    if (entry.action === "jointbuy.break_reached" && typeof after.minQuantity === "number" && typeof after.unitPriceMinor === "number" && currency) {
      out.push(
        t("initiatives.activityDetail.break", {
          quantity: num(after.minQuantity),
          unit,
          price: formatMoney(i18n.language, after.unitPriceMinor, currency),
        }),
      );
    } else if (has("quantity")) {
      out.push(t("initiatives.activityDetail.quantity", { before: num(before.quantity), after: num(after.quantity), unit }));
    }
    if (has("total")) {
      out.push(
        "total" in before
          ? t("initiatives.activityDetail.total", { before: num(before.total), after: num(after.total), unit })
          : t("initiatives.activityDetail.totalNow", { after: num(after.total), unit }),
      );
    }
    if (has("status") && entry.action !== "initiative.created") out.push(t("initiatives.activityDetail.status", { before: status(before.status), after: status(after.status) }));
    if (entry.action === "budget.set" && typeof after.budgetMinor === "number" && typeof after.currency === "string") {
      out.push(t("initiatives.activityDetail.budget", { amount: formatMoney(i18n.language, after.budgetMinor, after.currency) }));
    }
    return out;
  };

  return (
    <section className="card stack activity-log" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t("initiatives.activity.title")}</h2>
      {view.activity.length === 0 ? (
        <p className="muted">{t("initiatives.activity.empty")}</p>
      ) : (
        <ol className="activity-list" data-testid="activity">
          {view.activity.map((entry) => {
            const extra = details(entry);
            return (
              <li key={entry.id}>
                <p>
                  <strong>{entry.actorName}</strong>{" "}
                  {ACTIVITY_ACTIONS.has(entry.action) ? t(`initiatives.activity.${entry.action.replace(/\./g, "_")}`) : (standActivityText(entry, t, i18n.language) ?? clubActivityText(entry, t) ?? entry.action)}
                  {extra.length ? <span className="activity-detail"> — {extra.join("; ")}</span> : null}
                </p>
                <p className="muted small">
                  <FormattedDate value={entry.createdAt} style="datetime" />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
