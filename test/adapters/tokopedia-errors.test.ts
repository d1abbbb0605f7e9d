// Tokopedia adapter failure modes: token cache and refresh, auth circuit breaker, non-API answers,
// unreachable hosts, and secrets kept out of every log line and message.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { request } from "undici";
import { AdapterError } from "../../src/errors.js";
import { createLogger } from "../../src/log.js";
import { createTokopediaAdapter, tokopedia, tokopediaOptionsSchema } from "../../src/adapters/tokopedia/index.js";
import { silentLogger } from "../../src/log.js";
import type { Change } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "./mock-harness.js";

const env = { TOKOPEDIA_CLIENT_ID: "id-for-tests", TOKOPEDIA_CLIENT_SECRET: "secret-for-tests" };

/** A tiny loopback server: answers /token with a token, everything else with `handler`. */
async function startFakeMarketplace(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string; hits: { token: number; api: number } }> {
  const hits = { token: 0, api: 0 };
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/token")) {
      hits.token++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: `tok-${hits.token}`, expires_in: 3600, token_type: "Bearer" }));
      return;
    }
    hits.api++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, hits };
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const adapterFor = (url: string, extra: Record<string, unknown> = {}) =>
  createTokopediaAdapter(
    tokopediaOptionsSchema.parse({ baseUrl: url, tokenUrl: `${url}/token`, fsId: 1, shopId: 2, retryBaseMs: 1, ...extra }),
    { log: silentLogger(), env, cwd: "." },
  );

const creates = (n: number): Change[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: "create",
    sku: `E-${i}`,
    product: makeDesired({ sku: `E-${i}`, name: `Produk ${i}`, categoryId: MOCK_LEAF_ID }),
  }));

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error("expected an AdapterError");
}

describe("tokopedia adapter: auth", () => {
  let rig: MockRig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it("fetches the token once and reuses it", async () => {
    rig = await startMockRig({ seed: [{ sku: "T-1", name: "Teh Melati", price: 5000, stock: 3 }] });
    await rig.adapter.listListings();
    await rig.adapter.apply(creates(5));
    await rig.adapter.listListings();
    expect(rig.adapter.tokenFetches()).toBe(1);
    expect(rig.server.stats().byRoute["POST /token"]).toBe(1);
  });

  it("refreshes once when the marketplace says the token expired, then carries on", async () => {
    let now = Date.now();
    rig = await startMockRig({ server: { clock: () => now, tokenTtlSeconds: 60 } });
    await rig.adapter.listListings();
    now += 3_600_000; // the server's clock passes the token's expiry; ours still trusts it
    const outcomes = await rig.adapter.apply(creates(3));
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "applied"]);
    expect(rig.adapter.tokenFetches()).toBe(2);
  });

  it("says which variables are missing, without their values", async () => {
    const options = tokopediaOptionsSchema.parse({ baseUrl: "http://127.0.0.1:9", tokenUrl: "http://127.0.0.1:9/token", fsId: 1, shopId: 2 });
    let error: unknown;
    try {
      await tokopedia.create(options, { log: silentLogger(), env: { TOKOPEDIA_CLIENT_ID: "only-the-id" }, cwd: "." });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdapterError);
    const e = error as AdapterError;
    expect(e.kind).toBe("auth");
    expect(e.text.en).toContain("TOKOPEDIA_CLIENT_SECRET");
    expect(e.text.id).toContain("TOKOPEDIA_CLIENT_ID");
    expect(`${e.text.en}${e.text.id}`).not.toContain("only-the-id");
  });

  it("stops on refused credentials without a retry storm", async () => {
    rig = await startMockRig();
    const wrong = createTokopediaAdapter(
      tokopediaOptionsSchema.parse({ baseUrl: rig.server.url, tokenUrl: rig.server.tokenUrl, fsId: rig.server.fsId, shopId: rig.server.shopId }),
      { log: silentLogger(), env: { TOKOPEDIA_CLIENT_ID: rig.server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: "wrong-secret" }, cwd: "." },
    );
    const error = await rejection(wrong.apply(creates(40)));
    await wrong.close();
    expect(error.kind).toBe("auth");
    expect(rig.server.stats().requests).toBe(1);
    expect(rig.server.listings()).toEqual([]);
  });

  it("a second 401 after a refresh stops the run: 2 token fetches, 2 API calls, however many changes", async () => {
    const fake = await startFakeMarketplace((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ header: { messages: "Unauthorized" }, data: null }));
    });
    const adapter = adapterFor(fake.url, { concurrency: 4 });
    const error = await rejection(adapter.apply(creates(60)));
    await adapter.close();
    await closeServer(fake.server);
    expect(error.kind).toBe("auth");
    expect(fake.hits).toEqual({ token: 2, api: 2 });
  });
});

