// `desbumi mock-server --marketplace shopee`: the Shopee Open Platform v2 practice marketplace.
import { readFile } from "node:fs/promises";
import { UsageError, errorMessage } from "../../errors.js";
import { pick, text } from "../../i18n.js";
import type { CommandContext } from "../io.js";
import { describeListenError, stateBusyText, type MockServerFlags } from "./mock-server.js";

export interface ShopeeMockFlags extends MockServerFlags {
  partnerId?: string;
  partnerKey?: string;
  dailyLimit?: string;
}

const whole = (flag: string, raw: string | undefined, min: number): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new UsageError({ en: `${flag} needs a whole number of at least ${min}, got "${raw}"`, id: `${flag} perlu bilangan bulat minimal ${min}, bukan "${raw}"` });
  }
  return Number(raw);
};

export async function runShopeeMockServer(flags: ShopeeMockFlags, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  const mock = await import("../../mock-server/shopee/index.js");
  const { StateFileBusyError } = await import("../../mock-server/index.js");
  const faults = flags.faults === undefined ? undefined : mock.parseShopeeFaultSpec(flags.faults);
  if (faults && !faults.ok) throw new UsageError({ en: faults.en, id: faults.id });
  let seed: import("../../mock-server/shopee/index.js").SeedItem[] | undefined;
  if (flags.seed) {
    const parsed = await readFile(flags.seed, "utf8")
      .then((t) => mock.seedSchema.safeParse(JSON.parse(t)))
      .catch((error: unknown) => ({ success: false as const, error }));
    if (!parsed.success) {
      throw new UsageError({ en: `--seed ${flags.seed} is not a list of Shopee mock items: ${errorMessage(parsed.error)}`, id: `--seed ${flags.seed} bukan daftar barang mock Shopee: ${errorMessage(parsed.error)}` });
    }
    seed = parsed.data;
  }
  const port = whole("--port", flags.port, 0) ?? 0;
  const host = flags.host ?? "127.0.0.1";
  const options = {
    host,
    port,
    log: ctx.log,
    ...(whole("--partner-id", flags.partnerId, 1) !== undefined ? { partnerId: Number(flags.partnerId) } : {}),
    ...(flags.partnerKey ? { partnerKey: flags.partnerKey } : {}),
    ...(whole("--shop-id", flags.shopId, 1) !== undefined ? { shopId: Number(flags.shopId) } : {}),
    ...(whole("--rate-limit", flags.rateLimit, 1) !== undefined ? { rateLimit: Number(flags.rateLimit) } : {}),
    ...(whole("--daily-limit", flags.dailyLimit, 1) !== undefined ? { dailyLimit: Number(flags.dailyLimit) } : {}),
    ...(faults?.ok ? { faults: faults.faults } : {}),
    ...(flags.state ? { stateFile: flags.state } : {}),
    ...(seed ? { seed } : {}),
  };
  const server = await mock.startShopeeMock(options).catch((error: unknown) => {
    if (error instanceof StateFileBusyError) throw new UsageError(stateBusyText(error.stateFile, error.pid));
    const problem = describeListenError(error, host, port);
    throw problem ? new UsageError(problem) : error;
  });
  const out = ctx.io.stdout;
  const line = (label: ReturnType<typeof text>, value: string): void => void out.write(`  ${pick(label, ctx.lang).padEnd(22)} ${value}\n`);
  out.write(pick(text("Marketplace latihan desbumi (gaya Shopee Open Platform v2) berjalan", "desbumi practice marketplace (Shopee Open Platform v2 style) is running"), ctx.lang) + "\n");
  line(text("URL dasar", "Base URL"), server.url);
  line(text("shop_id", "shop_id"), String(server.shopId));
  line(text("partner_id", "partner_id"), String(server.partnerId));
  // NOTE: printing the key is the point here: it is the mock's own practice partner key.
  line(text("partner key", "partner key"), server.partnerKey);
  line(text("Batas laju", "Rate limit"), `${options.rateLimit ?? mock.DEFAULT_RATE_LIMIT} req/s`);
  line(text("Berkas state", "State file"), flags.state ?? pick(text("(hanya di memori)", "(in memory only)"), ctx.lang));
  out.write(
    pick(
      text(
        `Hubungkan: SHOPEE_PARTNER_ID=${server.partnerId} SHOPEE_PARTNER_KEY=... desbumi connect shopee (baseUrl ${server.url})`,
        `Connect: SHOPEE_PARTNER_ID=${server.partnerId} SHOPEE_PARTNER_KEY=... desbumi connect shopee (baseUrl ${server.url})`,
      ),
      ctx.lang,
    ) + "\n",
  );
  out.write(pick(text("Tekan Ctrl-C untuk berhenti.", "Press Ctrl-C to stop."), ctx.lang) + "\n");
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  ctx.io.stderr.write(pick(text("Menghentikan server tiruan...", "Stopping the mock server..."), ctx.lang) + "\n");
  await server.close();
  return 0;
}
