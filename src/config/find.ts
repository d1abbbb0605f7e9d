// Where the config file is: exactly `--config`, else desbumi.config.json in cwd or any parent.
import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../errors.js";
import { configMessages as m } from "./messages.js";
import { CONFIG_FILE_NAME } from "./file-name.js";

const kindOf = async (file: string): Promise<"file" | "dir" | undefined> => {
  try {
    const info = await stat(file);
    return info.isDirectory() ? "dir" : "file";
  } catch {
    return undefined;
  }
};

/**
 * The absolute path of the config file, or undefined when none was found and none was asked for.
 * `configPath` (relative to cwd) must exist; a folder means the desbumi.config.json inside it.
 */
export async function findConfigFile(cwd: string, configPath?: string): Promise<string | undefined> {
  if (configPath !== undefined) {
    const given = path.resolve(cwd, configPath);
    const kind = await kindOf(given);
    if (kind === "file") return given;
    if (kind === "dir" && (await kindOf(path.join(given, CONFIG_FILE_NAME))) === "file") return path.join(given, CONFIG_FILE_NAME);
    throw new ConfigError(m.notFoundAt(kind === "dir" ? path.join(configPath, CONFIG_FILE_NAME) : configPath));
  }
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if ((await kindOf(candidate)) === "file") return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
