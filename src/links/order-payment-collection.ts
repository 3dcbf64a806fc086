import { defineLink } from "../framework/modules/index.ts"
import OrderModule from "../modules/order/index.ts"
import PaymentModule from "../modules/payment/index.ts"

/**
 * The payment collections of an order (`order.payment_collections`, `payment_collection.order`);
 * deleting the order deletes them. Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, deleteCascade: true },
  { linkable: PaymentModule.linkable.paymentCollection, isList: true },
  { database: { table: "order_payment_collection", idPrefix: "ordpay" } },
)
