// One server per state file: each server keeps the whole shop in memory and writes it back, so two
// of them on one file (a `desbumi mock-server` and a sync's practice shop) would silently undo each
// other's writes. `<real path>.lock` holds the owner's pid; a lock whose owner is gone is taken over.
// The lock is taken on the file's resolved real path (issue 13.10): a symlink, `..` or a second
// spelling of the same file must meet the same lock.
import { mkdir, open, readFile, readlink, realpath, unlink } from "node:fs/promises";
import { readFileSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../../errors.js";

/** The state file is served by another server (another process, or another server in this one). */
export class StateFileBusyError extends UsageError {
  constructor(
    readonly stateFile: string,
    readonly pid: number,
  ) {
    super({
      en: `The mock state file ${stateFile} is open in another desbumi process (pid ${pid}), e.g. \`desbumi mock-server\` or a sync on the practice shop. Stop it first; two servers on one file would undo each other's changes.`,
      id: `Berkas state mock ${stateFile} sedang dibuka proses desbumi lain (pid ${pid}), mis. \`desbumi mock-server\` atau sync ke toko latihan. Hentikan dulu; dua server pada satu berkas saling menimpa perubahan.`,
    });
  }
}

export interface StateLock {
  /** The state file's resolved real path: read and write this one, so writes follow the lock. */
  realPath: string;
  /** Removes the lock file (only while it is still ours). Safe to call twice. */
  release(): Promise<void>;
}

/** Lock files held by this process, by absolute path: a second server here must be refused too. */
const heldHere = new Set<string>();
let isExitHookSet = false;

const errorCode = (error: unknown): unknown =>
  typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === "EPERM";
  }
}

const parsePid = (text: string): number | undefined => {
  const trimmed = text.trim();
  const pid = Number(trimmed);
  return /^\d+$/.test(trimmed) && Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How to tell, per held lock file, that its content is still ours. */
const heldBody = new Map<string, (text: string) => boolean>();

/** Best effort on exit (a crash or process.exit skips close()): remove the locks still ours. */
function removeHeldLocksSync(): void {
  for (const lockPath of heldHere) {
    try {
      const ours = heldBody.get(lockPath) ?? ((text: string) => parsePid(text) === process.pid);
      if (ours(readFileSync(lockPath, "utf8"))) unlinkSync(lockPath);
    } catch {
      // already gone or unreadable: nothing to clean up
    }
  }
}

/**
 * The real path of `file`: symlinks resolved (also a dangling one, to where it points), or, for a
 * file not created yet, its real directory plus its name.
 */
export async function resolveRealPath(file: string): Promise<string> {
  const absolute = resolve(file);
  try {
    return await realpath(absolute);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
  // A dangling symlink: follow it by hand (bounded, in case of a loop).
  let current = absolute;
  for (let hops = 0; hops < 40; hops++) {
    const target = await readlink(current).catch(() => undefined);
    if (target === undefined) break;
    current = resolve(dirname(current), target);
  }
  await mkdir(dirname(current), { recursive: true });
  return join(await realpath(dirname(current)), basename(current));
}

/** The state file's place cannot be used at all (a file where a folder should be, a symlink loop...). */
export class StatePathError extends UsageError {}

export async function acquireStateLock(stateFile: string): Promise<StateLock> {
  const realPath = await resolveRealPath(stateFile).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new StatePathError({
      en: `Cannot use the mock state file ${stateFile}: ${why}. Choose a file in a folder you can write to.`,
      id: `Berkas state mock ${stateFile} tidak bisa dipakai: ${why}. Pilih berkas di folder yang bisa ditulisi.`,
    });
  });
  const lock = await takeLockFile(`${realPath}.lock`, {
    body: `${process.pid}\n`,
    ownerOf: (text) => {
      const pid = parsePid(text);
      return pid === undefined ? undefined : { pid };
    },
    busy: (owner) => new StateFileBusyError(stateFile, owner.pid),
    cannot: (why) =>
      new StatePathError({
        en: `Cannot lock the mock state file ${stateFile} (${why}). Choose a file in a folder you can write to.`,
        id: `Berkas state mock ${stateFile} tidak bisa dikunci (${why}). Pilih berkas di folder yang bisa ditulisi.`,
      }),
  });
  return { realPath, release: lock.release };
}

