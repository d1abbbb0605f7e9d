// Field rules of reference §6, checked per product; each broken rule is one message in the row's
// `error` list. Also turns decoded fields into a stored listing (create) or a changed one (edit).
import type { CategoryIndex } from "./categories.js";
import type { ProductFields } from "./product-input.js";
import { isNameTaken, isSkuTaken, keyOf, type ShopState } from "./state.js";
import type { MockListing } from "./types.js";

export const NAME_MAX = 70;
export const DESCRIPTION_MAX = 2000;
export const SKU_MAX = 50;
export const PRICE_MIN = 100;
export const PRICE_MAX = 100_000_000;
export const PICTURES_MAX = 5;
export const MIN_ORDER_MAX = 9999;
export const WEIGHT_GRAMS_MAX = 500_000;
export const DEFAULT_MAX_STOCK = 999_999;

const WRITE_STATUSES = ["LIMITED", "UNLIMITED", "EMPTY"];
const CONDITIONS: Record<string, 1 | 2> = { NEW: 1, USED: 2 };
// NOTE (issue 13.17): units are matched exactly as the reference spells them (GR, KG), and the
// weight must come to a whole number of grams: 0.0006 KG is refused instead of being stored as 1 g.
const WEIGHT_UNITS: Record<string, number> = { GR: 1, KG: 1000 };

export interface RuleContext {
  shop: ShopState;
  categories: CategoryIndex;
  maxStock: number;
}

const notAllowed = (field: string, value: unknown, why: string): string =>
  `Value [${String(value)}] of field [${field}] is not allowed, ${why}`;
const empty = (field: string): string => `Field [${field}] should not be empty`;
const alreadyUsed = (field: string, value: string): string =>
  `Value [${value}] of field [${field}] is already used, please use different value`;

export const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

/** Exact grams, or NaN when the weight is not a whole number of grams in that unit. */
export function weightInGrams(weight: number, unit: string | undefined): number {
  const grams = weight * (WEIGHT_UNITS[unit ?? "GR"] ?? Number.NaN);
  const whole = Math.round(grams);
  // A KG value such as 0.3 is 300.00000000000006 g in binary floating point: allow that much.
  return Math.abs(grams - whole) <= 1e-6 * Math.max(1, Math.abs(grams)) ? whole : Number.NaN;
}

/** Rules on the fields present; `current` is the listing being edited (undefined on create). */
function checkPresent(f: ProductFields, ctx: RuleContext, current: MockListing | undefined): string[] {
  const errors: string[] = [];
  const selfId = current?.productId;
  if (f.hasVariant) errors.push("Variant products are not supported by this shop (desbumi mock)");
  if (f.name !== undefined) {
    const name = f.name.trim();
    if (keyOf(name) === "") errors.push(empty("name"));
    else if ([...name].length > NAME_MAX) errors.push(`Field [name] must be at most ${NAME_MAX} characters, got ${[...name].length}`);
    else if (isNameTaken(ctx.shop, name, selfId)) errors.push(alreadyUsed("name", f.name));
  }
  if (f.description !== undefined && [...f.description].length > DESCRIPTION_MAX) {
    errors.push(`Field [description] must be at most ${DESCRIPTION_MAX} characters, got ${[...f.description].length}`);
  }
  if (f.sku !== undefined && f.sku.trim() !== "") {
    if ([...f.sku.trim()].length > SKU_MAX) errors.push(`Field [sku] must be at most ${SKU_MAX} characters, got ${[...f.sku.trim()].length}`);
    else if (isSkuTaken(ctx.shop, f.sku, selfId)) errors.push(alreadyUsed("sku", f.sku));
  }
  if (f.price !== undefined && (f.price < PRICE_MIN || f.price > PRICE_MAX)) {
    errors.push(notAllowed("price", f.price, `must be between ${PRICE_MIN} and ${PRICE_MAX}`));
  }
  if (f.priceCurrency !== undefined && f.priceCurrency.toUpperCase() !== "IDR") {
    errors.push(notAllowed("price_currency", f.priceCurrency, "this shop sells in IDR"));
  }
  if (f.stock !== undefined && (f.stock < 0 || f.stock > ctx.maxStock)) {
    errors.push(notAllowed("stock", f.stock, `must be between 0 and ${ctx.maxStock}`));
  }
  if (f.status !== undefined && !WRITE_STATUSES.includes(f.status.toUpperCase())) {
    errors.push(notAllowed("status", f.status, "use LIMITED, UNLIMITED or EMPTY"));
  }
  if (f.minOrder !== undefined && (f.minOrder < 1 || f.minOrder > MIN_ORDER_MAX)) {
    errors.push(notAllowed("min_order", f.minOrder, `must be between 1 and ${MIN_ORDER_MAX}`));
  }
  if (f.condition !== undefined && !(f.condition.toUpperCase() in CONDITIONS)) {
    errors.push(notAllowed("condition", f.condition, "use NEW or USED"));
  }
  if (f.weightUnit !== undefined && !Object.hasOwn(WEIGHT_UNITS, f.weightUnit)) {
    errors.push(notAllowed("weight_unit", f.weightUnit, "use GR or KG"));
  } else if (f.weight !== undefined) {
    const grams = weightInGrams(f.weight, f.weightUnit);
    if (Number.isNaN(grams)) {
      errors.push(notAllowed("weight", f.weight, `must be a whole number of grams (${f.weightUnit ?? "GR"})`));
    } else if (f.weight <= 0 || grams < 1 || grams > WEIGHT_GRAMS_MAX) {
      errors.push(notAllowed("weight", f.weight, `must be between 1 and ${WEIGHT_GRAMS_MAX} grams`));
    }
  }
  if (f.categoryId !== undefined) {
    if (!ctx.categories.allIds.has(f.categoryId)) errors.push(`Category [${f.categoryId}] not found`);
    else if (!ctx.categories.leaves.has(f.categoryId)) {
      errors.push(`Category [${f.categoryId}] is not a leaf category, please use its deepest sub-category`);
    }
  }
  if (f.pictures !== undefined) {
    if (f.pictures.length < 1 || f.pictures.length > PICTURES_MAX) {
      errors.push(`Field [pictures] must have 1 to ${PICTURES_MAX} pictures, got ${f.pictures.length}`);
    }
    f.pictures.forEach((url, i) => {
      if (!isHttpUrl(url)) errors.push(notAllowed(`pictures[${i}].file_path`, url, "must be an http(s) image URL"));
    });
  }
  if (typeof f.etalaseId === "number" && !ctx.shop.etalase.some((e) => e.id === f.etalaseId)) {
    errors.push(`Etalase [${f.etalaseId}] not found in this shop`);
  }
  if (f.wholesale !== undefined) {
    const base = f.price ?? current?.price ?? Number.POSITIVE_INFINITY;
    let prev = { minQty: 1, price: base };
    for (const w of f.wholesale) {
      if (w.minQty <= prev.minQty || w.price >= prev.price || w.price < PRICE_MIN) {
        errors.push("Field [wholesale] needs increasing min_qty (from 2) and decreasing prices below the base price");
        break;
      }
      prev = w;
    }
  }
  if (f.dimension) {
    const { height, width, length } = f.dimension;
    if ([height, width, length].some((n) => n <= 0)) errors.push("Field [dimension] needs height, width and length above 0");
  }
  return errors;
}

