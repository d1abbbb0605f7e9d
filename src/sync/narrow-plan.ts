// A saved plan narrowed to what the catalogue still asks for (issue 13 item 3). Pure.
//
// `apply plan.json` re-derives the plan from the catalogue and the live shop (derive-plan.ts); a
// saved change is sent only when the fresh plan holds the same change with the same effect: same
// kind, SKU and listing, the same target value for every field the saved change sets, for a
// deactivation the same reason, and a create only for a SKU the catalogue has, with its values.
// NOTE: the saved plan is what the facilitator approved, never an authority: it can only narrow
// the fresh plan (a fresh change that was not saved is not added), and what is sent is the fresh
// change (the catalogue's values), limited to the fields the saved change names. Adapters write
// from `change.product` too, so a tampered product inside a saved change never reaches the shop.
import type { Issue } from "../issues.js";
import { pick, type Lang, type Text } from "../i18n.js";
import { formatFieldValue } from "../plan/format-value.js";
import { FIELD_LABELS } from "../plan/render-text.js";
import type { Change, ChangeOutcome, DesiredProduct, ListingField, Plan } from "../plan/types.js";

/** What the plan was re-derived into (the parts of PlannedCatalog narrowing reads). */
export interface FreshPlan {
  plan: Pick<Plan, "changes">;
  products: readonly Pick<DesiredProduct, "sku">[];
  invalidSkus: readonly string[];
  issues: readonly Issue[];
}

/** A saved change that is not sent, with why; `at` is its position in the saved plan. */
export interface WithheldChange {
  at: number;
  change: Change;
  why: Text;
}

export interface NarrowedPlan {
  /** The saved plan with only the backed changes, each as the fresh plan has it (saved order). */
  plan: Plan;
  withheld: WithheldChange[];
}

export function narrowPlan(saved: Plan, fresh: FreshPlan): NarrowedPlan {
  const freshBySku = new Map<string, Change[]>();
  for (const change of fresh.plan.changes) freshBySku.set(change.sku, [...(freshBySku.get(change.sku) ?? []), change]);
  const used = new Set<Change>();
  const catalogSkus = new Set(fresh.products.map((p) => p.sku));
  const invalid = new Set(fresh.invalidSkus);

  const backed: Change[] = [];
  const withheld: WithheldChange[] = [];
  saved.changes.forEach((change, at) => {
    const candidates = freshBySku.get(change.sku) ?? [];
    const match = candidates.find((c) => sameListing(c, change));
    const differs = match ? differences(change, match) : undefined;
    const why = match
      ? differs ?? (used.has(match) ? TWICE : undefined)
      : invalid.has(change.sku) || errorOf(change.sku, fresh.issues)
        ? rowWithErrors(change.sku, fresh.issues)
        : !catalogSkus.has(change.sku) && !(change.kind === "deactivate" && change.reason === "pruned")
          ? noSuchSku(change.sku)
          : candidates[0]
            ? elsewhere(change, candidates[0])
            : NOT_ASKED;
    if (match && why === undefined) {
      used.add(match);
      backed.push(limitTo(match, change));
    } else withheld.push({ at, change, why: why ?? NOT_ASKED });
  });
  // A listing a backed change touches is not "left alone" (a saved plan may say so: tampered).
  const touched = new Set(backed.map(listingOf).filter((id) => id !== undefined));
  return { plan: { ...saved, changes: backed, leftAlone: saved.leftAlone.filter((l) => !touched.has(l.listingId)) }, withheld };
}

/** The skipped outcome a withheld change ends with (journal, summary, JSON), in the run's language. */
export const withheldOutcome = (w: WithheldChange, lang: Lang): ChangeOutcome => ({
  status: "skipped",
  sku: w.change.sku,
  kind: w.change.kind,
  reason: pick(w.why, lang),
});

const listingOf = (c: Change): string | undefined => (c.kind === "create" ? undefined : c.listingId);
const sameListing = (a: Change, b: Change): boolean => listingOf(a) === listingOf(b);

/** The fresh change, carrying only the fields (and variant changes) the saved one names. */
function limitTo(fresh: Change, saved: Change): Change {
  if (fresh.kind === "create" || saved.kind === "create") return fresh;
  const names = new Set(saved.fields.map((f) => f.field));
  const limited = { ...fresh, fields: fresh.fields.filter((f) => names.has(f.field)) };
  if ((fresh.kind === "update" || fresh.kind === "reactivate") && fresh.variants) {
    const savedVariants = saved.kind === "update" || saved.kind === "reactivate" ? (saved.variants ?? []) : [];
    const keep = new Set(savedVariants.map(canonical));
    return { ...limited, variants: fresh.variants.filter((v) => keep.has(canonical(v))) } as Change;
  }
  return limited;
}

