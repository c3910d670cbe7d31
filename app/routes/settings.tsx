import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../server/domain/locale";
import { changePasswordSchema, localeSchema } from "../lib/schemas.server";
import { CalendarFeed } from "../components/account/calendar-feed";
import { describedBy, Field } from "../components/field";
import { FormError } from "../components/form-error";
import { forwardCookies } from "../lib/auth.server";
import { perform, readPost, submit, type FormResult, type Post } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { formatIssues } from "../lib/messages";
import { signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

/** Passwords are never sent back to the page, not even to refill the form. */
const PASSWORDS = ["currentPassword", "newPassword", "confirmPassword"];

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args);
  const feed = await args.context.services.calendar.getCalendarFeed(actor);
  const calendarUrl = `${args.context.env.PUBLIC_URL.replace(/\/+$/, "")}${feed.path}`;
  return {
    name: actor.name,
    email: actor.email,
    role: actor.role,
    locale,
    calendar: {
      url: calendarUrl,
      webcalUrl: calendarUrl.replace(/^https?:/, "webcal:"),
      path: feed.path,
    },
  };
}

/** Changing the password through better-auth; a wrong current password is that field's error. */
async function changePassword(args: RouteArgs, post: Post) {
  const submission = parseWithZod(post.formData, {
    schema: changePasswordSchema,
    formatError: formatIssues(post.t),
  });
  const refuse = (fieldErrors?: Record<string, string[]>) =>
    data<FormResult>(
      {
        intent: post.intent,
        target: null,
        reply: submission.reply({ fieldErrors, hideFields: PASSWORDS }),
        error: null,
      },
      { status: 400 },
    );
  if (submission.status !== "success") return refuse();
  const { currentPassword, newPassword } = submission.value;
  const response = await args.context.auth.api.changePassword({
    body: { currentPassword, newPassword, revokeOtherSessions: true },
    headers: args.request.headers,
    asResponse: true,
  });
  if (!response.ok) return refuse({ currentPassword: [post.t("validation.wrong_password")] });
  return redirectWithToast("/settings", "passwordChanged", {
    headers: forwardCookies(response),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const post = await readPost(args.request, t);
  const { calendar, accounts } = args.context.services;
  switch (post.intent) {
    case "calendarReset":
      return perform(post, async () => {
        await calendar.resetCalendarFeed(actor);
        return redirectWithToast("/settings", "calendar.toast.reset");
      });
    case "locale":
      return submit(post, localeSchema, async (input) => {
        await accounts.setLocale(actor, input);
        return redirectWithToast("/settings", "languageSaved");
      });
    default:
      // The password form is the page's main form: a post that names no other is its.
      return changePassword(args, { ...post, intent: "password" });
  }
}

export default function Settings() {
  const { t } = useTranslation();
  const { name, email, role, locale, calendar } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("password");
  const languageResult = useFormResult("locale");
  const [form, fields] = useForm<z.input<typeof changePasswordSchema>>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const localeErrors = languageResult.lastResult?.error?.locale ?? null;
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
          <select
            id="settings-locale"
            name="locale"
            defaultValue={locale}
            aria-invalid={localeErrors ? true : undefined}
            aria-describedby={localeErrors ? "settings-locale-error" : undefined}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small">
            {t("common.save")}
          </button>
          <FormError id="settings-locale-error" messages={[...(localeErrors ?? []), languageResult.error]} />
        </Form>
      </section>
      <CalendarFeed calendar={calendar} />
      <section className="card">
        <h2>{t("settings.password")}</h2>
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <input type="hidden" name="intent" value="password" />
          <FormError messages={[...(form.errors ?? []), error]} />
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
