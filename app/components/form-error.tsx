/**
 * The message about a whole form (conform's form errors and the toolkit's `error`), announced
 * to screen readers; nothing when there is none.
 */
export function FormError({ messages, id }: { messages: ReadonlyArray<string | null | undefined>; id?: string }) {
  const shown = messages.filter((m): m is string => Boolean(m));
  if (shown.length === 0) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {shown.join(" ")}
    </p>
  );
}
