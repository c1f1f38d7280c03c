// The session cookie's name, shared by the session store and the HTTP server's micro-cache
// (which must never share an answer with or from a signed-in visitor).
export const SESSION_COOKIE = "__jx_session";
