// The durable core's fs seam, made to fail like a full (or read-only) disk while `failing` is set.
import { nodeDurableFs, type DurableFs } from "../../src/mock-server/http/index.js";

/** node:fs whose writes fail with `failing` (after writing part of the temp file) while it is set. */
export function fullDisk(): DurableFs & { failing: string | undefined } {
  const fs = {
    ...nodeDurableFs,
    failing: undefined as string | undefined,
    async writeSynced(path: string, text: string) {
      if (!fs.failing) return nodeDurableFs.writeSynced(path, text);
      await nodeDurableFs.writeSynced(path, text.slice(0, 100));
      throw Object.assign(new Error(`${fs.failing}: no space left on device, write`), { code: fs.failing });
    },
  };
  return fs;
}
