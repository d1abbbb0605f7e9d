// `desbumi apply plan.json`: apply exactly a plan saved by `sync --out`, if it is still current.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import { addTargetOptions } from "./sync.js";
import type { ApplyFileOptions } from "../../sync/options.js";

export const registerApply: RegisterCommand = (program, host) => {
  const cmd = program
    .command("apply")
    .description("apply a plan saved by `sync --out` / terapkan rencana yang disimpan")
    .argument("<plan>", "plan file made by `desbumi sync --dry-run --out plan.json`")
    .option("-y, --yes", "apply without asking")
    .option("--partial", "a plan file for several marketplaces: apply the plans still fresh even when another went stale")
    .option("--allow-mass-deactivate", "allow a plan that deactivates more than 20% of the active listings (the guard of sync, run again)")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"));
  addTargetOptions(cmd)
    .addHelpText(
      "after",
      "\nRefuses (exit 1, nothing sent) when a listing the plan touches changed, a SKU to create now exists,\n" +
        "or the catalogue file changed since the plan was made: run `desbumi sync` again. The plan is made again\n" +
        "from the catalogue and the shop: a saved change the catalogue no longer asks for is not applied (exit 1).\n" +
        "Exit codes: 0 applied; 1 failed items, stopped, or refused; 2 could not run (also: another run is changing\n" +
        "the same shop); 130 ended by a second Ctrl-C (the journal holds every outcome known; run sync again).",
    )
    .action(async (plan: string, opts: ApplyFileOptions, command: Command) => {
      const ctx = host.context(command);
      const { runApplyFile } = await import("../../sync/run-apply.js");
      host.exit(await runApplyFile(plan, opts, ctx));
    });
};
