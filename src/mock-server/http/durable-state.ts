// A mock's state file from start to answer: open it (a save or a probe before the server says it
// is up) and commit a write before it is acknowledged. Shared by the Tokopedia and Shopee mocks.
import type { Logger } from "pino";
import { createDurableFile, PersistFailed, probeWritable, type DurableFile, type DurableFileOptions } from "./durable-file.js";
import { StatePersistError, statePersistText } from "./persist-error.js";

export interface OpenDurableOptions extends Omit<DurableFileOptions, "onError"> {
  /** The state file as the user named it (for messages); `file` is the real path the lock is on. */
  shownAs: string;
  log: Logger;
  /** Save now (something new must be kept); otherwise only probe, so a read-only run leaves no file. */
  isSaveNeeded?: boolean;
}

/** The durable file, checked writable; StatePersistError (plain, bilingual) when it is not. */
export async function openDurableState(options: OpenDurableOptions): Promise<DurableFile> {
  const { shownAs, log, isSaveNeeded, ...rest } = options;
  const durable = createDurableFile({
    ...rest,
    onError: (error) => log.error({ file: rest.file, code: error.code, error: error.detail }, "mock state write failed; the write was refused"),
  });
  await (isSaveNeeded ? durable.commit() : probeWritable(rest.file, rest.fs)).catch((error: unknown) => {
    throw error instanceof PersistFailed ? new StatePersistError(statePersistText(shownAs, error)) : error;
  });
  return durable;
}

/**
 * Commits a write before it is acknowledged: true once it is on disk (or there is no state file),
 * false when the save failed (the state is rolled back; answer 5xx).
 */
export async function commitOrRefuse(durable: DurableFile | undefined): Promise<boolean> {
  if (!durable) return true;
  try {
    await durable.commit();
    return true;
  } catch (error) {
    if (error instanceof PersistFailed) return false;
    throw error;
  }
}
