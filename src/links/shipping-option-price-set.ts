import { defineLink } from "../framework/modules/index.ts"
import FulfillmentModule from "../modules/fulfillment/index.ts"
import PricingModule from "../modules/pricing/index.ts"

/**
 * A shipping option's prices live in one price set (`shipping_option.price_set`,
 * `price_set.shipping_option`); deleting the option deletes its price set. Table and id prefix as Medusa's,
 * and Medusa's shortcut: `prices.*` in Query reads the prices of the option's price set.
 */
export default defineLink(
  // The fulfillment service's type hides its models, so its linkables are an untyped map.
  { linkable: FulfillmentModule.linkable.shippingOption!, deleteCascade: true },
  PricingModule.linkable.priceSet,
  { database: { table: "shipping_option_price_set", idPrefix: "sops" }, fieldAlias: { prices: "price_set.prices" } },
)