describe("tokopedia adapter: answers that are not the API", () => {
  it("an HTML page (a proxy, a wrong baseUrl) is a protocol error, not a crash", async () => {
    const fake = await startFakeMarketplace((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Welcome to the hotel Wi-Fi</body></html>");
    });
    const adapter = adapterFor(fake.url);
    const error = await rejection(adapter.listListings());
    await adapter.close();
    await closeServer(fake.server);
    expect(error.kind).toBe("protocol");
    expect(error.text.en).toContain("HTML");
    expect(error.text.id).toContain("bukan jawaban API");
  });

  it("a closed port is 'unreachable', naming the host, after bounded retries", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const adapter = adapterFor(`http://127.0.0.1:${port}`, { maxRetries: 2 });
    const error = await rejection(adapter.listListings());
    await adapter.close();
    expect(error.kind).toBe("unreachable");
    expect(error.text.en).toContain(`127.0.0.1:${port}`);
    expect(error.code).toBe("ECONNREFUSED");
  });

  it("a 400 for a whole batch is retried item by item, so only the culprit fails", async () => {
    rig = undefined;
    const fake = await startFakeMarketplace((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const products = (JSON.parse(body) as { products: { sku: string }[] }).products;
        res.setHeader("content-type", "application/json");
        if (products.some((p) => p.sku === "E-2")) {
          res.writeHead(400);
          res.end(JSON.stringify({ header: { messages: "malformed", reason: "Invalid field [weight]", error_code: "PRD_DLV_042" }, data: null }));
          return;
        }
        res.writeHead(200);
        res.end(
          JSON.stringify({
            header: { messages: "ok" },
            data: { total_data: products.length, success_data: products.length, fail_data: 0, success_rows_data: products.map((_, i) => ({ product_id: 100 + i + Math.floor(Math.random() * 1e6) })) },
          }),
        );
      });
    });
    const adapter = adapterFor(fake.url);
    const outcomes = await adapter.apply(creates(4));
    await adapter.close();
    await closeServer(fake.server);
    expect(outcomes.map((o) => (o.status === "failed" ? o.error.code : o.status))).toEqual(["applied", "applied", "PRD_DLV_042", "applied"]);
  });
  let rig: MockRig | undefined;
});

