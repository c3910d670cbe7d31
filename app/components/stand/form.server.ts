import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { countryName } from "../../../db/reference/countries";
import { minorDigits } from "../../../db/reference/currencies";
import { formatDate } from "../../../i18n/format";
import type { Locale } from "../../../server/domain/locale";
import { minorToDecimal } from "../../../server/domain/money";
import { formatDm2AsM2 } from "../../../server/domain/stand-space";
import { AppError } from "../../../server/errors";
import type { StandView } from "../../../server/services/stands/get-stand";
import { isAppError } from "../../lib/errors.server";
import { refused, type FormResult, type Post } from "../../lib/form-action.server";
import { formatIssues } from "../../lib/messages";
import type { StandFormDefaults } from "./form";
import { standFieldPath, standFormSchema, toStandInput } from "./form-schema.server";

/**
 * The stand form's post ("new stand", "edit stand"), like the toolkit's `submit` with two
 * differences the form needs: a subsidy row's add/remove button answers 200 with the form as it
 * now is, and a service's field errors come under the form's names with "check the fields marked
 * below" on top.
 */
export async function submitStand(post: Post, run: (input: ReturnType<typeof toStandInput>) => Promise<Response>) {
  const submission = parseWithZod(post.formData, { schema: standFormSchema, formatError: formatIssues(post.t) });
  if (submission.status !== "success") {
    const status = submission.status === "error" ? 400 : 200;
    return data<FormResult>({ intent: post.intent, target: post.target, reply: submission.reply(), error: null }, { status });
  }
  try {
    return await run(toStandInput(submission.value));
  } catch (error) {
    const formErrors = [post.t(`${post.errors}.checkFields`)];
    return refused(post, renamed(error), (fieldErrors) => submission.reply({ formErrors, fieldErrors }));
  }
}

/** A service's refusal with its field paths as the form names them (a subsidy's percent or amount is the row's value). */
function renamed(error: unknown): unknown {
  if (!isAppError(error) || !error.fields) return error;
  const rename = <T>(byPath: Record<string, T> | undefined) =>
    byPath && Object.fromEntries(Object.entries(byPath).map(([path, value]) => [standFieldPath(path), value]));
  return new AppError(error.code, error.message, rename(error.fields), rename(error.fieldKeys), rename(error.fieldParams));
}

/** A fair as the stand form's choice names it: name, place and dates. */
export function fairChoice(
  fair: { id: string; name: string; city: string; country: string; startsOn: string; endsOn: string },
  locale: Locale,
) {
  return {
    id: fair.id,
    label: `${fair.name} · ${fair.city}, ${countryName(fair.country, locale)} · ${formatDate(locale, fair.startsOn)}–${formatDate(locale, fair.endsOn)}`,
  };
}

/** A stand as the edit form's starting values. */
export function standDefaults(view: StandView, fairId: string): StandFormDefaults {
  const { stand, initiative } = view;
  const digits = minorDigits(stand.currency);
  const decimal = (minor: number | null) => (minor !== null ? minorToDecimal(minor, digits) : "");
  return {
    fairId,
    title: initiative.title,
    description: initiative.description,
    deadline: initiative.deadlineDate,
    areaM2: formatDm2AsM2(stand.areaDm2),
    frontageM: stand.frontageDm ? String(stand.frontageDm / 10) : "",
    minAreaM2: formatDm2AsM2(stand.minAreaDm2),
    totalCost: { amount: minorToDecimal(stand.totalCostMinor, digits), currency: stand.currency },
    splitRule: stand.splitRule,
    fixedFee: decimal(stand.fixedFeeMinor),
    subsidies: view.subsidies.map((s) => ({
      sponsor: s.sponsor,
      kind: s.kind,
      value: s.kind === "percent" ? String((s.percentBasisPoints ?? 0) / 100) : minorToDecimal(s.amountMinor ?? 0, digits),
      capPerFirm: decimal(s.capPerFirmMinor),
      maxEmployees: s.maxEmployees !== null ? String(s.maxEmployees) : "",
    })),
    shareCosts: stand.shareCosts,
    shareLeads: stand.shareLeads,
  };
}
