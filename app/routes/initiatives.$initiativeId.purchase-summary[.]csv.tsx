import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loaded, signedIn } from "../lib/route.server";

/** The purchase summary of a locked joint purchase, as a CSV download (resource route). */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const { filename, csv } = await loaded(
    args.context.services.initiatives.purchaseSummaryCsv(actor, { initiativeId: args.params.initiativeId }),
  );
  return download(csv, { filename, type: "text/csv" });
}
