import { describe, expect, it } from "vitest";
import { LiveReload } from "./live-reload";

function setup() {
  const reloads: number[] = [];
  const live = new LiveReload(() => reloads.push(reloads.length + 1));
  return { live, reloads };
}

describe("LiveReload", () => {
  it("reloads at once on a change while the router is idle", () => {
    const { live, reloads } = setup();
    live.settle(false);
    live.changed();
    expect(reloads).toHaveLength(1);
  });

  it("never starts a reload while its own reload is under way, and reloads once after it", () => {
    const { live, reloads } = setup();
    live.changed();
    // The stream's next changes arrive before the router's loading state has even rendered.
    live.changed();
    live.changed();
    expect(reloads).toHaveLength(1);
    live.settle(true);
    live.changed();
    expect(reloads).toHaveLength(1);
    // The reload is done: the changes that came meanwhile make one more, not three.
    live.settle(false);
    expect(reloads).toHaveLength(2);
    live.settle(true);
    live.settle(false);
    expect(reloads).toHaveLength(2);
  });

  it("waits for a navigation or a form submission to finish", () => {
    const { live, reloads } = setup();
    live.settle(true);
    live.changed();
    expect(reloads).toHaveLength(0);
    live.settle(true);
    expect(reloads).toHaveLength(0);
    live.settle(false);
    expect(reloads).toHaveLength(1);
  });

  it("follows a render that shows the router idle again, even if the loading state never rendered", () => {
    const { live, reloads } = setup();
    live.changed();
    live.changed();
    live.settle(false);
    expect(reloads).toHaveLength(2);
    live.settle(false);
    live.changed();
    expect(reloads).toHaveLength(3);
  });

  it("forgets a remembered change once the stream is closed", () => {
    const { live, reloads } = setup();
    live.settle(true);
    live.changed();
    live.stop();
    live.settle(false);
    expect(reloads).toHaveLength(0);
  });
});
