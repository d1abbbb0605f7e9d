// Cross-row rules: checks that need more than one row (duplicate SKU, duplicate name).
// Each rule sees every data row once, keeps compact state, and reports at the end.
import type { IssueCode } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import { hash53, KeyLineTable } from "./key-table.js";
import { skuKey } from "./sku.js";

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
  /** Past the report cap: the line is invalid, but gets no issue of its own (its group's issues count it). */
  silent?: boolean;
}

export interface Rule {
  check(row: RowKeys): void;
  finish(): Finding[];
}

/**
 * How many lines of one duplicate group get a finding of their own and are named in the message.
 * NOTE (issue 13.4): a catalogue where 20,000 rows share one SKU used to give 20,000 findings each
 * naming all 20,000 lines (quadratic time and memory). Now a group reports at its first
 * DUPLICATE_REPORT_CAP lines, each naming those lines plus a count of the rest; every line of the
 * group is still invalidated, so none of them is synced.
 */
export const DUPLICATE_REPORT_CAP = 8;

interface Group {
  /** The value as written on each line, the first line's as the second writes it (see below). */
  values: string[];
  lines: number[];
}

/** Every line that shares a key with another line is invalid; the first DUPLICATE_REPORT_CAP lines get the finding. */
function duplicateRule(code: IssueCode, field: "sku" | "name", keyOf: (row: RowKeys) => string | undefined): Rule {
  const table = new KeyLineTable();
  // NOTE: the first line's cell is not kept (1M strings would undo key-table.ts's compact memory),
  // so its finding carries the value as the second line writes it: equal after normalization
  // (SKUs ignoring case; names cleaned and ignoring case).
  const groups = new Map<number, Group>();
  return {
    check(row) {
      const key = keyOf(row);
      if (key === undefined || key === "") return;
      const hash = hash53(key);
      const first = table.firstLine(hash, row.line);
      const value = row[field] ?? key;
      if (first === 0) return;
      const group = groups.get(hash);
      if (group) {
        group.lines.push(row.line);
        group.values.push(value);
      } else groups.set(hash, { values: [value, value], lines: [first, row.line] });
    },
    finish() {
      const findings: Finding[] = [];
      for (const group of groups.values()) {
        const count = group.lines.length;
        const shown = group.lines.slice(0, DUPLICATE_REPORT_CAP);
        const args: Record<string, string | number> = { lines: shown.join(", "), count };
        if (count > shown.length) args.more = count - shown.length;
        group.lines.forEach((line, i) => {
          findings.push({ code, field, line, value: group.values[i], args, ...(i >= DUPLICATE_REPORT_CAP ? { silent: true } : {}) });
        });
      }
      return findings;
    },
  };
}

/**
 * SKUs are compared ignoring case, as the marketplaces do (issue 13.12: `MW-LPS-002` and `mw-lps-002`
 * are one SKU on TikTok Shop, Shopee and Tokopedia, so a catalogue holding both never converges).
 */
export const duplicateSku = (): Rule => duplicateRule("DUPLICATE_SKU", "sku", (row) => (row.sku === undefined ? undefined : skuKey(row.sku)));

/** Names compared after cleanup and case folding: the marketplace treats them as the same. */
export const duplicateName = (): Rule => duplicateRule("DUPLICATE_NAME", "name", (row) => row.name?.toLowerCase());

export function createRules(rules: MarketplaceRules): Rule[] {
  return rules.uniqueNames ? [duplicateSku(), duplicateName()] : [duplicateSku()];
}
