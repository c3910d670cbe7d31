import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changePasswordSchema } from "../../server/schemas/accounts";
import { describedBy, Field } from "../components/field";
import { LOCALES } from "../../server/domain/locale";
import { forwardCookies, requireActor } from "../lib/auth.server";
import { formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const feed = await context.services.calendar.getCalendarFeed(actor);
  const calendarUrl = `${context.env.PUBLIC_URL.replace(/\/+$/, "")}${feed.path}`;
  return {
    name: actor.name,
    email: actor.email,
    role: actor.role,
    locale: await localeFor(request, actor),
    calendar: { url: calendarUrl, webcalUrl: calendarUrl.replace(/^https?:/, "webcal:"), path: feed.path },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  if (formData.get("intent") === "calendarReset") {
    await context.services.calendar.resetCalendarFeed(actor);
    return redirectWithToast("/settings", "calendar.toast.reset");
  }
  if (formData.get("intent") === "locale") {
    try {
      await context.services.accounts.setLocale(actor, { locale: formData.get("locale") });
    } catch {
      return data({ status: "error" as const, initialValue: null, error: { locale: [t("validation.choose")] } }, { status: 400 });
    }
    return redirectWithToast("/settings", "languageSaved");
  }
  const submission = parseWithZod(formData, { schema: changePasswordSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }), { status: 400 });
  }
  const response = await context.auth.api.changePassword({
    body: { currentPassword: submission.value.currentPassword, newPassword: submission.value.newPassword, revokeOtherSessions: true },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) {
    return data(
      submission.reply({
        fieldErrors: { currentPassword: [t("validation.wrong_password")] },
        hideFields: ["currentPassword", "newPassword", "confirmPassword"],
      }),
      { status: 400 },
    );
  }
  return redirectWithToast("/settings", "passwordChanged", { headers: forwardCookies(response) });
}

export default function Settings() {
  const { t } = useTranslation();
  const { name, email, role, locale, calendar } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof changePasswordSchema>>({
    lastResult: lastResult && "initialValue" in lastResult && lastResult.initialValue === null ? undefined : (lastResult as never),
    shouldValidate: "onSubmit", shouldRevalidate: "onSubmit",
  });
  return (
    <div className="stack">
      <h1>{t("settings.title")}</h1>
      <section className="card">
        <h2>{t("settings.account")}</h2>
        <p>
          {name} · {email} · {t(`roles.${role}`)}
        </p>
      </section>
      <section className="card">
        <h2>{t("settings.language")}</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="locale" />
          <label htmlFor="settings-locale">{t("nav.language")}</label>
          <select id="settings-locale" name="locale" defaultValue={locale}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small">
            {t("common.save")}
          </button>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="settings-calendar-title">
        <h2 id="settings-calendar-title">{t("calendar.title")}</h2>
        <p>{t("calendar.intro")}</p>
        <div className="field">
          <label htmlFor="settings-calendar-url">{t("calendar.urlLabel")}</label>
          <input
            id="settings-calendar-url"
            type="text"
            readOnly
            value={calendar.url}
            spellCheck={false}
            aria-describedby="settings-calendar-private"
            data-testid="calendar-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="hint" id="settings-calendar-private">
            {t("calendar.private")}
          </p>
        </div>
        <p className="inline-actions">
          <a href={calendar.webcalUrl} className="button button-small button-secondary">
            {t("calendar.subscribe")}
          </a>
          <a href={calendar.path} className="button button-small button-secondary" download="jointly.ics">
            {t("calendar.download")}
          </a>
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="calendarReset" />
          <p className="hint" id="settings-calendar-reset-hint">
            {t("calendar.resetHint")}
          </p>
          <div className="actions">
            <button type="submit" className="button button-small" aria-describedby="settings-calendar-reset-hint">
              {t("calendar.reset")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card">
        <h2>{t("settings.password")}</h2>
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <input type="hidden" name="intent" value="password" />
          {(["currentPassword", "newPassword", "confirmPassword"] as const).map((name) => (
            <Field key={name} id={fields[name].id} label={t(`fields.${name}`)} errors={fields[name].errors}>
              <input
                {...getInputProps(fields[name], { type: "password" })}
                autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
                aria-describedby={describedBy(fields[name].id, fields[name].errors)}
              />
            </Field>
          ))}
          <div className="actions">
            <button type="submit" className="button">
              {t("settings.changePassword")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
