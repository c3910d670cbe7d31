import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { describedBy, Field } from "../field";

/** A labelled text-like input with its hint and errors, wired for screen readers. */
export function TextField<S>({
  field,
  label,
  type = "text",
  hint,
  inputMode,
}: {
  field: FieldMetadata<S>;
  label: string;
  type?: "text" | "date" | "number" | "url" | "email";
  hint?: string;
  inputMode?: "decimal" | "numeric";
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <input
        {...getInputProps(field, { type })}
        inputMode={inputMode}
        aria-describedby={describedBy(field.id, field.errors, Boolean(hint))}
      />
    </Field>
  );
}

/** A labelled select of `options`, optionally with a blank first choice. */
export function SelectField<S>({
  field,
  label,
  options,
  blank,
  hint,
}: {
  field: FieldMetadata<S>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  blank?: string;
  hint?: string;
}) {
  return (
    <Field id={field.id} label={label} errors={field.errors} hint={hint}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors, Boolean(hint))}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
