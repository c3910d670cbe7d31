import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormError } from "../form-error";
import { FormattedDate, FormattedMoney, FormattedNumber } from "../formatted";
import { DependenceBlock, DiversificationOptions, MatchParts, ScoreBar } from "./match";
import type { NeedPageData } from "./need-page";

/** An SME's fit to the need and its response; a broker's consortia answering; the buyer's decisions on the responses. */
export function SmeSection({ page }: { page: NeedPageData }) {
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
          <RespondForm intent="respond" currency={need.currency} unit={need.unit} />
        ) : (
          <p className="muted">{t("sourcing.respond.closed")}</p>
        )}
      </section>
    </>
  );
}

/** A response: the SME's own, or a broker's for one of its consortia (`target` tells the consortia's forms apart). */
function RespondForm({
  intent,
  initiativeId,
  currency,
  unit,
}: {
  intent: "respond" | "consortiumRespond";
  initiativeId?: string;
  currency: string;
  unit: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult } = useFormResult(intent, initiativeId ?? null);
  const [form, fields] = useForm<{ unitPrice: string; quantity: number | string; leadTimeDays: number | string; note: string }>({
    id: intent === "respond" ? "respond" : `respond-${initiativeId}`,
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { unitPrice: "", quantity: "", leadTimeDays: "", note: "" },
  });
  const input = (
    field: typeof fields.unitPrice | typeof fields.quantity,
    label: string,
    type: "text" | "number",
    extra: Record<string, string> = {},
  ) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <input {...getInputProps(field, { type })} {...extra} aria-describedby={describedBy(field.id, field.errors)} />
    </Field>
  );
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack respond-form">
      <input type="hidden" name="intent" value={intent} />
      {initiativeId ? (
        <>
          <input type="hidden" name="initiativeId" value={initiativeId} />
          <input type="hidden" name="target" value={initiativeId} />
        </>
      ) : null}
      <FormError messages={form.errors ?? []} />
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

export function Consortia({ page }: { page: NeedPageData }) {
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
              <RespondForm intent="consortiumRespond" initiativeId={c.initiativeId} currency={page.need.currency} unit={page.need.unit} />
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

/** The responses the reader may see; the buyer's firm decides on them. */
export function Responses({ page }: { page: NeedPageData }) {
  const { t } = useTranslation();
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
            <ResponseCard key={r.id} response={r} unit={need.unit} decidable={decidable} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Response = NeedPageData["responses"][number];

function ResponseCard({ response: r, unit, decidable }: { response: Response; unit: string; decidable: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="response-card">
      <div className="match-head">
        <h3>{r.firmId ? <Link to={`/firms/${r.firmId}`}>{r.firmName}</Link> : t("sourcing.responses.consortium")}</h3>
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
            <FormattedNumber value={r.quantity} /> {unit}
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
      {decidable && (r.status === "submitted" || r.status === "shortlisted") ? <DecideForm response={r} /> : null}
    </li>
  );
}

/** Shortlist (while only submitted), decline or award one response. */
function DecideForm({ response: r }: { response: Response }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      className="decide-form"
      aria-label={t("sourcing.responses.decideLabel", { name: r.firmName ?? t("sourcing.responses.consortium") })}
    >
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="responseId" value={r.id} />
      <label className="choice">
        <input type="checkbox" name="recordExpectedSales" />
        <span>{t("sourcing.responses.recordExpectedSales")}</span>
      </label>
      <div className="actions">
        {r.status === "submitted" ? (
          <button
            type="submit"
            name="decision"
            value="shortlist"
            className="button button-secondary"
            disabled={navigation.state !== "idle"}
          >
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
  );
}
