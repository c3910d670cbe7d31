import { useFormResult } from "../../lib/form-result";
import { FormError } from "../form-error";

/**
 * A plain (non-conform) form's last answer: its fields' errors, and the form's message with the
 * errors of fields it does not show.
 */
export function useIntentErrors(intent: string, target: string | null = null) {
  const { lastResult, error } = useFormResult(intent, target);
  const fields: Record<string, string[] | null | undefined> = lastResult?.error ?? {};
  const messageOf = (known: string[]) => [
    error,
    ...Object.entries(fields).flatMap(([key, messages]) => (known.includes(key) ? [] : (messages ?? []))),
  ];
  return {
    fields,
    message: (known: string[] = []) => <FormError messages={messageOf(known)} />,
  };
}
