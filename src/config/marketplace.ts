// Marketplace blocks: the top-level default merged with each group's own block, secrets refused,
// the adapter named checked against the registry and its options against the adapter's schema.
import { z } from "zod";
import type { AdapterDefinition } from "../adapters/types.js";
import type { MarketplaceConfig } from "./types.js";
import type { Text } from "../i18n.js";
import { suggestKey } from "./did-you-mean.js";
import { isPlainObject, joinPath } from "./key-path.js";
import { configMessages as m } from "./messages.js";
import { isSecretKey } from "./secret-keys.js";
import { describeZodIssues, type ConfigIssue } from "./zod-issues.js";

/** The adapter registry as config validation sees it (injectable so tests need no real adapters). */
export interface AdapterLookup {
  names(): string[];
  find(name: string): AdapterDefinition<unknown> | undefined;
}

type Block = Record<string, unknown>;

const DEFAULT_PATH = "marketplace";
const groupPath = (index: number) => `groups[${index}].marketplace`;

/**
 * Merge rule: a group's block is laid over the default block, the group's keys winning. When the
 * group names a different adapter than the default, the default's options belong to another
 * marketplace and are dropped (only the group's block counts).
 */
export function mergeMarketplace(defaults: Block | undefined, own: Block | undefined): Block | undefined {
  if (!defaults && !own) return undefined;
  if (!own) return { ...defaults };
  if (!defaults) return { ...own };
  const ownAdapter = own.adapter;
  if (ownAdapter !== undefined && ownAdapter !== defaults.adapter) return { ...own };
  return { ...defaults, ...own };
}

/** Secret-looking keys in a block: one issue each; returns the block without them. */
function stripSecrets(block: Block, prefix: string, issues: ConfigIssue[]): Block {
  const kept: Block = {};
  for (const [key, value] of Object.entries(block)) {
    if (isSecretKey(key)) {
      const path = joinPath(prefix, [key]);
      issues.push({ path, text: m.secretKey(path) });
    } else kept[key] = value;
  }
  return kept;
}

/**
 * Check every marketplace block in the raw config data and return the merged blocks per group: the
 * group's targets in order ([] means the practice shop). Works on raw data so that its issues come
 * out in the same run as the schema's; blocks that are not objects are left to the schema's messages.
 *
 * Several targets (issue 17): `marketplaces: [{adapter: "tiktok-shop", ...}, {adapter: "shopee", ...}]`
 * at the top level and/or in a group. A group's block is merged over the top-level block of the same
 * adapter (so shared keys such as `serviceId` are written once). A group's list replaces the top-level
 * list; a group's single `marketplace` block replaces it too (merged over the top-level block of its
 * adapter). One adapter appears at most once per list: it is how `--marketplace NAME` picks a target.
 */
export function resolveMarketplaces(
  data: unknown,
  adapters: AdapterLookup,
): { blocks: MarketplaceConfig[][]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const root = isPlainObject(data) ? data : {};
  const single = isPlainObject(root.marketplace) ? stripSecrets(root.marketplace, DEFAULT_PATH, issues) : undefined;
  if (single && typeof single.adapter === "string") checkAdapterName(single.adapter, DEFAULT_PATH, adapters, issues);
  const list = readList(root.marketplaces, LIST_PATH, issues);
  if (single && list) issues.push({ path: LIST_PATH, text: m.bothMarketplaceKeys(LIST_PATH, DEFAULT_PATH) });
  for (const { block, path } of list ?? []) {
    if (typeof block.adapter !== "string") issues.push({ path: joinPath(path, ["adapter"]), text: m.adapterRequired(joinPath(path, ["adapter"])) });
    else checkAdapterName(block.adapter, path, adapters, issues);
  }
  const defaultEntry = (adapter: unknown): Entry | undefined =>
    single && (adapter === undefined || single.adapter === adapter)
      ? { block: single, path: DEFAULT_PATH }
      : list?.find((e) => adapter !== undefined && e.block.adapter === adapter);

  const groups = Array.isArray(root.groups) ? root.groups : [];
  const blocks = groups.map((group, index) => {
    const ownList = isPlainObject(group) ? readList(group.marketplaces, groupListPath(index), issues) : undefined;
    const rawOwn = isPlainObject(group) && isPlainObject(group.marketplace) ? group.marketplace : undefined;
    if (ownList && rawOwn) issues.push({ path: groupListPath(index), text: m.bothMarketplaceKeys(groupListPath(index), groupPath(index)) });
    if (ownList) {
      return ownList.flatMap(({ block: own, path }) => {
        if (own.adapter === undefined) {
          issues.push({ path: joinPath(path, ["adapter"]), text: m.adapterRequired(joinPath(path, ["adapter"])) });
          return [];
        }
        const defaults = defaultEntry(own.adapter);
        const block = resolveOne(defaults?.block, own, path, defaults?.path ?? path, adapters, issues);
        return block ? [block] : [];
      });
    }
    const own = rawOwn ? stripSecrets(rawOwn, groupPath(index), issues) : undefined;
    if (!own) {
      // The top-level block(s) as they are; their options are checked per group (a required option
      // may be given by the groups), issues deduplicated by path later.
      const defaults = single ? [{ block: single, path: DEFAULT_PATH }] : (list ?? []);
      return defaults.flatMap(({ block, path }) => {
        const resolved = resolveOne(block, undefined, groupPath(index), path, adapters, issues);
        return resolved ? [resolved] : [];
      });
    }
    if (own.adapter === undefined && !single && list) {
      // A group block without an adapter must say which of the listed marketplaces it is for.
      if (list.length !== 1) {
        issues.push({ path: joinPath(groupPath(index), ["adapter"]), text: m.adapterMissing(joinPath(groupPath(index), ["adapter"])) });
        return [];
      }
    }
    const defaults = own.adapter === undefined && list?.length === 1 && !single ? list[0] : defaultEntry(own.adapter);
    const block = resolveOne(defaults?.block, own, groupPath(index), defaults?.path ?? groupPath(index), adapters, issues);
    return block ? [block] : [];
  });
  return { blocks, issues };
}