/** Why `saved` has another effect than `fresh` (same SKU and listing), or undefined when it has the same. */
function differences(saved: Change, fresh: Change): Text | undefined {
  if (saved.kind !== fresh.kind) return otherKind(saved, fresh);
  if (saved.kind === "create" && fresh.kind === "create") return productDifference(saved.product, fresh.product);
  if (saved.kind === "create" || fresh.kind === "create") return otherKind(saved, fresh);
  if (saved.kind === "deactivate" && fresh.kind === "deactivate" && saved.reason !== fresh.reason) {
    return notAsked({
      id: `katalog menonaktifkannya karena ${REASON_WORDS[fresh.reason].id}, bukan karena ${REASON_WORDS[saved.reason].id}`,
      en: `the catalogue deactivates it because ${REASON_WORDS[fresh.reason].en}, not because ${REASON_WORDS[saved.reason].en}`,
    });
  }
  if ((saved.adopt ?? false) !== (fresh.adopt ?? false)) {
    return notAsked({
      id: saved.adopt ? "katalog tidak mengambil alih produk ini" : "katalog mengambil alih produk ini (--adopt)",
      en: saved.adopt ? "the catalogue does not adopt this listing" : "the catalogue adopts this listing (--adopt)",
    });
  }
  for (const field of saved.fields) {
    const wanted = fresh.fields.find((f) => f.field === field.field);
    if (!wanted) {
      return notAsked({
        id: `katalog tidak mengubah ${FIELD_LABELS[field.field].id} (${value(field.field, field.to, "id")} diminta rencana)`,
        en: `the catalogue does not change ${FIELD_LABELS[field.field].en} (the plan asks for ${value(field.field, field.to, "en")})`,
      });
    }
    if (canonical(wanted.to) !== canonical(field.to)) return valueDifference(field.field, field.to, wanted.to);
  }
  const savedVariants = saved.kind !== "deactivate" ? (saved.variants ?? []) : [];
  const freshVariants = new Set((fresh.kind !== "deactivate" ? (fresh.variants ?? []) : []).map(canonical));
  const odd = savedVariants.find((v) => !freshVariants.has(canonical(v)));
  if (odd) {
    return notAsked({ id: `katalog tidak meminta perubahan varian ${odd.sku} ini`, en: `the catalogue does not ask for this change of variant ${odd.sku}` });
  }
  return undefined;
}

/** A create: its product's listing values against the catalogue row's. */
function productDifference(saved: DesiredProduct, fresh: DesiredProduct): Text | undefined {
  for (const [field, key] of PRODUCT_KEYS) {
    if (canonical(saved[key]) !== canonical(fresh[key])) return valueDifference(field, saved[key], fresh[key]);
  }
  const savedVariants = (saved.variants ?? []).map(variantValues);
  const freshVariants = (fresh.variants ?? []).map(variantValues);
  if (canonical([...savedVariants].sort()) !== canonical([...freshVariants].sort())) {
    const odd = saved.variants?.find((_v, i) => !freshVariants.includes(savedVariants[i] ?? "")) ?? fresh.variants?.find((_v, i) => !savedVariants.includes(freshVariants[i] ?? ""));
    const sku = odd?.sku ?? saved.sku;
    return notAsked({ id: `varian ${sku} tidak sama dengan di katalog`, en: `variant ${sku} is not as in the catalogue` });
  }
  if (saved.status !== fresh.status) {
    const word = (s: string): Text => (s === "inactive" ? { id: "nonaktif", en: "inactive" } : { id: "aktif", en: "active" });
    return notAsked({
      id: `status ${word(saved.status).id} bukan ${word(fresh.status).id} dari katalog`,
      en: `status ${word(saved.status).en} is not the catalogue's ${word(fresh.status).en}`,
    });
  }
  return undefined;
}

/** A variant as the marketplace gets it (its row's place left out). */
const variantValues = (v: NonNullable<DesiredProduct["variants"]>[number]): string =>
  canonical({ sku: v.sku, options: v.options, price: v.price, stock: v.stock, weight: v.weight, images: v.images, status: v.status });

