// The embedded default target: the mock marketplace started in this process, its state kept in
// `<baseDir>/.desbumi/practice-shop.json`, reached through the real Tokopedia adapter.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AdapterDefinition } from "../adapters/types.js";
import { startMockServer } from "../mock-server/index.js";
import { createTokopediaAdapter, tokopediaOptionsSchema } from "../adapters/tokopedia/index.js";
import type { OpenedTarget, OpenTargetOptions } from "./open.js";

export const PRACTICE_SHOP_FILE = join(".desbumi", "practice-shop.json");
/** Generous, but still paced like a real shop so the practice run looks like the real one. */
const PRACTICE_RATE_LIMIT = 20;

export const PRACTICE_SHOP_LABEL = `practice shop / toko latihan (mock marketplace, ${PRACTICE_SHOP_FILE.split("\\").join("/")})`;

export async function openPracticeShop(opts: OpenTargetOptions, definition: AdapterDefinition<unknown>): Promise<OpenedTarget> {
  await mkdir(join(opts.baseDir, ".desbumi"), { recursive: true });
  const server = await startMockServer({
    host: "127.0.0.1",
    port: 0,
    stateFile: join(opts.baseDir, PRACTICE_SHOP_FILE),
    rateLimit: PRACTICE_RATE_LIMIT,
    burst: PRACTICE_RATE_LIMIT,
    log: opts.log.child({ component: "practice-shop" }),
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
    const tokopediaAdapter = createTokopediaAdapter(options, { log: opts.log, env, cwd: opts.baseDir });
    const adapter = { ...tokopediaAdapter, label: PRACTICE_SHOP_LABEL };
    return {
      adapter,
      definition,
      isPracticeShop: true,
      label: PRACTICE_SHOP_LABEL,
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
