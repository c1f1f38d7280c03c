// Names shared by the app and the HTTP server in front of it (app/server), which must agree
// on them: the server never shares a cached answer with or from a signed-in visitor (the
// session cookie), and renders anew the cached answers of an event whose results change (the
// header the app names that event in, which the server strips before sending), serving the
// previous one meanwhile for a bounded time, after which the live stream announces the change
// once more so that no open board stays behind.
export const SESSION_COOKIE = "__jx_session";
export const RESULTS_EVENT_HEADER = "x-jiangxin-results-event";

/**
 * How long after an event's results change (as the change reaches a process) that process may
 * still serve a shared answer that does not show it, while the answer is rendered anew.
 */
export const RESULTS_STALE_MS = 1_000;
