// The embedded default target: a Tokopedia & Shop practice shop. The TikTok Shop mock marketplace
// is started in this process, its state kept in `<baseDir>/.desbumi/practice-shop.json`, and
// reached through the real `tiktok-shop` adapter over loopback HTTP: photos are uploaded, new and
// edited products go through the mock's review (in review, then live or rejected with reasons).
// NOTE: each config group has its own real shop, so each gets its own practice shop
// (`.desbumi/practice-shop-<group id>.json`): one group's sync must never list, or with --prune
// deactivate, another group's products. A single-file sync without a group keeps the shared file.
// NOTE: the practice shop authorizes itself at every start (a fresh auth code from the mock,
// exchanged through the adapter's own connect): its app secret and tokens live in this process's
// memory only, never in the user's token store, the environment, any output or its state file.
import { createHash } from "node:crypto";
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";
import type { AdapterDefinition } from "../adapters/types.js";
import { UsageError } from "../errors.js";
import type { Text } from "../i18n.js";
import { StateFileBusyError } from "../mock-server/index.js";
import { DEFAULT_SHOP, NotTikTokStateError, startTikTokMock, type MockShop, type TikTokMock } from "../mock-server/tiktok-shop/index.js";
import { tiktokShopOptionsSchema } from "../adapters/tiktok-shop/definition.js";
import { MemoryAuthorizationStore } from "../adapters/shared/token-store.js";
import type { OpenedTarget, OpenTargetOptions } from "./open.js";
import { practicePhotoFetch } from "./practice-photos.js";
import { practiceShopFile, practiceShopLabel } from "./practice-shop-name.js";

export { PRACTICE_SHOP_FILE, PRACTICE_SHOP_LABEL, practiceShopFile, practiceShopLabel } from "./practice-shop-name.js";

/** As a real Tokopedia & Shop shop: 50 requests per second per endpoint. */
const PRACTICE_RATE_LIMIT = 50;
/**
 * How long the practice shop's review of a new or edited product takes (the real audit's duration
 * is not documented). A minute: the first sync says "submitted for review", a sync a minute later
 * reports them approved. `DESBUMI_PRACTICE_REVIEW_MS` changes it (0 = settled at the next read).
 */
export const PRACTICE_REVIEW_MS = 60_000;

function reviewDelay(env: NodeJS.ProcessEnv): number {
  const raw = env.DESBUMI_PRACTICE_REVIEW_MS;
  if (raw === undefined || raw.trim() === "") return PRACTICE_REVIEW_MS;
  if (!/^\d+$/.test(raw.trim())) {
    throw new UsageError({
      en: `DESBUMI_PRACTICE_REVIEW_MS must be a whole number of milliseconds, got "${raw}"`,
      id: `DESBUMI_PRACTICE_REVIEW_MS harus bilangan bulat milidetik, bukan "${raw}"`,
    });
  }
  return Number(raw.trim());
}

/**
 * Another desbumi (a `desbumi mock-server --state` on this file, or another sync) serves this shop:
 * starting a second copy would undo its changes or have them undo ours, so the run stops.
 */
export function practiceShopBusyText(file: string, pid: number): Text {
  const shown = file.split("\\").join("/");
  const via = "desbumi connect tiktok-shop --code CODE, then desbumi sync FILE";
  return {
    en: `The practice shop (${shown}) is open in another desbumi process (pid ${pid}), e.g. \`desbumi mock-server --marketplace tiktok-shop --state ${shown}\`. Stop it first, or sync through it: put the config block it printed in desbumi.config.json and TIKTOK_SHOP_APP_KEY / TIKTOK_SHOP_APP_SECRET in .env, then ${via}`,
    id: `Toko latihan (${shown}) sedang dibuka proses desbumi lain (pid ${pid}), mis. \`desbumi mock-server --marketplace tiktok-shop --state ${shown}\`. Hentikan dulu, atau sinkronkan lewat server itu: tulis blok config yang dicetaknya di desbumi.config.json serta TIKTOK_SHOP_APP_KEY / TIKTOK_SHOP_APP_SECRET di .env, lalu ${via.replace(", then ", ", lalu ")}`,
  };
}

