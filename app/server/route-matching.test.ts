// The patch to @remix-run/router (patches/) keeps each routes array's ranked branches and each
// pattern's compiled RegExp: matching must answer as the unpatched router does, on a table
// matched many times and on one whose children were patched in after it was first matched.
import { describe, expect, it } from "vitest";
import {
  createMemoryHistory,
  createRouter,
  matchRoutes,
  type AgnosticRouteObject,
} from "@remix-run/router";

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

function table(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      children: [
        { id: "home", index: true },
        { id: "quiz", path: "quiz/:quizId" },
        { id: "board", path: "quiz/:quizId/leaderboard" },
        { id: "quizzes", path: "quiz" },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

describe("route matching (patched router)", () => {
  it("ranks the same way on every match of one table, and of a fresh copy", () => {
    const routes = table();
    for (let i = 0; i < 3; i++) {
      expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(ids(matchRoutes(routes, "/quiz"))).toEqual(["root", "quizzes"]);
      expect(ids(matchRoutes(routes, "/quiz/2"))).toEqual(["root", "quiz"]);
      expect(matchRoutes(routes, "/quiz/7")?.[1]?.params).toEqual({ quizId: "7", "*": undefined });
      expect(ids(matchRoutes(routes, "/quiz/2/leaderboard"))).toEqual(["root", "board"]);
      expect(ids(matchRoutes(routes, "/elsewhere"))).toEqual(["root", "splat"]);
    }
    expect(ids(matchRoutes(table(), "/quiz/2"))).toEqual(["root", "quiz"]);
  });

  it("matches children patched into a table it has already matched", () => {
    const router = createRouter({
      routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
      history: createMemoryHistory(),
    });
    expect(matchRoutes(router.routes, "/late")).toBeNull();
    router.patchRoutes("root", [{ id: "late", path: "late" }]);
    expect(ids(matchRoutes(router.routes, "/late"))).toEqual(["root", "late"]);
    router.dispose();
  });
});
