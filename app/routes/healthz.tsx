import { checkDatabase } from "~/models/health.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

// Resource routes skip the document entry, so they set the shared headers themselves.
function headers(): Headers {
  const h = new Headers({ "Cache-Control": "no-store" });
  applySecurityHeaders(h);
  return h;
}

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export async function loader() {
  const started = performance.now();
  try {
    const db = await checkDatabase();
    const ms = Math.round((performance.now() - started) * 100) / 100;
    return Response.json({ status: "ok", database: db, ms }, { headers: headers() });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: headers() },
    );
  }
}
