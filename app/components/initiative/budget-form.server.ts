import { AppError } from "../../../server/errors";
import { isAppError } from "../../lib/errors.server";
import { formText } from "../../lib/form-action.server";
import { z } from "zod";
import { budgetFieldName, renameErrorFields } from "./budget-fields";
import { budgetFormSchema } from "./budget-schema.server";

/**
 * A budget use case's work, its field refusals renamed to the budget form's fields (the
 * services name "budget.budget.amount" or "fundingSources.0.percent"; the form "budget.amount",
 * "budget.fundingSources[0].value"), so the toolkit shows them under those fields.
 */
export async function underBudgetFields<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isAppError(error) || !error.fields) throw error;
    const renamed = renameErrorFields(error.fields, error.fieldKeys, budgetFieldName);
    throw new AppError(error.code, error.message, renamed.fields, renamed.keys, error.fieldParams);
  }
}

/**
 * The initiative page's budget form: the budget fields plus one optional whole-number weight per
 * participant (`weight-<firmId>`; blank keeps the current weight) for the custom split rule.
 * A weight out of range is an error under the split rule.
 */
export function budgetPageForm(participants: ReadonlyArray<{ firmId: string }>, formData: FormData) {
  const weights: Record<string, number> = {};
  let badWeight = false;
  for (const p of participants) {
    const raw = formText(formData, `weight-${p.firmId}`).trim();
    if (!raw) continue;
    const weight = Number(raw);
    if (!Number.isInteger(weight) || weight < 0 || weight > 1_000_000) badWeight = true;
    else weights[p.firmId] = weight;
  }
  // The weights are read apart from the budget's fields: say so with their errors, on the first submit.
  const schema = z.object({ budget: budgetFormSchema }).superRefine(
    (_, ctx) => {
      if (badWeight)
        ctx.addIssue({
          code: "custom",
          path: ["budget", "splitRule"],
          message: "Weights are whole numbers from 0 to 1,000,000",
          params: { key: "initiatives.errors.weights" },
        });
    },
    { when: () => true },
  );
  return { schema, weights };
}
