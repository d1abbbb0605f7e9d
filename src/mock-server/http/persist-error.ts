// The state file could not be written: at start (nothing served yet) or at the final save on close.
import { UsageError } from "../../errors.js";
import type { Text } from "../../i18n.js";
import type { PersistFailed } from "./durable-file.js";

export class StatePersistError extends UsageError {}

export function statePersistText(file: string, error: PersistFailed): Text {
  const why = error.code === "ENOSPC" ? "the disk is full" : error.code === "EROFS" ? "the disk is read-only" : error.detail;
  const kenapa = error.code === "ENOSPC" ? "disk penuh" : error.code === "EROFS" ? "disk hanya-baca" : error.detail;
  return {
    en: `Cannot save the mock state file ${file} (${why}). Free some space or choose another --state file; writes answered before this were saved.`,
    id: `Berkas state mock ${file} tidak bisa disimpan (${kenapa}). Kosongkan ruang atau pilih berkas --state lain; penulisan yang sudah dijawab sebelumnya sudah tersimpan.`,
  };
}
