// Each row's attributes as the target would be sent them (MarketplaceAdapter.sentAttributes), kept
// on the product so the pure diff can compare them with what the listing reads back.
import type { DesiredProduct } from "../plan/types.js";

export type SentAttributesOf = (product: DesiredProduct) => Promise<Record<string, string> | undefined>;

/** The products with `sentAttributes` where the adapter has an answer (category lookups are cached per run by the adapters). */
export async function withSentAttributes(products: readonly DesiredProduct[], sentOf: SentAttributesOf): Promise<DesiredProduct[]> {
  return Promise.all(
    products.map(async (product) => {
      if (product.categoryId === "") return product;
      const sent = await sentOf(product);
      return sent === undefined ? product : { ...product, sentAttributes: sent };
    }),
  );
}
