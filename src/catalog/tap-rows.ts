// Lets a caller see every raw row as the pipeline reads it (readiness pages show the catalogue as
// written, cells and all), without a second read of the file or a second parser.
import type { RawRow, RowSource } from "./source.js";

export type RowTap = (row: RawRow, sheet: string | undefined) => void;

export function tapRows(source: RowSource, tap: RowTap): RowSource {
  const { rows, batches } = source;
  const tapped: RowSource = {
    ...source,
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const row of rows) {
          tap(row, source.sheet);
          yield row;
        }
      },
    },
  };
  if (batches) {
    tapped.batches = {
      async *[Symbol.asyncIterator]() {
        for await (const batch of batches) {
          for (const row of batch) tap(row, source.sheet);
          yield batch;
        }
      },
    };
  }
  return tapped;
}
