// `desbumi mock-server`: runs the Tokopedia-style practice marketplace until Ctrl-C / SIGTERM.
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { pick, text } from "../../i18n.js";
import type { MockServerOptions } from "../../mock-server/index.js";
import type { CommandContext } from "../io.js";
import { checkHost, explainStartError, printRunning, serveUntilAborted, wholeNumber } from "./mock-server-common.js";
import type { RegisterCommand } from "./types.js";

export interface MockServerFlags {
  host?: string;
  port?: string;
  state?: string;
  seed?: string;
  rateLimit?: string;
  burst?: string;
  faults?: string;
  fsId?: string;
  shopId?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtl?: string;
}

async function toOptions(flags: MockServerFlags, ctx: CommandContext): Promise<MockServerOptions> {
  const { parseFaultSpec } = await import("../../mock-server/index.js");
  const options: MockServerOptions = { log: ctx.log };
  const port = wholeNumber("--port", flags.port, 0);
  if (port !== undefined && port > 65535) throw new UsageError({ en: `--port ${port} is above 65535`, id: `--port ${port} melebihi 65535` });
  const numbers: [keyof MockServerOptions, string, string | undefined, number][] = [
    ["rateLimit", "--rate-limit", flags.rateLimit, 1],
    ["burst", "--burst", flags.burst, 1],
    ["fsId", "--fs-id", flags.fsId, 1],
    ["shopId", "--shop-id", flags.shopId, 1],
    ["tokenTtlSeconds", "--token-ttl", flags.tokenTtl, 1],
  ];
  for (const [key, flag, raw, min] of numbers) {
    const n = wholeNumber(flag, raw, min);
    if (n !== undefined) (options as Record<string, unknown>)[key] = n;
  }
  if (port !== undefined) options.port = port;
  if (flags.host !== undefined) options.host = checkHost(flags.host);
  if (flags.state) {
    options.stateFile = flags.state;
    // Issue 12.17: the practice credentials survive a restart, so the .env need not change. They
    // are the mock's own fake ones; real credentials never go in any state file.
    options.persistCredentials = true;
  }
  if (flags.seed) options.seedFile = flags.seed;
  if (flags.clientId) options.clientId = flags.clientId;
  if (flags.clientSecret) options.clientSecret = flags.clientSecret;
  if (flags.faults !== undefined) {
    const parsed = parseFaultSpec(flags.faults);
    if (!parsed.ok) throw new UsageError(parsed.text);
    options.faults = parsed.faults;
  }
  return options;
}

/** Starts the server, prints how to use it, and resolves (exit 0) once `signal` aborts. */
export async function runMockServer(flags: MockServerFlags, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  const options = await toOptions(flags, ctx);
  const { startMockServer, StateFileBusyError } = await import("../../mock-server/index.js");
  const server = await startMockServer(options).catch((error: unknown) => {
    throw explainStartError(error, { host: options.host ?? "127.0.0.1", port: options.port ?? 0, busy: StateFileBusyError });
  });
  const f = options.faults;
  const faults = f
    ? `500=${f.error500 ?? 0}, 429=${f.error429 ?? 0}, reset=${f.reset ?? 0}, drop=${f.commitThenDrop ?? 0}, latency=${f.latencyMs ?? 0}ms, seed=${f.seed ?? 42}`
    : pick(text("tidak ada", "none"), ctx.lang);
  const pin = `--client-id ${server.credentials.clientId} --client-secret ${server.credentials.clientSecret}`;
  printRunning(
    ctx,
    text("Marketplace latihan desbumi (gaya Tokopedia) berjalan", "desbumi practice marketplace (Tokopedia-style) is running"),
    [
      [text("URL dasar", "Base URL"), server.url],
      [text("URL token", "Token URL"), server.tokenUrl],
      [text("fs_id", "fs_id"), String(server.fsId)],
      [text("shop_id", "shop_id"), String(server.shopId)],
      // NOTE: printing the secret is the point here: these are the mock's own practice credentials.
      [text("client id", "client id"), server.credentials.clientId],
      [text("client secret", "client secret"), server.credentials.clientSecret],
      [text("Batas laju", "Rate limit"), `${options.rateLimit ?? 5} req/s (burst ${options.burst ?? 5})`],
      [text("Gangguan buatan", "Injected faults"), faults],
      [text("Berkas state", "State file"), options.stateFile ?? pick(text("(hanya di memori)", "(in memory only)"), ctx.lang)],
    ],
    [
      options.stateFile
        ? text(
            `Kredensial ini disimpan di berkas state dan dipakai lagi saat server dimulai ulang. Untuk menetapkannya di mana saja: ${pin}`,
            `These credentials are kept in the state file and reused on restart. To pin them anywhere: ${pin}`,
          )
        : text(`Kredensial baru tiap kali dimulai. Untuk menetapkannya: ${pin} (atau pakai --state FILE)`, `New credentials on every start. To pin them: ${pin} (or use --state FILE)`),
    ],
  );
  return serveUntilAborted(ctx, signal, () => server.close());
}

