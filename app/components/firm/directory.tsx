import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CERTIFICATIONS, certificationName } from "../../../db/reference/certifications";
import { LINKS, TIERS } from "../../../server/domain/chain-position";

/** The firm directory's parts: the search filters, one card per firm and the page links. */

type Option = { code: string; name: string };

/** One filter: "any" or one of `options`, preset from the URL. */
function FilterSelect({ name, label, options }: { name: string; label: string; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
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
}

/** The search form; it is keyed by the query so going back in history resets its fields. */
export function DirectoryFilters({ countries, sectors }: { countries: Option[]; sectors: Option[] }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Form method="get" className="card filters" role="search" aria-label={t("directory.title")} key={params.toString()}>
      <div className="field">
        <label htmlFor="filter-q">{t("directory.search")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
      </div>
      <FilterSelect
        name="kind"
        label={t("fields.kind")}
        options={(["sme", "buyer", "agency"] as const).map((k) => ({ value: k, label: t(`firmKinds.${k}`) }))}
      />
      <FilterSelect name="sector" label={t("fields.sector")} options={sectors.map((s) => ({ value: s.code, label: s.name }))} />
      <FilterSelect name="link" label={t("fields.link")} options={LINKS.map((l) => ({ value: l, label: t(`links.${l}`) }))} />
      <FilterSelect name="tier" label={t("fields.tier")} options={TIERS.map((n) => ({ value: String(n), label: t(`tiers.${n}`) }))} />
      <FilterSelect name="country" label={t("fields.country")} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
      <FilterSelect
        name="certification"
        label={t("fields.certification")}
        options={CERTIFICATIONS.map((c) => ({ value: c.code, label: c.name }))}
      />
      <div className="actions">
        <button type="submit" className="button">
          {t("directory.apply")}
        </button>
        <Link to="/firms">{t("directory.clear")}</Link>
      </div>
    </Form>
  );
}

/** Previous and next page links that keep the filters. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <nav aria-label={t("directory.pagination")} className="pagination">
      {page > 1 ? <Link to={pageHref(page - 1)}>{t("directory.previous")}</Link> : <span />}
      <span>{t("directory.pageOf", { page, pageCount })}</span>
      {page < pageCount ? <Link to={pageHref(page + 1)}>{t("directory.next")}</Link> : <span />}
    </nav>
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
export function FirmCard({ firm: f }: { firm: DirectoryFirm }) {
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
