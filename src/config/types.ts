// The loaded, validated desbumi.config.json (see src/config/schema.ts for the file's shape).

/**
 * A marketplace block: `adapter` names a registered adapter; the other keys are that adapter's
 * options (validated by its optionsSchema), e.g. tokopedia: baseUrl, tokenUrl, fsId, shopId,
 * clientIdEnv, clientSecretEnv (names of env variables; secrets never live in the file).
 */
export interface MarketplaceConfig {
  adapter: string;
  [option: string]: unknown;
}

export interface GroupConfig {
  id: string;
  name: string;
  /** Absolute path (the file holds it relative to the config file). */
  catalog: string;
  /** The default marketplace block merged with the group's own (the group's keys win); the first target when there are several. */
  marketplace?: MarketplaceConfig;
  /** Every target in order when the group sells on several marketplaces (absent with one or none). */
  marketplaces?: MarketplaceConfig[];
  /** Category used for rows whose category cell is empty. */
  defaultCategory?: string;
  /** XLSX sheet to read. */
  sheet?: string;
  /** Absolute photo folder for bare photo file names (config `photos`); absent = `foto/` next to the catalogue. */
  photos?: string;
  /** Per-marketplace price and stock rules (the top-level ones merged under the group's, per adapter). */
  pricing?: Record<string, PricingRule>;
}

export interface PricingRule {
  markupPercent?: number;
  roundTo?: 1 | 100 | 500 | 1000;
  stockPercent?: number;
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its folder (paths in the file are relative to it). */
  dir: string;
  marketplace?: MarketplaceConfig;
  marketplaces?: MarketplaceConfig[];
  defaultCategory?: string;
  groups: GroupConfig[];
  /** process.env overlaid on the .env file next to the config (process.env wins). */
  env: NodeJS.ProcessEnv;
}
