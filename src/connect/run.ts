// `desbumi connect <marketplace>` and `desbumi disconnect <marketplace>`: marketplace-neutral. The
// adapter's definition supplies the `connect` hook (tiktok-shop, shopee); tokens go to the token
// store (src/adapters/shared/token-store.ts), one file per marketplace and group.
import { createInterface } from "node:readline";
import { findAdapter, adapterNames, offeredAdapterNames } from "../adapters/index.js";
import { desbumiHome } from "../adapters/shared/home.js";
import { TokenStore } from "../adapters/shared/token-store.js";
import type { AdapterDefinition } from "../adapters/types.js";
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { LoadedConfig } from "../config/types.js";
import { describeZodIssues } from "../config/zod-issues.js";
import { ConfigError, UsageError } from "../errors.js";
import { pick, type Text } from "../i18n.js";
import { findGroup } from "../sync/find-group.js";

export interface ConnectFlags {
  group?: string;
  code?: string;
  config?: string;
}

/** What the command line gave besides the generic flags: the marketplace and `--flag value` pairs. */
export interface ConnectArgs {
  marketplace: string | undefined;
  /** `--name value` and `--name=value`, in order; value undefined when the line ended after the flag. */
  extras: { flag: string; value: string | undefined }[];
  /** Bare words beyond the marketplace. */
  stray: string[];
}

/**
 * Splits what commander left (`cmd.args`, with unknown options allowed): every marketplace input
 * takes a value, so `--shop-id 5 shopee` and `shopee --shop-id=5` both read as marketplace shopee.
 */
export function splitConnectArgs(args: readonly string[]): ConnectArgs {
  const out: ConnectArgs = { marketplace: undefined, extras: [], stray: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      if (eq > 0) out.extras.push({ flag: arg.slice(0, eq), value: arg.slice(eq + 1) });
      else {
        const next = args[i + 1];
        const value = next !== undefined && !next.startsWith("--") ? next : undefined;
        if (value !== undefined) i += 1;
        out.extras.push({ flag: arg, value });
      }
    } else if (out.marketplace === undefined) out.marketplace = arg;
    else out.stray.push(arg);
  }
  return out;
}

const GENERIC_FLAGS = "--group ID, --code CODE, --config FILE";

/** The adapter's connect inputs given on the command line, checked; a usage error names what it takes. */
export function readConnectInputs(definition: AdapterDefinition<unknown>, args: ConnectArgs): Record<string, string> {
  const declared = definition.connectInputs ?? [];
  const takes = [GENERIC_FLAGS, ...declared.map((d) => `${d.flag} ${d.valueName}`)].join(", ");
  if (args.stray.length > 0) {
    throw new UsageError({
      en: `\`desbumi connect ${definition.name}\` takes one marketplace, not also "${args.stray.join(" ")}". Its flags: ${takes}.`,
      id: `\`desbumi connect ${definition.name}\` menerima satu marketplace, bukan juga "${args.stray.join(" ")}". Flag-nya: ${takes}.`,
    });
  }
  const inputs: Record<string, string> = {};
  for (const { flag, value } of args.extras) {
    const input = declared.find((d) => d.flag === flag);
    if (!input) {
      throw new UsageError({ en: `${flag} is not a flag of \`desbumi connect ${definition.name}\`. Its flags: ${takes}.`, id: `${flag} bukan flag \`desbumi connect ${definition.name}\`. Flag-nya: ${takes}.` });
    }
    if (value === undefined || value.trim() === "") {
      throw new UsageError({ en: `${flag} needs a value: ${flag} ${input.valueName} (${input.help.en}).`, id: `${flag} perlu nilai: ${flag} ${input.valueName} (${input.help.id}).` });
    }
    const problem = input.check?.(value.trim());
    if (problem) throw new UsageError({ en: `${flag} ${value}: ${problem.en}`, id: `${flag} ${value}: ${problem.id}` });
    inputs[input.name] = value.trim();
  }
  return inputs;
}

/** Without --group: the config's only group, else "default" (used by every group without its own). */
export function connectGroup(config: LoadedConfig | undefined, flag: string | undefined): string {
  if (flag !== undefined) return findGroup(config, flag).id;
  if (config && config.groups.length === 1 && config.groups[0]) return config.groups[0].id;
  return "default";
}

function definitionFor(name: string, verb: "connect" | "disconnect"): AdapterDefinition<unknown> {
  const definition = findAdapter(name);
  if (!definition) {
    throw new UsageError({ en: `Unknown marketplace "${name}". Choose one of: ${offeredAdapterNames().join(", ")}.`, id: `Marketplace "${name}" tidak dikenal. Pilihan: ${offeredAdapterNames().join(", ")}.` });
  }
  if (!definition.connect) {
    const withConnect = adapterNames().filter((n) => findAdapter(n)?.connect).join(", ");
    throw new UsageError({
      en: `"${name}" has nothing to ${verb}: it takes its credentials from the environment. Marketplaces with connect: ${withConnect}.`,
      id: `"${name}" tidak perlu ${verb}: kredensialnya diambil dari environment. Marketplace yang memakai connect: ${withConnect}.`,
    });
  }
  return definition;
}

