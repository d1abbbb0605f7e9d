// `desbumi normalize --assign-skus` (issue 14 "Rows without a SKU"): rows whose SKU cell is empty
// get a stable code, the group's prefix + a number (`MUI-007`), written into the cleaned catalogue
// so the facilitator keeps it from then on. Never a code the file already holds: numbering starts
// after the highest `PREFIX-n` found in any cell. `validate` and `sync` still refuse an empty SKU.
import { resolve } from "node:path";
import { cellText, isBlankCell, isBlankRow } from "../catalog/cell.js";
import { loadCatalog, type LoadCatalogOptions } from "../catalog/index.js";
import type { RawRow } from "../catalog/source.js";
import type { CatalogResult } from "../catalog/types.js";
import { skuPrefixes } from "../init/group-spec.js";

export interface AssignedSku {
  line: number;
  sheet?: string;
  sku: string;
}

export interface AssignSkusResult {
  result: CatalogResult;
  assigned: AssignedSku[];
  prefix: string;
}

/** The prefix: the config group's (as `desbumi init` derives it from the group id), else the file name's. */
export async function skuPrefixFor(file: string, opts: { cwd: string; env: NodeJS.ProcessEnv; given?: string }): Promise<string> {
  if (opts.given !== undefined && opts.given.trim() !== "") return opts.given.trim().toUpperCase();
  const path = resolve(opts.cwd, file);
  try {
    const { loadConfig } = await import("../config/load.js");
    const config = await loadConfig({ cwd: opts.cwd, env: opts.env });
    const group = config?.groups.find((g) => resolve(g.catalog) === path);
    if (group) return skuPrefixes([{ id: group.id, name: group.name }])[0]!;
  } catch {
    // NOTE: a broken config must not stop normalizing a file; the file name still gives a prefix.
  }
  const base = (file.replace(/\\/g, "/").split("/").pop() ?? file).replace(/\.[^.]*$/, "");
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return skuPrefixes([{ id: id || "prd", name: base }])[0]!;
}

const pad = (n: number): string => String(n).padStart(3, "0");

/**
 * Two reads of the file: the first finds the header, the SKU column and the codes in use; the
 * second fills each empty SKU cell below the header (in file order, so the same file always gets
 * the same codes) before the row reaches the pipeline.
 */
export async function loadWithAssignedSkus(file: string, prefix: string, opts: Omit<LoadCatalogOptions, "onRow">): Promise<AssignSkusResult> {
  const code = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)$`, "i");
  let highest = 0;
  const first = await loadCatalog(file, {
    ...opts,
    collectProducts: false,
    onRow: (row) => {
      for (const cell of row.cells) {
        const m = code.exec(cellText(cell).trim());
        if (m) highest = Math.max(highest, Number(m[1]));
      }
    },
  });
  const column = first.columns?.sku;
  if (!column || first.headerLine === undefined) return { result: await loadCatalog(file, opts), assigned: [], prefix };
  const headerLine = first.headerLine;
  const assigned: AssignedSku[] = [];
  const fill = (row: RawRow, sheet: string | undefined): void => {
    if (row.line <= headerLine || isBlankRow(row.cells) || !isBlankCell(row.cells[column.index] ?? null)) return;
    while (row.cells.length <= column.index) row.cells.push(null);
    const sku = `${prefix}-${pad(++highest)}`;
    row.cells[column.index] = sku;
    assigned.push(sheet === undefined ? { line: row.line, sku } : { line: row.line, sheet, sku });
  };
  const result = await loadCatalog(file, { ...opts, onRow: fill });
  return { result, assigned, prefix };
}
