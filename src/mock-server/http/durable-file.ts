// Durable state for a mock: every acknowledged write is on disk before it is answered. Callers
// mutate their in-memory state, then `await commit()`; commits that arrive while a write is in
// flight share the next write (group commit), so a burst costs a few writes, not one per request.
// Each write is atomic (temp file in the same directory, fsync, rename, fsync of the directory).
// When a write fails (ENOSPC, EROFS, EIO...) every commit waiting on it is rejected and the state
// is rolled back to the last durable text, so nothing refused ever reaches the disk later; the
// next commit tries again, so writes work again as soon as the disk does.
//
// NOTE: a whole-snapshot write per group commit, not a write-ahead log: mock shops hold at most a
// few thousand listings, and one file that is always complete cannot be replayed wrongly.
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The file-system calls a durable file makes; tests swap one to inject ENOSPC and friends. */
export interface DurableFs {
  writeSynced(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** fsync of a directory, so a rename survives a power cut. */
  syncDir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
}

export const nodeDurableFs: DurableFs = {
  async writeSynced(path, text) {
    const handle = await nodeFs.open(path, "w", 0o600);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
  async syncDir(dir) {
    const handle = await nodeFs.open(dir, "r");
    try {
      await handle.sync();
    } catch (error) {
      // Some file systems cannot fsync a directory (EINVAL); the rename itself is still atomic.
      if (codeOf(error) !== "EINVAL" && codeOf(error) !== "EISDIR") throw error;
    } finally {
      await handle.close();
    }
  },
  readdir: (dir) => nodeFs.readdir(dir),
};

export const codeOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof (error as { code: unknown }).code === "string"
    ? (error as { code: string }).code
    : undefined;

/** A write that did not reach the disk; `code` is the errno name (ENOSPC, EROFS...) when known. */
export class PersistFailed extends Error {
  override readonly name = "PersistFailed";
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    readonly detail: string,
  ) {
    super(`cannot save ${file}: ${detail}`);
  }
}

const tempPrefix = (file: string): string => `.${basename(file)}.`;

/** Writes `text` to `file` atomically; on failure the temp file is removed and PersistFailed thrown. */
export async function writeFileAtomic(file: string, text: string, fs: DurableFs = nodeDurableFs): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeSynced(temp, text);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw new PersistFailed(file, codeOf(error), error instanceof Error ? error.message : String(error));
  }
  await fs.syncDir(dir).catch((error: unknown) => {
    throw new PersistFailed(file, codeOf(error), error instanceof Error ? error.message : String(error));
  });
}

/**
 * Checks that `file`'s directory takes a new file (EROFS, EACCES, a missing mount...) without
 * creating `file` itself: a server that only reads must not leave a state file behind.
 */
export async function probeWritable(file: string, fs: DurableFs = nodeDurableFs): Promise<void> {
  const probe = join(dirname(file), `${tempPrefix(file)}${process.pid}.probe.tmp`);
  try {
    await fs.writeSynced(probe, "");
  } catch (error) {
    await fs.unlink(probe).catch(() => undefined);
    throw new PersistFailed(file, codeOf(error), error instanceof Error ? error.message : String(error));
  }
  await fs.unlink(probe).catch(() => undefined);
}

/** Removes temp files a killed writer left next to `file` (call while holding the file's lock). */
export async function removeStaleTempFiles(file: string, fs: DurableFs = nodeDurableFs): Promise<number> {
  const prefix = tempPrefix(file);
  const names = await fs.readdir(dirname(file)).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) {
      await fs.unlink(join(dirname(file), name)).then(() => removed++, () => undefined);
    }
  }
  return removed;
}

export interface DurableFile {
  /** Resolves once the state as it is now is on disk; rejects with PersistFailed (state rolled back). */
  commit(): Promise<void>;
  /** Whether the last write failed (and none has succeeded since). */
  isFailing(): boolean;
  /**
   * Waits for writes in flight; when the last write failed, tries once more, and rejects with
   * PersistFailed if that fails too (a final save that did not happen is an error).
   */
  flush(): Promise<void>;
}

export interface DurableFileOptions {
  file: string;
  /** The whole state as text, taken synchronously so a write never holds half a request. */
  serialize: () => string;
  /** Puts the in-memory state back to `text` (the last durable one) after a failed write. */
  restore: (text: string) => void;
  /** The text already on disk (loaded at start), or undefined for a fresh file. */
  durableText: string | undefined;
  fs?: DurableFs;
  onError?: (error: PersistFailed) => void;
}

interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: PersistFailed) => void;
}

const waiters = (): Waiters => {
  let resolve!: () => void;
  let reject!: (error: PersistFailed) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A refused write is the caller's to report; never an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};

export function createDurableFile(options: DurableFileOptions): DurableFile {
  const fs = options.fs ?? nodeDurableFs;
  let durableText = options.durableText;
  let inFlight: Promise<void> | undefined;
  let next: Waiters | undefined;
  let lastError: PersistFailed | undefined;

  const start = (): void => {
    const batch = next!;
    next = undefined;
    const text = options.serialize();
    inFlight = writeFileAtomic(options.file, text, fs).then(
      () => {
        durableText = text;
        lastError = undefined;
        batch.resolve();
      },
      (error: unknown) => {
        const failed = error instanceof PersistFailed ? error : new PersistFailed(options.file, codeOf(error), String(error));
        lastError = failed;
        // The pending batch holds changes made on top of the refused ones: refuse it too, then
        // roll back, so neither can reach the disk with a later write.
        const pending = next;
        next = undefined;
        if (durableText !== undefined) options.restore(durableText);
        batch.reject(failed);
        pending?.reject(failed);
        options.onError?.(failed);
      },
    );
    void inFlight.finally(() => {
      inFlight = undefined;
      if (next) start();
    });
  };

  const commit = (): Promise<void> => {
    next ??= waiters();
    const { promise } = next;
    if (!inFlight) start();
    return promise;
  };

  return {
    commit,
    isFailing: () => lastError !== undefined,
    async flush() {
      while (inFlight || next) {
        if (next && !inFlight) start();
        await (inFlight ?? next?.promise)?.catch(() => undefined);
      }
      if (lastError) await commit();
    },
  };
}
