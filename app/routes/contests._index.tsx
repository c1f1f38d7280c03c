import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContestGrid } from "~/components/contest-card";
import { useT } from "~/i18n";
import { listPublicContests } from "~/models/contest.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.contests");

export async function loader() {
  return { contests: await listPublicContests() };
}

export default function ContestsPage() {
  const { contests } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="contests-title">
      <h1 id="contests-title">{t("nav.contests")}</h1>
      <ContestGrid contests={contests} />
    </section>
  );
}
