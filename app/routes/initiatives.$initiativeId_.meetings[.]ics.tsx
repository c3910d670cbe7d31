import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loaded, signedIn } from "../lib/route.server";

/** The club's meetings as an iCalendar download (resource route), for its members and brokers. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const { filename, ics } = await loaded(
    args.context.services.learning.exportClubCalendar(actor, { initiativeId: args.params.initiativeId }),
  );
  return download(ics, { filename, type: "text/calendar" });
}
