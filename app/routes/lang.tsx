import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/http/locale.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { assertSameOrigin } from "~/http/same-origin.server";
import { readForm } from "~/http/form-body.server";

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await readForm(request, "small");
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown language", { status: 400 });
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}

export async function loader() {
  return redirect("/");
}
