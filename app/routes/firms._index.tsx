import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { firmSearchSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { DirectoryFilters, FirmCard, Pagination } from "../components/firm/directory";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { signedIn } from "../lib/route.server";
import { countryName, isicTitle } from "../lib/names.server";

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
  return (
    <div className="stack">
      <h1>{t("directory.title")}</h1>
      <DirectoryFilters countries={countries} sectors={sectors} />
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
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
