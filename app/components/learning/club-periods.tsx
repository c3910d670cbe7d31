import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";
import type { ClubView } from "./common";

type Period = ClubView["periods"][number];

/** The club's periods: dates, status, the reader's own progress or the broker's, and their actions. */
export function PeriodsSection({ view, busy }: { view: ClubView; busy: boolean }) {
  const { t } = useTranslation();
  const { periods, permissions, viewer } = view;
  return (
    <section className="card stack" aria-labelledby="periods-heading" id="periods">
      <h2 id="periods-heading">{t("learning.periods.title")}</h2>
      {periods.length === 0 ? (
        <p className="muted">{permissions.manage ? t("learning.periods.noneBroker") : t("learning.periods.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="periods-heading" tabIndex={0}>
          <table data-testid="periods">
            <thead>
              <tr>
                <th scope="col">{t("learning.periods.period")}</th>
                <th scope="col">{t("learning.periods.dates")}</th>
                <th scope="col">{t("learning.periods.due")}</th>
                <th scope="col">{t("learning.periods.status")}</th>
                {viewer.isMember ? <th scope="col">{t("learning.periods.yourValues")}</th> : null}
                {permissions.readRaw ? <th scope="col">{t("learning.periods.reported")}</th> : null}
                <th scope="col">
                  <span className="visually-hidden">{t("learning.periods.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <PeriodRow key={p.id} view={view} period={p} busy={busy} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {permissions.manage && periods.some((p) => p.status === "open") ? <p className="hint">{t("learning.periods.closeHint")}</p> : null}
    </section>
  );
}

function PeriodRow({ view, period: p, busy }: { view: ClubView; period: Period; busy: boolean }) {
  const { t } = useTranslation();
  const { club, permissions, viewer } = view;
  return (
    <tr data-period={p.label}>
      <th scope="row">{p.label}</th>
      <td>
        <FormattedDate value={p.startsOn} /> – <FormattedDate value={p.endsOn} />
      </td>
      <td>
        <FormattedDate value={p.submissionDue} />
      </td>
      <td>
        <span className={`tag period-${p.status}`}>{t(`learning.periods.statuses.${p.status}`)}</span>
      </td>
      {viewer.isMember ? (
        <td>{p.mine ? t("learning.periods.yourCount", { count: p.mine.submitted, total: view.kpis.length }) : "—"}</td>
      ) : null}
      {permissions.readRaw ? (
        <td>
          {p.progress
            ? t("learning.periods.progress", {
                reported: p.progress.firmsReported,
                complete: p.progress.firmsComplete,
                count: p.progress.members,
              })
            : "—"}
        </td>
      ) : null}
      <td className="period-actions">
        {permissions.readReport ? (
          <Link to={`/initiatives/${club.initiativeId}/benchmark?period=${p.id}`}>
            {t("learning.periods.report")}
            <span className="visually-hidden"> {p.label}</span>
          </Link>
        ) : null}
        {permissions.manage && p.status === "open" ? (
          <Form method="post" className="inline-actions">
            <input type="hidden" name="intent" value="closePeriod" />
            <input type="hidden" name="periodId" value={p.id} />
            <button type="submit" className="button button-small button-secondary" disabled={busy}>
              {t("learning.periods.close")}
              <span className="visually-hidden"> {p.label}</span>
            </button>
          </Form>
        ) : null}
      </td>
    </tr>
  );
}

/** The broker opens the next period (or one named), with its submission due date. */
export function OpenPeriodForm({ view }: { view: ClubView }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const next = view.nextPeriod;
  const { lastResult } = useFormResult("openPeriod");
  const [form, fields] = useForm<{ label: string; submissionDue: string }>({
    id: "open-period-form",
    lastResult,
    defaultValue: { label: next?.label ?? "", submissionDue: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section className="card stack" aria-labelledby="open-period-heading" id="open-period">
      <h2 id="open-period-heading">{t("learning.periods.openTitle")}</h2>
      <p className="muted">{t("learning.periods.openIntro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack" key={next?.label ?? "none"}>
        <input type="hidden" name="intent" value="openPeriod" />
        <FormError messages={form.errors ?? []} />
        <div className="grid-2">
          <Field
            id={fields.label.id}
            label={t("learning.periods.label")}
            errors={fields.label.errors}
            hint={t(`learning.periods.labelHint_${view.club.periodKind}`)}
          >
            <input
              {...getInputProps(fields.label, { type: "text" })}
              autoComplete="off"
              aria-describedby={describedBy(fields.label.id, fields.label.errors, true)}
            />
          </Field>
          <Field
            id={fields.submissionDue.id}
            label={t("learning.periods.dueLabel")}
            errors={fields.submissionDue.errors}
            hint={t("learning.periods.dueHint")}
          >
            <input
              {...getInputProps(fields.submissionDue, { type: "date" })}
              aria-describedby={describedBy(fields.submissionDue.id, fields.submissionDue.errors, true)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("learning.periods.open")}
          </button>
        </div>
      </Form>
    </section>
  );
}