function optionsFor(definition: AdapterDefinition<unknown>, config: LoadedConfig | undefined, group: string): unknown {
  const g = config?.groups.find((x) => x.id === group);
  const block = g?.marketplace ?? config?.marketplace;
  const raw: Record<string, unknown> = {};
  if (block && block.adapter === definition.name) for (const [k, v] of Object.entries(block)) if (k !== "adapter") raw[k] = v;
  const parsed = definition.optionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    { en: `The "${definition.name}" settings in desbumi.config.json are wrong:`, id: `Pengaturan "${definition.name}" di desbumi.config.json salah:` },
    describeZodIssues(parsed.error.issues, { prefix: "marketplace", data: raw, allowedKeys: () => [] }).map((i) => i.text),
  );
}

function askLine(ctx: CommandContext) {
  return (question: Text): Promise<string | undefined> =>
    new Promise((resolve) => {
      const stdin = ctx.io.stdin;
      if ((stdin as { readableEnded?: boolean }).readableEnded) return resolve(undefined);
      const rl = createInterface({ input: stdin, terminal: false });
      ctx.io.stdout.write(pick(question, ctx.lang));
      let answered = false;
      rl.once("line", (line) => {
        answered = true;
        rl.close();
        resolve(line);
      });
      rl.once("close", () => {
        if (!answered) resolve(undefined);
      });
    });
}

const date = (unix: number): string => new Date(unix * 1000).toISOString().slice(0, 10);

/** `args`: the marketplace and its own inputs as the command line gave them (see splitConnectArgs). */
export async function runConnect(args: ConnectArgs, flags: ConnectFlags, ctx: CommandContext): Promise<number> {
  if (args.marketplace === undefined) {
    const withConnect = adapterNames().filter((n) => findAdapter(n)?.connect).join(", ");
    throw new UsageError({ en: `Which marketplace? \`desbumi connect <marketplace>\`, one of: ${withConnect}.`, id: `Marketplace yang mana? \`desbumi connect <marketplace>\`, salah satu dari: ${withConnect}.` });
  }
  const definition = definitionFor(args.marketplace, "connect");
  const inputs = readConnectInputs(definition, args);
  const config = await loadConfig({ cwd: ctx.io.cwd, env: ctx.io.env, ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
  const group = connectGroup(config, flags.group);
  const options = optionsFor(definition, config, group);
  const say = (t: Text): void => void ctx.io.stdout.write(`${pick(t, ctx.lang)}\n`);
  const result = await definition.connect!(options, {
    log: ctx.log,
    env: config?.env ?? ctx.io.env,
    cwd: config?.dir ?? ctx.io.cwd,
    group,
    ...(flags.code !== undefined ? { code: flags.code } : {}),
    inputs,
    say,
    ask: askLine(ctx),
  });
  const shop = `${result.shop.name}${result.shop.code ? ` (${result.shop.code}${result.shop.region ? `, ${result.shop.region}` : ""})` : ""}`;
  const until = result.reconnectBy ? date(result.reconnectBy) : undefined;
  say({
    en: `Connected: ${shop} for group "${group}". The tokens are kept in ${desbumiHome(ctx.io.env)}/credentials (never in the project folder).${until ? ` Connect again before ${until}.` : ""}`,
    id: `Terhubung: ${shop} untuk kelompok "${group}". Token disimpan di ${desbumiHome(ctx.io.env)}/credentials (tidak pernah di folder proyek).${until ? ` Hubungkan lagi sebelum ${until}.` : ""}`,
  });
  return 0;
}

export async function runDisconnect(marketplace: string, flags: Omit<ConnectFlags, "code">, ctx: CommandContext): Promise<number> {
  const definition = definitionFor(marketplace, "disconnect");
  const config = await loadConfig({ cwd: ctx.io.cwd, env: ctx.io.env, ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
  const group = connectGroup(config, flags.group);
  const removed = await new TokenStore(desbumiHome(ctx.io.env)).remove(definition.name, group);
  const t: Text = removed
    ? { en: `Disconnected ${definition.name} for group "${group}": its stored tokens are deleted. (To withdraw the app's access too, remove it in Seller Center.)`, id: `${definition.name} untuk kelompok "${group}" diputus: token yang tersimpan dihapus. (Untuk mencabut akses aplikasi juga, hapus di Seller Center.)` }
    : { en: `Nothing to disconnect: no ${definition.name} tokens are stored for group "${group}".`, id: `Tidak ada yang perlu diputus: tidak ada token ${definition.name} untuk kelompok "${group}".` };
  ctx.io.stdout.write(`${pick(t, ctx.lang)}\n`);
  return 0;
}
