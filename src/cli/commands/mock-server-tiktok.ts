// `desbumi mock-server --marketplace tiktok-shop`: the local Tokopedia & Shop (TikTok Shop Partner
// API) marketplace, until Ctrl-C. Prints what a config block and the environment need.
import { UsageError } from "../../errors.js";
import { pick, text } from "../../i18n.js";
import type { CommandContext } from "../io.js";

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

const whole = (flag: string, raw: string | undefined, min: number): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min) throw new UsageError({ en: `${flag} needs a whole number of at least ${min}, got "${raw}"`, id: `${flag} perlu bilangan bulat minimal ${min}, bukan "${raw}"` });
  return n;
};

export async function runTikTokMockServer(flags: TikTokMockFlags, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  const { startTikTokMock } = await import("../../mock-server/tiktok-shop/index.js");
  const { parseFaultSpec } = await import("../../mock-server/faults.js");
  const faults = flags.faults !== undefined ? parseFaultSpec(flags.faults) : undefined;
  if (faults && !faults.ok) throw new UsageError(faults.text);
  const port = whole("--port", flags.port, 0);
  const rate = whole("--rate-limit", flags.rateLimit, 1);
  const delay = whole("--review-delay", flags.reviewDelay, 0);
  const mock = await startTikTokMock({
    host: flags.host ?? "127.0.0.1",
    ...(port !== undefined ? { port } : {}),
    ...(flags.state ? { stateFile: flags.state } : {}),
    ...(rate !== undefined ? { rateLimit: rate } : {}),
    ...(faults?.ok ? { faults: faults.faults } : {}),
    ...(flags.appKey ? { appKey: flags.appKey } : {}),
    ...(flags.appSecret ? { appSecret: flags.appSecret } : {}),
    ...(delay !== undefined ? { reviewDelayMs: delay } : {}),
    ...(flags.reject !== undefined ? { rejectWords: flags.reject.split(",").map((w) => w.trim()).filter(Boolean) } : {}),
  });
  const out = ctx.io.stdout;
  const line = (label: string, value: string): void => void out.write(`  ${label.padEnd(24)} ${value}\n`);
  out.write(pick(text("Marketplace latihan Tokopedia & Shop (API Partner TikTok Shop) berjalan", "Tokopedia & Shop practice marketplace (TikTok Shop Partner API) is running"), ctx.lang) + "\n");
  line("baseUrl / authUrl", mock.url);
  line("consentUrl", `${mock.url}/open/authorize`);
  line("serviceId", mock.serviceId);
  // NOTE: printing the secret is the point here: these are the mock's own practice credentials.
  line("TIKTOK_SHOP_APP_KEY", mock.appKey);
  line("TIKTOK_SHOP_APP_SECRET", mock.appSecret);
  line(pick(text("Kode izin siap pakai", "Ready auth code"), ctx.lang), mock.issueAuthCode());
  line(pick(text("Batas laju", "Rate limit"), ctx.lang), `${rate ?? 50} req/s per endpoint`);
  line(pick(text("Berkas state", "State file"), ctx.lang), flags.state ?? pick(text("(hanya di memori)", "(in memory only)"), ctx.lang));
  out.write(
    pick(
      text(
        `Blok config: {"adapter":"tiktok-shop","serviceId":"${mock.serviceId}","baseUrl":"${mock.url}","authUrl":"${mock.url}","consentUrl":"${mock.url}/open/authorize"}`,
        `Config block: {"adapter":"tiktok-shop","serviceId":"${mock.serviceId}","baseUrl":"${mock.url}","authUrl":"${mock.url}","consentUrl":"${mock.url}/open/authorize"}`,
      ),
      ctx.lang,
    ) + "\n",
  );
  out.write(pick(text("Tekan Ctrl-C untuk berhenti.", "Press Ctrl-C to stop."), ctx.lang) + "\n");
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  await mock.close();
  return 0;
}
