// Parsed JSON -> validated config or one path-named issue per mistake. Pure: no files, no env.
import type { MarketplaceConfig } from "./types.js";
import { isPlainObject, joinPath, type PathSegment } from "./key-path.js";
import { resolveMarketplaces, type AdapterLookup } from "./marketplace.js";
import { configMessages as m } from "./messages.js";
import { configFileSchema, GROUP_KEYS, TOP_LEVEL_KEYS, type ConfigFile, type GroupEntry } from "./schema.js";
import { dedupeIssues, describeZodIssues, type ConfigIssue } from "./zod-issues.js";

export interface ValidatedGroup extends Omit<GroupEntry, "marketplace" | "marketplaces"> {
  /** The group's first target: the default block merged with the group's own; undefined means the practice shop. */
  marketplace?: MarketplaceConfig;
  /** Every target, in order, when the group sells on several (absent with one or none). */
  marketplaces?: MarketplaceConfig[];
}

export interface ValidatedConfig extends Omit<ConfigFile, "groups" | "marketplace" | "marketplaces"> {
  marketplace?: MarketplaceConfig;
  marketplaces?: MarketplaceConfig[];
  groups: ValidatedGroup[];
}

export type ValidateConfigResult = { ok: true; value: ValidatedConfig } | { ok: false; issues: ConfigIssue[] };

const allowedKeys = (segments: readonly PathSegment[]): readonly string[] =>
  segments.length === 0 ? TOP_LEVEL_KEYS : segments[0] === "groups" && segments.length === 2 ? GROUP_KEYS : [];

export function validateConfigData(data: unknown, adapters: AdapterLookup): ValidateConfigResult {
  const parsed = configFileSchema.safeParse(data);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : describeZodIssues(parsed.error.issues, { prefix: "", data, allowedKeys });
  issues.push(...findDuplicateIds(data));
  const marketplaces = resolveMarketplaces(data, adapters);
  issues.push(...marketplaces.issues);

  if (!parsed.success || issues.length > 0) return { ok: false, issues: dedupeIssues(sortByPath(issues)) };
  const file = parsed.data;
  const { marketplace, marketplaces: list, groups, ...rest } = file;
  return {
    ok: true,
    value: {
      ...rest,
      ...(marketplace ? { marketplace: { ...marketplace, adapter: marketplace.adapter } } : {}),
      ...(list ? { marketplaces: list.map((block) => ({ ...block, adapter: block.adapter })) } : {}),
      groups: groups.map(({ marketplace: _own, marketplaces: _ownList, ...group }, index) => {
        const targets = marketplaces.blocks[index] ?? [];
        const [first] = targets;
        return {
          ...group,
          ...(first ? { marketplace: first } : {}),
          ...(targets.length > 1 ? { marketplaces: targets } : {}),
        };
      }),
    },
  };
}

function findDuplicateIds(data: unknown): ConfigIssue[] {
  if (!isPlainObject(data) || !Array.isArray(data.groups)) return [];
  const seen = new Map<string, number>();
  const issues: ConfigIssue[] = [];
  data.groups.forEach((group: unknown, index: number) => {
    if (!isPlainObject(group) || typeof group.id !== "string") return;
    const first = seen.get(group.id);
    if (first === undefined) {
      seen.set(group.id, index);
      return;
    }
    const path = joinPath("", ["groups", index, "id"]);
    issues.push({ path, text: m.duplicateId(path, group.id, first) });
  });
  return issues;
}

/** File order for the reader: top-level keys first, then groups in order. Stable otherwise. */
function sortByPath(issues: ConfigIssue[]): ConfigIssue[] {
  const rank = (path: string) => {
    const group = /^groups\[(\d+)\]/.exec(path);
    return group ? 1 + Number(group[1]) : 0;
  };
  return issues.map((issue, order) => ({ issue, order })).sort((a, b) => rank(a.issue.path) - rank(b.issue.path) || a.order - b.order).map((x) => x.issue);
}
