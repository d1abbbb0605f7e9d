// Raw HTTP through undici: one keep-alive Pool per origin, a timeout on every request.
import { Pool } from "undici";

export interface RawRequest {
  method: "GET" | "POST" | "PATCH";
  /** Absolute URL. */
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface TransportOptions {
  /** Pool size per origin. */
  connections: number;
  /** Bound on waiting for the response head, and for each gap in the body. */
  requestTimeoutMs: number;
}

export class Transport {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: TransportOptions) {}

  async send(req: RawRequest): Promise<RawResponse> {
    const pool = this.poolFor(req.url.origin);
    const res = await pool.request({
      method: req.method,
      path: `${req.url.pathname}${req.url.search}`,
      headers: req.headers,
      body: req.body ?? null,
      headersTimeout: this.options.requestTimeoutMs,
      bodyTimeout: this.options.requestTimeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
    });
    const text = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: res.statusCode, headers, text };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => p.destroy())));
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        headersTimeout: this.options.requestTimeoutMs,
        bodyTimeout: this.options.requestTimeoutMs,
        connect: { timeout: Math.min(this.options.requestTimeoutMs, 10_000) },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

/** Joins a base URL that may carry a path prefix with an API path and query. */
export function buildUrl(base: string, path: string, query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}
