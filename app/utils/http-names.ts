// Names shared by the app and the HTTP server in front of it (app/server), which must agree
// on them: the server never shares a cached answer with or from a signed-in visitor (the
// session cookie), and drops the cached answers of an event whose results change (the header
// the app names that event in, which the server strips before sending).
export const SESSION_COOKIE = "__jx_session";
export const RESULTS_EVENT_HEADER = "x-jiangxin-results-event";
