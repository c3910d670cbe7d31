import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../utils/auth.server";
import { isAppError } from "../utils/errors.server";

/** The purchase summary of a locked joint purchase, as a CSV download (resource route). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  try {
    const { filename, csv } = await context.services.initiatives.purchaseSummaryCsv(actor, { initiativeId: params.initiativeId });
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
      const status = error.code === "conflict" ? 409 : error.code === "not_found" || error.code === "invalid_input" ? 404 : error.status;
      return new Response(error.code === "conflict" ? "The purchase summary exists once the joint purchase is locked." : error.message, {
        status,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    throw error;
  }
}
