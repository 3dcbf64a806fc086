import { defineLink } from "../framework/modules/index.ts"
import CustomerModule from "../modules/customer/index.ts"
import OrderModule from "../modules/order/index.ts"

/** An order's customer, named by its `customer_id` (`order.customer`): read-only, as Medusa's. */
export default defineLink({ linkable: OrderModule.linkable.order, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
