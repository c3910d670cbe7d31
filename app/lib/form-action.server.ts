import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { isAppError } from "./errors.server";
import { formatIssues, serviceFieldErrors, type WordField } from "./messages";

/**
 * The route toolkit's writing half: every form post is parsed with the schema its use case
 * exports, run, and answered in one shape, `FormResult`, which `useFormResult` hands back to
 * the form that was sent (ARCHITECTURE.md, "Writing a page").
 */

/** What a failed post answers: which form (intent, and target when a page repeats it), its fields' errors and a message for the whole form. */
export interface FormResult {
  intent: string;
  target: string | null;
  reply: SubmissionResult<string[]> | null;
  error: string | null;
}

/** An area's form-level messages: `<namespace>.{checkFields,conflict,forbidden,gone,invalid}`. */
export type ErrorNamespace = "form.errors" | "initiatives.errors" | "learning.errors" | "sourcing.errors" | "stands.errors";

/** One post being answered: its form data, which form sent it, and how to word failures. */
export interface Post {
  formData: FormData;
  intent: string;
  target: string | null;
  t: TFunction;
  errors: ErrorNamespace;
  /** A page's own wording for a field's error (figures only the page knows). */
  word?: WordField;
}

/** A text field of a post; a file or a missing field reads as "". */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Reads a post: its form data and the `intent` (which form) and `target` (which row) fields. */
export async function readPost(request: Request, t: TFunction, options: { errors?: ErrorNamespace; word?: WordField } = {}): Promise<Post> {
  const formData = await request.formData();
  return {
    formData,
    intent: formText(formData, "intent"),
    target: formText(formData, "target") || null,
    t,
    errors: options.errors ?? "form.errors",
    word: options.word,
  };
}

function answer(post: Post, reply: SubmissionResult<string[]> | null, error: string | null, status: number) {
  return data<FormResult>({ intent: post.intent, target: post.target, reply, error }, { status });
}

/** The message for a refusal that is about the whole form, not one field. */
function refusalMessage(post: Post, code: string): string {
  const key = code === "forbidden" ? "forbidden" : code === "not_found" ? "gone" : code === "conflict" ? "conflict" : "invalid";
  return post.t(`${post.errors}.${key}`);
}

/**
 * A use case's expected failure as the form's answer: field errors under the fields, anything
 * else as the form's message; an unexpected error is rethrown (a 500 with its request id).
 */
export function refused(post: Post, error: unknown, reply?: (fieldErrors: Record<string, string[]>) => SubmissionResult<string[]>) {
  if (!isAppError(error)) throw error;
  if (error.fields && reply) {
    return answer(post, reply(serviceFieldErrors(error, post.t, post.word)), null, error.status);
  }
  const worded = error.fields
    ? Object.values(serviceFieldErrors(error, post.t, post.word))
        .flat()
        .join(" ")
    : "";
  return answer(post, null, worded || refusalMessage(post, error.code), error.status);
}

/** A post whose form is not one this page has (a stale page, a crafted request). */
export function unknownForm(post: Post) {
  return answer(post, null, post.t(`${post.errors}.invalid`), 400);
}

/**
 * Parses the post with the use case's own schema (field errors in the reader's language), runs
 * the use case and returns its response (a redirect with a toast), or the form's errors.
 * `hideFields` (passwords) are never sent back to the page, not even to refill the form.
 */
export async function submit<S extends z.ZodType>(
  post: Post,
  schema: S,
  run: (value: z.output<S>) => Promise<Response>,
  options: { hideFields?: string[] } = {},
) {
  const { hideFields } = options;
  const submission = parseWithZod(post.formData, { schema, formatError: formatIssues(post.t) });
  if (submission.status !== "success") return answer(post, submission.reply({ hideFields }), null, 400);
  try {
    return await run(submission.value);
  } catch (error) {
    return refused(post, error, (fieldErrors) => submission.reply({ fieldErrors, hideFields }));
  }
}

/** Runs a use case that takes nothing from the form (a button: release, withdraw) and answers like `submit`. */
export async function perform(post: Post, run: () => Promise<Response>) {
  try {
    return await run();
  } catch (error) {
    return refused(post, error);
  }
}
