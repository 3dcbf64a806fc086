import { defineLink } from "../framework/modules/index.ts"
import ProductModule from "../modules/product/index.ts"
import SalesChannelModule from "../modules/sales-channel/index.ts"

/**
 * The sales channels a product is sold in (`product.sales_channels`, `sales_channel.products`);
 * the store lists a product only in the channels of its publishable key. Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: ProductModule.linkable.product, isList: true },
  { linkable: SalesChannelModule.linkable.salesChannel, isList: true },
  { database: { table: "product_sales_channel", idPrefix: "prodsc" } },
)
