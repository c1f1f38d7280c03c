import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { LiveReload } from "./live-reload";

/**
 * Reloads the page's data whenever the server-sent event stream at `url` says it changed,
 * one load at a time (LiveReload), and says whether the stream is connected.
 *
 * The stream closes when the page is hidden to be left (a reload, another site, a closed tab:
 * `pagehide`), so that no change starts a load the unloading page would cut short, and opens
 * again (and reloads) if the browser brings the page back from its back-forward cache.
 */
export function useLiveReload(url: string): boolean {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = revalidator.state !== "idle" || navigation.state !== "idle";
  const [connected, setConnected] = useState(false);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const live = useRef<LiveReload | null>(null);
  live.current ??= new LiveReload(() => revalidate.current());

  // After every render: a render showing the router idle lets a remembered change reload.
  useEffect(() => live.current?.settle(busy));

  useEffect(() => {
    const reloader = live.current!;
    let source: EventSource | null = null;
    const open = () => {
      if (source) return;
      source = new EventSource(url);
      source.addEventListener("open", () => setConnected(true));
      source.addEventListener("change", () => reloader.changed());
      source.addEventListener("error", () => setConnected(false));
    };
    const close = () => {
      source?.close();
      source = null;
      reloader.stop();
      setConnected(false);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      open();
      // The page kept its data while it was away: whatever changed meanwhile is loaded now.
      reloader.changed();
    };
    window.addEventListener("pagehide", close);
    window.addEventListener("pageshow", onPageShow);
    open();
    return () => {
      window.removeEventListener("pagehide", close);
      window.removeEventListener("pageshow", onPageShow);
      close();
    };
  }, [url]);

  return connected;
}
