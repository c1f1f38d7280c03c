// How the change bus (app/utils/live-events.server.ts) reaches the other processes of a
// deployment, chosen by engine and deployment:
//
//   PostgreSQL  NOTIFY on publish, one LISTEN connection per process: every process on every
//               machine that shares the database hears every change, with no broker besides
//               the database.
//   SQLite      in a worker of the HTTP server's primary (npm start, one machine), the
//               primary relays changes between its workers over IPC (cluster-ipc.server.ts).
//   otherwise   one process: the bus stays in-process.
//
// A listener that lost its connection may have missed changes: when it is back, every cache
// in the process starts afresh (receiveResync), and open boards refetch.
import { randomBytes } from "node:crypto";
import { Socket } from "node:net";
import pg from "pg";
import { env } from "~/env.server";
import { engineOf } from "~/db/sql.server";
import { ipcTransport, isClusterWorker } from "~/utils/cluster-ipc.server";
import {
  changeTransportState,
  flushChanges,
  receiveChange,
  receiveResync,
  setChangeTransport,
  type BusMessage,
  type ChangeTransport,
} from "~/utils/live-events.server";

/** Starts the transport this deployment needs, once per process. */
export function startChangeTransport(): void {
  if (changeTransportState().transport !== "in-process") return;
  if (engineOf(env.DATABASE_URL) === "postgresql")
    void setChangeTransport(postgresTransport(env.DATABASE_URL));
  else if (isClusterWorker()) void setChangeTransport(ipcTransport());
}

export function stopChangeTransport(): Promise<void> {
  // Changes held back for coalescing go out before the other processes are out of reach.
  flushChanges();
  return setChangeTransport(null);
}

const CHANNEL = "jiangxin_changes";
const RETRY_MAX_MS = 10_000;

/** The channel of one deployment: deployments in different schemas of one database stay apart. */
export function channelOf(url: string): string {
  const schema = new URL(url).searchParams.get("schema");
  return schema ? `${CHANNEL}_${schema}`.slice(0, 63) : CHANNEL;
}

type Notice = { o: string; c: BusMessage };

export function postgresTransport(url: string): ChangeTransport {
  // Each process knows its own notices and skips them: it delivered them when it published.
  const origin = randomBytes(8).toString("hex");
  const channel = channelOf(url);
  // Publishing borrows a connection of its own pool, apart from the app's (never inside a
  // transaction: a change is published after its write commits).
  const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  pool.on("error", (error) => console.error("change publisher lost a connection", error));
  let listener: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retryMs = 250;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const lost = (client: pg.Client) => {
    if (listener !== client) return;
    listener = null;
    connected = false;
    client.end().catch(() => undefined);
    if (closed) return;
    retry = setTimeout(listen, retryMs);
    retry.unref();
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  const listen = () => {
    const client = new pg.Client({
      connectionString: url,
      // The listener keeps no process alive by itself (scripts end when their work does).
      stream: () => new Socket().unref(),
    });
    listener = client;
    client.on("notification", (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const notice = JSON.parse(message.payload) as Notice;
        if (notice.o !== origin) receiveChange(notice.c);
      } catch (error) {
        console.error("unreadable change notice", error);
      }
    });
    client.on("error", (error) => {
      console.error("change listener lost its connection; reconnecting", error);
      lost(client);
    });
    client.on("end", () => lost(client));
    client
      .connect()
      .then(() => client.query(`LISTEN "${channel}"`))
      .then(() => {
        if (listener !== client) return;
        connected = true;
        retryMs = 250;
        // Whatever was cached before now may have missed a change.
        receiveResync();
      })
      .catch((error: unknown) => {
        console.error("change listener could not connect; retrying", error);
        lost(client);
      });
  };
  listen();

  return {
    name: "postgresql",
    publish(change) {
      const notice: Notice = { o: origin, c: change };
      pool
        .query("SELECT pg_notify($1, $2)", [channel, JSON.stringify(notice)])
        .catch((error: unknown) => console.error("could not publish a change", error));
    },
    connected: () => connected,
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = null;
      connected = false;
      await Promise.allSettled([client?.end(), pool.end()]);
    },
  };
}
