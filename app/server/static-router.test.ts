// The patch to react-router-dom (patches/) keeps the data routes createStaticRouter makes from a
// route tree per tree: every render of a build shares them (and so matchRoutes' ranking of
// them), while each render's matches and state stay its own, and another tree gets its own.
import { describe, expect, it } from "vitest";
import { createStaticHandler, type AgnosticRouteObject } from "@remix-run/router";
import { createStaticRouter } from "react-router-dom/server";

type Routes = Parameters<typeof createStaticRouter>[0];

function tree(leaf: string): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      children: [
        { id: "home", index: true },
        { id: leaf, path: "quiz/:quizId" },
      ],
    },
  ];
}

async function render(routes: AgnosticRouteObject[], url: string) {
  const context = await createStaticHandler(routes).query(new Request(url));
  if (context instanceof Response) throw new Error("no context");
  return createStaticRouter(routes as Routes, context);
}

describe("createStaticRouter (patched react-router-dom)", () => {
  it("shares one tree's data routes between renders, each with its own matches", async () => {
    const routes = tree("quiz");
    const first = await render(routes, "http://x/quiz/1");
    const second = await render(routes, "http://x/");
    expect(second.routes).toBe(first.routes);
    expect(first.state.matches.map((m) => m.route.id)).toEqual(["root", "quiz"]);
    expect(first.state.matches[1]?.params).toEqual({ quizId: "1" });
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "home"]);
    // The matches carry the data routes the render walks, not the handler's route objects.
    expect(first.state.matches[0]?.route).toBe(first.routes[0]);
  });

  it("makes another tree's data routes from that tree", async () => {
    const a = await render(tree("quiz"), "http://x/quiz/1");
    const b = await render(tree("paper"), "http://x/quiz/1");
    expect(b.routes).not.toBe(a.routes);
    expect(b.state.matches.map((m) => m.route.id)).toEqual(["root", "paper"]);
    expect(b.routes[0]?.children?.[1]?.id).toBe("paper");
  });
});
