// Child for memory-bound.test.ts: the built mock server under a heap cap, answering stats over IPC.
import { startMockServer } from "../../dist/mock-server/index.js";

const server = await startMockServer({ rateLimit: 5, burst: 5 });
process.send?.({ url: server.url });
process.on("message", (msg) => {
  if (msg === "stats") {
    globalThis.gc?.();
    const { heapUsed } = process.memoryUsage();
    process.send?.({ buckets: server.stats().rateLimitBuckets, requests: server.stats().requests, heapUsed });
  } else if (msg === "close") void server.close().then(() => process.exit(0));
});
