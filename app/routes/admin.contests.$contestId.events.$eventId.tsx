import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm, type EventDefaults } from "~/components/contest-admin-forms";
import { ProblemList } from "~/components/import-report";
import { eventSchema, roundsFromForm } from "~/forms/event";
import { useT } from "~/i18n";
import { getContestForAdmin, getEventForAdmin, saveEvent } from "~/models/contest-admin.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import { sidesOf } from "~/domain/contest/sides";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.event");

async function load(scope: OrganiserScope, params: { contestId?: string; eventId?: string }) {
  const contestId = idParam(params.contestId);
  const contest = await getContestForAdmin(scope, contestId);
  if (!contest) throw notFound();
  if (params.eventId === "new") return { contest, event: null };
  const eventId = idParam(params.eventId);
  const event = await getEventForAdmin(scope, contestId, eventId);
  if (!event) throw notFound();
  return { contest, event };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { contest, event } = await load(organiser.scope, params);
  const s = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  const part = (round: string, kind: string) =>
    s(event?.parts.find((p) => p.round === round && p.kind === kind)?.weight);
  const advance = event ? (JSON.parse(event.advanceCounts) as Record<string, number>) : {};
  const defaults: EventDefaults = event
    ? {
        code: event.code,
        name: event.name,
        category: event.category,
        trade: event.trade,
        mode: event.mode,
        teamMin: event.mode === "team" ? s(event.teamMin) : "2",
        teamMax: event.mode === "team" ? s(event.teamMax) : "3",
        substitutes: s(event.substitutes),
        sides: sidesOf(event.sides).join("、"),
        quotaPerOrg: s(event.quotaPerOrg),
        cap: s(event.cap),
        minAge: s(event.minAge),
        maxAge: s(event.maxAge),
        minSkillLevel: event.minSkillLevel ?? "",
        unionMemberRequired: event.unionMemberRequired,
        prelimTheory: part("preliminary", "theory"),
        prelimPractical: part("preliminary", "practical"),
        prelimAdvance: s(advance.preliminary),
        finalTheory: part("final", "theory"),
        finalPractical: part("final", "practical"),
      }
    : {
        code: "",
        name: "",
        category: "",
        trade: "",
        mode: "individual",
        teamMin: "2",
        teamMax: "3",
        substitutes: "0",
        sides: "",
        quotaPerOrg: "",
        cap: "",
        minAge: "18",
        maxAge: "55",
        minSkillLevel: "",
        unionMemberRequired: false,
        prelimTheory: "",
        prelimPractical: "",
        prelimAdvance: "",
        finalTheory: "30",
        finalPractical: "70",
      };
  return { contest: { id: contest.id, name: contest.name }, eventId: event?.id ?? null, defaults };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { contest, event } = await load(user.scope, params);
  const parsed = parseForm(eventSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const v = parsed.data;
  const outcome = await saveEvent(user, contest.id, event?.id ?? null, {
    code: v.code,
    name: v.name,
    category: v.category,
    trade: v.trade,
    mode: v.mode,
    teamMin: v.teamMin ?? 1,
    teamMax: v.teamMax ?? 1,
    substitutes: v.substitutes ?? 0,
    sides: v.sides,
    quotaPerOrg: v.quotaPerOrg,
    cap: v.cap,
    minAge: v.minAge,
    maxAge: v.maxAge,
    minSkillLevel: v.minSkillLevel ?? null,
    unionMemberRequired: v.unionMemberRequired,
    rounds: roundsFromForm(v),
  });
  if (!outcome) throw notFound();
  if (!outcome.ok) return refused(outcome.problems, 400);
  return redirect(`/admin/contests/${contest.id}`);
}

export default function EventAdmin() {
  const { contest, eventId, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="event-title">
      <p>
        <Link to={`/admin/contests/${contest.id}`}>← {contest.name}</Link>
      </p>
      <h1 id="event-title">{eventId ? t("reg.event.edit") : t("reg.event.new")}</h1>
      <ProblemList title={t("reg.form.fixProblems")} problems={actionData?.problems} />
      <EventForm key={eventId ?? "new"} defaults={defaults} errors={actionData?.errors} />
    </section>
  );
}
