// Client-credentials tokens (reference §2): one token at a time, the same one until it expires.
import { randomBytes, timingSafeEqual } from "node:crypto";

export interface IssuedToken {
  accessToken: string;
  expiresAtMs: number;
}

export interface TokenAuthority {
  /** Checks `Authorization: Basic ...` against the configured client id and secret. */
  checkBasic(header: string | undefined): boolean;
  /** The live token (reused until expiry), with the seconds it has left. */
  issue(): { token: IssuedToken; expiresInSeconds: number };
  checkBearer(header: string | undefined): boolean;
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const randomToken = (bytes: number): string => randomBytes(bytes).toString("base64url");

export function createTokenAuthority(opts: {
  clientId: string;
  clientSecret: string;
  ttlSeconds: number;
  clock: () => number;
}): TokenAuthority {
  let current: IssuedToken | undefined;
  const live = (): IssuedToken | undefined => (current && current.expiresAtMs > opts.clock() ? current : undefined);

  return {
    checkBasic(header) {
      const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
      if (!match?.[1]) return false;
      const decoded = Buffer.from(match[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) return false;
      return sameText(decoded.slice(0, colon), opts.clientId) && sameText(decoded.slice(colon + 1), opts.clientSecret);
    },
    issue() {
      const token = live() ?? { accessToken: randomToken(16), expiresAtMs: opts.clock() + opts.ttlSeconds * 1000 };
      current = token;
      return { token, expiresInSeconds: Math.max(1, Math.floor((token.expiresAtMs - opts.clock()) / 1000)) };
    },
    checkBearer(header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
      const token = live();
      return Boolean(match?.[1] && token && sameText(match[1], token.accessToken));
    },
  };
}
