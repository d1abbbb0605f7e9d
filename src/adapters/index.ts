// PLACEHOLDER (owner: adapters helper). The literal registry of marketplace adapters.
import type { AdapterDefinition } from "./types.js";

export const adapters = {} satisfies Record<string, AdapterDefinition<any>>;

export type AdapterName = keyof typeof adapters;

export function findAdapter(name: string): AdapterDefinition<unknown> | undefined {
  return (adapters as Record<string, AdapterDefinition<unknown>>)[name];
}

export const adapterNames = (): string[] => Object.keys(adapters);
