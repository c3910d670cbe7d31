import type { z } from "zod";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../server/domain/roles";
import { createUserSchema } from "../../server/schemas/accounts";
import { describedBy, Field } from "../components/field";
import { FormattedDate } from "../components/formatted";
import { ErrorMessage } from "../components/error-message";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args, ["user", "list"]);
  return { users: await args.context.services.accounts.listUsers(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, t } = await signedIn({ request, context }, ["user", "create"]);
  const submission = parseWithZod(await request.formData(), {
    schema: createUserSchema,
    formatError: formatIssues(t),
  });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password"] }), {
      status: 400,
    });
  try {
    await context.services.accounts.createUser(actor, submission.value);
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data(
        submission.reply({
          fieldErrors: serviceFieldErrors(error, t),
          hideFields: ["password"],
        }),
        {
          status: 400,
        },
      );
    }
    throwAsResponse(error);
  }
  return redirectWithToast("/admin/users", "userCreated");
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { users } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
        <div className="table-wrap">
          <table data-testid="user-table">
            <thead>
              <tr>
                <th scope="col">{t("fields.personName")}</th>
                <th scope="col">{t("fields.email")}</th>
                <th scope="col">{t("fields.role")}</th>
                <th scope="col">{t("admin.created")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>
                    <FormattedDate value={u.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