describe("tokopedia adapter: no duplicates", () => {
  /** A shop whose create commits and then answers 500; `lookup` decides what a SKU lookup says. */
  async function commitThen500(lookup: "found" | "refused") {
    const created: string[] = [];
    const fake = await startFakeMarketplace((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        if (req.method === "POST" && req.url?.includes("/create")) {
          for (const p of (JSON.parse(body) as { products: { sku: string }[] }).products) created.push(p.sku);
          res.writeHead(500);
          res.end(JSON.stringify({ header: { messages: "Our server encounters an error, please try again later", error_code: "PRD_GRPC_001" }, data: null }));
          return;
        }
        const sku = new URL(req.url ?? "/", "http://x").searchParams.get("sku") ?? "";
        if (lookup === "refused") {
          res.writeHead(400);
          res.end(JSON.stringify({ header: { messages: "malformed", error_code: "PRD_DLV_038" }, data: null }));
          return;
        }
        const index = created.indexOf(sku);
        res.writeHead(200);
        res.end(JSON.stringify({ header: {}, data: index < 0 ? [] : [{ basic: { productID: 5000 + index, shopID: 2, status: 1, Name: sku }, other: { sku } }] }));
      });
    });
    return { fake, created };
  }

  it("a create answered with 500 after committing is found by SKU, not sent again", async () => {
    const { fake, created } = await commitThen500("found");
    const adapter = adapterFor(fake.url);
    const outcomes = await adapter.apply(creates(3));
    await adapter.close();
    await closeServer(fake.server);
    expect(created.sort()).toEqual(["E-0", "E-1", "E-2"]);
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "applied"]);
    expect(new Set(outcomes.map((o) => (o.status === "applied" ? o.listingId : ""))).size).toBe(3);
  });

  it("when the SKU lookup is refused the create is not resent: failed, retryable, OUTCOME_UNKNOWN", async () => {
    const { fake, created } = await commitThen500("refused");
    const adapter = adapterFor(fake.url);
    const outcomes = await adapter.apply(creates(2));
    await adapter.close();
    await closeServer(fake.server);
    expect(created.sort()).toEqual(["E-0", "E-1"]);
    expect(outcomes).toMatchObject([
      { status: "failed", error: { code: "OUTCOME_UNKNOWN", retryable: true } },
      { status: "failed", error: { code: "OUTCOME_UNKNOWN", retryable: true } },
    ]);
  });
});

describe("tokopedia adapter: secrets", () => {
  it("the client id, secret and token appear in no log line (trace level) and no error message", async () => {
    let captured = "";
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        captured += chunk.toString();
        done();
      },
    });
    const log = createLogger({ level: "trace", stderr: sink });
    const rig = await startMockRig({
      log,
      seed: [{ sku: "K-1", name: "Kopi Luwak", price: 90_000, stock: 2 }],
      server: { faults: { error500: 0.1, seed: 7 } },
    });
    const messages: string[] = [];
    try {
      await rig.adapter.listListings();
      const outcomes = await rig.adapter.apply([
        ...creates(5),
        { kind: "create", sku: "DUP", product: makeDesired({ sku: "DUP", name: "Kopi Luwak", categoryId: MOCK_LEAF_ID }) },
      ]);
      for (const o of outcomes) if (o.status === "failed") messages.push(o.error.message);
      const wrong = createTokopediaAdapter(
        tokopediaOptionsSchema.parse({ baseUrl: rig.server.url, tokenUrl: rig.server.tokenUrl, fsId: rig.server.fsId, shopId: rig.server.shopId }),
        { log, env: { ...rig.env, TOKOPEDIA_CLIENT_SECRET: "not-the-secret-either" }, cwd: "." },
      );
      const error = await rejection(wrong.listListings());
      messages.push(error.text.en, error.text.id, error.message, String(error.stack));
      await wrong.close();

      // The mock hands out the same token until it expires: ask for it to know what to look for.
      const { clientId, clientSecret } = rig.server.credentials;
      const res = await request(`${rig.server.tokenUrl}?grant_type=client_credentials`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
      });
      const token = ((await res.body.json()) as { access_token: string }).access_token;
      expect(token.length).toBeGreaterThan(8);

      expect(captured).toContain("tokopedia: got an access token");
      expect(captured).toContain("tokopedia: answer");
      const everything = `${captured}\n${messages.join("\n")}`;
      for (const secret of [clientId, clientSecret, token, "not-the-secret-either", Buffer.from(`${clientId}:${clientSecret}`).toString("base64")]) {
        expect(everything).not.toContain(secret);
      }
    } finally {
      await rig.stop();
    }
  });
});
