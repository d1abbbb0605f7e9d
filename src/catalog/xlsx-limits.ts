// How much of a workbook the xlsx reader will unpack before it stops with FILE_TOO_LARGE. A village
// catalogue is a few thousand rows; these leave room for a hundred thousand and stop a zip bomb
// (1 MB that inflates to 1 GB) long before it costs the machine's memory.

/** Inflated bytes of one zip entry (a sheet's XML, the shared strings). */
export const MAX_ENTRY_BYTES = 128 * 1024 * 1024;
/** Inflated bytes of all the entries read for one catalogue. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Filled cells (a value or an error) on the sheet read: 100,000 rows of 20 columns. */
export const MAX_SHEET_CELLS = 2_000_000;
/** Shared strings kept in memory (the workbook's table of distinct texts) and their characters. */
export const MAX_SHARED_STRINGS = 2_000_000;
export const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;
/** One cell's text or one XML tag (Excel itself stops a cell at 32,767 characters). */
export const MAX_TOKEN_CHARS = 1024 * 1024;
/** Entries in the zip's directory (an xlsx has a few dozen). */
export const MAX_ZIP_ENTRIES = 100_000;
/** The small parts read whole: workbook.xml, its rels, styles.xml, [Content_Types].xml. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

/** Which limit was hit (FILE_TOO_LARGE `limit`), and the limit itself (`max`, in its unit). */
export type XlsxLimit = "entry_bytes" | "total_bytes" | "cells" | "shared_strings" | "shared_string_chars" | "cell_text" | "zip_entries";

/** Thrown inside the reader only; read-xlsx.ts turns it into one FILE_TOO_LARGE issue. */
export class XlsxTooLarge extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly max: number,
    readonly part: string,
    readonly line?: number,
  ) {
    super(`xlsx ${part}: over the ${limit} limit of ${max}`);
  }
}

/** Thrown inside the reader only: the zip or its XML is not a readable workbook (FILE_TYPE_MISMATCH "damaged"). */
export class XlsxDamaged extends Error {}