/**
 * The practice shop of `group`: a shop id of its own, so the per-shop caches in `.desbumi/` (photo
 * uploads, product details) of two groups' practice shops never mix.
 */
export function practiceShop(group?: string): MockShop {
  if (group === undefined) return { ...DEFAULT_SHOP, name: "Toko Latihan Desbumi" };
  const digest = createHash("sha256").update(group).digest();
  const n = digest.readUInt32BE(0).toString().padStart(10, "0");
  return { ...DEFAULT_SHOP, id: `749481009${n}`, name: `Toko Latihan ${group}`, code: `IDLCLAT${n.slice(-4)}`, cipher: `ROW_practice${digest.toString("hex").slice(0, 16)}` };
}

async function startPracticeMock(opts: OpenTargetOptions, file: string): Promise<TikTokMock> {
  const start = (): Promise<TikTokMock> =>
    startTikTokMock({
      host: "127.0.0.1",
      port: 0,
      stateFile: file,
      shops: [practiceShop(opts.group)],
      persistGrants: false,
      rateLimit: PRACTICE_RATE_LIMIT,
      reviewDelayMs: reviewDelay(opts.env),
    });
  const busy = (error: unknown): never => {
    throw error instanceof StateFileBusyError ? new UsageError(practiceShopBusyText(practiceShopFile(opts.group), error.pid)) : error;
  };
  try {
    return await start();
  } catch (error) {
    if (!(error instanceof NotTikTokStateError)) return busy(error);
    // The practice shop of an older desbumi (the Tokopedia-style mock): kept beside, a new one starts.
    const aside = `${file}.tokopedia-legacy-${Date.now()}`;
    await rename(file, aside);
    opts.log.warn({ file: aside }, "the old Tokopedia-style practice shop was moved aside; a Tokopedia & Shop practice shop starts empty");
    return start().catch(busy);
  }
}

export async function openPracticeShop(opts: OpenTargetOptions, definition: AdapterDefinition<unknown>): Promise<OpenedTarget> {
  await mkdir(join(opts.baseDir, ".desbumi"), { recursive: true });
  const mock = await startPracticeMock(opts, join(opts.baseDir, practiceShopFile(opts.group)));
  try {
    const options = tiktokShopOptionsSchema.parse({
      baseUrl: mock.url,
      authUrl: mock.url,
      consentUrl: `${mock.url}/open/authorize`,
      serviceId: mock.serviceId,
      rateLimit: PRACTICE_RATE_LIMIT,
      // NOTE: a Tokopedia shop that moved to Tokopedia & Shop, listing on Tokopedia (where village
      // groups sell, and where "bekas" goods can be listed: is_pre_owned is Tokopedia-only, §9).
      platforms: ["TOKOPEDIA"],
      ...(opts.flags.concurrency !== undefined ? { concurrency: opts.flags.concurrency } : {}),
    });
    // A copy: the practice app's key and secret never land in process.env.
    const env = { ...opts.env, [options.appKeyEnv]: mock.appKey, [options.appSecretEnv]: mock.appSecret };
    const group = opts.group ?? "default";
    const log = opts.log.child({ component: "practice-shop" });
    const store = new MemoryAuthorizationStore();
    const ctx = { log, env, cwd: opts.baseDir, group, fetch: practicePhotoFetch() };
    const { connectTikTokShop } = await import("../adapters/tiktok-shop/connect.js");
    await connectTikTokShop(options, { ...ctx, code: mock.issueAuthCode(), say: () => undefined, ask: async () => undefined }, store);
    const { createTikTokShopAdapter } = await import("../adapters/tiktok-shop/index.js");
    const tiktokAdapter = await createTikTokShopAdapter(options, ctx, store);
    const label = practiceShopLabel(opts.group);
    const adapter = { ...tiktokAdapter, label };
    return {
      adapter,
      definition,
      isPracticeShop: true,
      label,
      async close() {
        try {
          await adapter.close();
        } finally {
          await mock.close();
        }
      },
    };
  } catch (error) {
    await mock.close();
    throw error;
  }
}
