// One local photo file -> what it is, its pixel size and its content sha256, in one pass over the
// bytes (the hash needs them all; the size needs only the header, never a decode).
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { HEAD_BYTES, readPixelSize, sniffPhoto, type PhotoMime, type PixelSize, type Sniffed } from "./sniff.js";

export type FileRead =
  | { ok: true; sniffed: Sniffed; bytes: number; sha256: string; size?: PixelSize }
  | { ok: false; reason: "missing" | "folder" | "denied" | "io"; code?: string };

/** Read in blocks of this size: large enough that hashing, not syscalls, is the cost. */
const BLOCK_BYTES = 1024 * 1024;

export async function readPhotoFile(path: string): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: "folder" };
    const hash = createHash("sha256");
    const block = Buffer.allocUnsafe(Math.max(HEAD_BYTES, Math.min(BLOCK_BYTES, info.size || HEAD_BYTES)));
    let position = 0;
    let head: Buffer | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(block, 0, block.length, position);
      if (bytesRead === 0) break;
      hash.update(block.subarray(0, bytesRead));
      if (head === undefined) head = Buffer.from(block.subarray(0, Math.min(bytesRead, HEAD_BYTES)));
      position += bytesRead;
    }
    head ??= Buffer.alloc(0);
    const sniffed = sniffPhoto(head);
    const readAt = async (offset: number, length: number): Promise<Uint8Array> => {
      const out = Buffer.alloc(length);
      const { bytesRead } = await handle.read(out, 0, length, offset);
      return out.subarray(0, bytesRead);
    };
    const size = sniffed.photo ? await readPixelSize(sniffed.mime as PhotoMime, head, readAt) : undefined;
    return { ok: true, sniffed, bytes: position, sha256: hash.digest("hex"), ...(size ? { size } : {}) };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

function failure(error: unknown): FileRead {
  const code = error instanceof Error && "code" in error ? String((error as NodeJS.ErrnoException).code) : "";
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing" };
  if (code === "EISDIR") return { ok: false, reason: "folder" };
  if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "denied", code };
  if (code !== "") return { ok: false, reason: "io", code };
  throw error;
}
