import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import PaymentModule from "../modules/payment/index.ts"

/** The one payment collection a cart is paid through (`cart.payment_collection`, `payment_collection.cart`). */
export default defineLink(CartModule.linkable.cart, PaymentModule.linkable.paymentCollection, {
  database: { table: "cart_payment_collection", idPrefix: "capaycol" },
})
