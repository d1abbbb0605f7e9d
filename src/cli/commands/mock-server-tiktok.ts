// `desbumi mock-server --marketplace tiktok-shop`: the local Tokopedia & Shop (TikTok Shop Partner
// API) marketplace, until Ctrl-C. Prints what a config block and the environment need.
import { UsageError } from "../../errors.js";
import { pick, text } from "../../i18n.js";
import type { CommandContext } from "../io.js";
import { checkHost, explainStartError, printRunning, serveUntilAborted, wholeNumber } from "./mock-server-common.js";

export interface TikTokMockFlags {
  host?: string | undefined;
  port?: string | undefined;
  state?: string | undefined;
  rateLimit?: string | undefined;
  faults?: string | undefined;
  appKey?: string | undefined;
  appSecret?: string | undefined;
  reviewDelay?: string | undefined;
  reject?: string | undefined;
}

export async function runTikTokMockServer(flags: TikTokMockFlags, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  const { startTikTokMock } = await import("../../mock-server/tiktok-shop/index.js");
  const { parseFaultSpec } = await import("../../mock-server/faults.js");
  const { StateFileBusyError } = await import("../../mock-server/http/index.js");
  const faults = flags.faults !== undefined ? parseFaultSpec(flags.faults) : undefined;
  if (faults && !faults.ok) throw new UsageError(faults.text);
  const port = wholeNumber("--port", flags.port, 0);
  const rate = wholeNumber("--rate-limit", flags.rateLimit, 1);
  const delay = wholeNumber("--review-delay", flags.reviewDelay, 0);
  const host = flags.host === undefined ? "127.0.0.1" : checkHost(flags.host);
  const mock = await startTikTokMock({
    host,
    ...(port !== undefined ? { port } : {}),
    ...(flags.state ? { stateFile: flags.state } : {}),
    ...(rate !== undefined ? { rateLimit: rate } : {}),
    ...(faults?.ok ? { faults: faults.faults } : {}),
    ...(flags.appKey ? { appKey: flags.appKey } : {}),
    ...(flags.appSecret ? { appSecret: flags.appSecret } : {}),
    ...(delay !== undefined ? { reviewDelayMs: delay } : {}),
    ...(flags.reject !== undefined ? { rejectWords: flags.reject.split(",").map((w) => w.trim()).filter(Boolean) } : {}),
  }).catch((error: unknown) => {
    throw explainStartError(error, { host, port: port ?? 0, busy: StateFileBusyError });
  });
  const same = (label: string) => text(label, label);
  printRunning(
    ctx,
    text("Marketplace latihan Tokopedia & Shop (API Partner TikTok Shop) berjalan", "Tokopedia & Shop practice marketplace (TikTok Shop Partner API) is running"),
    [
      [same("baseUrl / authUrl"), mock.url],
      [same("consentUrl"), `${mock.url}/open/authorize`],
      [same("serviceId"), mock.serviceId],
      // NOTE: printing the secret is the point here: these are the mock's own practice credentials.
      [same("TIKTOK_SHOP_APP_KEY"), mock.appKey],
      [same("TIKTOK_SHOP_APP_SECRET"), mock.appSecret],
      [text("Kode izin siap pakai", "Ready auth code"), mock.issueAuthCode()],
      [text("Batas laju", "Rate limit"), `${rate ?? 50} req/s per endpoint`],
      [text("Berkas state", "State file"), flags.state ?? pick(text("(hanya di memori)", "(in memory only)"), ctx.lang)],
    ],
    [
      text(
        `Blok config: {"adapter":"tiktok-shop","serviceId":"${mock.serviceId}","baseUrl":"${mock.url}","authUrl":"${mock.url}","consentUrl":"${mock.url}/open/authorize"}`,
        `Config block: {"adapter":"tiktok-shop","serviceId":"${mock.serviceId}","baseUrl":"${mock.url}","authUrl":"${mock.url}","consentUrl":"${mock.url}/open/authorize"}`,
      ),
    ],
  );
  return serveUntilAborted(ctx, signal, () => mock.close());
}
