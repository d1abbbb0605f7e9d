// Cross-row rules: checks that need more than one row (duplicate SKU, duplicate name).
// Each rule sees every data row once, keeps compact state, and reports at the end.
import type { IssueCode } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import { hash53, KeyLineTable } from "./key-table.js";

export interface RowKeys {
  line: number;
  sku?: string;
  name?: string;
}

export interface Finding {
  code: IssueCode;
  field: "sku" | "name";
  line: number;
  value: string | undefined;
  args: Record<string, string | number>;
}

export interface Rule {
  check(row: RowKeys): void;
  finish(): Finding[];
}

interface Group {
  /**
   * One value per line of `lines`. The first line's own cell was not kept (see key-table.ts), so
   * its value is the second line's: equal to it after normalization (SKUs exactly; names cleaned
   * and compared ignoring case, so it may differ from the first cell in case or spacing).
   */
  values: string[];
  lines: number[];
}

/** Every line that shares a key with another line gets the finding (first line included). */
function duplicateRule(code: IssueCode, field: "sku" | "name", keyOf: (row: RowKeys) => string | undefined): Rule {
  const table = new KeyLineTable();
  const groups = new Map<number, Group>();
  return {
    check(row) {
      const key = keyOf(row);
      if (key === undefined || key === "") return;
      const hash = hash53(key);
      const first = table.firstLine(hash, row.line);
      if (first === 0) return;
      const value = row[field] ?? key;
      const group = groups.get(hash);
      if (group) {
        group.lines.push(row.line);
        group.values.push(value);
      } else groups.set(hash, { values: [value, value], lines: [first, row.line] });
    },
    finish() {
      const findings: Finding[] = [];
      for (const group of groups.values()) {
        const lines = group.lines.join(", ");
        group.lines.forEach((line, i) => {
          findings.push({ code, field, line, value: group.values[i], args: { lines, count: group.lines.length } });
        });
      }
      return findings;
    },
  };
}

/** SKUs are compared exactly (a marketplace SKU is case-sensitive). */
export const duplicateSku = (): Rule => duplicateRule("DUPLICATE_SKU", "sku", (row) => row.sku);

/** Names compared after cleanup and case folding: the marketplace treats them as the same. */
export const duplicateName = (): Rule => duplicateRule("DUPLICATE_NAME", "name", (row) => row.name?.toLowerCase());

export function createRules(rules: MarketplaceRules): Rule[] {
  return rules.uniqueNames ? [duplicateSku(), duplicateName()] : [duplicateSku()];
}
