// Refuse an output path that would overwrite something desbumi reads or holds (issue 13 item 6):
// an input file (catalogue, plan, config), desbumi's own state in `.desbumi/` (practice-shop state,
// locks, journals), or any lock file. Checked before anything is written; exit 2 (UsageError).
// NOTE: "the same file" is decided by device + inode when both exist (hard links, symlinks, a
// case-insensitive disk), else by the real path of the folder plus the name.
import { realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";

export interface OutputCheck {
  /** The flag as the user wrote it, for the message: `--out`, `-o`, `--log-file`. */
  flag: string;
  /** The path as given (shown in the message). */
  path: string;
  cwd: string;
  /** Files this run reads: the output may not be any of them. */
  inputs: readonly string[];
}

/** Throws a UsageError (exit 2) when writing `path` could destroy an input, state or a lock. */
export function checkOutputPath(check: OutputCheck): void {
  const target = resolve(check.cwd, check.path);
  const real = realPathOf(target);
  const what = protectedKind(real, check.inputs.map((p) => resolve(check.cwd, p)));
  if (what === undefined) return;
  throw new UsageError({
    id: `Ditolak: ${check.flag} ${check.path} adalah ${what.id}; desbumi tidak akan menimpanya. Pilih nama berkas lain untuk ${check.flag}.`,
    en: `Refused: ${check.flag} ${check.path} is ${what.en}; desbumi will not overwrite it. Choose another file name for ${check.flag}.`,
  });
}

function protectedKind(real: string, inputs: readonly string[]): { id: string; en: string } | undefined {
  for (const input of inputs) {
    if (sameFile(real, realPathOf(input))) return { id: "berkas yang dibaca oleh perintah ini", en: "a file this command reads" };
  }
  const parts = real.split(sep);
  if (parts.includes(".desbumi")) {
    return { id: "bagian dari data desbumi di .desbumi/ (status toko latihan, kunci, catatan jalannya)", en: "part of desbumi's own data in .desbumi/ (practice-shop state, locks, journals)" };
  }
  if (extname(real) === ".lock" || basename(real).endsWith(".lock.json")) return { id: "berkas kunci", en: "a lock file" };
  if (basename(real) === "desbumi.config.json") return { id: "berkas konfigurasi desbumi", en: "desbumi's config file" };
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** The real path of a file, or of its folder joined with its name when it does not exist yet. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}
