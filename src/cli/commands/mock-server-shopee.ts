// `desbumi mock-server --marketplace shopee`: the Shopee Open Platform v2 practice marketplace.
import { readFile } from "node:fs/promises";
import { UsageError, errorMessage } from "../../errors.js";
import { pick, text } from "../../i18n.js";
import type { CommandContext } from "../io.js";
import { checkHost, explainStartError, printRunning, serveUntilAborted, wholeNumber } from "./mock-server-common.js";
import type { MockServerFlags } from "./mock-server.js";

export interface ShopeeMockFlags extends MockServerFlags {
  partnerId?: string;
  partnerKey?: string;
  dailyLimit?: string;
}

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
  const port = wholeNumber("--port", flags.port, 0) ?? 0;
  const host = flags.host === undefined ? "127.0.0.1" : checkHost(flags.host);
  const given = (flag: string, raw: string | undefined): number | undefined => wholeNumber(flag, raw, 1);
  const partnerId = given("--partner-id", flags.partnerId);
  const shopId = given("--shop-id", flags.shopId);
  const rateLimit = given("--rate-limit", flags.rateLimit);
  const dailyLimit = given("--daily-limit", flags.dailyLimit);
  const options = {
    host,
    port,
    log: ctx.log,
    ...(partnerId !== undefined ? { partnerId } : {}),
    ...(flags.partnerKey ? { partnerKey: flags.partnerKey } : {}),
    ...(shopId !== undefined ? { shopId } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(dailyLimit !== undefined ? { dailyLimit } : {}),
    ...(faults?.ok ? { faults: faults.faults } : {}),
    ...(flags.state ? { stateFile: flags.state } : {}),
    ...(seed ? { seed } : {}),
  };
  const server = await mock.startShopeeMock(options).catch((error: unknown) => {
    throw explainStartError(error, { host, port, busy: StateFileBusyError });
  });
  printRunning(
    ctx,
    text("Marketplace latihan desbumi (gaya Shopee Open Platform v2) berjalan", "desbumi practice marketplace (Shopee Open Platform v2 style) is running"),
    [
      [text("URL dasar", "Base URL"), server.url],
      [text("shop_id", "shop_id"), String(server.shopId)],
      [text("partner_id", "partner_id"), String(server.partnerId)],
      // NOTE: printing the key is the point here: it is the mock's own practice partner key.
      [text("partner key", "partner key"), server.partnerKey],
      [text("Batas laju", "Rate limit"), `${options.rateLimit ?? mock.DEFAULT_RATE_LIMIT} req/s`],
      [text("Berkas state", "State file"), flags.state ?? pick(text("(hanya di memori)", "(in memory only)"), ctx.lang)],
    ],
    [
      text(
        `Hubungkan: SHOPEE_PARTNER_ID=${server.partnerId} SHOPEE_PARTNER_KEY=... desbumi connect shopee (baseUrl ${server.url})`,
        `Connect: SHOPEE_PARTNER_ID=${server.partnerId} SHOPEE_PARTNER_KEY=... desbumi connect shopee (baseUrl ${server.url})`,
      ),
    ],
  );
  return serveUntilAborted(ctx, signal, () => server.close());
}
