import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/http/session.server";
import { assertSameOrigin } from "~/http/same-origin.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return logout(request);
}

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}
