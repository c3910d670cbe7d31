import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loaded, signedIn } from "../lib/route.server";

/** The stand's calendar (the fair's days, the booking deadline, open tasks' due dates) as an ICS download. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args);
  const { filename, ics } = await loaded(
    args.context.services.stands.exportStandCalendar(actor, { initiativeId: args.params.initiativeId }),
  );
  return download(ics, { filename, type: "text/calendar" });
}
