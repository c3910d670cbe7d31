import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { FormResult } from "../../lib/form-action.server";

/** Empties an "add" form once its submission went through (the action redirects; errors come back as data). */
export function useResetAfterSuccess(form: { reset: () => void }, intent: string) {
  const navigation = useNavigation();
  const result = useActionData<FormResult>();
  const sending = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" && navigation.formData?.get("intent") === intent) sending.current = true;
    if (navigation.state === "idle" && sending.current) {
      sending.current = false;
      if (result?.intent !== intent) form.reset();
    }
  }, [navigation.state, navigation.formData, result, form, intent]);
}
