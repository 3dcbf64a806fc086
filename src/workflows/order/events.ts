/** Events of the order flows, with Medusa's names. Each carries `{ id }` unless noted. */
export const OrderEvents = {
  PLACED: "order.placed",
  CANCELED: "order.canceled",
  COMPLETED: "order.completed",
  /** `{ order_id, fulfillment_id, no_notification }` */
  FULFILLMENT_CREATED: "order.fulfillment_created",
  /** `{ order_id, fulfillment_id, no_notification }` */
  FULFILLMENT_CANCELED: "order.fulfillment_canceled",
} as const

/** Events of a fulfillment's progress, with Medusa's names: `{ id, no_notification }` of the fulfillment. */
export const FulfillmentEvents = {
  SHIPMENT_CREATED: "shipment.created",
  DELIVERY_CREATED: "delivery.created",
} as const

export const PaymentEvents = {
  CAPTURED: "payment.captured",
} as const
