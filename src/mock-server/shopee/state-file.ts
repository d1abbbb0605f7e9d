// The Shopee mock's state file: the shop and its tokens, so a restarted mock still knows a connected
// desbumi (the file is the mock's own; real marketplaces keep this server-side).
import { readFile } from "node:fs/promises";
import { UsageError, errorMessage } from "../../errors.js";
import type { ShopSnapshot } from "./store.js";
import type { TokenSnapshot } from "./tokens.js";

export interface ShopeeState {
  version: 1;
  shop: ShopSnapshot;
  tokens: TokenSnapshot;
}

export async function loadShopeeState(file: string): Promise<ShopeeState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError({ en: `Cannot read the mock state file ${file}: ${errorMessage(error)}`, id: `Berkas state mock ${file} tidak bisa dibaca: ${errorMessage(error)}` });
  }
  try {
    const parsed = JSON.parse(text) as Partial<ShopeeState>;
    if (parsed.version !== 1 || !parsed.shop || !Array.isArray(parsed.shop.items) || !parsed.tokens) throw new Error("not a Shopee mock state");
    return parsed as ShopeeState;
  } catch (error) {
    throw new UsageError({
      en: `The mock state file ${file} is not a desbumi Shopee mock state (${errorMessage(error)}); move it away to start a fresh shop`,
      id: `Berkas state mock ${file} bukan state mock Shopee desbumi (${errorMessage(error)}); pindahkan agar toko mulai dari kosong`,
    });
  }
}
