// A stand-in adapter registry for config tests, so they do not depend on the real adapters.
import { z } from "zod";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import type { AdapterLookup } from "../../src/config/marketplace.js";
import { DEFAULT_RULES } from "../../src/rules.js";

const define = (name: string, optionsSchema: z.ZodType): AdapterDefinition<unknown> => ({
  name,
  description: `${name} (test double)`,
  optionsSchema,
  rules: DEFAULT_RULES,
  create: () => {
    throw new Error("not used in config tests");
  },
});

const shop = define(
  "shop",
  z.strictObject({
    baseUrl: z.string().url().optional(),
    fsId: z.string().regex(/^\d+$/, "digits only"),
    shopId: z.string().regex(/^\d+$/, "digits only"),
    concurrency: z.number().int().positive().optional(),
    clientIdEnv: z.string().optional(),
    clientSecretEnv: z.string().optional(),
  }),
);

const bulk = define("bulk", z.strictObject({ outDir: z.string().optional(), previous: z.string().optional() }));

const registry: Record<string, AdapterDefinition<unknown>> = { shop, bulk };

export const fakeAdapters: AdapterLookup = {
  names: () => Object.keys(registry),
  find: (name) => registry[name],
};
