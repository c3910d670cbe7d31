import { getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { BUYER_TYPES, LINKS, TIERS } from "../../../server/domain/chain-position";
import { describedBy, Field } from "../field";

/** The parts of the sign-up form: who signs up, and the firm they create or join. */

/** Every field of both firm choices in one shape (the schema is a union on `firmChoice`). */
export type SignUpFormInput = {
  firmChoice: "create" | "join";
  role: "sme" | "buyer";
  name: string;
  email: string;
  password: string;
  firmName: string;
  country: string;
  sector: string;
  link: string;
  tier: number;
  buyerType: string;
  leadToken: string;
  firmId: string;
};

type SignUpFields = ReturnType<FormMetadata<SignUpFormInput>["getFieldset"]>;
export type Role = SignUpFormInput["role"];
export type FirmChoice = SignUpFormInput["firmChoice"];
type Option = { code: string; name: string };
/** What a trade-fair lead's invitation prefills. */
type Invitation = { country: string | null; buyerType: string | null } | null;

function inputProps<S>(field: FieldMetadata<S>, type: "text" | "email" | "password" = "text") {
  return { ...getInputProps(field, { type }), "aria-describedby": describedBy(field.id, field.errors) };
}

export function RoleChoice({ role, onChange }: { role: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("signup.roleLegend")}</legend>
      {(["sme", "buyer"] as const).map((r) => (
        <label key={r} className="choice">
          <input type="radio" name="role" value={r} checked={role === r} onChange={() => onChange(r)} />
          <span>
            <strong>{t(`roles.${r}`)}</strong> — {t(`signup.roleHelp.${r}`)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function PersonFields({ fields }: { fields: SignUpFields }) {
  const { t } = useTranslation();
  const { name, email, password } = fields;
  return (
    <>
      <Field id={name.id} label={t("fields.personName")} errors={name.errors}>
        <input {...inputProps(name)} autoComplete="name" />
      </Field>
      <Field id={email.id} label={t("fields.email")} errors={email.errors}>
        <input {...inputProps(email, "email")} autoComplete="email" />
      </Field>
      <Field id={password.id} label={t("fields.password")} errors={password.errors} hint={t("signup.passwordHint")}>
        <input {...inputProps(password, "password")} autoComplete="new-password" aria-describedby={`${password.id}-hint`} />
      </Field>
    </>
  );
}

export function FirmChoiceField({ choice, onChange }: { choice: FirmChoice; onChange: (choice: FirmChoice) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("signup.firmLegend")}</legend>
      {(["create", "join"] as const).map((c) => (
        <label key={c} className="choice">
          <input type="radio" name="firmChoice" value={c} checked={choice === c} onChange={() => onChange(c)} />
          <span>{t(`signup.firmChoice.${c}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function NewFirmFields({
  fields,
  role,
  countries,
  sectors,
  invitation,
}: {
  fields: SignUpFields;
  role: Role;
  countries: Option[];
  sectors: Option[];
  invitation: Invitation;
}) {
  const { t } = useTranslation();
  const { firmName, country, sector } = fields;
  return (
    <div className="stack">
      <Field id={firmName.id} label={t("fields.firmName")} errors={firmName.errors}>
        <input {...inputProps(firmName)} autoComplete="organization" />
      </Field>
      <Field id={country.id} label={t("fields.country")} errors={country.errors}>
        <select name="country" id={country.id} defaultValue={invitation?.country ?? "BR"}>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={sector.id} label={t("fields.sector")} errors={sector.errors}>
        <select name="sector" id={sector.id} defaultValue="1520">
          {sectors.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      {role === "sme" ? <ChainPositionFields fields={fields} /> : <BuyerTypeField fields={fields} invitation={invitation} />}
    </div>
  );
}

function ChainPositionFields({ fields }: { fields: SignUpFields }) {
  const { t } = useTranslation();
  const { link, tier } = fields;
  return (
    <div className="grid-2">
      <Field id={link.id} label={t("fields.link")} errors={link.errors}>
        <select name="link" id={link.id} defaultValue="assembly">
          {LINKS.map((l) => (
            <option key={l} value={l}>
              {t(`links.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={tier.id} label={t("fields.tier")} errors={tier.errors}>
        <select name="tier" id={tier.id} defaultValue="1">
          {TIERS.map((n) => (
            <option key={n} value={n}>
              {t(`tiers.${n}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

function BuyerTypeField({ fields, invitation }: { fields: SignUpFields; invitation: Invitation }) {
  const { t } = useTranslation();
  const { buyerType } = fields;
  return (
    <Field id={buyerType.id} label={t("fields.buyerType")} errors={buyerType.errors}>
      <select name="buyerType" id={buyerType.id} defaultValue={invitation?.buyerType ?? "global_retailer"}>
        {BUYER_TYPES.map((b) => (
          <option key={b} value={b}>
            {t(`buyerTypes.${b}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function JoinFirmField({
  fields,
  role,
  firms,
}: {
  fields: SignUpFields;
  role: Role;
  firms: Array<{ id: string; name: string; kind: string }>;
}) {
  const { t } = useTranslation();
  const { firmId } = fields;
  return (
    <Field id={firmId.id} label={t("fields.firmToJoin")} errors={firmId.errors} hint={t("signup.joinHint")}>
      <select name="firmId" id={firmId.id} aria-describedby={`${firmId.id}-hint`}>
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
  );
}