const LIST_PATH = "marketplaces";
const groupListPath = (index: number) => `groups[${index}].marketplaces`;

/** A `marketplaces` list: objects only (the schema reports other shapes), secrets stripped, one block per adapter. */
function readList(value: unknown, path: string, issues: ConfigIssue[]): Entry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const seen = new Map<unknown, number>();
  const blocks: Entry[] = [];
  value.forEach((item, i) => {
    if (!isPlainObject(item)) return;
    const block = stripSecrets(item, `${path}[${i}]`, issues);
    if (block.adapter !== undefined) {
      const first = seen.get(block.adapter);
      if (first !== undefined) {
        issues.push({ path: joinPath(`${path}[${i}]`, ["adapter"]), text: m.duplicateTarget(joinPath(`${path}[${i}]`, ["adapter"]), String(block.adapter), `${path}[${first}]`) });
        return;
      }
      seen.set(block.adapter, i);
    }
    blocks.push({ block, path: `${path}[${i}]` });
  });
  return blocks;
}

/** A list entry and where it is written (indexes as in the file, duplicates left out). */
interface Entry {
  block: Block;
  path: string;
}

/** One group block merged over its default, adapter and options checked. */
function resolveOne(
  defaults: Block | undefined,
  own: Block | undefined,
  ownPath: string,
  defaultPath: string,
  adapters: AdapterLookup,
  issues: ConfigIssue[],
): MarketplaceConfig | undefined {
  const merged = mergeMarketplace(defaults, own);
  if (!merged) return undefined;
  const sourceOf = (key: string) => (own && key in own ? ownPath : defaults && key in defaults ? defaultPath : ownPath);
  const adapter = merged.adapter;
  if (adapter === undefined) {
    // A top-level block without an adapter is the schema's message (`marketplace.adapter`).
    if (defaults) return undefined;
    issues.push({ path: joinPath(ownPath, ["adapter"]), text: m.adapterMissing(joinPath(ownPath, ["adapter"])) });
    return undefined;
  }
  if (typeof adapter !== "string") return undefined; // the schema reports the wrong type
  const definition = checkAdapterName(adapter, sourceOf("adapter"), adapters, issues);
  if (definition) checkOptions(definition, merged, sourceOf, issues);
  return { ...merged, adapter } satisfies MarketplaceConfig;
}

function checkAdapterName(
  name: string,
  prefix: string,
  adapters: AdapterLookup,
  issues: ConfigIssue[],
): AdapterDefinition<unknown> | undefined {
  const definition = adapters.find(name);
  if (!definition) {
    const path = joinPath(prefix, ["adapter"]);
    const known = adapters.names().filter((n) => adapters.find(n)?.status !== "internal");
    issues.push({ path, text: m.unknownAdapter(path, name, suggestKey(name, known), known) });
  }
  return definition;
}

function checkOptions(
  definition: AdapterDefinition<unknown>,
  merged: Block,
  sourceOf: (key: string) => string,
  issues: ConfigIssue[],
): void {
  const schema = definition.optionsSchema;
  const shapeKeys = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : undefined;
  // The adapter's schema may or may not list `adapter` itself; pass it only when it does.
  const { adapter, ...options } = merged;
  const input: Block = shapeKeys?.includes("adapter") ? { adapter, ...options } : options;

  const typos = new Set<string>();
  if (shapeKeys) {
    const allowed = ["adapter", ...shapeKeys.filter((k) => k !== "adapter")];
    for (const key of Object.keys(input)) {
      if (allowed.includes(key)) continue;
      const path = joinPath(sourceOf(key), [key]);
      const meant = suggestKey(key, allowed);
      issues.push({ path, text: m.unknownKey(path, key, meant, allowed) });
      if (meant) typos.add(meant);
      delete input[key];
    }
  }

  const result = schema.safeParse(input);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const first = issue.path[0];
    // A required option missing because it was misspelt is the typo's message, not a second one.
    if (typeof first === "string" && typos.has(first) && !(first in input)) continue;
    const prefix = sourceOf(typeof first === "string" ? first : "");
    issues.push(...describeZodIssues([issue], { prefix, data: input, allowedKeys: () => shapeKeys ?? [], help: optionHelpOf(definition) }));
  }
}

/** The adapter's plain-words help for a top-level option key (issue 12.5). */
export const optionHelpOf =
  (definition: AdapterDefinition<unknown>) =>
  (segments: readonly PropertyKey[]): Text | undefined => {
    const key = segments[0];
    return typeof key === "string" && segments.length === 1 ? definition.optionHelp?.[key] : undefined;
  };
