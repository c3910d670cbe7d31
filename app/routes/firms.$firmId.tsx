import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message";
import { FirmProfile } from "../components/firm/profile";
import { firmNames } from "../lib/names.server";
import { idParam, loaded, signedIn } from "../lib/route.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args, ["firm", "readPublic"]);
  const result = await loaded(args.context.services.firms.getFirm(actor, { firmId: idParam(args.params, "firmId") }));
  return { ...result, names: firmNames(result.firm, locale) };
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
