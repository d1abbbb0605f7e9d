// Fault injection: spec parsing, seeded repeatability, and what each fault does to state.
import { afterEach, describe, expect, test } from "vitest";
import { parseFaultSpec, startMockServer, type MockFaults, type MockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

const servers: MockServer[] = [];
const start = async (faults: MockFaults): Promise<MockServer> => {
  const s = await startMockServer({ rateLimit: 10_000, burst: 10_000, faults, clientId: "id", clientSecret: "secret" });
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("parseFaultSpec", () => {
  test("reads the documented syntax", () => {
    expect(parseFaultSpec("500=0.2,429=0.1,reset=0.05,drop=0.05,latency=20,seed=42")).toEqual({
      ok: true,
      faults: { error500: 0.2, error429: 0.1, reset: 0.05, commitThenDrop: 0.05, latencyMs: 20, seed: 42 },
    });
    expect(parseFaultSpec(" 500 = 0.5 , token ")).toEqual({ ok: true, faults: { error500: 0.5, includeToken: true } });
    expect(parseFaultSpec("")).toEqual({ ok: true, faults: {} });
  });

  test.each([
    ["boom=0.1", /unknown key "boom"/],
    ["500=abc", /500 needs a number/],
    ["500=1.5", /between 0 and 1/],
    ["latency=-3", /whole number/],
    ["seed=1.5", /whole number/],
    ["500=0.6,reset=0.6", /add up to 1.2/],
  ])("%s is refused with a clear message", (spec, message) => {
    const result = parseFaultSpec(spec);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.text.en).toMatch(message);
      expect(result.text.id.length).toBeGreaterThan(0);
    }
  });
});

/** Runs a fixed request sequence one at a time and records what the client saw. */
async function runSequence(server: MockServer): Promise<string[]> {
  const api = clientFor(server, await fetchToken(server));
  const outcomes: string[] = [];
  for (let i = 0; i < 60; i++) {
    const attempt =
      i % 3 === 0
        ? api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ name: `Produk ${i}`, sku: `SEQ-${i}` })] }, isFreshConnection: true })
        : api("GET", "/inventory/v1/fs/:fs/product/info", { query: { page: 1, per_page: 50 }, isFreshConnection: true });
    outcomes.push(await attempt.then((res) => `${res.status}:${res.json?.header?.error_code ?? ""}`, () => "dropped"));
  }
  return outcomes;
}

describe("seeded faults", () => {
  test("same seed + same request sequence ⇒ same faults and same resulting shop", async () => {
    const faults = { error500: 0.15, error429: 0.1, reset: 0.1, commitThenDrop: 0.1, seed: 7 };
    const a = await start(faults);
    const b = await start(faults);
    const first = await runSequence(a);
    const second = await runSequence(b);
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["200:", "500:PRD_GRPC_001", "429:", "dropped"]));
    expect(b.listings().map((p) => [p.productId, p.name])).toEqual(a.listings().map((p) => [p.productId, p.name]));
    expect(a.stats().faultsInjected).toBe(b.stats().faultsInjected);
    const other = await start({ ...faults, seed: 8 });
    expect(await runSequence(other)).not.toEqual(first);
  });

  test("the token endpoint is spared unless asked for", async () => {
    const s = await start({ error500: 1 });
    await expect(fetchToken(s)).resolves.toEqual(expect.any(String));
    s.setFaults({ error500: 1, includeToken: true });
    await expect(fetchToken(s)).rejects.toThrow(/500/);
  });
});

describe("what each fault does", () => {
  test("500: the documented envelope, nothing committed", async () => {
    const s = await start({ error500: 1 });
    const api = clientFor(s, await fetchToken(s));
    const res = await api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate()] } });
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({
      header: { messages: "Our server encounters an error, please try again later", error_code: "PRD_GRPC_001" },
      data: null,
    });
    expect(res.headers["x-ratelimit-limit"]).toBeDefined();
    expect(s.listings()).toHaveLength(0);
  });

  test("reset: the connection dies before anything is committed", async () => {
    const s = await start({ reset: 1 });
    const api = clientFor(s, await fetchToken(s));
    await expect(api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate()] }, isFreshConnection: true })).rejects.toThrow();
    expect(s.listings()).toHaveLength(0);
  });

  test("commit-then-drop: the client gets no answer but the write is committed", async () => {
    const s = await start({ commitThenDrop: 1, latencyMs: 5 });
    const api = clientFor(s, await fetchToken(s));
    await expect(
      api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ name: "Madu Hutan", sku: "MADU" })] }, isFreshConnection: true }),
    ).rejects.toThrow();
    expect(s.listings().map((p) => p.sku)).toEqual(["MADU"]);
    s.setFaults(undefined);
    const seen = await api("GET", "/inventory/v1/fs/:fs/product/info", { query: { sku: "MADU" } });
    expect(seen.json.data[0].basic.Name).toBe("Madu Hutan");
    expect(s.stats()).toMatchObject({ faultsInjected: 1, writes: 1 });
  });
});
