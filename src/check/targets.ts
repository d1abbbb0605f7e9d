// Which marketplaces one `desbumi check` judges a catalogue for, each with its offline rules:
// `--marketplace all` (every live marketplace desbumi knows), one named marketplace, or the
// group's own targets from desbumi.config.json (its `marketplaces` list or single block).
import type { AdapterDefinition } from "../adapters/types.js";
import type { GroupConfig, LoadedConfig, MarketplaceConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { text } from "../i18n.js";
import type { MarketplaceRules } from "../rules.js";
import { practiceShopLabel } from "../target/practice-shop-name.js";
import { resolveTargetDefinition } from "../target/open.js";

export interface ReadinessTarget {
  /** The adapter name (`--marketplace` picks by it). */
  name: string;
  /** How reports head its column: "Shopee", "Tokopedia & Shop", "practice shop ...". */
  label: string;
  rules: MarketplaceRules;
  /** The configured block's options (without `adapter`), {} when none. */
  options: Record<string, unknown>;
}

export const ALL_MARKETPLACES = "all";

type Registry = { names(): string[]; find(name: string): AdapterDefinition<unknown> | undefined };

export function readinessTargets(input: {
  marketplace?: string;
  group?: GroupConfig;
  config?: LoadedConfig;
  registry: Registry;
}): ReadinessTarget[] {
  const { registry } = input;
  const blocks = configuredBlocks(input.group, input.config);
  if (input.marketplace === ALL_MARKETPLACES || (input.marketplace === undefined && !input.config)) {
    return registry
      .names()
      .map((name) => registry.find(name))
      .filter((d): d is AdapterDefinition<unknown> => d !== undefined && d.status === undefined)
      .map((definition) => targetOf(definition, blocks.find((b) => b.adapter === definition.name)));
  }
  if (input.marketplace !== undefined) {
    const definition = registry.find(input.marketplace);
    if (!definition) {
      const known = [ALL_MARKETPLACES, ...registry.names().filter((n) => registry.find(n)?.status !== "internal")].join(", ");
      throw new UsageError(
        text(`Marketplace "${input.marketplace}" tidak dikenal. Pilihan: ${known}`, `Unknown marketplace "${input.marketplace}". Choose one of: ${known}`),
      );
    }
    return [targetOf(definition, blocks.find((b) => b.adapter === definition.name))];
  }
  if (blocks.length === 0) {
    // No marketplace configured: the practice shop, as sync would use.
    const { definition } = resolveTargetDefinition({ flags: {} });
    return [{ ...targetOf(definition, undefined), label: practiceShopLabel(input.group?.id) }];
  }
  return blocks.flatMap((block) => {
    const definition = registry.find(block.adapter);
    return definition ? [targetOf(definition, block)] : [];
  });
}

function configuredBlocks(group: GroupConfig | undefined, config: LoadedConfig | undefined): MarketplaceConfig[] {
  if (group) return group.marketplaces ?? (group.marketplace ? [group.marketplace] : []);
  if (!config) return [];
  return config.marketplaces ?? (config.marketplace ? [config.marketplace] : []);
}

function targetOf(definition: AdapterDefinition<unknown>, block: MarketplaceConfig | undefined): ReadinessTarget {
  const { adapter: _name, ...options } = block ?? { adapter: definition.name };
  return {
    name: definition.name,
    label: definition.displayName ?? definition.name,
    rules: definition.rulesFor?.(options as Partial<unknown>) ?? definition.rules,
    options,
  };
}
