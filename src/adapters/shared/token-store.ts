// The token store: one file per marketplace and config group in $DESBUMI_HOME/credentials/, mode
// 0600, replaced atomically. Outside every project folder, so tokens are never committed, and
// never printed: the only reader is the adapter that sends them.
//
// Crash safety of a refresh (designed for single-use refresh tokens too, e.g. Shopee):
//   1. before calling the marketplace, the file is rewritten with `pendingRefresh` set (durable);
//   2. the marketplace answers with a new pair;
//   3. the file is rewritten with the new pair as `tokens` and the old one as `previous`, without
//      `pendingRefresh` (durable) — only then is the new access token used.
// A crash before 3 leaves the old pair in `tokens` and a pending marker: the next run knows a
// refresh was in doubt, retries it with the stored refresh token and, if the marketplace refuses
// that token, still uses the old access token while it has not expired (`usableAccessToken`).
// A crash after 3 leaves the new pair. No step ever deletes the only copy of a working token.
import { readFile, rm, chmod } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { desbumiHome } from "./home.js";

export interface TokenPair {
  accessToken: string;
  /** Unix seconds. */
  accessExpiresAt: number;
  refreshToken: string;
  /** Unix seconds (0 = not given by the marketplace). */
  refreshExpiresAt: number;
}

/** The authorized shop the tokens are used for (no secrets: a cipher only selects the shop). */
export interface StoredShop {
  id: string;
  name: string;
  code?: string;
  region?: string;
  cipher?: string;
}

export interface StoredAuthorization {
  version: 1;
  marketplace: string;
  group: string;
  tokens: TokenPair;
  /** The pair before the last refresh (kept so a lost answer never leaves us with nothing). */
  previous?: TokenPair;
  /** Set while a refresh is in flight; still set on load = the last run died mid-refresh. */
  pendingRefresh?: { startedAt: number };
  shop?: StoredShop;
  /** Seller name etc., as the marketplace gave them at connect time. */
  seller?: string;
  connectedAt: number;
}

/** File name per marketplace and group: only safe characters, so a group id can never escape the folder. */
export function tokenFileName(marketplace: string, group: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, "_");
  return `${safe(marketplace)}--${safe(group || "default")}.json`;
}

/** Where an adapter keeps an authorization: the token store, or memory (the practice shop). */
export interface AuthorizationStore {
  read(marketplace: string, group: string): Promise<StoredAuthorization | undefined>;
  write(auth: StoredAuthorization): Promise<void>;
  remove(marketplace: string, group: string): Promise<boolean>;
}

/**
 * Authorizations held in memory for one process: the embedded practice shop authorizes itself at
 * every start, so nothing is written to the user's folder (and nothing can be printed from it).
 */
export class MemoryAuthorizationStore implements AuthorizationStore {
  private readonly held = new Map<string, StoredAuthorization>();

  async read(marketplace: string, group: string): Promise<StoredAuthorization | undefined> {
    const auth = this.held.get(tokenFileName(marketplace, group));
    return auth ? structuredClone(auth) : undefined;
  }

  async write(auth: StoredAuthorization): Promise<void> {
    this.held.set(tokenFileName(auth.marketplace, auth.group), structuredClone(auth));
  }

  async remove(marketplace: string, group: string): Promise<boolean> {
    return this.held.delete(tokenFileName(marketplace, group));
  }
}

export class TokenStore implements AuthorizationStore {
  readonly dir: string;

  constructor(home: string = desbumiHome()) {
    this.dir = join(home, "credentials");
  }

  static fromEnv(env: NodeJS.ProcessEnv): TokenStore {
    return new TokenStore(desbumiHome(env));
  }

  file(marketplace: string, group: string): string {
    return join(this.dir, tokenFileName(marketplace, group));
  }

  /** The stored authorization, or undefined when none (never connected, or disconnected). */
  async read(marketplace: string, group: string): Promise<StoredAuthorization | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.file(marketplace, group), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const parsed = JSON.parse(raw) as StoredAuthorization;
    if (parsed.version !== 1 || !parsed.tokens?.accessToken) return undefined;
    return parsed;
  }

  async write(auth: StoredAuthorization): Promise<void> {
    await writeFileAtomic(this.file(auth.marketplace, auth.group), JSON.stringify(auth, null, 2) + "\n", {
      mode: 0o600,
      dirMode: 0o700,
    });
    // NOTE: a folder made by an older version (or by hand) may be wider than 0700.
    await chmod(this.dir, 0o700).catch(() => undefined);
  }

  /** Forget the authorization (disconnect). True when there was one. */
  async remove(marketplace: string, group: string): Promise<boolean> {
    const file = this.file(marketplace, group);
    const existed = (await this.read(marketplace, group).catch(() => undefined)) !== undefined;
    await rm(file, { force: true });
    return existed;
  }
}

export type RefreshFn = (refreshToken: string) => Promise<TokenPair>;

/**
 * Refresh `auth` through `refresh` with the durable order described at the top of this file and
 * return the authorization now stored. Throws what `refresh` throws (the pending marker stays, so
 * the next run knows).
 */
export async function refreshDurably(
  store: AuthorizationStore,
  auth: StoredAuthorization,
  refresh: RefreshFn,
  now: () => number = () => Math.floor(Date.now() / 1000),
): Promise<StoredAuthorization> {
  const pending: StoredAuthorization = { ...auth, pendingRefresh: { startedAt: now() } };
  await store.write(pending);
  const tokens = await refresh(auth.tokens.refreshToken);
  const { pendingRefresh: _done, ...rest } = pending;
  const next: StoredAuthorization = { ...rest, tokens, previous: auth.tokens };
  await store.write(next);
  return next;
}

/** The access token of `auth` if it is still valid `marginSeconds` from now, else undefined. */
export function usableAccessToken(auth: StoredAuthorization, nowSeconds: number, marginSeconds = 0): string | undefined {
  return auth.tokens.accessExpiresAt - marginSeconds > nowSeconds ? auth.tokens.accessToken : undefined;
}

/** Seconds until the seller must connect again (the refresh token's end), or undefined when unknown. */
export function secondsUntilReconnect(auth: StoredAuthorization, nowSeconds: number): number | undefined {
  return auth.tokens.refreshExpiresAt > 0 ? auth.tokens.refreshExpiresAt - nowSeconds : undefined;
}
