// The Shopee mock's state file: the shop and its tokens, so a restarted mock still knows a connected
// desbumi (the file is the mock's own; real marketplaces keep this server-side). Writing is the
// shared durable core's job (../http/durable-file.ts).
import { readFile } from "node:fs/promises";
import { UsageError, errorMessage } from "../../errors.js";
import type { ShopSnapshot } from "./store.js";
import type { TokenSnapshot } from "./tokens.js";

export interface ShopeeState {
  version: 1;
  shop: ShopSnapshot;
  tokens: TokenSnapshot;
}

/** The state a text holds; throws (plain Error) when it is not a Shopee mock state. */
export function parseShopeeState(text: string): ShopeeState {
  const parsed = JSON.parse(text) as Partial<ShopeeState>;
  if (parsed.version !== 1 || !parsed.shop || !Array.isArray(parsed.shop.items) || !parsed.tokens) throw new Error("not a Shopee mock state");
  return parsed as ShopeeState;
}

/** The saved state of `file` (the real path), or undefined when there is none yet; `shownAs` names it in messages. */
export async function loadShopeeState(file: string, shownAs = file): Promise<ShopeeState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError({ en: `Cannot read the mock state file ${shownAs}: ${errorMessage(error)}`, id: `Berkas state mock ${shownAs} tidak bisa dibaca: ${errorMessage(error)}` });
  }
  try {
    return parseShopeeState(text);
  } catch (error) {
    throw new UsageError({
      en: `The mock state file ${shownAs} is not a desbumi Shopee mock state (${errorMessage(error)}); move it away to start a fresh shop`,
      id: `Berkas state mock ${shownAs} bukan state mock Shopee desbumi (${errorMessage(error)}); pindahkan agar toko mulai dari kosong`,
    });
  }
}
