// The patch to @remix-run/router (patches/) keeps each routes array's ranked branches and matches
// per pathname, and each pattern's compiled RegExp: matching must answer as the unpatched router
// does, on a table matched many times (each caller with matches of its own) and on one whose
// children were patched in after it was first matched.
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

  it("gives every match of a path its own matches, params included", () => {
    const routes = table();
    const first = matchRoutes(routes, "/quiz/3");
    // Params are read-only by type; a caller in plain JavaScript may still change them.
    (first![1]!.params as Record<string, string>).quizId = "changed";
    first!.pop();
    const again = matchRoutes(routes, "/quiz/3");
    expect(ids(again)).toEqual(["root", "quiz"]);
    expect(again?.[1]?.params).toEqual({ quizId: "3", "*": undefined });
    expect(again?.[1]?.route).toBe(routes[0]!.children![1]);
    // Another path of the same pattern, and a basename, are matches of their own.
    expect(matchRoutes(routes, "/quiz/4")?.[1]?.params.quizId).toBe("4");
    expect(matchRoutes(routes, "/app/quiz/5", "/app")?.[1]?.params.quizId).toBe("5");
    expect(matchRoutes(routes, "/quiz/5", "/app")).toBeNull();
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
