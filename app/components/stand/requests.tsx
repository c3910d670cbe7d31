import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDm2AsM2 } from "../../../server/domain/stand-space";
import type { StandView } from "../../../server/services/stands/get-stand";
import { useFormResult } from "../../lib/form-result";
import { describedBy } from "../field";
import { FormattedDate } from "../formatted";
import { formatM2, TableWrap } from "./plan";

/** The broker's view of the requests: who holds space (with decisions) and the waiting list. */
export function Requests({ view }: { view: StandView }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="requests-heading" id="requests" data-testid="requests">
      <h2 id="requests-heading">{t("stands.page.requestsTitle")}</h2>
      <h3>{t("stands.requests.holding")}</h3>
      {view.plan.spaces.length === 0 ? <p className="muted">{t("stands.requests.noneHolding")}</p> : <HoldingTable view={view} />}
      <h3 id="waiting-list">{t("stands.requests.waitingList")}</h3>
      {view.waitingList.length === 0 ? (
        <p className="muted">{t("stands.requests.noneWaiting")}</p>
      ) : (
        <>
          <p className="hint">{t("stands.requests.waitingHint")}</p>
          <WaitingTable view={view} />
        </>
      )}
    </section>
  );
}

function HoldingTable({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const { canDecide } = view.permissions;
  return (
    <TableWrap label={t("stands.requests.holding")}>
      <table className="requests-table">
        <thead>
          <tr>
            <th scope="col">{t("stands.plan.exhibitor")}</th>
            <th scope="col" className="num">
              {t("stands.plan.area")}
            </th>
            <th scope="col">{t("stands.requests.status")}</th>
            {canDecide ? <th scope="col">{t("stands.requests.decision")}</th> : null}
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
              {canDecide ? (
                <td>
                  <DecideControls spaceId={s.spaceId} firmName={s.label} status={s.status} areaDm2={s.areaDm2} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function WaitingTable({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const { canDecide } = view.permissions;
  return (
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
            {canDecide ? <th scope="col">{t("stands.requests.decision")}</th> : null}
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
              {canDecide ? (
                <td>
                  <DecideControls spaceId={w.spaceId} firmName={w.firmName} status="waiting" areaDm2={w.requestedDm2} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

type Decided = { spaceId: string; firmName: string; status: "requested" | "confirmed" | "waiting"; areaDm2: number };

/** Confirm / trim to … / decline for one request: separate small forms, each works without JavaScript. */
function DecideControls({ spaceId, firmName, status, areaDm2 }: Decided) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="decide-controls">
      {status === "requested" ? (
        <Form method="post" className="inline-form">
          <DecisionFields spaceId={spaceId} decision="confirm" />
          <button
            type="submit"
            className="button button-small"
            disabled={busy}
            aria-label={t("stands.requests.confirmFor", { firm: firmName })}
          >
            {t("stands.requests.confirm")}
          </button>
        </Form>
      ) : null}
      {status !== "waiting" ? <TrimForm spaceId={spaceId} firmName={firmName} areaDm2={areaDm2} /> : null}
      <Form method="post" className="inline-form">
        <DecisionFields spaceId={spaceId} decision="decline" />
        <button
          type="submit"
          className="button button-small button-danger"
          disabled={busy}
          aria-label={t("stands.requests.declineFor", { firm: firmName })}
        >
          {t("stands.requests.decline")}
        </button>
      </Form>
    </div>
  );
}

function DecisionFields({ spaceId, decision }: { spaceId: string; decision: "confirm" | "trim" | "decline" }) {
  return (
    <>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="target" value={spaceId} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
}

function TrimForm({ spaceId, firmName, areaDm2 }: Omit<Decided, "status">) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult } = useFormResult("decide", spaceId);
  const [form, fields] = useForm<{ areaM2: string }>({ id: `trim-${spaceId}`, lastResult, shouldValidate: "onSubmit" });
  const areaField = fields.areaM2;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className={`trim-form${areaField.errors?.length ? " field-invalid" : ""}`}>
      <DecisionFields spaceId={spaceId} decision="trim" />
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
        <button type="submit" className="button button-small button-secondary" disabled={navigation.state !== "idle"}>
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
  );
}
