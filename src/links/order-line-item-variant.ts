import { defineLink } from "../framework/modules/index.ts"
import OrderModule from "../modules/order/index.ts"
import ProductModule from "../modules/product/index.ts"

/** An order line's variant, named by its `variant_id` (`order_line_item.variant`): read-only, as Medusa's. */
export default defineLink(
  { linkable: OrderModule.linkable.orderLineItem, field: "variant_id" },
  { linkable: ProductModule.linkable.productVariant, alias: "variant" },
  { readOnly: true },
)
