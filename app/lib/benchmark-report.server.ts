import type { AppLoadContext } from "@remix-run/node";
import type { BenchmarkReport } from "../../server/services/learning/get-benchmark-report";
import { requireActor } from "./auth.server";
import { isAppError, throwAsResponse } from "./errors.server";
import { initiativeIdOf } from "./learning-forms";

/**
 * The report of one period (`?period=<id>`, the latest by default). A period that is not one of
 * the club's shows the latest instead, like a malformed one.
 */
export async function loadReport(request: Request, context: AppLoadContext, initiativeIdParam: string | undefined): Promise<BenchmarkReport> {
  const actor = await requireActor(request, context);
  const initiativeId = initiativeIdOf({ initiativeId: initiativeIdParam });
  const requested = new URL(request.url).searchParams.get("period") ?? "";
  try {
    return await context.services.learning.getBenchmarkReport(actor, { initiativeId, periodId: requested });
  } catch (error) {
    // The service is the gate (members, brokers of the network, administrators); a period id
    // that is no period of this club falls back to the latest.
    if (requested && isAppError(error) && (error.code === "invalid_input" || error.code === "not_found")) {
      try {
        return await context.services.learning.getBenchmarkReport(actor, { initiativeId });
      } catch (again) {
        throwAsResponse(again);
      }
    }
    throwAsResponse(error);
  }
}

