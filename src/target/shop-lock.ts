// One writing run per shop (issue 13 item 18): two syncs (or a sync and an apply) on one remote
// shop at the same time would each plan against a shop the other is changing, and both end in
// spurious failures. A run that writes takes an advisory lock in `.desbumi/`, named by adapter and
// shop identity, holding pid, host, start time and command; it is released on exit. A second run
// stops at once (exit 2) naming the first; a lock whose process is gone (on this host) is taken
// over with a note. The practice shop has its own lock on its state file (mock-server/http/state-lock.ts),
// whose primitive this one uses.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { UsageError } from "../errors.js";
import type { Text } from "../i18n.js";
import { takeLockFile, type LockFileOwner } from "../mock-server/http/state-lock.js";

export interface ShopLockOwner extends LockFileOwner {
  pid: number;
  host: string;
  /** ISO time the run took the lock. */
  startedAt: string;
  /** `desbumi sync` or `desbumi apply` (never arguments: they could name anything). */
  command: string;
  /** The shop as outputs name it. */
  shop: string;
}

export interface ShopLockRequest {
  /** `sync` or `apply`. */
  command: string;
  /** Told when a stale lock was taken over (a line on stderr, in the run's language). */
  note?(text: Text): void;
}

export interface ShopLock {
  path: string;
  release(): Promise<void>;
}

/** `.desbumi/shop-<adapter>-<12 hex of the shop identity>.lock`. */
export function shopLockPath(baseDir: string, adapter: string, shop: string): string {
  const id = createHash("sha256").update(`${adapter}\n${shop}`).digest("hex").slice(0, 12);
  return join(baseDir, ".desbumi", `shop-${adapter.replace(/[^A-Za-z0-9_-]/g, "_")}-${id}.lock`);
}

const ownerOf = (text: string): ShopLockOwner | undefined => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.pid !== "number" || !Number.isSafeInteger(d.pid) || d.pid <= 0) return undefined;
  return {
    pid: d.pid,
    host: typeof d.host === "string" ? d.host : "?",
    startedAt: typeof d.startedAt === "string" ? d.startedAt : "?",
    command: typeof d.command === "string" ? d.command : "desbumi",
    shop: typeof d.shop === "string" ? d.shop : "?",
  };
};

/** `2026-12-02 02:21 UTC`: when the other run started. */
const when = (iso: string): string => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso);

/** Takes the shop's lock or throws a UsageError (exit 2) naming the run that holds it. */
export async function lockShop(opts: { baseDir: string; adapter: string; shop: string; request: ShopLockRequest }): Promise<ShopLock> {
  const path = shopLockPath(opts.baseDir, opts.adapter, opts.shop);
  const shownLock = relative(opts.baseDir, path);
  const me: ShopLockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: `desbumi ${opts.request.command}`, shop: opts.shop };
  await mkdir(join(opts.baseDir, ".desbumi"), { recursive: true });
  const taken = await takeLockFile(path, {
    body: `${JSON.stringify(me)}\n`,
    ownerOf,
    busy: (other) =>
      new UsageError({
        en: `Another desbumi run is already changing ${opts.shop}: \`${other.command}\`, pid ${other.pid} on ${other.host}, since ${when(other.startedAt)}. Two runs at once would undo each other's work. Wait until it has finished, then run again. If that run is gone (the computer was restarted), delete ${shownLock}.`,
        id: `Proses desbumi lain sedang mengubah ${opts.shop}: \`${other.command}\`, pid ${other.pid} di ${other.host}, sejak ${when(other.startedAt)}. Dua proses sekaligus saling merusak hasil. Tunggu sampai selesai, lalu jalankan lagi. Bila proses itu sudah tidak ada (komputer dinyalakan ulang), hapus ${shownLock}.`,
      }),
    cannot: (why) =>
      new UsageError({
        en: `Cannot take the lock ${shownLock} for ${opts.shop} (${why}). The folder .desbumi must be writable.`,
        id: `Kunci ${shownLock} untuk ${opts.shop} tidak bisa dibuat (${why}). Folder .desbumi harus bisa ditulisi.`,
      }),
  });
  if (taken.tookOver && opts.request.note) {
    const old = taken.tookOver;
    opts.request.note({
      en: `Note: an earlier run on ${opts.shop} (\`${old.command}\`, pid ${old.pid}, since ${when(old.startedAt)}) ended without releasing its lock; it is gone, so this run took the lock over.`,
      id: `Catatan: proses sebelumnya pada ${opts.shop} (\`${old.command}\`, pid ${old.pid}, sejak ${when(old.startedAt)}) berhenti tanpa melepas kuncinya; proses itu sudah tidak ada, jadi kuncinya diambil alih.`,
    });
  }
  return { path, release: taken.release };
}
