// A Google Drive share link in a photo cell is a web page; sync rewrites it to Drive's
// direct-download form (with the PHOTO_SHARE_LINK_REWRITTEN warning) and that is what is
// downloaded and uploaded (issue 14 "Photos"). Through the Shopee mock; the photo server is a
// loopback one that answers a different picture for every path, so the uploaded bytes tell which
// address was fetched (`/uc` = the direct download, not `/file/d/<id>/view`).
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { shopee } from "../../src/adapters/shopee/definition.js";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import { runSync } from "../../src/sync/run-sync.js";
import { pngBytes, SHOPEE_LEAF_ID, startShopeeRig, type ShopeeRig } from "../adapters/shopee-rig.js";
import { makeCtx, makeIo } from "../sync/harness.js";

let rig: ShopeeRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz012345";
const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

test("a Drive share link is synced from its direct-download address, with the warning, and a rerun does nothing", async () => {
  rig = await startShopeeRig();
  const r = rig;
  await writeFile(
    join(r.dir, "k.csv"),
    `sku,nama,deskripsi,harga,stok,berat,kategori,Foto Produk\nMSK-1,Masker Kain Batik Tiga Lapis,Masker kain buatan warga,15000,5,50,${SHOPEE_LEAF_ID},https://drive.google.com/file/d/${ID}/view?usp=sharing\n`,
  );
  const deps = { openTarget: async () => ({ adapter: r.adapter, definition: shopee as AdapterDefinition<unknown>, isPracticeShop: false, label: "Shopee mock", close: async () => undefined }) };
  const io = makeIo({ cwd: r.dir });
  expect(await runSync("k.csv", { marketplace: "shopee", yes: true }, makeCtx(io), deps)).toBe(0);
  expect(io.stdout.text).toContain("Applied: 1 created");
  expect(io.stdout.text).toContain(`https://drive.google.com/uc?export=download&id=${ID}`);
  expect(r.server.images().map((i) => i.sha256)).toEqual([sha(pngBytes("/uc"))]);

  const again = makeIo({ cwd: r.dir });
  await runSync("k.csv", { marketplace: "shopee", yes: true }, makeCtx(again), deps);
  expect(again.stdout.text).toContain("No changes");
  expect(r.server.images()).toHaveLength(1);
});
