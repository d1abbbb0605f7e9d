// PLACEHOLDER (owner: adapters helper). Signature is the contract.
import type { Logger } from "pino";
import type { MarketplaceConfig } from "../config/types.js";
import type { AdapterDefinition, MarketplaceAdapter } from "../adapters/types.js";

/** Target flags shared by sync, apply and categories (flags win over the config block). */
export interface TargetFlags {
  marketplace?: string;
  baseUrl?: string;
  tokenUrl?: string;
  fsId?: string;
  shopId?: string;
  concurrency?: number;
  /** tokopedia-bulk: where to write workbooks, and a previous export to diff against. */
  outDir?: string;
  previous?: string;
}

export interface OpenTargetOptions {
  flags: TargetFlags;
  /** The marketplace block from the config (group's merged over the default), if any. */
  marketplace?: MarketplaceConfig;
  env: NodeJS.ProcessEnv;
  /** Base folder for relative paths and for `.desbumi/` (the config's folder, else cwd). */
  baseDir: string;
  log: Logger;
}

export interface OpenedTarget {
  adapter: MarketplaceAdapter;
  definition: AdapterDefinition<unknown>;
  /** True for the embedded default: the in-process mock marketplace (practice shop). */
  isPracticeShop: boolean;
  /** Shown in every output that names the target. */
  label: string;
  close(): Promise<void>;
}

/**
 * Build the adapter for this run. With no marketplace in flags or config, starts the practice shop:
 * the mock marketplace in process, state in `<baseDir>/.desbumi/practice-shop.json`.
 */
export async function openTarget(opts: OpenTargetOptions): Promise<OpenedTarget> {
  void opts;
  throw new Error("openTarget not built yet");
}
