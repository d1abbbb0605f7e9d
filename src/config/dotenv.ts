// The optional `.env` next to the config file (KEY=value lines; Node's own parser).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv } from "node:util";
import { ConfigError, errorMessage } from "../errors.js";
import { configMessages as m } from "./messages.js";

export const DOTENV_FILE_NAME = ".env";

/** Variables from `<dir>/.env`, or {} when there is no such file. */
export async function readDotenv(dir: string): Promise<Record<string, string>> {
  const file = path.join(dir, DOTENV_FILE_NAME);
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return {};
    throw new ConfigError(m.envUnreadable(file, errorMessage(error)));
  }
  try {
    const parsed = parseEnv(content.replace(/^\uFEFF/, ""));
    const vars: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) if (value !== undefined) vars[key] = value;
    return vars;
  } catch (error) {
    throw new ConfigError(m.envUnreadable(file, errorMessage(error)));
  }
}

const isMissing = (error: unknown): boolean =>
  error instanceof Error && "code" in error && (error as NodeJS.ErrnoException).code === "ENOENT";
