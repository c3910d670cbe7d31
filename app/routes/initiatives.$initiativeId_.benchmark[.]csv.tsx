import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../utils/auth.server";
import { isAppError } from "../utils/errors.server";

/**
 * The club's raw values as a CSV download (resource route), for the network's brokers only:
 * the file names firms. `?period=<id>` limits it to one period. The service is the gate.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const period = new URL(request.url).searchParams.get("period") ?? "";
  try {
    const { filename, csv } = await context.services.learning.exportBenchmarkCsv(actor, { initiativeId: params.initiativeId, periodId: period });
    return new Response(csv, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === "not_found" || error.code === "invalid_input" ? 404 : error.status;
      return new Response(status === 404 ? "Not found" : error.message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
