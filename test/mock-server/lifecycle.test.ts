// Graceful close: requests in flight finish, the state is flushed even inside the debounce window.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { startMockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

test("close() waits for a request in flight and flushes the state file", async () => {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-close-"));
  const stateFile = join(dir, "shop.json");
  // Latency holds the request inside the server while close() starts; the debounce would
  // otherwise delay the write well past the end of the test.
  const server = await startMockServer({ stateFile, faults: { latencyMs: 50 } });
  try {
    const api = clientFor(server, await fetchToken(server));
    const inFlight = api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ sku: "INFLIGHT" })] } });
    while (server.stats().byRoute["POST /v3/products/fs/:fs_id/create"] === undefined) await new Promise((r) => setTimeout(r, 2));
    const closing = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.json.data.success_data).toBe(1);
    await closing;
    const saved = JSON.parse(await readFile(stateFile, "utf8"));
    expect(saved.products.map((p: { sku: string }) => p.sku)).toEqual(["INFLIGHT"]);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
