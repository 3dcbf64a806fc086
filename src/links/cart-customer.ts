import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import CustomerModule from "../modules/customer/index.ts"

/** A cart's customer, named by its `customer_id` (`cart.customer`): read-only, as Medusa's. */
export default defineLink({ linkable: CartModule.linkable.cart, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
