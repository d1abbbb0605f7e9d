// Crash-safe file replacement: a reader (or the next run after a power cut) sees the old file or
// the new one, never half of either.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";

export interface AtomicWriteOptions {
  /** File mode of the new file, e.g. 0o600 for secrets. @default 0o644 */
  mode?: number;
  /** Mode of a folder created on the way. @default 0o755 */
  dirMode?: number;
}

/** temp file in the same folder -> write -> fsync -> rename over the target -> fsync the folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: options.dirMode ?? 0o755 });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const mode = options.mode ?? 0o644;
  const handle = await open(temp, "wx", mode);
  try {
    await handle.writeFile(data);
    // NOTE: the umask may have narrowed the mode on open; chmod makes it exact (0600 stays 0600).
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** fsync a folder so a rename in it survives a power cut (a no-op where folders cannot be opened, e.g. Windows). */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // NOTE: Windows cannot open or fsync a directory; its rename is durable enough on NTFS.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
