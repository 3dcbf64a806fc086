import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import ProductModule from "../modules/product/index.ts"

/** A cart line's variant, named by its `variant_id` (`cart_line_item.variant`): read-only, as Medusa's. */
export default defineLink(
  { linkable: CartModule.linkable.cartLineItem, field: "variant_id" },
  { linkable: ProductModule.linkable.productVariant, alias: "variant" },
  { readOnly: true },
)
