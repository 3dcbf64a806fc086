import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import OrderModule from "../modules/order/index.ts"

/** The cart an order was placed from (`order.cart`, `cart.order`). Table and id prefix as Medusa's. */
export default defineLink(OrderModule.linkable.order, CartModule.linkable.cart, {
  database: { table: "order_cart", idPrefix: "ordercart" },
})
