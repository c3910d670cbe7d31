import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "../field";
import type { ClubView } from "./common";
import type { ImportResult } from "./import.server";
import type { ImportErrors } from "./words";

/** The broker imports one open period's values from a CSV file, all or nothing. */
export function ImportForm({ view, busy }: { view: ClubView; busy: boolean }) {
  const { t } = useTranslation();
  const answer = useActionData<ImportResult | { intent: string }>();
  const mine = answer && "importErrors" in answer ? answer : null;
  const openPeriods = view.periods.filter((p) => p.status === "open");
  const example = view.kpis[0]?.key ?? view.kpis[0]?.name ?? "on_time_delivery";
  return (
    <section className="card stack" aria-labelledby="import-heading" id="import">
      <h2 id="import-heading">{t("learning.import.title")}</h2>
      <p className="muted">{t("learning.import.intro")}</p>
      <p className="small">
        {t("learning.import.columns")} <code>firm,kpi,value</code> — {t("learning.import.example")}{" "}
        <code>{`"${view.members[0]?.name ?? "Firm"}",${example},92.5`}</code>
      </p>
      {view.permissions.exportCsv ? (
        <p className="small">
          <a href={`/initiatives/${view.club.initiativeId}/benchmark.csv`} download>
            {t("learning.import.exportHint")}
          </a>
        </p>
      ) : null}
      {mine?.importErrors ? <ImportErrorList errors={mine.importErrors} /> : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="import" />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="import-period">{t("learning.import.period")}</label>
            <select id="import-period" name="periodId" defaultValue={mine ? mine.periodId : openPeriods[0]?.id}>
              {openPeriods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <Field id="import-file" label={t("learning.import.file")} hint={t("learning.import.fileHint")}>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("learning.import.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ImportErrorList({ errors }: { errors: ImportErrors }) {
  const { t } = useTranslation();
  return (
    <div className="form-error import-errors" role="alert" data-testid="import-errors">
      <p>{t("learning.import.rejected")}</p>
      {errors.general.length ? (
        <ul>
          {errors.general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {errors.lines.length ? (
        <ul>
          {errors.lines.map((l) => (
            <li key={`${l.line}-${l.column}`}>
              {t("learning.import.lineError", { line: l.line, column: l.column, message: l.messages.join(" ") })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
