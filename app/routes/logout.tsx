import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { forwardCookies } from "../lib/auth.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const response = await context.auth.api.signOut({ headers: request.headers, asResponse: true });
  return redirect("/", { headers: forwardCookies(response) });
}

export function loader() {
  return redirect("/");
}
