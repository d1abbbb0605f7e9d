// The JSON Schema shipped in schema/desbumi.config.schema.json, for editor completion. Generated
// from the zod schema plus every registered adapter's options; a test keeps the file up to date.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { adapterNames, findAdapter } from "../adapters/index.js";
import type { AdapterLookup } from "./marketplace.js";
import { configFileSchema } from "./schema.js";

/** schema/desbumi.config.schema.json in the package (from src/config or dist/config alike). */
export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL("../../schema/desbumi.config.schema.json", import.meta.url));

/** What `init` writes as "$schema": resolves once desbumi is installed in the project. */
export const CONFIG_SCHEMA_REF = "./node_modules/desbumi/schema/desbumi.config.schema.json";

type JsonObject = Record<string, unknown>;

// NOTE: draft-07 because it is what VS Code and JetBrains editors understand best.
const TARGET = "draft-7";

export function buildConfigJsonSchema(adapters: AdapterLookup = { names: adapterNames, find: findAdapter }): JsonObject {
  const schema = z.toJSONSchema(configFileSchema, { target: TARGET, io: "input" }) as JsonObject;
  schema.title = "desbumi.config.json";
  schema.description = "Configuration of desbumi: groups, their catalogues and marketplaces. See the README, section Configuration.";

  const names = adapters.names().sort();
  const optionProperties: JsonObject = {};
  let allObjects = names.length > 0;
  for (const name of names) {
    const definition = adapters.find(name);
    if (!definition) continue;
    const options = z.toJSONSchema(definition.optionsSchema, { target: TARGET, io: "input", unrepresentable: "any" }) as JsonObject;
    const properties = options.properties as JsonObject | undefined;
    if (!properties) allObjects = false;
    for (const [key, property] of Object.entries(properties ?? {})) {
      if (key !== "adapter" && !(key in optionProperties)) optionProperties[key] = describeOption(property, name);
    }
  }

  const top = schema.properties as JsonObject;
  const groups = (top.groups as JsonObject).items as JsonObject;
  for (const block of [top.marketplace, (groups.properties as JsonObject).marketplace] as JsonObject[]) {
    const properties = block.properties as JsonObject;
    if (names.length > 0) properties.adapter = { ...(properties.adapter as JsonObject), enum: names };
    Object.assign(properties, optionProperties);
    // Known keys only, when every adapter's options are a plain object: typos get underlined.
    if (allObjects) block.additionalProperties = false;
  }
  return schema;
}

function describeOption(property: unknown, adapter: string): unknown {
  if (typeof property !== "object" || property === null) return property;
  const described = property as JsonObject;
  const note = `(adapter: ${adapter})`;
  return { ...described, description: typeof described.description === "string" ? `${described.description} ${note}` : note };
}

export const renderConfigJsonSchema = (adapters?: AdapterLookup): string =>
  `${JSON.stringify(buildConfigJsonSchema(adapters), null, 2)}\n`;

/** Regenerate the shipped schema file. */
export async function writeConfigSchema(file: string = CONFIG_SCHEMA_FILE): Promise<void> {
  await writeFile(file, renderConfigJsonSchema(), "utf8");
}
