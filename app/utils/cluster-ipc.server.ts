// What the HTTP server's primary process and its workers (node:cluster, app/server/primary.ts)
// say to each other over their IPC channels, and the change bus's transport on that channel:
// a worker sends each change it publishes to the primary, which hands it to every other
// worker. One machine only; on PostgreSQL the database carries changes instead
// (LISTEN/NOTIFY), across machines too.
import cluster from "node:cluster";
import { receiveChange, type BusMessage, type ChangeTransport } from "~/utils/live-events.server";

export type ClusterMessage =
  /** Worker → primary → every other worker: a change published on the bus. */
  | { jx: "change"; change: BusMessage }
  /** Primary → workers: the WAL checkpointer stopped; SQLite must checkpoint on commit again. */
  | { jx: "auto-checkpoints" };

export function isClusterMessage(message: unknown): message is ClusterMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    typeof (message as { jx?: unknown }).jx === "string"
  );
}

/** Whether this process is a worker of the server's primary (and so has its IPC channel). */
export function isClusterWorker(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

/** Calls `handler` for each message of this kind from the primary. */
export function onPrimaryMessage<K extends ClusterMessage["jx"]>(
  kind: K,
  handler: (message: Extract<ClusterMessage, { jx: K }>) => void,
): void {
  process.on("message", (message: unknown) => {
    if (isClusterMessage(message) && message.jx === kind)
      handler(message as Extract<ClusterMessage, { jx: K }>);
  });
}

/** The bus's transport in a worker: changes go to the primary and come back from it. */
export function ipcTransport(): ChangeTransport {
  const receive = (message: unknown) => {
    if (isClusterMessage(message) && message.jx === "change") receiveChange(message.change);
  };
  process.on("message", receive);
  return {
    name: "ipc",
    publish(change) {
      if (process.connected) process.send?.({ jx: "change", change } satisfies ClusterMessage);
    },
    connected: () => process.connected,
    async close() {
      process.off("message", receive);
    },
  };
}
