// How the HTTP server in front (app/server) and the app agree on sharing public pages
// between visitors. The app marks an answer that is the same for every visitor
// (`Cache-Control: public`, the leaderboards); the server keeps it for at most a second and
// serves it to everyone who would get the same page: anonymous visitors, and signed-in
// visitors of one role, whose pages differ only in the shell (their name). For those the
// server has the app render the page once with markers in place of the personal values
// (`ShellTemplate`, in the load context) and fills each visitor's values in. Every page also
// gets a fresh CSP nonce the same way.

/** Who is asking, as far as sharing goes (the app's `sharedViewer`, exported by its server entry). */
export type SharedViewer =
  | { kind: "anonymous" }
  /** Shares the pages of its role; the shell shows its name. */
  | { kind: "member"; role: string; displayName: string }
  /** Gets pages no one else gets (an organiser: the live board under a freeze, the settings). */
  | { kind: "own" };

/** What the app's server entry exports for the server in front. */
export type SharedPagesEntry = {
  sharedViewer(cookieHeader: string | null): Promise<SharedViewer>;
};

/** In the load context of a template render: the markers the server fills in per visitor. */
export type ShellTemplate = {
  /** Stands for the response's CSP nonce. */
  nonce: string;
  /** The signed-in visitor the shell shows (their name is a marker), or null: anonymous. */
  viewer: { role: string; displayName: string } | null;
};
