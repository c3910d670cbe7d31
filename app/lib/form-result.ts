import { useActionData } from "@remix-run/react";
import type { FormResult } from "./form-action.server";

/**
 * The answer to this form's last post (`intent`, and `target` when the page repeats the form per
 * row), or nothing when another form on the page was sent: `lastResult` for conform's
 * `useForm`, `error` for the form's message.
 */
export function useFormResult(
  intent: string,
  target: string | null = null,
): { lastResult: FormResult["reply"] | undefined; error: string | null } {
  const result = useActionData<FormResult>();
  if (!result || result.intent !== intent || result.target !== target) return { lastResult: undefined, error: null };
  return { lastResult: result.reply ?? undefined, error: result.error };
}
