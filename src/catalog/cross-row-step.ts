// Step 4 of the pipeline, cross-row rules (duplicate SKU, duplicate name): every read row is
// checked against compact state; findings come at the end and may invalidate rows already read.
import type { MarketplaceRules } from "../rules.js";
import type { HeaderMap } from "./columns.js";
import type { IssueSink } from "./issue-sink.js";
import { createRules, type RowKeys } from "./rules.js";

export interface CrossRowStep {
  check(row: RowKeys): void;
  /** Report the findings; each offending line (and its SKU, when the finding is about the SKU) goes to `invalidate`. */
  finish(header: HeaderMap | undefined, invalidate: (line: number, sku: string | undefined) => void): void;
}

export function createCrossRowStep(rules: MarketplaceRules, sink: IssueSink): CrossRowStep {
  const crossRules = createRules(rules);
  return {
    check(row) {
      for (const rule of crossRules) rule.check(row);
    },
    finish(header, invalidate) {
      for (const rule of crossRules) {
        for (const f of rule.finish()) {
          if (!f.silent) sink.push(f.code, f.line, header?.byField[f.field], f.value, f.args);
          invalidate(f.line, f.field === "sku" ? f.value : undefined);
        }
      }
    },
  };
}
