// The literal registry of marketplace adapters: adding a marketplace = one folder + one line here.
// Definitions are light (options schema, rules); each loads its implementation in `create`.
import type { AdapterDefinition } from "./types.js";
import { memory } from "./memory/index.js";
import { tokopedia } from "./tokopedia/definition.js";
import { tokopediaBulk } from "./tokopedia-bulk/definition.js";
import { shopee } from "./shopee/definition.js";
import { tiktokShop } from "./tiktok-shop/definition.js";

export const adapters = {
  memory,
  tokopedia,
  "tokopedia-bulk": tokopediaBulk,
  shopee,
  "tiktok-shop": tiktokShop,
} satisfies Record<string, AdapterDefinition<any>>;

export type AdapterName = keyof typeof adapters;

export function findAdapter(name: string): AdapterDefinition<unknown> | undefined {
  return Object.hasOwn(adapters, name) ? (adapters as Record<string, AdapterDefinition<unknown>>)[name] : undefined;
}

export const adapterNames = (): string[] => Object.keys(adapters);

/**
 * The names a user is offered ("Choose one of: ..."): every adapter except `internal` ones (the
 * in-memory test shop), which still work when named but are no choice for a group's shop.
 */
export const offeredAdapterNames = (): string[] => adapterNames().filter((name) => findAdapter(name)?.status !== "internal");
