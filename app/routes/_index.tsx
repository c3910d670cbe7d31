import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getActor } from "../lib/auth.server";

export async function loader({ context }: LoaderFunctionArgs) {
  if (await getActor(context)) throw redirect("/home");
  return null;
}

export default function Landing() {
  const { t } = useTranslation();
  return (
    <div className="landing">
      <section className="hero">
        <h1>{t("landing.title")}</h1>
        <p className="lead">{t("landing.lead")}</p>
        <p className="actions">
          <Link to="/signup" className="button">
            {t("nav.signUp")}
          </Link>
          <Link to="/login" className="button button-secondary">
            {t("nav.signIn")}
          </Link>
        </p>
      </section>
      <section className="grid-3" aria-label={t("landing.forWhom")}>
        {(["broker", "sme", "buyer"] as const).map((role) => (
          <article className="card" key={role}>
            <h2>{t(`landing.roles.${role}.title`)}</h2>
            <p>{t(`landing.roles.${role}.body`)}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
