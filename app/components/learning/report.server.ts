import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "../../../server/authz/actor";
import type { BenchmarkReport } from "../../../server/services/learning/get-benchmark-report";
import { loaded } from "../../lib/route.server";

/**
 * The report of one period (`?period=<id>`, the latest by default). The service is the gate
 * (members, brokers of the network, administrators); a period that is not one of the club's
 * shows the latest instead, like a malformed one.
 */
export async function loadReport(request: Request, context: AppLoadContext, actor: Actor, initiativeId: string): Promise<BenchmarkReport> {
  const requested = new URL(request.url).searchParams.get("period") ?? "";
  const reports = context.services.learning;
  if (!requested) return loaded(reports.getBenchmarkReport(actor, { initiativeId }));
  try {
    return await loaded(reports.getBenchmarkReport(actor, { initiativeId, periodId: requested }));
  } catch (refusal) {
    if (refusal instanceof Response && refusal.status === 404) return loaded(reports.getBenchmarkReport(actor, { initiativeId }));
    throw refusal;
  }
}
