import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signInSchema } from "../lib/schemas.server";
import { describedBy, Field } from "../components/field";
import { forwardCookies, getActor, safeRedirect, signInWithPassword } from "../lib/auth.server";
import { formatIssues } from "../lib/messages";
import { serverT } from "../lib/i18n.server";

export const meta: MetaFunction = () => [{ title: "Jointly" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (await getActor(context)) throw redirect("/home");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await serverT(request, context, null);
  const submission = parseWithZod(await request.formData(), { schema: signInSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const response = await signInWithPassword(context, submission.value);
  if (response.status === 429) {
    return data(submission.reply({ formErrors: [t("login.rateLimited")], hideFields: ["password"] }), { status: 429 });
  }
  if (!response.ok) {
    return data(submission.reply({ formErrors: [t("login.invalid")], hideFields: ["password"] }), { status: 400 });
  }
  return redirect(safeRedirect(submission.value.redirectTo), { headers: forwardCookies(response) });
}

export default function Login() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof signInSchema>>({ lastResult, shouldValidate: "onSubmit", shouldRevalidate: "onSubmit" });
  return (
    <section className="narrow card">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/home"} />
        {form.errors?.length ? (
          <p className="form-error" role="alert" id={form.errorId}>
            {form.errors.join(" ")}
          </p>
        ) : null}
        <Field id={fields.email.id} label={t("fields.email")} errors={fields.email.errors}>
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="email"
            aria-describedby={describedBy(fields.email.id, fields.email.errors)}
          />
        </Field>
        <Field id={fields.password.id} label={t("fields.password")} errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="current-password"
            aria-describedby={describedBy(fields.password.id, fields.password.errors)}
          />
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
    </section>
  );
}
