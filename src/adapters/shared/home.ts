// Where desbumi keeps per-user files that must never live in a project folder (tokens): the
// DESBUMI_HOME folder, by default the user's config folder.
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * `$DESBUMI_HOME`, else `%APPDATA%\desbumi` on Windows, else `$XDG_CONFIG_HOME/desbumi`, else
 * `~/.config/desbumi`. Tests set DESBUMI_HOME to a temp folder so they never touch the real one.
 */
export function desbumiHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DESBUMI_HOME) return env.DESBUMI_HOME;
  if (process.platform === "win32" && env.APPDATA) return join(env.APPDATA, "desbumi");
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "desbumi");
  return join(homedir(), ".config", "desbumi");
}
