/** Events of the order flows, with Medusa's names. Each carries `{ id }` unless noted. */
export const OrderEvents = {
  PLACED: "order.placed",
  CANCELED: "order.canceled",
  COMPLETED: "order.completed",
  /** `{ order_id, fulfillment_id, no_notification }` */
  FULFILLMENT_CREATED: "order.fulfillment_created",
} as const

export const PaymentEvents = {
  CAPTURED: "payment.captured",
} as const
