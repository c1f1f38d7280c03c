// The patch to @remix-run/react (patches/) keeps, on the server, the routes each parent path of a
// page matches per build manifest: the partial manifest a page sends must hold the same routes
// as matching every time would, for every page and for two builds with different route tables.
import { describe, expect, it } from "vitest";
import { matchRoutes, type AgnosticDataRouteObject } from "@remix-run/router";
// The server's (CommonJS) build, which the patch changes; not part of the package's API.
import { getPartialManifest } from "@remix-run/react/dist/fog-of-war.js";

type Manifest = { version: string; routes: Record<string, { id: string }> };

function build(children: AgnosticDataRouteObject[]) {
  const routes: AgnosticDataRouteObject[] = [{ id: "root", path: "/", children }];
  const ids = ["root", ...children.map((c) => c.id)];
  const manifest: Manifest = {
    version: "test",
    routes: Object.fromEntries(ids.map((id) => [id, { id }])),
  };
  return { routes, manifest };
}

const tableA = () =>
  build([
    { id: "home", index: true },
    { id: "quizzes", path: "quiz" },
    { id: "quiz", path: "quiz/:quizId" },
    { id: "review", path: "quiz/:quizId/review/:attemptId" },
  ]);
const tableB = () =>
  build([
    { id: "home", index: true },
    { id: "quiz", path: "quiz/:quizId" },
    { id: "quiz-layout", path: "quiz/:quizId/review" },
  ]);

function partial(manifest: Manifest, routes: AgnosticDataRouteObject[], pathname: string) {
  const matches = matchRoutes(routes, pathname) ?? [];
  const router = { routes, basename: "/", state: { matches, location: { pathname } } };
  // Only the fields getPartialManifest reads: a stand-in for the build's manifest and router.
  type Args = Parameters<typeof getPartialManifest>;
  const result = getPartialManifest(manifest as unknown as Args[0], router as unknown as Args[1]);
  return Object.keys(result.routes).sort();
}

describe("the partial manifest (patched @remix-run/react)", () => {
  it("holds each page's routes and those of its parent paths, every time", () => {
    const { routes, manifest } = tableA();
    for (let i = 0; i < 3; i++) {
      expect(partial(manifest, routes, "/")).toEqual(["home", "root"]);
      expect(partial(manifest, routes, "/quiz/1")).toEqual(["home", "quiz", "quizzes", "root"]);
      expect(partial(manifest, routes, "/quiz/2/review/9")).toEqual([
        "home",
        "quiz",
        "quizzes",
        "review",
        "root",
      ]);
    }
  });

  it("answers for another build from that build's table", () => {
    const a = tableA();
    const b = tableB();
    expect(partial(a.manifest, a.routes, "/quiz/2/review/9")).toContain("quizzes");
    // The same parent paths (/quiz/2/review, /quiz/2, /quiz) match other routes in this build.
    expect(partial(b.manifest, b.routes, "/quiz/2/review/9")).toEqual([
      "home",
      "quiz",
      "quiz-layout",
      "root",
    ]);
  });
});
