import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { salesEntryInputSchema, salesEntryDeleteForm as deleteForm } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { withFieldNames } from "../components/field-names.server";
import { LedgerEntries } from "../components/ledger/entries";
import { EntryForm } from "../components/ledger/entry-form";
import { ImportForm } from "../components/ledger/import-form";
import { entryFieldOf, importUpload } from "../components/ledger/import.server";
import { readPost, submit } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/dependence.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `${page.firm.name} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const firmId = idParam(args.params, "firmId");
  // The one gate: a firm's members, its networks' brokers and admins; everyone else gets 404.
  const ledger = await loaded(args.context.services.ledger.list(actor, { firmId }));
  const buyers = (await args.context.services.firms.searchFirms(actor, { kind: "buyer", pageSize: 100 })).items.map((b) => ({
    id: b.id,
    name: b.name,
  }));
  return { firm: ledger.firm, entries: ledger.entries, buyers, defaultCurrency: ledger.entries[0]?.currency ?? "" };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const firmId = idParam(args.params, "firmId");
  const ledger = args.context.services.ledger;
  const here = `/firms/${firmId}/ledger`;
  if ((args.request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return importUpload(args.request, t, async (csv) => {
      await ledger.importCsv(actor, { firmId, csv });
      return redirectWithToast(here, "dependence.toast.imported");
    });
  }
  const post = await readPost(args.request, t);
  if (post.intent === "delete") {
    return submit(post, deleteForm, async ({ entryId }) => {
      await ledger.deleteEntry(actor, { firmId, entryId });
      return redirectWithToast(here, "dependence.toast.deleted");
    });
  }
  return submit({ ...post, intent: "add" }, salesEntryInputSchema, async (entry) => {
    await withFieldNames(ledger.addEntries(actor, { firmId, entries: [entry] }), entryFieldOf);
    return redirectWithToast(here, "dependence.toast.added");
  });
}

export default function LedgerPage() {
  const { t } = useTranslation();
  const { firm, entries, buyers, defaultCurrency } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  useLiveRoom(`firm:${firm.id}`);
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
      <LedgerEntries entries={entries} busy={busy} />
      <EntryForm buyers={buyers} defaultCurrency={defaultCurrency} busy={busy} />
      <ImportForm firmId={firm.id} busy={busy} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
