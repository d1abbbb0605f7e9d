// Etalase (shop showcases) by name: the shop's list (§5.8), fetched once per run, and the names a
// catalogue writes ("Minuman Herbal", any case or spacing) turned into the ids writes send.
// Doc: shared/reference/tokopedia-seller-api.md §5.8 (list), §5.2/§5.4 (`etalase:{id}` on writes).
//
// NOTE: two places use the names. The sync core calls `resolveEtalase` (an optional adapter method)
// before planning, so a row's etalase name is compared with the listing's etalase id like an id
// would be. The write path resolves again for changes that still carry a name (a plan made by
// something else, or a name the shop lacks): a name the shop does not have fails that item with
// ETALASE_NOT_FOUND listing the shop's etalase, rather than silently landing in the default one.
import type { ApplyOptions } from "../types.js";
import type { Change, ChangeError, ChangeOutcome } from "../../plan/types.js";
import type { TokopediaClient } from "./client.js";
import { rejectedError } from "./errors.js";
import { getKey } from "./map.js";
import type { ShopRef } from "./read.js";
import { buildUrl } from "./transport.js";

export interface Etalase {
  id: string;
  name: string;
}

const ETALASE_ENDPOINT = "GET product/etalase";

export async function fetchEtalase(client: TokopediaClient, shop: ShopRef, signal?: AbortSignal): Promise<Etalase[]> {
  const path = `/inventory/v1/fs/${shop.fsId}/product/etalase`;
  const res = await client.call({
    method: "GET",
    path,
    query: { shop_id: shop.shopId },
    endpoint: ETALASE_ENDPOINT,
    write: false,
    idempotent: true,
    ...(signal ? { signal, stop: signal } : {}),
  });
  if (res.status !== 200) {
    throw rejectedError(buildUrl(shop.baseUrl, path), res.status, res.header.errorCode, res.header.reason || res.header.messages);
  }
  const rows = getKey(res.data, "etalase");
  const out: Etalase[] = [];
  for (const row of Array.isArray(rows) ? rows : []) {
    const id = getKey(row, "etalase_id");
    const name = getKey(row, "etalase_name");
    if ((typeof id === "number" || typeof id === "string") && String(id) !== "" && typeof name === "string") {
      out.push({ id: String(id), name });
    }
  }
  return out;
}

/** The shop's etalase list, fetched on first use and kept for the run (a failed fetch is not kept). */
export function cachedEtalase(load: (signal?: AbortSignal) => Promise<Etalase[]>): (signal?: AbortSignal) => Promise<Etalase[]> {
  let list: Promise<Etalase[]> | undefined;
  return (signal) => {
    list ??= load(signal).catch((error: unknown) => {
      list = undefined;
      throw error;
    });
    return list;
  };
}

const isEtalaseId = (value: string): boolean => /^\d+$/.test(value.trim());
/** Names match ignoring case, accents' forms and runs of spaces. */
export const etalaseKey = (name: string): string => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** A name written in a cell (not an id, not empty). */
export const isEtalaseName = (value: unknown): value is string => typeof value === "string" && value.trim() !== "" && !isEtalaseId(value);

/** Names -> ids for the names the shop has; the others are left out. */
export function matchEtalaseNames(names: readonly string[], list: readonly Etalase[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const e of list) if (!byKey.has(etalaseKey(e.name))) byKey.set(etalaseKey(e.name), e.id);
  const out = new Map<string, string>();
  for (const name of names) {
    const id = byKey.get(etalaseKey(name));
    if (id !== undefined) out.set(name, id);
  }
  return out;
}

/** Does this change send an etalase written as a name? */
export function carriesEtalaseName(change: Change): boolean {
  if (change.kind === "create") return isEtalaseName(change.product.etalase);
  return change.fields.some((f) => f.field === "etalase" && isEtalaseName(f.to));
}

/**
 * What to do with a name the shop lacks: `fail` the item (a real shop: the facilitator creates the
 * etalase first), or `omit` the etalase and send the rest (the practice shop, which cannot have
 * the group's real etalase).
 */
export type MissingEtalase = "fail" | "omit";

/**
 * The change with etalase names replaced by the shop's ids, or the error for a name the shop lacks.
 * Pure. A change without a name comes back as it is.
 */
export function resolveChangeEtalase(change: Change, list: readonly Etalase[], missing: MissingEtalase = "fail"): Change | ChangeError {
  if (!carriesEtalaseName(change)) return change;
  const name = change.kind === "create" ? change.product.etalase : String(change.fields.find((f) => f.field === "etalase")?.to ?? "");
  const id = matchEtalaseNames([name], list).get(name);
  if (id === undefined && missing === "fail") return etalaseNotFound(name, list);
  const etalase = id ?? "";
  if (change.kind === "create") return { ...change, product: { ...change.product, etalase } };
  return {
    ...change,
    fields: id === undefined ? change.fields.filter((f) => f.field !== "etalase") : change.fields.map((f) => (f.field === "etalase" ? { ...f, to: id } : f)),
    ...(change.product ? { product: { ...change.product, etalase } } : {}),
  };
}

function etalaseNotFound(name: string, list: readonly Etalase[]): ChangeError {
  const names = list.length > 0 ? list.map((e) => `"${e.name}"`).join(", ") : "(none / belum ada)";
  return {
    code: "ETALASE_NOT_FOUND",
    message:
      `etalase "${name.trim()}" is not in this shop / tidak ada di toko ini; ` +
      `the shop's etalase / etalase toko: ${names}. Write one of these (or its id) in the etalase column / Tulis salah satunya (atau nomornya) di kolom etalase`,
    retryable: false,
  };
}

/**
 * Apply with etalase names resolved: items whose name the shop lacks fail at once (reported
 * through `onOutcome` like any other), the rest go to `write`. One outcome per change, in order.
 */
export async function applyWithEtalase(
  changes: readonly Change[],
  list: readonly Etalase[],
  missing: MissingEtalase,
  opts: ApplyOptions,
  write: (ready: Change[]) => Promise<ChangeOutcome[]>,
): Promise<ChangeOutcome[]> {
  const outcomes: (ChangeOutcome | undefined)[] = changes.map(() => undefined);
  const ready: Change[] = [];
  const readyAt: number[] = [];
  changes.forEach((change, index) => {
    const resolved = resolveChangeEtalase(change, list, missing);
    if ("kind" in resolved) {
      ready.push(resolved);
      readyAt.push(index);
      return;
    }
    const { sku, kind } = change;
    const outcome: ChangeOutcome =
      change.kind === "create" ? { status: "failed", sku, kind, error: resolved } : { status: "failed", sku, kind, listingId: change.listingId, error: resolved };
    outcomes[index] = outcome;
    opts.onOutcome?.(outcome);
  });
  const sent = ready.length > 0 ? await write(ready) : [];
  sent.forEach((outcome, j) => {
    const index = readyAt[j];
    if (index !== undefined) outcomes[index] = outcome;
  });
  return outcomes.map((o, i) => o ?? { status: "skipped", sku: changes[i]?.sku ?? "", kind: changes[i]?.kind ?? "create", reason: "not applied" });
}
