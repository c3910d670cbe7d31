import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS, certificationName } from "../../db/reference/certifications";
import { countryName } from "../../db/reference/countries";
import { isicTitle } from "../../db/reference/isic";
import { LINKS, TIERS } from "../../server/domain/chain-position";
import { firmSearchSchema } from "../../server/schemas/firm";
import { ErrorMessage } from "../components/error-message";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { signedIn } from "../lib/route.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args, ["directory", "search"]);
  const raw = Object.fromEntries([...new URL(args.request.url).searchParams].filter(([, v]) => v !== ""));
  // A hand-edited URL with a bad filter shows the unfiltered directory, not an error page.
  const parsed = firmSearchSchema.safeParse(raw);
  const result = await args.context.services.firms.searchFirms(actor, parsed.success ? parsed.data : {});
  return {
    ...result,
    items: result.items.map((f) => ({
      ...f,
      countryName: countryName(f.country, locale),
      sectorName: isicTitle(f.sector, locale),
    })),
    countries: countryOptions(locale),
    sectors: sectorOptions(locale),
    invalidFilter: !parsed.success,
  };
}

export default function Directory() {
  const { t } = useTranslation();
  const { items, total, page, pageCount, countries, sectors, invalidFilter } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={params.get(name) ?? ""}>
        <option value="">{t("directory.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="stack">
      <h1>{t("directory.title")}</h1>
      <Form method="get" className="card filters" role="search" aria-label={t("directory.title")} key={params.toString()}>
        <div className="field">
          <label htmlFor="filter-q">{t("directory.search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        {select(
          "kind",
          t("fields.kind"),
          (["sme", "buyer", "agency"] as const).map((k) => ({
            value: k,
            label: t(`firmKinds.${k}`),
          })),
        )}
        {select(
          "sector",
          t("fields.sector"),
          sectors.map((s) => ({ value: s.code, label: s.name })),
        )}
        {select(
          "link",
          t("fields.link"),
          LINKS.map((l) => ({ value: l, label: t(`links.${l}`) })),
        )}
        {select(
          "tier",
          t("fields.tier"),
          TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) })),
        )}
        {select(
          "country",
          t("fields.country"),
          countries.map((c) => ({ value: c.code, label: c.name })),
        )}
        {select(
          "certification",
          t("fields.certification"),
          CERTIFICATIONS.map((c) => ({ value: c.code, label: c.name })),
        )}
        <div className="actions">
          <button type="submit" className="button">
            {t("directory.apply")}
          </button>
          <Link to="/firms">{t("directory.clear")}</Link>
        </div>
      </Form>
      {invalidFilter ? (
        <p className="notice" role="status">
          {t("directory.invalidFilter")}
        </p>
      ) : null}
      <p aria-live="polite" data-testid="result-count">
        {t("directory.results", { count: total })}
      </p>
      <ul className="firm-grid" data-testid="directory-results">
        {items.map((f) => (
          <FirmCard key={f.id} firm={f} />
        ))}
      </ul>
      {pageCount > 1 ? (
        <nav aria-label={t("directory.pagination")} className="pagination">
          {page > 1 ? <Link to={pageHref(page - 1)}>{t("directory.previous")}</Link> : <span />}
          <span>{t("directory.pageOf", { page, pageCount })}</span>
          {page < pageCount ? <Link to={pageHref(page + 1)}>{t("directory.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

interface DirectoryFirm {
  id: string;
  name: string;
  kind: string;
  countryName: string;
  region: string;
  sectorName: string;
  link: string | null;
  tier: number | null;
  certifications: Array<{ code: string; status: string }>;
}

/** One firm of the directory: kind, place, sector, chain position and valid certifications. */
function FirmCard({ firm: f }: { firm: DirectoryFirm }) {
  const { t } = useTranslation();
  return (
    <li className="card firm-card">
      <h2>
        <Link to={`/firms/${f.id}`}>{f.name}</Link>
      </h2>
      <p className="muted">
        {t(`firmKinds.${f.kind}`)} · {f.countryName}
        {f.region ? ` · ${f.region}` : ""}
      </p>
      <p>{f.sectorName}</p>
      {f.kind === "sme" && f.link ? (
        <p>
          <span className="tag">{t(`links.${f.link}`)}</span> {f.tier ? <span className="tag">{t(`tiers.${f.tier}`)}</span> : null}
        </p>
      ) : null}
      {f.certifications.length > 0 ? (
        <p className="muted small">
          {f.certifications
            .filter((c) => c.status !== "expired")
            .map((c) => certificationName(c.code))
            .join(" · ")}
        </p>
      ) : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