/** The flags without the Tokopedia defaults of `keys` (they are not the other mocks' defaults), unless given. */
function givenOnly<F extends MockServerFlags>(flags: F, cmd: Command, keys: readonly (keyof MockServerFlags)[]): F {
  const out = { ...flags };
  for (const key of keys) if (cmd.getOptionValueSource(key) !== "cli") delete out[key];
  return out;
}

async function runMockServerFor(flags: MockServerFlags & { marketplace?: string }, cmd: Command, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  if (flags.marketplace === "shopee") {
    // NOTE: Tokopedia's --shop-id 480829 and 5 req/s are not Shopee's (its mock's shop, 10 req/s).
    const { runShopeeMockServer } = await import("./mock-server-shopee.js");
    return runShopeeMockServer(givenOnly(flags, cmd, ["shopId", "rateLimit"]), ctx, signal);
  }
  if (flags.marketplace === "tiktok-shop") {
    // NOTE: the Tokopedia default (5 req/s) is not TikTok Shop's (50 per endpoint).
    const { runTikTokMockServer } = await import("./mock-server-tiktok.js");
    return runTikTokMockServer(givenOnly(flags, cmd, ["rateLimit"]), ctx, signal);
  }
  if (flags.marketplace !== undefined && flags.marketplace !== "tokopedia") {
    throw new UsageError({ en: `--marketplace ${flags.marketplace}: the mock speaks tiktok-shop, tokopedia or shopee`, id: `--marketplace ${flags.marketplace}: tiruan tersedia untuk tiktok-shop, tokopedia atau shopee` });
  }
  return runMockServer(flags, ctx, signal);
}

export const registerMockServer: RegisterCommand = (program, host) => {
  program
    .command("mock-server")
    .description("Run the Tokopedia-style practice marketplace / Jalankan marketplace latihan gaya Tokopedia")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port (0 = any free port)", "0")
    .option("--state <file>", "keep the shop in this JSON file across restarts")
    .option("--seed <file>", "preload listings from this JSON file (fresh shop only)")
    .option("--rate-limit <n>", "requests per second per endpoint", "5")
    .option("--burst <n>", "rate-limit bucket size", "5")
    .option("--faults <spec>", 'inject faults, e.g. "500=0.2,429=0.1,reset=0.05,drop=0.05,latency=20,seed=42"')
    .option("--fs-id <n>", "app id (fs_id) the mock answers to", "13004")
    .option("--shop-id <n>", "shop id bound to the fs_id", "480829")
    .option("--client-id <id>", "client id (random when not given)")
    .option("--client-secret <secret>", "client secret (random when not given)")
    .option("--token-ttl <seconds>", "access token lifetime", "1209600")
    .option("--marketplace <name>", "which marketplace to imitate: tokopedia (the closed legacy Tokopedia API), shopee or tiktok-shop (Tokopedia & Shop)", "tokopedia")
    .option("--partner-id <n>", "shopee: partner_id the mock answers to", undefined)
    .option("--partner-key <key>", "shopee: partner key (the mock's practice key when not given)")
    .option("--daily-limit <n>", "shopee: calls per day before error_limit")
    .option("--app-key <key>", "tiktok-shop: app key the mock answers to")
    .option("--app-secret <secret>", "tiktok-shop: app secret (random when not given)")
    .option("--review-delay <ms>", "tiktok-shop: how long a product review takes")
    .option("--reject <words>", "tiktok-shop: comma-separated words that make a review fail")
    .action(async (flags: MockServerFlags & { marketplace?: string }, cmd: Command) => {
      const ctx = host.context(cmd);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        host.exit(await runMockServerFor(flags, cmd, ctx, controller.signal));
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
};
