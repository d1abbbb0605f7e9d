// Ordinary problems of the machine a run is on (a read-only disk, a full disk, a folder where a
// file should be, no permission, a pipe given as a catalogue) are not bugs: they get a plain
// message naming the path, in both languages, and exit 2 (issue 13 item 14). The wording lives
// here; src/cli/index.ts maps whatever reaches it through `environmentFailure`.
import { stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { UsageError } from "./errors.js";
import type { Text } from "./i18n.js";

export type FileAction = "read" | "write";

/** An errno failure on a path, with the path as the user named it (not a temp file's). */
export class FileAccessError extends Error {
  override readonly name = "FileAccessError";
  constructor(
    readonly code: string,
    readonly path: string,
    readonly action: FileAction,
    options?: { cause?: unknown },
  ) {
    super(`${action === "read" ? "Cannot read" : "Cannot write"} ${path} (${code})`, options);
  }
}

interface Errno {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

const errnoOf = (error: unknown): Errno | undefined => {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const e = error as { code: unknown; path?: unknown; dest?: unknown; syscall?: unknown };
  if (typeof e.code !== "string" || !/^E[A-Z0-9]+$/.test(e.code)) return undefined;
  return {
    code: e.code,
    ...(typeof e.path === "string" ? { path: e.path } : {}),
    ...(typeof e.dest === "string" ? { dest: e.dest } : {}),
    ...(typeof e.syscall === "string" ? { syscall: e.syscall } : {}),
  };
};

/** Rethrow-ready: an errno failure while working on `path` becomes a FileAccessError naming it; anything else as it is. */
export function atPath(error: unknown, path: string, action: FileAction): unknown {
  if (error instanceof FileAccessError) return error;
  const errno = errnoOf(error);
  return errno && describeFileProblem(errno.code, path, action) ? new FileAccessError(errno.code, path, action, { cause: error }) : error;
}

const WRITE_SYSCALLS = new Set(["open", "write", "rename", "mkdir", "unlink", "rmdir", "copyfile", "fsync", "ftruncate", "link", "symlink", "chmod", "utime"]);

/**
 * The plain message for an environment failure, or undefined for anything else (a bug: the caller
 * reports it as one). `cwd` makes paths inside the working folder short.
 */
export function environmentFailure(error: unknown, cwd: string): Text | undefined {
  if (error instanceof FileAccessError) return describeFileProblem(error.code, shown(error.path, cwd), error.action);
  const errno = errnoOf(error);
  if (!errno) return undefined;
  // NOTE: a rename names its target in `dest`; a temp file next to an output stands for that output.
  const raw = errno.syscall === "rename" && errno.dest ? errno.dest : errno.path;
  if (raw === undefined) return undefined;
  const path = shown(outputOfTemp(raw), cwd);
  const action: FileAction = errno.syscall === "read" || errno.syscall === "scandir" || !WRITE_SYSCALLS.has(errno.syscall ?? "") ? "read" : "write";
  return describeFileProblem(errno.code, path, errno.syscall === "rename" ? "write" : action);
}

/** `.plan.json.1234.5678.tmp` -> `plan.json`: the atomic writers' temp names (`.NAME.PID[.-]X.tmp`). */
function outputOfTemp(path: string): string {
  const hit = /^\.(.+?)\.\d+(?:[.-][0-9a-z]+)?\.tmp$/.exec(basename(path));
  return hit?.[1] ? join(dirname(path), hit[1]) : path;
}

const shown = (path: string, cwd: string): string => {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
};

/** The wording per errno code, for reading and for writing `path`. */
export function describeFileProblem(code: string, path: string, action: FileAction): Text | undefined {
  const read = action === "read";
  const verb = read ? { id: "dibaca", en: "read" } : { id: "ditulis", en: "written" };
  const head = { id: `${path} tidak bisa ${verb.id}`, en: `${path} cannot be ${verb.en}` };
  const say = (id: string, en: string): Text => ({ id: `${head.id}: ${id}`, en: `${head.en}: ${en}` });
  switch (code) {
    case "ENOENT":
      return read ? { id: `Berkas tidak ditemukan: ${path}`, en: `File not found: ${path}` } : say("foldernya tidak ada. Buat foldernya dulu atau pilih tempat lain.", "its folder does not exist. Create the folder first or choose another place.");
    case "ENOTDIR":
      return { id: `${path} tidak bisa dipakai: sebagian jalurnya berkas, bukan folder`, en: `${path} cannot be used: part of its path is a file, not a folder` };
    case "EISDIR":
      return read ? { id: `${path} adalah folder, bukan berkas`, en: `${path} is a folder, not a file` } : say("itu sebuah folder. Beri nama berkas, bukan folder.", "it is a folder. Give a file name, not a folder.");
    case "EACCES":
    case "EPERM":
      return read ? { id: `Tidak ada izin membaca ${path}`, en: `No permission to read ${path}` } : say("tidak ada izin menulis di sana. Pilih folder yang bisa ditulisi.", "no permission to write there. Choose a folder you can write to.");
    case "EROFS":
      return say("disknya hanya-baca. Pilih folder di disk yang bisa ditulisi.", "the disk is read-only. Choose a folder on a disk you can write to.");
    case "ENOSPC":
    case "EDQUOT":
      return say("disk penuh. Kosongkan sebagian tempat, lalu jalankan lagi.", "the disk is full. Free some space, then run again.");
    case "ESPIPE":
    case "ENXIO":
      return say("itu pipa atau perangkat, bukan berkas biasa. Simpan isinya ke berkas dulu.", "it is a pipe or a device, not a regular file. Save its content to a file first.");
    case "ELOOP":
      return say("tautannya berputar (symlink ke dirinya sendiri).", "its links go round in a loop (a symlink to itself).");
    case "ENAMETOOLONG":
      return say("namanya terlalu panjang.", "the name is too long.");
    case "EIO":
    case "EMFILE":
    case "ENFILE":
    case "EBUSY":
    case "ETXTBSY":
      return say(`sistem menolak (${code}). Coba lagi sebentar lagi.`, `the system refused (${code}). Try again in a moment.`);
    default:
      return undefined;
  }
}

/** A catalogue or plan must be a regular file: a FIFO with no writer would block the read forever, a device never ends. */
export function notRegularFile(path: string): Text {
  return {
    id: `${path} bukan berkas biasa (pipa, soket atau perangkat): desbumi membaca katalog dan rencana dari berkas. Simpan isinya ke berkas dulu, mis. desbumi validate katalog.csv`,
    en: `${path} is not a regular file (a pipe, socket or device): desbumi reads catalogues and plans from files. Save its content to a file first, e.g. desbumi validate catalogue.csv`,
  };
}

/**
 * Refuses, before any read, a path that exists and is not a regular file (a FIFO, `/dev/stdin`, a
 * socket, a device). A path that does not exist is left to the read, which names the problem.
 */
export async function assertRegularFile(path: string, shownAs: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || info.isFile()) return;
  throw new UsageError(info.isDirectory() ? (describeFileProblem("EISDIR", shownAs, "read") ?? notRegularFile(shownAs)) : notRegularFile(shownAs));
}
