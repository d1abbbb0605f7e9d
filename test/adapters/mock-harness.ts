// Starts the mock marketplace on 127.0.0.1:0 and builds a Tokopedia adapter pointed at it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { startMockServer, DEFAULT_CATEGORIES, type CategoryNode, type MockServer, type MockServerOptions } from "../../src/mock-server/index.js";
import { createTokopediaAdapter, tokopediaOptionsSchema, type TokopediaAdapter, type TokopediaOptionsInput } from "../../src/adapters/tokopedia/index.js";
import { silentLogger } from "../../src/log.js";
import type { SeedListing } from "./contract.js";

/** A leaf of the mock's default tree whose name is unique (Masker Kain). */
export const MOCK_LEAF_ID = findLeaf(DEFAULT_CATEGORIES, "Masker Kain");

function findLeaf(nodes: readonly CategoryNode[], name: string): string {
  for (const node of nodes) {
    if (!node.child && node.name === name) return node.id;
    if (node.child) {
      const found = findLeaf(node.child, name);
      if (found) return found;
    }
  }
  return "";
}

export interface MockRig {
  server: MockServer;
  adapter: TokopediaAdapter;
  env: NodeJS.ProcessEnv;
  dir: string;
  stop(): Promise<void>;
}

export async function startMockRig(opts: {
  seed?: readonly SeedListing[];
  server?: MockServerOptions;
  adapter?: Partial<TokopediaOptionsInput>;
  log?: Logger;
} = {}): Promise<MockRig> {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-tokopedia-"));
  let seedFile: string | undefined;
  if (opts.seed && opts.seed.length > 0) {
    seedFile = join(dir, "seed.json");
    await writeFile(seedFile, JSON.stringify(opts.seed.map(toSeedProduct)));
  }
  const server = await startMockServer({
    host: "127.0.0.1",
    port: 0,
    rateLimit: 1000,
    burst: 1000,
    ...(seedFile ? { seedFile } : {}),
    ...opts.server,
  });
  const env = {
    TOKOPEDIA_CLIENT_ID: server.credentials.clientId,
    TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret,
  };
  const options = tokopediaOptionsSchema.parse({
    baseUrl: server.url,
    tokenUrl: server.tokenUrl,
    fsId: server.fsId,
    shopId: server.shopId,
    retryBaseMs: 5,
    requestTimeoutMs: 5_000,
    ...opts.adapter,
  });
  const adapter = createTokopediaAdapter(options, { log: opts.log ?? silentLogger(), env, cwd: dir });
  return {
    server,
    adapter,
    env,
    dir,
    async stop() {
      await adapter.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function toSeedProduct(s: SeedListing): Record<string, unknown> {
  return {
    name: s.name,
    sku: s.sku,
    price: s.price,
    stock: s.stock,
    status: "LIMITED",
    condition: "NEW",
    category_id: Number(MOCK_LEAF_ID),
    weight: 250,
    weight_unit: "GR",
    min_order: 1,
    description: "",
    pictures: [{ file_path: `https://img.example.test/${s.sku}.jpg` }],
    ...(s.status === "inactive" ? { active: false } : {}),
  };
}
