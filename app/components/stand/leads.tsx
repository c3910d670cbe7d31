import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { LEAD_BUYER_TYPES } from "../../../server/domain/stand-lead";
import type { addLeadSchema } from "../../../server/schemas/stands";
import type { StandView } from "../../../server/services/stands/get-stand";
import { useBrowserValue } from "../../lib/browser-value";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { SelectField, TextField } from "./inputs";
import { TableWrap } from "./plan";
import { useResetAfterSuccess } from "./reset";

type Lead = NonNullable<StandView["leads"]>[number];

/** What the leads section needs besides the stand: country names and lists, and the site's address for invitation links. */
interface LeadsContext {
  countries: Array<{ code: string; name: string }>;
  countryNames: Record<string, string>;
  publicUrl: string;
}

/** The leads log: the reader's own leads (or all, where shared), invitation links, and a form to log one. */
export function Leads({ view, context }: { view: StandView; context: LeadsContext }) {
  const { t } = useTranslation();
  const leads = view.leads ?? [];
  return (
    <section className="card stack" aria-labelledby="leads-heading" id="leads" data-testid="leads">
      <h2 id="leads-heading">{t("stands.page.leadsTitle")}</h2>
      <p className="muted small">{view.viewer.seesAllLeads ? t("stands.leads.seesAll") : t("stands.leads.seesOwn")}</p>
      {leads.length === 0 ? (
        <p className="muted">{t("stands.leads.none")}</p>
      ) : (
        <LeadTable leads={leads} seesAll={view.viewer.seesAllLeads} context={context} />
      )}
      {view.permissions.canAddLead ? <AddLeadForm countries={context.countries} /> : null}
    </section>
  );
}

function LeadTable({ leads, seesAll, context }: { leads: Lead[]; seesAll: boolean; context: LeadsContext }) {
  const { t } = useTranslation();
  const none = <span className="muted">—</span>;
  return (
    <TableWrap label={t("stands.page.leadsTitle")}>
      <table className="lead-table" data-testid="lead-table">
        <thead>
          <tr>
            <th scope="col">{t("stands.leads.buyer")}</th>
            {seesAll ? <th scope="col">{t("stands.plan.exhibitor")}</th> : null}
            <th scope="col">{t("stands.leads.products")}</th>
            <th scope="col">{t("stands.leads.nextStep")}</th>
            <th scope="col">{t("stands.leads.followUp")}</th>
            <th scope="col">{t("stands.leads.invitation")}</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id} id={`lead-${lead.id}`} className={lead.own ? "own-line" : undefined}>
              <th scope="row">
                {lead.buyerName}
                <span className="muted small lead-meta">
                  {t(`stands.buyerTypes.${lead.buyerType}`)} · {context.countryNames[lead.country] ?? lead.country}
                </span>
                {lead.contactEmail ? <span className="small lead-meta">{lead.contactEmail}</span> : null}
              </th>
              {seesAll ? <td>{lead.firmName}</td> : null}
              <td>{lead.products || none}</td>
              <td>{lead.nextStep || none}</td>
              <td>{lead.followUpOn ? <FormattedDate value={lead.followUpOn} /> : none}</td>
              <td>
                <LeadInvitation lead={lead} publicUrl={context.publicUrl} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function AddLeadForm({ countries }: { countries: LeadsContext["countries"] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { lastResult } = useFormResult("addLead");
  const [form, fields] = useForm<z.input<typeof addLeadSchema>>({
    id: "add-lead",
    lastResult,
    defaultValue: { buyerType: "retailer", country: "" },
    shouldValidate: "onSubmit",
  });
  useResetAfterSuccess(form, "addLead");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack add-lead-form">
      <h3>{t("stands.leads.addTitle")}</h3>
      <input type="hidden" name="intent" value="addLead" />
      <div className="grid-3">
        <TextField field={fields.buyerName} label={t("stands.leads.buyerName")} />
        <SelectField
          field={fields.country}
          label={t("fields.country")}
          blank={t("common.choose")}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <SelectField
          field={fields.buyerType}
          label={t("stands.leads.buyerType")}
          options={LEAD_BUYER_TYPES.map((b) => ({ value: b, label: t(`stands.buyerTypes.${b}`) }))}
        />
      </div>
      <Field id={fields.products.id} label={t("stands.leads.products")} errors={fields.products.errors}>
        <textarea
          {...getTextareaProps(fields.products)}
          rows={2}
          aria-describedby={describedBy(fields.products.id, fields.products.errors)}
        />
      </Field>
      <div className="grid-3">
        <TextField field={fields.nextStep} label={t("stands.leads.nextStep")} />
        <TextField field={fields.followUpOn} label={t("stands.leads.followUp")} type="date" />
        <TextField field={fields.contactEmail} label={t("stands.leads.contactEmail")} type="email" hint={t("stands.leads.contactHint")} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("stands.leads.add")}
        </button>
      </div>
    </Form>
  );
}

function LeadInvitation({ lead, publicUrl }: { lead: Lead; publicUrl: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  if (lead.joined) return <span className="tag tag-valid">{t("stands.leads.joined")}</span>;
  if (lead.invitationPath) return <InvitationLink lead={lead} url={`${publicUrl.replace(/\/$/, "")}${lead.invitationPath}`} />;
  if (!lead.canInvite) return <span className="muted">—</span>;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="invite" />
      <input type="hidden" name="leadId" value={lead.id} />
      <button type="submit" className="button button-small button-secondary" disabled={navigation.state !== "idle"}>
        {t("stands.leads.invite")}
        <span className="visually-hidden"> ({lead.buyerName})</span>
      </button>
    </Form>
  );
}

function InvitationLink({ lead, url }: { lead: Lead; url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const canCopy = useBrowserValue(() => Boolean(navigator.clipboard), false);
  const id = `invite-${lead.id}`;
  return (
    <div className="invite-link">
      <label htmlFor={id} className="small">
        {t("stands.leads.linkLabel", { buyer: lead.buyerName })}
      </label>
      <input id={id} type="text" readOnly value={url} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
      {canCopy ? (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            void navigator.clipboard.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t("stands.leads.copied") : t("stands.leads.copy")}
        </button>
      ) : null}
    </div>
  );
}
