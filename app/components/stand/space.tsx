import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDm2AsM2 } from "../../../server/domain/stand-space";
import type { StandView } from "../../../server/services/stands/get-stand";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { formatM2, StandPlan } from "./plan";

/** The live plan with the free area, and the reader's own space. */
export function PlanSection({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const { stand } = view;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const ownSpaceId = view.plan.spaces.find((s) => s.own)?.spaceId ?? null;
  const statusOf = Object.fromEntries(
    view.plan.spaces.filter((s) => s.status === "requested").map((s) => [s.spaceId, t("stands.spaceStatus.requested")]),
  );
  return (
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
      <MySpace view={view} />
    </section>
  );
}

function MySpace({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const { mySpace, permissions, initiative, viewer } = view;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
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
        <RequestForm view={view} />
      ) : viewer.isMember && !initiative.bookingOpen ? (
        <p className="muted small">{initiative.status === "draft" ? t("stands.mySpace.notOpenYet") : t("stands.mySpace.closed")}</p>
      ) : null}
      {permissions.canRelease ? <ReleaseForm waiting={mySpace?.status === "waiting"} /> : null}
    </div>
  );
}

function RequestForm({ view }: { view: StandView }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { mySpace, stand } = view;
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  const { lastResult } = useFormResult("request");
  const [form, fields] = useForm<{ areaM2: string }>({
    id: "request-space",
    lastResult,
    defaultValue: { areaM2: mySpace ? formatDm2AsM2(mySpace.requestedDm2) : "" },
    shouldValidate: "onSubmit",
  });
  const areaField = fields.areaM2;
  return (
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
  );
}

function ReleaseForm({ waiting }: { waiting: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Form method="post" className="actions release-form">
      <input type="hidden" name="intent" value="release" />
      <button type="submit" className="button button-secondary" disabled={navigation.state !== "idle"}>
        {waiting ? t("stands.mySpace.leaveQueue") : t("stands.mySpace.release")}
      </button>
      <span className="hint">{t("stands.mySpace.releaseHint")}</span>
    </Form>
  );
}
