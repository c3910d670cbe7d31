import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import { GOVERNANCE } from "../../server/domain/chain-position";
import { salesEntryInputSchema } from "../../server/schemas/ledger";
import { describedBy, Field } from "../components/field";
import { FormattedMoney } from "../components/formatted";
import { ErrorMessage } from "../components/error-message";
import styles from "../styles/dependence.css";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { serverT } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.firm.name} · Jointly` : "Jointly" }];

/** The largest CSV file the import form takes (the service refuses more than 2,000,000 characters). */
const MAX_FILE_BYTES = 2_000_000;

/** The add-entry form's fields, in the order of the form (service errors on other fields go to the form). */
const ENTRY_FIELDS = ["period", "customerFirmId", "customerName", "amount", "currency", "market", "channel", "agentName", "governance", "exclusivity"];

/** Service field -> the column of the CSV file, as the user sees it in the template. */
const CSV_COLUMN: Record<string, string> = { customerName: "customer", customerFirmId: "customer_firm_id", agentName: "agent" };

/** A malformed id in the address is simply a page that does not exist. */
function firmIdOf(params: { firmId?: string }): string {
  const parsed = z.uuid().safeParse(params.firmId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const firmId = firmIdOf(params);
  let ledger;
  try {
    // The one gate: a firm's members, its networks' brokers and admins; everyone else gets 404.
    ledger = await context.services.ledger.list(actor, { firmId });
  } catch (error) {
    throwAsResponse(error);
  }
  const buyers = (await context.services.firms.searchFirms(actor, { kind: "buyer", pageSize: 100 })).items.map((b) => ({ id: b.id, name: b.name }));
  return {
    firm: ledger.firm,
    entries: ledger.entries,
    buyers,
    defaultCurrency: ledger.entries[0]?.currency ?? "",
  };
}

type ImportErrors = { general: string[]; lines: Array<{ line: number; column: string; messages: string[] }> };
type ActionData =
  | { intent: "add"; reply: unknown; importErrors?: undefined }
  | { intent: "import"; reply?: undefined; importErrors: ImportErrors }
  | { intent: "delete"; reply?: undefined; importErrors?: undefined };

/** `rows.3.amount` -> line 3, column "amount"; file-level errors (`csv`) are general. */
function importErrorsOf(fields: Record<string, string[]>): ImportErrors {
  const general: string[] = [];
  const lines: ImportErrors["lines"] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(key);
    if (match) lines.push({ line: Number(match[1]), column: CSV_COLUMN[match[2]] ?? match[2], messages });
    else general.push(...messages);
  }
  lines.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return { general, lines };
}

/**
 * The file's bytes for the memory upload handler, at most MAX_FILE_BYTES of them. A larger file
 * is still read to its end (up to a hard cap), so the browser receives our message instead of a
 * connection reset, and `tooLarge` says it was cut.
 */
function capped(data: AsyncIterable<Uint8Array>, flag: { tooLarge: boolean }): AsyncIterable<Uint8Array> {
  return (async function* () {
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > 5 * MAX_FILE_BYTES) throw new MaxPartSizeExceededError("file", MAX_FILE_BYTES);
      if (size > MAX_FILE_BYTES) flag.tooLarge = true;
      else yield chunk;
    }
  })();
}

async function importFile(request: Request, context: ActionFunctionArgs["context"], firmId: string, t: TFunction, actor: Awaited<ReturnType<typeof requireActor>>) {
  const refuse = (importErrors: ImportErrors) => data({ intent: "import" as const, importErrors } satisfies ActionData, { status: 400 });
  const tooLarge = () => refuse({ general: [t("dependence.ledger.import.tooLarge")], lines: [] });
  const flag = { tooLarge: false };
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, (part) => memory({ ...part, data: capped(part.data, flag) }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw error;
  }
  if (flag.tooLarge) return tooLarge();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse({ general: [t("dependence.ledger.import.noFile")], lines: [] });
  try {
    await context.services.ledger.importCsv(actor, { firmId, csv: await file.text() });
  } catch (error) {
    if (isAppError(error) && error.fields) return refuse(importErrorsOf(error.fields));
    throwAsResponse(error);
  }
  return redirectWithToast(`/firms/${firmId}/ledger`, "dependence.toast.imported");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const firmId = firmIdOf(params);
  const t = await serverT(request, context, actor);
  const here = `/firms/${firmId}/ledger`;
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return importFile(request, context, firmId, t, actor);
  }
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "delete") {
    const entryId = z.uuid().safeParse(formData.get("entryId"));
    if (!entryId.success) throw new Response("Not found", { status: 404 });
    try {
      await context.services.ledger.deleteEntry(actor, { firmId, entryId: entryId.data });
    } catch (error) {
      throwAsResponse(error);
    }
    return redirectWithToast(here, "dependence.toast.deleted");
  }
  const submission = parseWithZod(formData, { schema: salesEntryInputSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data({ intent: "add" as const, reply: submission.reply() } satisfies ActionData, { status: 400 });
  }
  try {
    await context.services.ledger.addEntries(actor, { firmId, entries: [submission.value] });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      // The service names a line's fields "entries.0.amount"; the form has one line.
      const rename = (key: string) => {
        const field = key.replace(/^entries\.0\./, "");
        return ENTRY_FIELDS.includes(field) ? field : "";
      };
      const fields: Record<string, string[]> = {};
      const keys: Record<string, string> = {};
      for (const [key, messages] of Object.entries(error.fields)) (fields[rename(key)] ??= []).push(...messages);
      for (const [key, value] of Object.entries(error.fieldKeys ?? {})) keys[rename(key)] = value;
      return data({ intent: "add" as const, reply: submission.reply({ fieldErrors: serviceFieldErrors({ fields, fieldKeys: keys }, t) }) } satisfies ActionData, {
        status: 400,
      });
    }
    throwAsResponse(error);
  }
  return redirectWithToast(here, "dependence.toast.added");
}

type AnyField = FieldMetadata<unknown>;

export default function LedgerPage() {
  const { t } = useTranslation();
  const { firm, entries, buyers, defaultCurrency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  useLiveRoom(`firm:${firm.id}`);

  const [form, rawFields] = useForm({
    id: "add-entry",
    lastResult: actionData?.intent === "add" ? (actionData.reply as never) : undefined,
    defaultValue: { currency: defaultCurrency, market: "export", channel: "direct" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const fields = rawFields as unknown as Record<string, AnyField>;
  const importErrors = actionData?.intent === "import" ? actionData.importErrors : null;

  const text = (name: string, label: string, hint?: string, extra: Record<string, string> = {}) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors} hint={hint}>
        <input {...getInputProps(field, { type: "text" })} {...extra} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))} />
      </Field>
    );
  };
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>, blank?: string) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors}>
        <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const yesNo = (value: boolean) => (value ? t("dependence.ledger.yes") : t("dependence.ledger.no"));

  return (
    <div className="stack dependence-page">
      <header className="page-head">
        <div>
          <p className="muted small">{firm.name}</p>
          <h1>{t("dependence.ledger.title")}</h1>
        </div>
        <Link to={`/firms/${firm.id}/dependence`} className="button button-secondary">
          {t("dependence.links.dependence")}
        </Link>
      </header>
      <p className="muted">{t("dependence.ledger.intro")}</p>

      <section className="card stack" aria-labelledby="ledger-entries">
        <h2 id="ledger-entries">{t("dependence.ledger.entries")}</h2>
        {entries.length === 0 ? (
          <p className="muted">{t("dependence.ledger.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="ledger-entries" tabIndex={0}>
            <table className="ledger-table" data-testid="ledger-entries">
              <thead>
                <tr>
                  <th scope="col">{t("dependence.fields.period")}</th>
                  <th scope="col">{t("dependence.fields.customer")}</th>
                  <th scope="col" className="num">
                    {t("dependence.fields.amount")}
                  </th>
                  <th scope="col">{t("dependence.fields.market")}</th>
                  <th scope="col">{t("dependence.fields.channel")}</th>
                  <th scope="col">{t("dependence.fields.governance")}</th>
                  <th scope="col">{t("dependence.fields.exclusivity")}</th>
                  <th scope="col">{t("dependence.fields.expected")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("dependence.ledger.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{e.period}</td>
                    <td>
                      {e.customerName}
                      {e.customerFirmId ? <span className="tag own-tag">{t("dependence.ledger.onJointly")}</span> : null}
                    </td>
                    <td className="num">
                      <FormattedMoney amountMinor={e.amountMinor} currency={e.currency} />
                    </td>
                    <td>{t(`dependence.markets.${e.market}`)}</td>
                    <td>
                      {e.channel === "agent" ? t("dependence.ledger.viaAgent", { agent: e.agentName ?? "" }) : t("dependence.channels.direct")}
                    </td>
                    <td>{e.governance ? t(`governance.${e.governance}`) : "—"}</td>
                    <td>{yesNo(e.exclusivity)}</td>
                    <td>{yesNo(e.expected)}</td>
                    <td>
                      <Form method="post" className="inline-actions">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="entryId" value={e.id} />
                        <button type="submit" className="button button-small button-secondary" disabled={busy}>
                          {t("dependence.ledger.delete")}
                          <span className="visually-hidden"> {t("dependence.ledger.deleteWhich", { customer: e.customerName, period: e.period })}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="ledger-add">
        <h2 id="ledger-add">{t("dependence.ledger.add")}</h2>
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <input type="hidden" name="intent" value="add" />
          {form.errors?.length ? (
            <p className="form-error" role="alert">
              {form.errors.join(" ")}
            </p>
          ) : null}
          <div className="grid-3">
            {text("period", t("dependence.fields.period"), t("dependence.ledger.periodHint"), { inputMode: "text", autoComplete: "off" })}
            {select(
              "customerFirmId",
              t("dependence.fields.platformBuyer"),
              buyers.map((b) => ({ value: b.id, label: b.name })),
              t("dependence.ledger.notOnJointly"),
            )}
            {text("customerName", t("dependence.fields.customerName"), t("dependence.ledger.customerHint"))}
          </div>
          <div className="grid-3">
            {text("amount", t("dependence.fields.amount"), t("dependence.ledger.amountHint"), { inputMode: "decimal" })}
            {select(
              "currency",
              t("fields.currency"),
              CURRENCY_CODES.map((c) => ({ value: c, label: c })),
              t("common.choose"),
            )}
            {select("market", t("dependence.fields.market"), [
              { value: "export", label: t("dependence.markets.export") },
              { value: "domestic", label: t("dependence.markets.domestic") },
            ])}
          </div>
          <div className="grid-3">
            {select("channel", t("dependence.fields.channel"), [
              { value: "direct", label: t("dependence.channels.direct") },
              { value: "agent", label: t("dependence.channels.agent") },
            ])}
            {text("agentName", t("dependence.fields.agentName"), t("dependence.ledger.agentHint"))}
            {select(
              "governance",
              t("dependence.fields.governance"),
              GOVERNANCE.map((g) => ({ value: g, label: t(`governance.${g}`) })),
              t("dependence.ledger.notStated"),
            )}
          </div>
          <div className="field">
            <label className="choice" htmlFor={fields.exclusivity.id}>
              <input {...getInputProps(fields.exclusivity, { type: "checkbox" })} />
              <span>{t("dependence.ledger.exclusivityLabel")}</span>
            </label>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("dependence.ledger.addSubmit")}
            </button>
          </div>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="ledger-import">
        <h2 id="ledger-import">{t("dependence.ledger.import.title")}</h2>
        <p className="muted">{t("dependence.ledger.import.intro")}</p>
        <p>
          <a href={`/firms/${firm.id}/ledger/template.csv`} download>
            {t("dependence.ledger.import.template")}
          </a>
        </p>
        {importErrors ? (
          <div className="form-error import-errors" role="alert" data-testid="import-errors">
            <p>{t("dependence.ledger.import.rejected")}</p>
            {importErrors.general.length ? (
              <ul>
                {importErrors.general.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
            {importErrors.lines.length ? (
              <ul>
                {importErrors.lines.map((l) => (
                  <li key={`${l.line}-${l.column}`}>{t("dependence.ledger.import.lineError", { line: l.line, column: l.column, message: l.messages.join(" ") })}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
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
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
