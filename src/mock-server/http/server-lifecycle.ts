// A mock's HTTP server from listen to close. `listen` resolves with the base URL once it listens
// (a listen error rejects as Node gave it). The close runs once: stop taking connections, let
// requests in flight finish (forced after a grace period), make the last state durable, release the
// state-file lock; a final save that failed rejects with StatePersistError, so whoever stops the
// server (the CLI) exits non-zero.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DurableFile } from "./durable-file.js";
import { PersistFailed } from "./durable-file.js";
import { StatePersistError, statePersistText } from "./persist-error.js";
import type { StateLock } from "./state-lock.js";

export const CLOSE_GRACE_MS = 5_000;

/** Listens on `host:port` (port 0 = any free one) and gives the base URL, e.g. http://127.0.0.1:41234. */
export async function listen(server: Server, where: { host?: string | undefined; port?: number | undefined }): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(where.port ?? 0, where.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export interface CloseOptions {
  server: Server;
  durable?: DurableFile | undefined;
  lock?: StateLock | undefined;
  /** The state file as the user named it (for the message). */
  shownAs?: string | undefined;
  graceMs?: number;
  /** Called first (e.g. to answer the next requests with `Connection: close`). */
  onClosing?: () => void;
}

export function createClose(options: CloseOptions): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return () => {
    closed ??= (async () => {
      options.onClosing?.();
      const { server } = options;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), options.graceMs ?? CLOSE_GRACE_MS);
      await stopped;
      clearTimeout(force);
      try {
        await options.durable?.flush();
      } catch (error) {
        throw error instanceof PersistFailed ? new StatePersistError(statePersistText(options.shownAs ?? "", error)) : error;
      } finally {
        await options.lock?.release();
      }
    })();
    return closed;
  };
}
