// PLACEHOLDER (owner: config helper). Signature is the contract.
import type { LoadedConfig } from "./types.js";

export interface LoadConfigOptions {
  cwd: string;
  /** `--config` path; when set the file must exist. */
  configPath?: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Find desbumi.config.json in `cwd` or above (or at `configPath`), validate it strictly, read the
 * `.env` next to it. Returns undefined when there is no config file and none was asked for.
 * Throws ConfigError (one Text per mistake, naming the key path) when the file is invalid.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig | undefined> {
  void opts;
  return undefined;
}
