import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../utils/auth.server";
import { isAppError } from "../utils/errors.server";

/** The stand's calendar (the fair's days, the booking deadline, open tasks' due dates) as an ICS download. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  try {
    const { filename, ics } = await context.services.stands.exportStandCalendar(actor, { initiativeId: params.initiativeId });
    return new Response(ics, {
      status: 200,
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === "not_found" || error.code === "invalid_input" ? 404 : error.status;
      return new Response(error.message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
