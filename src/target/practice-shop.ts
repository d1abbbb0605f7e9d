// The embedded default target: the mock marketplace started in this process, its state kept in
// `<baseDir>/.desbumi/practice-shop.json`, reached through the real Tokopedia adapter.
// NOTE: each config group has its own real shop, so each gets its own practice shop
// (`.desbumi/practice-shop-<group id>.json`): one group's sync must never list, or with --prune
// deactivate, another group's products. A single-file sync without a group keeps the shared file.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AdapterDefinition } from "../adapters/types.js";
import { UsageError } from "../errors.js";
import type { Text } from "../i18n.js";
import { startMockServer, StateFileBusyError } from "../mock-server/index.js";
import { createTokopediaAdapter, tokopediaOptionsSchema } from "../adapters/tokopedia/index.js";
import type { OpenedTarget, OpenTargetOptions } from "./open.js";
import { practiceShopFile, practiceShopLabel } from "./practice-shop-name.js";

export { PRACTICE_SHOP_FILE, PRACTICE_SHOP_LABEL, practiceShopFile, practiceShopLabel } from "./practice-shop-name.js";

/** Generous, but still paced like a real shop so the practice run looks like the real one. */
const PRACTICE_RATE_LIMIT = 20;

/**
 * Another desbumi (a `desbumi mock-server --state` on this file, or another sync) serves this shop:
 * starting a second copy would undo its changes or have them undo ours, so the run stops.
 */
export function practiceShopBusyText(file: string, pid: number): Text {
  const shown = file.split("\\").join("/");
  const via = "desbumi sync FILE --marketplace tokopedia --base-url URL --token-url URL --fs-id N --shop-id N";
  return {
    en: `The practice shop (${shown}) is open in another desbumi process (pid ${pid}), e.g. \`desbumi mock-server\`. Stop it first, or sync through it: ${via} (with the credentials it printed, in TOKOPEDIA_CLIENT_ID and TOKOPEDIA_CLIENT_SECRET)`,
    id: `Toko latihan (${shown}) sedang dibuka proses desbumi lain (pid ${pid}), mis. \`desbumi mock-server\`. Hentikan dulu, atau sinkronkan lewat server itu: ${via} (dengan kredensial yang dicetaknya, di TOKOPEDIA_CLIENT_ID dan TOKOPEDIA_CLIENT_SECRET)`,
  };
}

export async function openPracticeShop(opts: OpenTargetOptions, definition: AdapterDefinition<unknown>): Promise<OpenedTarget> {
  await mkdir(join(opts.baseDir, ".desbumi"), { recursive: true });
  const server = await startMockServer({
    host: "127.0.0.1",
    port: 0,
    stateFile: join(opts.baseDir, practiceShopFile(opts.group)),
    rateLimit: PRACTICE_RATE_LIMIT,
    burst: PRACTICE_RATE_LIMIT,
    log: opts.log.child({ component: "practice-shop" }),
  }).catch((error: unknown) => {
    throw error instanceof StateFileBusyError ? new UsageError(practiceShopBusyText(practiceShopFile(opts.group), error.pid)) : error;
  });
  try {
    const options = tokopediaOptionsSchema.parse({
      baseUrl: server.url,
      tokenUrl: server.tokenUrl,
      fsId: server.fsId,
      shopId: server.shopId,
      ...(opts.flags.concurrency !== undefined ? { concurrency: opts.flags.concurrency } : {}),
    });
    // A copy: the practice shop's credentials never land in process.env.
    const env = {
      ...opts.env,
      [options.clientIdEnv]: server.credentials.clientId,
      [options.clientSecretEnv]: server.credentials.clientSecret,
    };
    // NOTE (issue 12.6): the practice shop refuses an etalase it lacks, as a real shop does (the
    // plan predicts it); the facilitator creates one with `desbumi shop --add-etalase NAME`.
    const tokopediaAdapter = createTokopediaAdapter(options, { log: opts.log, env, cwd: opts.baseDir });
    const label = practiceShopLabel(opts.group);
    const adapter = { ...tokopediaAdapter, label };
    return {
      adapter,
      definition,
      isPracticeShop: true,
      label,
      addEtalase(name) {
        const added = server.addEtalase(name);
        return { id: String(added.id), name: added.name };
      },
      async close() {
        try {
          await adapter.close();
        } finally {
          await server.close();
        }
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
