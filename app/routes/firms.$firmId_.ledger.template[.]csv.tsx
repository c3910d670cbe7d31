import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../utils/auth.server";

/**
 * The CSV template of the sales-ledger import (resource route). It holds only the columns and
 * two made-up example rows, no firm's data, so any signed-in user may download it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(request, context);
  return new Response(context.services.ledger.csvTemplate(), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="sales-ledger-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
