// The run's language, decided once before any command runs (issue 12.14): `--lang`, then the
// DESBUMI_LANG environment variable, then the config's `lang` key, then the locale (LC_ALL,
// LC_MESSAGES, LANG). Windows laptops usually set no LANG, hence the config key and the variable.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE_NAME } from "../config/file-name.js";
import { resolveLang, type Lang } from "../i18n.js";
import { langFromArgv } from "./usage-text.js";

export function runLang(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Lang {
  return resolveLang(langFromArgv(argv), env, configLang(argv, cwd));
}

/**
 * The `lang` key of the config this run would use (`--config`, else desbumi.config.json in cwd or
 * a parent), read leniently: an unreadable or broken config gives no language here (the command
 * itself reports the config's problems).
 */
export function configLang(argv: readonly string[], cwd: string): string | undefined {
  const given = configFlag(argv);
  const candidates = given !== undefined ? [path.resolve(cwd, given), path.resolve(cwd, given, CONFIG_FILE_NAME)] : parents(cwd);
  for (const file of candidates) {
    let text: string;
    try {
      // NOTE: only a regular file: a FIFO would block this synchronous read forever (issue 13.14).
      if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) continue;
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    try {
      const value = JSON.parse(text.replace(/^\uFEFF/, "")) as { lang?: unknown };
      return typeof value?.lang === "string" ? value.lang : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function configFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg === "--config") return argv[i + 1];
    if (arg.startsWith("--config=")) return arg.slice("--config=".length);
  }
  return undefined;
}

function parents(cwd: string): string[] {
  const files: string[] = [];
  let dir = path.resolve(cwd);
  for (;;) {
    files.push(path.join(dir, CONFIG_FILE_NAME));
    const parent = path.dirname(dir);
    if (parent === dir) return files;
    dir = parent;
  }
}
