import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmProfile } from "../components/firm/profile";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { localeFor } from "../lib/i18n.server";
import { firmNames } from "../lib/names.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const locale = await localeFor(request, actor);
  try {
    const result = await context.services.firms.getFirm(actor, { firmId: params.firmId });
    return { ...result, names: firmNames(result.firm, locale) };
  } catch (error) {
    // A malformed id is a page that does not exist.
    if (error instanceof Error && error.name === "AppError" && (error as { code?: string }).code === "invalid_input") {
      throw new Response("Not found", { status: 404 });
    }
    throwAsResponse(error);
  }
}

export default function FirmPage() {
  const { t } = useTranslation();
  const { firm, visibility, names } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/firms">← {t("directory.back")}</Link>
      </p>
      <h1>{firm.name}</h1>
      {visibility === "private" ? <p className="muted">{t("firm.privateNote")}</p> : null}
      <FirmProfile firm={firm} {...names} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
