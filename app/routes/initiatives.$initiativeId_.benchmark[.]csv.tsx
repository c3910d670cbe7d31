import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loaded, signedIn } from "../lib/route.server";

/**
 * The club's raw values as a CSV download (resource route), for the network's brokers only:
 * the file names firms. `?period=<id>` limits it to one period. The service is the gate.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const periodId = new URL(args.request.url).searchParams.get("period") ?? "";
  const { filename, csv } = await loaded(
    args.context.services.learning.exportBenchmarkCsv(actor, { initiativeId: args.params.initiativeId, periodId }),
  );
  return download(csv, { filename, type: "text/csv" });
}
