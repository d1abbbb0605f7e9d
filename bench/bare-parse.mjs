// Baseline for validate throughput: stream the same file through bare csv-parse, no validation.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let rows = 0;
const parser = createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true }));
for await (const record of parser) {
  if (record.length > 0) rows++;
}
process.stdout.write(`${rows - 1}\n`);
