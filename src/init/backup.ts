// A copy of a file before `init --force` replaces it: `<file>.bak`, or `.bak.2`, `.bak.3` ... so an
// earlier backup is never overwritten either (issue 12.8).
import { copyFile, constants } from "node:fs/promises";

const MAX_BACKUPS = 1000;

/** Copies `file` next to itself under the first free backup name; returns that name's path. */
export async function backupFile(file: string): Promise<string> {
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const target = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new Error(`more than ${MAX_BACKUPS} backups of ${file}`);
}
