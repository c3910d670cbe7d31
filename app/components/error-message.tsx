import { isRouteErrorResponse, useLocation, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "../lib/root-data";

/** Shared by the root and per-route error boundaries: translated, without internals. */
export function ErrorMessage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const root = useRootData();
  // The root's id belongs to the document request: quote it only before any client navigation.
  const documentRequest = useLocation().key === "default";
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 401 ? "unauthenticated" : "unexpected";
  return (
    <section className="card error-card" role="alert">
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      {status >= 500 && documentRequest && root?.requestId ? (
        <p>
          <small data-testid="request-id">{t("errors.reference", { id: root.requestId })}</small>
        </p>
      ) : null}
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </section>
  );
}
