import type { z } from "zod";
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BUYER_TYPES, LINKS, TIERS } from "../../server/domain/chain-position";
import { signUpSchema } from "../../server/schemas/accounts";
import { describedBy, Field } from "../components/field";
import { getActor } from "../lib/auth.server";
import { isAppError } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { countryOptions, sectorOptions } from "../lib/options.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(request, context)) throw redirect("/home");
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
  const [form, fields] = useForm<z.input<typeof signUpSchema>>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: invitation ? { firmName: invitation.buyerName } : undefined,
  });
  const [role, setRole] = useState<"sme" | "buyer">(invitation ? "buyer" : "sme");
  const [choice, setChoice] = useState<"create" | "join">("create");
  const f = fields as unknown as Record<string, FieldMetadata<string>>;
  const input = (name: string, type: "text" | "email" | "password" = "text") => ({
    ...getInputProps(f[name], { type }),
    "aria-describedby": describedBy(f[name].id, f[name].errors),
  });
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
        <fieldset>
          <legend>{t("signup.roleLegend")}</legend>
          {(["sme", "buyer"] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>
                <strong>{t(`roles.${r}`)}</strong> — {t(`signup.roleHelp.${r}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <Field id={f.name.id} label={t("fields.personName")} errors={f.name.errors}>
          <input {...input("name")} autoComplete="name" />
        </Field>
        <Field id={f.email.id} label={t("fields.email")} errors={f.email.errors}>
          <input {...input("email", "email")} autoComplete="email" />
        </Field>
        <Field id={f.password.id} label={t("fields.password")} errors={f.password.errors} hint={t("signup.passwordHint")}>
          <input {...input("password", "password")} autoComplete="new-password" aria-describedby={`${f.password.id}-hint`} />
        </Field>
        <fieldset>
          <legend>{t("signup.firmLegend")}</legend>
          {(["create", "join"] as const).map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="firmChoice" value={c} checked={choice === c} onChange={() => setChoice(c)} />
              <span>{t(`signup.firmChoice.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        {choice === "create" ? (
          <div className="stack">
            <Field id={f.firmName.id} label={t("fields.firmName")} errors={f.firmName.errors}>
              <input {...input("firmName")} autoComplete="organization" />
            </Field>
            <Field id={f.country.id} label={t("fields.country")} errors={f.country.errors}>
              <select name="country" id={f.country.id} defaultValue={invitation?.country ?? "BR"}>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={f.sector.id} label={t("fields.sector")} errors={f.sector.errors}>
              <select name="sector" id={f.sector.id} defaultValue="1520">
                {sectors.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            {role === "sme" ? (
              <div className="grid-2">
                <Field id={f.link.id} label={t("fields.link")} errors={f.link.errors}>
                  <select name="link" id={f.link.id} defaultValue="assembly">
                    {LINKS.map((l) => (
                      <option key={l} value={l}>
                        {t(`links.${l}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={f.tier.id} label={t("fields.tier")} errors={f.tier.errors}>
                  <select name="tier" id={f.tier.id} defaultValue="1">
                    {TIERS.map((tier) => (
                      <option key={tier} value={tier}>
                        {t(`tiers.${tier}`)}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            ) : (
              <Field id={f.buyerType.id} label={t("fields.buyerType")} errors={f.buyerType.errors}>
                <select name="buyerType" id={f.buyerType.id} defaultValue={invitation?.buyerType ?? "global_retailer"}>
                  {BUYER_TYPES.map((b) => (
                    <option key={b} value={b}>
                      {t(`buyerTypes.${b}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
        ) : (
          <Field id={f.firmId.id} label={t("fields.firmToJoin")} errors={f.firmId.errors} hint={t("signup.joinHint")}>
            <select name="firmId" id={f.firmId.id} aria-describedby={`${f.firmId.id}-hint`}>
              <option value="">{t("common.choose")}</option>
              {firms
                .filter((firm) => firm.kind === role)
                .map((firm) => (
                  <option key={firm.id} value={firm.id}>
                    {firm.name}
                  </option>
                ))}
            </select>
          </Field>
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
