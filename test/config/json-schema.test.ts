import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_FILE, buildConfigJsonSchema, renderConfigJsonSchema, writeConfigSchema } from "../../src/config/json-schema.js";
import { fakeAdapters } from "./fake-adapters.js";

describe("schema/desbumi.config.schema.json", () => {
  it("is up to date with the zod schema and the adapter registry", async () => {
    // To regenerate after changing src/config/schema.ts or an adapter's options:
    //   DESBUMI_WRITE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts
    if (process.env.DESBUMI_WRITE_SCHEMA === "1") await writeConfigSchema();
    const committed = await readFile(CONFIG_SCHEMA_FILE, "utf8").catch(() => "(missing)");
    expect(
      committed === renderConfigJsonSchema(),
      "schema/desbumi.config.schema.json is stale: run DESBUMI_WRITE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts and commit the file",
    ).toBe(true);
  });

  it("describes every key and rejects unknown ones", () => {
    const schema = buildConfigJsonSchema(fakeAdapters) as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string; items?: { properties: Record<string, { description?: string }>; additionalProperties: boolean } }>;
    };
    expect(schema.additionalProperties).toBe(false);
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toBeTruthy();
    const group = schema.properties.groups?.items;
    expect(group?.additionalProperties).toBe(false);
    for (const [key, property] of Object.entries(group?.properties ?? {})) expect(property.description, key).toBeTruthy();
  });

  it("offers every adapter's options in the marketplace blocks", () => {
    const schema = buildConfigJsonSchema(fakeAdapters) as { properties: { marketplace: { properties: Record<string, unknown>; additionalProperties: unknown } } };
    const block = schema.properties.marketplace;
    expect(Object.keys(block.properties).sort()).toEqual(["adapter", "baseUrl", "clientIdEnv", "clientSecretEnv", "concurrency", "fsId", "outDir", "previous", "shopId"]);
    expect(block.properties.adapter).toMatchObject({ enum: ["bulk", "shop"] });
    expect(block.additionalProperties).toBe(false);
  });
});