/** Listing fields as a create's product holds them (the category as its resolved id). */
const PRODUCT_KEYS: readonly (readonly [ListingField, keyof DesiredProduct])[] = [
  ["name", "name"],
  ["description", "description"],
  ["price", "price"],
  ["stock", "stock"],
  ["weight", "weight"],
  ["category", "categoryId"],
  ["condition", "condition"],
  ["min_order", "min_order"],
  ["etalase", "etalase"],
  ["images", "images"],
];

const value = (field: ListingField, v: unknown, lang: Lang): string => formatFieldValue(field, v, lang);

function valueDifference(field: ListingField, saved: unknown, fresh: unknown): Text {
  const label = FIELD_LABELS[field];
  if (value(field, saved, "en") === value(field, fresh, "en")) {
    // Shown alike (photos by count, long text shortened) but not the same.
    return notAsked({ id: `${label.id} tidak sama dengan di katalog`, en: `${label.en} is not as in the catalogue` });
  }
  return notAsked({
    id: `${label.id} ${value(field, saved, "id")} bukan ${value(field, fresh, "id")} dari katalog`,
    en: `${label.en} ${value(field, saved, "en")} is not the catalogue's ${value(field, fresh, "en")}`,
  });
}

/** What a change does, as "asks to X, not to Y" reads it. */
const KIND_WORDS: Record<Change["kind"], Text> = {
  create: { id: "membuatnya", en: "create it" },
  update: { id: "mengubahnya", en: "update it" },
  deactivate: { id: "menonaktifkannya", en: "deactivate it" },
  reactivate: { id: "mengaktifkannya lagi", en: "reactivate it" },
};

const REASON_WORDS: Record<"pruned" | "catalog-inactive", Text> = {
  pruned: { id: "tidak ada di katalog (--prune)", en: "it is not in the catalogue (--prune)" },
  "catalog-inactive": { id: "barisnya nonaktif", en: "its row says inactive" },
};

const otherKind = (saved: Change, fresh: Change): Text =>
  notAsked({
    id: `katalog meminta ${KIND_WORDS[fresh.kind].id}, bukan ${KIND_WORDS[saved.kind].id}`,
    en: `the catalogue asks to ${KIND_WORDS[fresh.kind].en}, not to ${KIND_WORDS[saved.kind].en}`,
  });

function elsewhere(saved: Change, fresh: Change): Text {
  const where = listingOf(fresh);
  if (where === undefined) return otherKind(saved, fresh);
  return notAsked({
    id: `perubahan katalog untuk SKU ${saved.sku} ada di produk ${where}, bukan ${listingOf(saved) ?? "produk baru"}`,
    en: `the catalogue's change for SKU ${saved.sku} is on listing ${where}, not ${listingOf(saved) ?? "a new one"}`,
  });
}

const notAsked = (detail: Text): Text => ({
  id: `tidak diterapkan: katalog tidak lagi meminta ini (${detail.id})`,
  en: `not applied: the catalogue no longer asks for this (${detail.en})`,
});

const NOT_ASKED: Text = notAsked({ id: "produknya sudah sesuai katalog", en: "the listing already matches the catalogue" });

const TWICE: Text = {
  id: "tidak diterapkan: perubahan ini tertulis dua kali di rencana (hanya yang pertama dikirim)",
  en: "not applied: this change is in the plan twice (only the first one is sent)",
};

const noSuchSku = (sku: string): Text => ({
  id: `tidak diterapkan: katalog tidak punya SKU ${sku}`,
  en: `not applied: the catalogue has no SKU ${sku}`,
});

/** An error about the row of `sku` (a name clash names the row in `row`, the other listing in `sku`). */
const errorOf = (sku: string, issues: readonly Issue[]): Issue | undefined =>
  issues.find((i) => i.severity === "error" && (i.args?.row !== undefined ? i.args.row === sku : i.args?.sku === sku));

function rowWithErrors(sku: string, issues: readonly Issue[]): Text {
  const issue = errorOf(sku, issues);
  const where = issue ? ` (${issue.code}${issue.line !== undefined ? `, ${issue.file}:${issue.line}` : ""})` : "";
  return {
    id: `tidak diterapkan: baris SKU ${sku} di katalog sekarang salah${where}; lihat \`desbumi sync --dry-run\``,
    en: `not applied: the catalogue row of SKU ${sku} has errors now${where}; see \`desbumi sync --dry-run\``,
  };
}

/** JSON with sorted keys: values read back from a plan file and computed ones compare equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
