// How far down a file or sheet the catalogue header may be: title rows above it are skipped.
// Shared by the pipeline (which finds the header) and the xlsx reader (which picks the sheet that has one).

/** The header must be within this many non-blank rows. */
export const HEADER_SEARCH_ROWS = 10;
