import type { z } from "zod";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../server/domain/roles";
import { createUserSchema } from "../lib/schemas.server";
import { describedBy, Field } from "../components/field";
import { ErrorMessage } from "../components/error-message";
import { UserTable } from "../components/account/user-table";
import { FormError } from "../components/form-error";
import { readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args, ["user", "list"]);
  return { users: await args.context.services.accounts.listUsers(actor) };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["user", "create"]);
  return submit(
    await readPost(args.request, t),
    createUserSchema,
    async (input) => {
      await args.context.services.accounts.createUser(actor, input);
      return redirectWithToast("/admin/users", "userCreated");
    },
    { hideFields: ["password"] },
  );
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { users } = useLoaderData<typeof loader>();
  // The page's one form: its post names no intent.
  const { lastResult, error } = useFormResult("");
  const [form, fields] = useForm<z.input<typeof createUserSchema>>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: { role: "broker" },
  });
  return (
    <div className="stack">
      <h1>{t("admin.title")}</h1>
      <section className="card">
        <h2>{t("admin.create")}</h2>
        <p className="muted">{t("admin.createHelp")}</p>
        <Form method="post" {...getFormProps(form)} noValidate className="grid-2">
          <FormError messages={[...(form.errors ?? []), error]} />
          <Field id={fields.name.id} label={t("fields.personName")} errors={fields.name.errors}>
            <input {...getInputProps(fields.name, { type: "text" })} aria-describedby={describedBy(fields.name.id, fields.name.errors)} />
          </Field>
          <Field id={fields.email.id} label={t("fields.email")} errors={fields.email.errors}>
            <input
              {...getInputProps(fields.email, { type: "email" })}
              aria-describedby={describedBy(fields.email.id, fields.email.errors)}
            />
          </Field>
          <Field id={fields.password.id} label={t("fields.initialPassword")} errors={fields.password.errors}>
            <input
              {...getInputProps(fields.password, { type: "password" })}
              autoComplete="new-password"
              aria-describedby={describedBy(fields.password.id, fields.password.errors)}
            />
          </Field>
          <Field id={fields.role.id} label={t("fields.role")} errors={fields.role.errors}>
            <select {...getSelectProps(fields.role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" className="button">
              {t("admin.submit")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card">
        <h2>{t("admin.list")}</h2>
        <UserTable users={users} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
