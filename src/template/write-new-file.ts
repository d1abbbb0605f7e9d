// Writing a file the user named (a template, a pulled catalogue): never over an existing file
// unless --force, and then by temp file + rename, so a crash never leaves half a file in place of
// the old one. Errors are plain, bilingual UsageErrors naming the file as the user gave it.
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import { text } from "../i18n.js";

export interface WriteNewFileOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** The flag that names another output (`-o`), said in the "already exists" message. */
  nameFlag?: string;
}

/** Write `bytes` to `path` (absolute); `file` is the name as the user gave it, for messages. */
export async function writeNewFile(path: string, file: string, bytes: Buffer | string, opts: WriteNewFileOptions = {}): Promise<void> {
  try {
    if (opts.force) await replaceFile(path, bytes);
    else await writeFile(path, bytes, { flag: "wx" });
  } catch (error) {
    throw writeError(error, file, opts.nameFlag);
  }
}

async function replaceFile(path: string, bytes: Buffer | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function writeError(error: unknown, file: string, nameFlag: string | undefined): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST") {
    const flag = nameFlag ? ` (${nameFlag})` : "";
    return new UsageError(
      text(`${file} sudah ada; tidak ditimpa. Pakai nama lain${flag}, atau --force untuk menimpanya.`, `${file} already exists; not overwritten. Choose another name${flag}, or use --force to replace it.`),
    );
  }
  if (code === "ENOENT") return new UsageError(text(`Folder untuk ${file} tidak ada.`, `The folder for ${file} does not exist.`));
  if (code === "EACCES" || code === "EPERM" || code === "EISDIR") return new UsageError(text(`Tidak bisa menulis ${file} (${code}).`, `Cannot write ${file} (${code}).`));
  throw error;
}
