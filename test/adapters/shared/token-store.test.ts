// Token store (issue 15 item 1): 0600 files per marketplace and group under DESBUMI_HOME, atomic
// replacement, and the durable refresh order (new pair saved before use, pending marker kept on failure).
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { desbumiHome } from "../../../src/adapters/shared/home.js";
import {
  TokenStore,
  refreshDurably,
  tokenFileName,
  usableAccessToken,
  type StoredAuthorization,
} from "../../../src/adapters/shared/token-store.js";

const pair = (n: number) => ({
  accessToken: `TTP_access_${n}`,
  accessExpiresAt: 1_000 + n,
  refreshToken: `TTP_refresh_${n}`,
  refreshExpiresAt: 9_000 + n,
});

const auth = (n = 1): StoredAuthorization => ({
  version: 1,
  marketplace: "tiktok-shop",
  group: "desa-a",
  tokens: pair(n),
  shop: { id: "7", name: "Toko Desa", cipher: "ROW_x" },
  connectedAt: 1,
});

let home: string;
let store: TokenStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "desbumi-home-"));
  store = new TokenStore(home);
});

describe("desbumiHome", () => {
  it("prefers DESBUMI_HOME, then XDG_CONFIG_HOME/desbumi, then ~/.config/desbumi", () => {
    expect(desbumiHome({ DESBUMI_HOME: "/x/y" })).toBe("/x/y");
    if (process.platform !== "win32") {
      expect(desbumiHome({ XDG_CONFIG_HOME: "/cfg" })).toBe(join("/cfg", "desbumi"));
      expect(desbumiHome({})).toMatch(/[/\\]\.config[/\\]desbumi$/);
    }
  });
});

describe("TokenStore", () => {
  it("writes one 0600 file per marketplace and group in credentials/ (0700), and reads it back", async () => {
    await store.write(auth());
    await store.write({ ...auth(2), group: "desa-b" });
    const files = (await readdir(join(home, "credentials"))).sort();
    expect(files).toEqual(["tiktok-shop--desa-a.json", "tiktok-shop--desa-b.json"]);
    if (process.platform !== "win32") {
      expect((await stat(join(home, "credentials", files[0] ?? ""))).mode & 0o777).toBe(0o600);
      expect((await stat(join(home, "credentials"))).mode & 0o777).toBe(0o700);
    }
    expect((await store.read("tiktok-shop", "desa-a"))?.tokens.accessToken).toBe("TTP_access_1");
    expect((await store.read("tiktok-shop", "desa-b"))?.tokens.accessToken).toBe("TTP_access_2");
    expect(await store.read("shopee", "desa-a")).toBeUndefined();
  });

  it("keeps group ids from escaping the folder", () => {
    expect(tokenFileName("tiktok-shop", "../../etc/passwd")).toBe("tiktok-shop--.._.._etc_passwd.json");
    expect(tokenFileName("tiktok-shop", "")).toBe("tiktok-shop--default.json");
  });

  it("leaves no temp file behind and replaces the whole file", async () => {
    await store.write(auth(1));
    await store.write(auth(2));
    expect(await readdir(join(home, "credentials"))).toEqual(["tiktok-shop--desa-a.json"]);
    const raw = JSON.parse(await readFile(store.file("tiktok-shop", "desa-a"), "utf8")) as StoredAuthorization;
    expect(raw.tokens.accessToken).toBe("TTP_access_2");
  });

  it("remove() forgets the authorization and says whether there was one", async () => {
    await store.write(auth());
    expect(await store.remove("tiktok-shop", "desa-a")).toBe(true);
    expect(await store.read("tiktok-shop", "desa-a")).toBeUndefined();
    expect(await store.remove("tiktok-shop", "desa-a")).toBe(false);
  });
});

describe("refreshDurably", () => {
  it("saves the pending marker before calling, and the new pair (old kept as previous) before returning", async () => {
    await store.write(auth(1));
    const seenDuringCall: (StoredAuthorization | undefined)[] = [];
    const next = await refreshDurably(store, auth(1), async (rt) => {
      expect(rt).toBe("TTP_refresh_1");
      seenDuringCall.push(await store.read("tiktok-shop", "desa-a"));
      return pair(2);
    });
    expect(seenDuringCall[0]?.pendingRefresh).toBeDefined();
    expect(seenDuringCall[0]?.tokens.refreshToken).toBe("TTP_refresh_1");
    const stored = await store.read("tiktok-shop", "desa-a");
    expect(stored).toEqual(next);
    expect(stored?.tokens.refreshToken).toBe("TTP_refresh_2");
    expect(stored?.previous?.refreshToken).toBe("TTP_refresh_1");
    expect(stored?.pendingRefresh).toBeUndefined();
  });

  it("a failed refresh keeps the old pair and the pending marker (the next run knows it was in doubt)", async () => {
    await store.write(auth(1));
    await expect(
      refreshDurably(store, auth(1), async () => {
        throw new Error("connection reset");
      }),
    ).rejects.toThrow("connection reset");
    const stored = await store.read("tiktok-shop", "desa-a");
    expect(stored?.tokens).toEqual(pair(1));
    expect(stored?.pendingRefresh).toBeDefined();
  });

  it("usableAccessToken honours the expiry and a margin", () => {
    expect(usableAccessToken(auth(1), 900)).toBe("TTP_access_1");
    expect(usableAccessToken(auth(1), 900, 200)).toBeUndefined();
    expect(usableAccessToken(auth(1), 1_001)).toBeUndefined();
  });
});
