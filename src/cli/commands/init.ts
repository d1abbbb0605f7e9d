// `desbumi init`: set up a folder for one or more groups (config, catalogue templates, CI).
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerInit: RegisterCommand = (program, host) => {
  program
    .command("init")
    .description("Set up this folder: desbumi.config.json, a catalogue template per group, .gitignore, CI workflow / Siapkan folder ini")
    .option("--group <group>", 'a group as "id=Name", e.g. "muiwo=MUIWO Lipursari" (repeatable)', collect, [])
    .option("--groups <ids>", "group ids, comma-separated, e.g. muiwo,bumi-adikusuma")
    .addOption(new Option("--marketplace <name>", "where the groups sell (practice = the practice shop)").choices(["practice", "tokopedia"]))
    .option("-y, --yes", "do not ask; use the flags and defaults")
    .option("--force", "replace desbumi.config.json (a backup is kept; catalogues are never overwritten)")
    .option("--add-group <group>", 'add a group "id=Name" to the existing desbumi.config.json, keeping everything else (repeatable)', collect, [])
    .action(async (opts: { group: string[]; groups?: string; marketplace?: "practice" | "tokopedia"; yes?: boolean; force?: boolean; addGroup: string[] }, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runInit } = await import("../../init/run.js");
      host.exit(await runInit(opts, ctx));
    });
};
