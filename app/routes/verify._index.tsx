import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { TextField } from "~/components/form-fields";
import { HonourLinks } from "~/components/honour-links";
import { useT } from "~/i18n";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.verify");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: typing a serial in leads to the same page the QR code opens. */
export async function loader({ request }: LoaderFunctionArgs) {
  const serial = new URL(request.url).searchParams.get("serial")?.trim();
  if (serial) throw redirect(`/verify/${encodeURIComponent(serial.slice(0, 40))}`);
  return null;
}

export default function VerifyForm() {
  const t = useT();
  return (
    <section aria-labelledby="verify-title" className="honours-page">
      <HonourLinks />
      <h1 id="verify-title">{t("honours.verify.title")}</h1>
      <p className="muted">{t("honours.verify.intro")}</p>
      <Form method="get" className="card form-grid">
        <TextField
          id="verify-serial"
          name="serial"
          label={t("honours.verify.serial")}
          placeholder="2026-MW-00001-X"
          maxLength={40}
          required
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("honours.verify.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
