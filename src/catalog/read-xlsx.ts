// PLACEHOLDER (owner: xlsx helper). Signature is the contract.
import type { RowSource } from "./source.js";

export interface ReadXlsxOptions {
  /** The file name as the user gave it, for issue locations. */
  file: string;
  /** Sheet name; default the first sheet. Unknown name -> a SHEET_NOT_FOUND issue in `issues`. */
  sheet?: string;
}

/** Read an .xlsx workbook's sheet as raw rows (numbers stay numbers, formulas give cached values). */
export async function readXlsx(path: string, opts: ReadXlsxOptions): Promise<RowSource> {
  void opts;
  throw new Error(`readXlsx not built yet (${path})`);
}
