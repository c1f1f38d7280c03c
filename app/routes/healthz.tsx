import { checkDatabase } from "~/models/health.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { changeTransportState } from "~/utils/live-events.server";

// Resource routes skip the document entry, so they set the shared headers themselves.
function headers(): Headers {
  const h = new Headers({ "Cache-Control": "no-store" });
  applySecurityHeaders(h);
  return h;
}

/** Which process answered: its pid, and its number among the server's workers (npm start). */
function processInfo() {
  const worker = Number(process.env.JX_WORKER);
  return {
    pid: process.pid,
    worker: Number.isSafeInteger(worker) && worker > 0 ? worker : null,
    workers: Number(process.env.JX_WORKERS) || 1,
  };
}

/**
 * For load balancers and monitoring: 200 when the database answers and this process hears
 * the other processes' changes; 503 otherwise (a process that cannot hear them could show a
 * board that is out of date, so the proxy should send visitors elsewhere until it reconnects).
 */
export async function loader() {
  const started = performance.now();
  try {
    const db = await checkDatabase();
    // Asked after the database: its first use starts the transport.
    const changes = changeTransportState();
    const ms = Math.round((performance.now() - started) * 100) / 100;
    return Response.json(
      {
        status: changes.connected ? "ok" : "degraded",
        database: db,
        changes,
        process: processInfo(),
        ms,
      },
      { status: changes.connected ? 200 : 503, headers: headers() },
    );
  } catch (error) {
    console.error("health check failed", error);
    return Response.json(
      {
        status: "error",
        database: "unreachable",
        changes: changeTransportState(),
        process: processInfo(),
      },
      { status: 503, headers: headers() },
    );
  }
}