/** Who holds a lock file, as far as its content tells. */
export interface LockFileOwner {
  pid: number;
  /** The host it was taken on; a lock from another host is never judged stale from here. */
  host?: string;
}

export interface LockFileOptions<Owner extends LockFileOwner> {
  /** What the lock file holds while it is ours; `ownerOf(body)` must give back our pid. */
  body: string;
  /** Reads a lock file's content; undefined when it names no owner (empty, half written, garbage). */
  ownerOf(text: string): Owner | undefined;
  /** The error for a lock held by a live owner. */
  busy(owner: Owner): Error;
  /** The error for a lock file that cannot be created at all (EROFS, EACCES...). */
  cannot(why: string, error: unknown): Error;
}

export interface TakenLockFile<Owner extends LockFileOwner> {
  /** The stale owner whose lock was taken over, if there was one. */
  tookOver?: Owner;
  /** Removes the lock file (only while it is still ours). Safe to call twice. */
  release(): Promise<void>;
}

/**
 * One lock file, taken by exclusive create (`wx`), released on release() or at exit. An existing
 * lock is stale, and taken over, when its owner is this process's pid without holding it here (a
 * leftover of an earlier process with the same pid), a pid that is gone, or a live pid that is not
 * a Node process (an unrelated program that got the pid since): never when it was taken on another
 * host. The state-file lock and the per-shop sync lock (src/target/shop-lock.ts) share it.
 */
export async function takeLockFile<Owner extends LockFileOwner>(lockPath: string, opts: LockFileOptions<Owner>): Promise<TakenLockFile<Owner>> {
  if (heldHere.has(lockPath)) throw opts.busy(opts.ownerOf(opts.body) ?? ({ pid: process.pid } as Owner));
  let tookOver: Owner | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(opts.body, "utf8");
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== "EEXIST" || attempt >= 3) throw opts.cannot(error instanceof Error ? error.message : String(error), error);
    }
    const readLock = async (): Promise<Owner | undefined> => {
      const text = await readFile(lockPath, "utf8").catch(() => undefined);
      return text === undefined ? undefined : opts.ownerOf(text);
    };
    let owner = await readLock();
    // An empty lock may be one another process has created and not yet written: look once more.
    if (owner === undefined) {
      await sleep(100);
      owner = await readLock();
    }
    if (owner !== undefined && !isStaleOwner(owner)) throw opts.busy(owner);
    // Stale: take it over. NOTE: two processes taking over the same stale lock at the same instant
    // could both win (one unlinks the other's fresh lock); the window is one unlink wide, and the
    // usual conflict (a live owner and a new one) is always refused.
    if (owner !== undefined) tookOver = owner;
    await unlink(lockPath).catch((error: unknown) => {
      if (errorCode(error) !== "ENOENT") throw error;
    });
  }
  heldHere.add(lockPath);
  if (!isExitHookSet) {
    isExitHookSet = true;
    process.on("exit", removeHeldLocksSync);
  }
  let isReleased = false;
  const ours = (text: string): boolean => opts.ownerOf(text)?.pid === process.pid;
  heldBody.set(lockPath, ours);
  return {
    ...(tookOver !== undefined ? { tookOver } : {}),
    async release() {
      if (isReleased) return;
      isReleased = true;
      heldHere.delete(lockPath);
      heldBody.delete(lockPath);
      const text = await readFile(lockPath, "utf8").catch(() => undefined);
      if (text !== undefined && ours(text)) await unlink(lockPath).catch(() => undefined);
    },
  };
}

function isStaleOwner(owner: LockFileOwner): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return false;
  // Our own pid without an entry in heldHere is a leftover of an earlier process that had the
  // same pid (common in containers), so it is stale like any dead owner.
  if (owner.pid === process.pid) return true;
  return !isProcessAlive(owner.pid) || isUnrelatedProcess(owner.pid);
}

/**
 * True when `pid` is alive but is certainly not desbumi: its command line (Linux /proc) is neither
 * a Node process nor names desbumi. Unknown (no /proc, not readable) counts as related.
 */
export function isUnrelatedProcess(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return false;
  }
  const argv = cmdline.split("\0").filter(Boolean);
  if (argv.length === 0) return false;
  const exe = basename(argv[0] ?? "");
  return !/node|desbumi/i.test(exe) && !argv.some((a) => /desbumi/i.test(a));
}
