// A marketplace's listing rules, used by validation offline (before any credentials exist).
// Each adapter definition carries its own; Tokopedia's are the default.

export interface MarketplaceRules {
  nameMaxLength: number;
  descriptionMaxLength: number;
  priceMin: number;
  priceMax: number;
  stockMin: number;
  stockMax: number;
  minOrderMin: number;
  minOrderMax: number;
  weightMinGrams: number;
  weightMaxGrams: number;
  imagesMin: number;
  imagesMax: number;
  skuMaxLength: number;
  /** Names must be unique within a shop. */
  uniqueNames: boolean;
  /**
   * Every product needs a description (the bulk-upload template's `Deskripsi Produk*`): an empty
   * cell is REQUIRED_VALUE_MISSING, no description column is MISSING_COLUMN. Default false.
   */
  descriptionRequired?: boolean;
  /**
   * Category cells must be numeric marketplace category codes (a file export cannot look names
   * up): a name is CATEGORY_NOT_FOUND with args.need = "code". Default false (names are resolved
   * against the marketplace's category tree at sync time).
   */
  categoryCodesOnly?: boolean;
  // ---- catalogue v2 (issue 14); absent = no such rule for this marketplace.
  /** Shortest title allowed (TikTok Shop ID: 25). */
  nameMinLength?: number;
  /** Variants: absent or 0 = the marketplace (or adapter) cannot take variants: such products are refused, located. */
  maxOptionTypes?: number;
  /** SKUs per product with variants. */
  maxVariants?: number;
  /** Longest option name (`Ukuran`), in characters; absent = no such rule (Shopee 14, TikTok Shop 20). */
  optionNameMaxLength?: number;
  /** Longest option value (`Merah Marun`), in characters; absent = no such rule (Shopee 20, TikTok Shop 50). */
  optionValueMaxLength?: number;
  /** Photo rules checked offline on local files (and downloaded URL photos). */
  photo?: PhotoRules;
  /** Marketplace family for per-marketplace columns (`Harga (Shopee)`): "tiktok-shop", "shopee", "tokopedia". */
  family?: string;
}

export interface PhotoRules {
  minPx: number;
  maxPx: number;
  maxBytes: number;
  formats: readonly ("image/jpeg" | "image/png" | "image/webp")[];
  /**
   * How the marketplace carries variant photos (src/photos/variant-photos.ts): per value of the
   * first option (`first-option`, Shopee) or of any one option (`one-option`, TikTok Shop), every
   * value needing one once any has. Absent = each variant keeps its own photo.
   */
  variantPhotos?: "first-option" | "one-option";
}

/**
 * Tokopedia seller API rules (shared/reference/tokopedia-seller-api.md section 6).
 * NOTE: stock max is not settled in the docs (1000 in the API text, 999,999 in the bulk template);
 * we take the template's, which the API accepts in practice for "0 = always available" shops too.
 */
export const TOKOPEDIA_RULES: MarketplaceRules = {
  nameMaxLength: 70,
  descriptionMaxLength: 2000,
  priceMin: 100,
  priceMax: 100_000_000,
  stockMin: 0,
  stockMax: 999_999,
  minOrderMin: 1,
  minOrderMax: 9_999,
  weightMinGrams: 1,
  weightMaxGrams: 500_000,
  imagesMin: 1,
  imagesMax: 5,
  skuMaxLength: 50,
  uniqueNames: true,
  // NOTE: no variants (reference section 5.2): the API's variant block takes the category's variant
  // ids and unit values from get_variant (`Ukuran Pakaian` -> XS..XXL), never free-text options, and
  // this retired API is not written with them. A row with variants is VARIANTS_NOT_SUPPORTED, located.
  maxOptionTypes: 0,
  maxVariants: 0,
};

export const DEFAULT_RULES = TOKOPEDIA_RULES;
