import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, signedIn } from "../lib/route.server";

/**
 * The CSV template of the sales-ledger import (resource route). It holds only the columns and
 * two made-up example rows, no firm's data, so any signed-in user may download it.
 */
export async function loader(args: LoaderFunctionArgs) {
  await signedIn(args);
  return download(args.context.services.ledger.csvTemplate(), { filename: "sales-ledger-template.csv", type: "text/csv" });
}
