import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "../field";
import type { ImportErrors } from "./import.server";

/** Why the last file was refused: problems of the whole file, then line by line. */
function ImportRefusal({ errors }: { errors: ImportErrors }) {
  const { t } = useTranslation();
  return (
    <div className="form-error import-errors" role="alert" data-testid="import-errors">
      <p>{t("dependence.ledger.import.rejected")}</p>
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
              {t("dependence.ledger.import.lineError", {
                line: l.line,
                column: l.column,
                message: l.messages.join(" "),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Importing a CSV file of sales, with the template to start from. */
export function ImportForm({ firmId, busy }: { firmId: string; busy: boolean }) {
  const { t } = useTranslation();
  const result = useActionData<{
    intent: string;
    importErrors?: ImportErrors;
  }>();
  const importErrors = result?.intent === "import" ? result.importErrors : undefined;
  return (
    <section className="card stack" aria-labelledby="ledger-import">
      <h2 id="ledger-import">{t("dependence.ledger.import.title")}</h2>
      <p className="muted">{t("dependence.ledger.import.intro")}</p>
      <p>
        <a href={`/firms/${firmId}/ledger/template.csv`} download>
          {t("dependence.ledger.import.template")}
        </a>
      </p>
      {importErrors ? <ImportRefusal errors={importErrors} /> : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="import" />
        <Field id="ledger-file" label={t("dependence.ledger.import.file")} hint={t("dependence.ledger.import.fileHint")}>
          <input id="ledger-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="ledger-file-hint" />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("dependence.ledger.import.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
