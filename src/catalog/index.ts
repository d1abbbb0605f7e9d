// PLACEHOLDER (owner: catalog helper). Signature is the contract.
import type { MarketplaceRules } from "../rules.js";
import type { CatalogResult } from "./types.js";

export interface LoadCatalogOptions {
  /** Marketplace listing rules to check (default: DEFAULT_RULES). */
  rules?: MarketplaceRules;
  /** XLSX: sheet name (default: the first sheet). */
  sheet?: string;
  /** Keep normalized products in the result (default true). Validation-only runs may pass false. */
  collectProducts?: boolean;
  /** Resolve `file` against this folder (default process.cwd()); issues keep `file` as given. */
  cwd?: string;
}

/**
 * Read a catalogue file (CSV or XLSX, sniffed by content), normalize every row, apply the rules.
 * Never throws for bad content (that is issues); throws UsageError when the file cannot be read
 * at all (missing, a directory, no permission).
 */
export async function loadCatalog(file: string, opts: LoadCatalogOptions = {}): Promise<CatalogResult> {
  void opts;
  throw new Error(`loadCatalog not built yet (${file})`);
}
