import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import ProductModule from "../modules/product/index.ts"

/** A cart line's product, named by its `product_id` (`cart_line_item.product`): read-only, as Medusa's. */
export default defineLink({ linkable: CartModule.linkable.cartLineItem, field: "product_id" }, ProductModule.linkable.product, { readOnly: true })
