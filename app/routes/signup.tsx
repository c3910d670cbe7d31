import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { signUpSchema } from "../lib/schemas.server";
import {
  FirmChoiceField,
  JoinFirmField,
  NewFirmFields,
  PersonFields,
  RoleChoice,
  type FirmChoice,
  type Role,
  type SignUpFormInput,
} from "../components/account/signup-form";
import { getActor } from "../lib/auth.server";
import { isAppError } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(context)) throw redirect("/home");
  const locale = await localeFor(request, null);
  const directory = await context.services.firms.listFirmNames();
  // A buyer invited from a trade-fair lead (/signup?lead=<token>): prefill what the exhibitor noted.
  const token = new URL(request.url).searchParams.get("lead");
  const invitation = token ? await context.services.stands.getLeadInvitation({ token }) : null;
  return { countries: countryOptions(locale), sectors: sectorOptions(locale), firms: directory, invitation };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await serverT(request, context, null);
  const locale = await localeFor(request, null);
  const submission = parseWithZod(await request.formData(), { schema: signUpSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  try {
    await context.services.accounts.signUp(submission.value, { locale });
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data(submission.reply({ fieldErrors: serviceFieldErrors(error, t), hideFields: ["password"] }), {
        status: 400,
      });
    }
    throw error;
  }
  // One answer whether the email was new or already had an account (see signUp), so the form
  // tells no one which emails are registered: nobody is signed in here, the new account's
  // owner signs in with the password just chosen.
  return redirectWithToast("/login", "signUpReceived");
}

export default function SignUp() {
  const { t } = useTranslation();
  const { countries, sectors, firms, invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<SignUpFormInput>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: invitation ? { firmName: invitation.buyerName } : undefined,
  });
  const [role, setRole] = useState<Role>(invitation ? "buyer" : "sme");
  const [choice, setChoice] = useState<FirmChoice>("create");
  return (
    <section className="narrow card">
      <h1>{t("signup.title")}</h1>
      <p className="lead">{t("signup.lead")}</p>
      {invitation ? (
        <p className="notice" data-testid="lead-invitation">
          {t("stands.signup.fromLead", { fair: invitation.fairName })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        {invitation ? <input type="hidden" name="leadToken" value={invitation.token} /> : null}
        <RoleChoice role={role} onChange={setRole} />
        <PersonFields fields={fields} />
        <FirmChoiceField choice={choice} onChange={setChoice} />
        {choice === "create" ? (
          <NewFirmFields fields={fields} role={role} countries={countries} sectors={sectors} invitation={invitation} />
        ) : (
          <JoinFirmField fields={fields} role={role} firms={firms} />
        )}
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
