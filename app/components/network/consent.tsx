import { useTranslation } from "react-i18next";

/**
 * The consent an SME gives when joining a network: its brokers will see the firm's confidential
 * data. Submitted as consent=true; the action turns it into the boolean the service expects.
 */
export function ConsentCheckbox({ id, errors }: { id: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  const invalid = !!errors?.length;
  return (
    <div className={`consent${invalid ? " field-invalid" : ""}`}>
      <label className="choice" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name="consent"
          value="true"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
        />
        <span>{t("networks.consent")}</span>
      </label>
      {invalid ? (
        <ul className="field-errors" id={`${id}-error`}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
