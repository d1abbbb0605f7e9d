// Issue 13.2: `kill -9` a child `desbumi mock-server --state` in the middle of a burst of creates,
// then count the creates it had answered 200 for that are not in the state file (must be 0), and
// check no id is handed out twice after the restart. Uses the built CLI (bin/desbumi.js).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { startMockServer } from "../../src/mock-server/index.js";
import { startMockChild } from "./child.js";

const CLIENT = { id: "kill-client", secret: "kill-secret" };
const WORKERS = 8;

export interface KillRun {
  /** Creates answered 200 with a product id before the kill. */
  acknowledged: number;
  /** Of those, missing from the state file (or under another id) after the kill. */
  lost: number;
  /** Temp files next to the state file right after the kill (removed on the next start). */
  tempFilesAfterKill: number;
  /** Temp files left after the restart and a clean close. */
  tempFilesAfterRestart: number;
  /** Product ids handed out twice (acknowledged before the kill, and again after the restart). */
  reusedIds: number;
}

async function token(url: string): Promise<string> {
  const res = await request(`${url}/token?grant_type=client_credentials`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString("base64")}` },
  });
  return ((await res.body.json()) as { access_token: string }).access_token;
}

const product = (sku: string): Record<string, unknown> => ({
  name: `Produk ${sku}`,
  sku,
  price: 15000,
  status: "LIMITED",
  stock: 5,
  category_id: 2991,
  weight: 250,
  weight_unit: "GR",
  condition: "NEW",
  pictures: [{ file_path: "https://img.example.invalid/p.jpg" }],
});

/** One run: burst, kill -9 after `killAfterAcks` acknowledged creates, restart, compare. */
export async function runKillBurst(killAfterAcks: number): Promise<KillRun> {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-kill-"));
  const stateFile = join(dir, "shop.json");
  try {
    const child = await startMockChild(["--state", stateFile, "--port", "0", "--rate-limit", "100000", "--burst", "100000", "--client-id", CLIENT.id, "--client-secret", CLIENT.secret]);
    const bearer = `Bearer ${await token(child.url)}`;
    const acked = new Map<string, number>();
    let seq = 0;
    let isKilled = false;
    let killing: Promise<void> | undefined;
    const worker = async (w: number): Promise<void> => {
      while (!isKilled) {
        const skus = Array.from({ length: 1 + (seq % 3) }, () => `K${w}-${seq++}`);
        try {
          const res = await request(`${child.url}/v3/products/fs/13004/create?shop_id=480829`, {
            method: "POST",
            headers: { authorization: bearer, "content-type": "application/json" },
            body: JSON.stringify({ products: skus.map(product) }),
            reset: true,
          });
          const json = (await res.body.json()) as { data?: { success_rows_data?: { product_id: number }[] } };
          const rows = res.statusCode === 200 ? (json.data?.success_rows_data ?? []) : [];
          // v3 answers rows in request order; every product here is valid, so all succeed.
          rows.forEach((row, i) => acked.set(skus[i]!, row.product_id));
        } catch {
          // The kill cut this request off: not acknowledged.
        }
        if (!isKilled && acked.size >= killAfterAcks) {
          isKilled = true;
          killing = child.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await killing;
    const names = await readdir(dir);
    const tempFilesAfterKill = names.filter((n) => n.endsWith(".tmp")).length;
    const saved = JSON.parse(await readFile(stateFile, "utf8")) as { products: { sku: string; productId: number }[] };
    const savedIds = new Map(saved.products.map((p) => [p.sku, p.productId]));
    const lost = [...acked].filter(([sku, id]) => savedIds.get(sku) !== id).length;

    // Restart on the same file (the dead child's lock is stale) and create more: new ids only.
    const again = await startMockServer({ stateFile, rateLimit: 100_000, burst: 100_000, clientId: CLIENT.id, clientSecret: CLIENT.secret });
    let reusedIds = 0;
    try {
      const bearer2 = `Bearer ${await token(again.url)}`;
      const res = await request(`${again.url}/v3/products/fs/13004/create?shop_id=480829`, {
        method: "POST",
        headers: { authorization: bearer2, "content-type": "application/json" },
        body: JSON.stringify({ products: ["AFTER-1", "AFTER-2", "AFTER-3"].map(product) }),
      });
      const json = (await res.body.json()) as { data: { success_rows_data: { product_id: number }[] } };
      const ackedIds = new Set(acked.values());
      reusedIds = json.data.success_rows_data.filter((r) => ackedIds.has(r.product_id)).length;
    } finally {
      await again.close();
    }
    const tempFilesAfterRestart = (await readdir(dir)).filter((n) => n.endsWith(".tmp")).length;
    return { acknowledged: acked.size, lost, tempFilesAfterKill, tempFilesAfterRestart, reusedIds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
