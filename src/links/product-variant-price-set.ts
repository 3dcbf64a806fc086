import { defineLink } from "../framework/modules/index.ts"
import PricingModule from "../modules/pricing/index.ts"
import ProductModule from "../modules/product/index.ts"

/**
 * A variant's prices live in one price set (`product_variant.price_set`, `price_set.product_variant`);
 * deleting the variant deletes its price set. Table and id prefix as Medusa's, and Medusa's
 * shortcut: `variants.prices.*` in Query reads the prices of the variant's price set.
 */
export default defineLink(
  { linkable: ProductModule.linkable.productVariant, deleteCascade: true },
  PricingModule.linkable.priceSet,
  { database: { table: "product_variant_price_set", idPrefix: "pvps" }, fieldAlias: { prices: "price_set.prices" } },
)
