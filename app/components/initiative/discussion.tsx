import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";

/** The initiative's messages, and the box to write one. */
export function Discussion({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const { messages, permissions } = view;
  const navigation = useNavigation();
  const result = useFormResult("message");
  const [form, fields] = useForm<{ body: string }>({
    id: "message",
    lastResult: result.lastResult,
    shouldValidate: "onSubmit",
  });
  // Empty the box once a message went through (the action redirects; an error comes back as data).
  const sending = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" && navigation.formData?.get("intent") === "message") sending.current = true;
    if (navigation.state === "idle" && sending.current) {
      sending.current = false;
      if (!result.lastResult && !result.error) form.reset();
    }
  }, [navigation.state, navigation.formData, result.lastResult, result.error, form]);
  const body = fields.body;
  return (
    <section className="card stack" aria-labelledby="discussion-heading" id="discussion">
      <h2 id="discussion-heading">{t("initiatives.discussion.title")}</h2>
      {messages.length === 0 ? <p className="muted">{t("initiatives.discussion.empty")}</p> : null}
      <ol className="messages" data-testid="messages">
        {messages.map((m) => (
          <li key={m.id} className="message">
            <p className="message-meta">
              <strong>{m.authorName}</strong>
              {m.firmName ? <span className="muted"> · {m.firmName}</span> : null}
              <span className="muted">
                {" "}
                · <FormattedDate value={m.createdAt} style="datetime" />
              </span>
            </p>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {permissions.message ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack message-form no-print">
          <input type="hidden" name="intent" value="message" />
          <Field id={body.id} label={t("initiatives.discussion.label")} errors={body.errors}>
            <textarea {...getTextareaProps(body)} rows={3} aria-describedby={describedBy(body.id, body.errors)} />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("initiatives.discussion.send")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