// The official create table also requires price_currency, min_order and weight_unit; the mock
// defaults them (IDR, 1, GR) rather than rejecting: each has one sensible value for a village shop.
const CREATE_REQUIRED: [string, (f: ProductFields) => unknown][] = [
  ["name", (f) => f.name],
  ["category_id", (f) => f.categoryId],
  ["price", (f) => f.price],
  ["status", (f) => f.status],
  ["weight", (f) => f.weight],
  ["condition", (f) => f.condition],
  ["pictures", (f) => f.pictures],
];

export function checkCreate(f: ProductFields, ctx: RuleContext): string[] {
  const missing = CREATE_REQUIRED.filter(([, get]) => get(f) === undefined).map(([wire]) => empty(wire));
  return [...missing, ...checkPresent(f, ctx, undefined)];
}

export function checkEdit(f: ProductFields, current: MockListing, ctx: RuleContext): string[] {
  return checkPresent(f, ctx, current);
}

// NOTE: LIMITED/UNLIMITED/EMPTY describe stock, not visibility: EMPTY puts the product in the
// warehouse (3); the other two leave an edited product's active/inactive state alone (use the
// active/inactive endpoints for that).
const readStatusOf = (writeStatus: string | undefined, fallback: 0 | 1 | 3): 0 | 1 | 3 =>
  writeStatus?.toUpperCase() === "EMPTY" ? 3 : fallback;

export function buildListing(f: ProductFields, productId: number, shopId: number, nowUnix: number): MockListing {
  return {
    productId,
    shopId,
    name: (f.name ?? "").trim(),
    description: f.description ?? "",
    sku: (f.sku ?? "").trim(),
    price: f.price ?? PRICE_MIN,
    stock: f.stock ?? 0,
    status: readStatusOf(f.status, 1),
    condition: CONDITIONS[(f.condition ?? "NEW").toUpperCase()] ?? 1,
    categoryId: f.categoryId ?? 0,
    weightGrams: weightInGrams(f.weight ?? 1, f.weightUnit),
    minOrder: f.minOrder ?? 1,
    etalaseId: f.etalaseId ?? null,
    pictures: f.pictures ?? [],
    wholesale: f.wholesale ?? [],
    dimension: f.dimension ?? null,
    isEmptiedByStock: false,
    createdUnix: nowUnix,
    updatedUnix: nowUnix,
  };
}

/** Only the fields sent change (reference §5.4). */
export function applyEdit(current: MockListing, f: ProductFields, nowUnix: number): MockListing {
  const next: MockListing = { ...current, updatedUnix: nowUnix };
  if (f.name !== undefined) next.name = f.name.trim();
  if (f.description !== undefined) next.description = f.description;
  if (f.sku !== undefined) next.sku = f.sku.trim();
  if (f.price !== undefined) next.price = f.price;
  if (f.stock !== undefined) next.stock = f.stock;
  if (f.status !== undefined) next.status = readStatusOf(f.status, current.status);
  if (f.minOrder !== undefined) next.minOrder = f.minOrder;
  if (f.categoryId !== undefined) next.categoryId = f.categoryId;
  if (f.condition !== undefined) next.condition = CONDITIONS[f.condition.toUpperCase()] ?? current.condition;
  if (f.weight !== undefined) next.weightGrams = weightInGrams(f.weight, f.weightUnit);
  if (f.pictures !== undefined) next.pictures = f.pictures;
  if (f.etalaseId !== undefined) next.etalaseId = f.etalaseId;
  if (f.wholesale !== undefined) next.wholesale = f.wholesale;
  if (f.dimension !== undefined) next.dimension = f.dimension;
  return next;
}
