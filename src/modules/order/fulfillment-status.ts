export type FulfillmentStatus =
  | "not_fulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "partially_shipped"
  | "shipped"
  | "partially_delivered"
  | "delivered"
  | "canceled"

export type FulfillmentProgress = {
  packed_at: Date | string | null
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
}

export type FulfillableItem = { quantity: number; detail: { fulfilled_quantity: number } }

/**
 * An order's fulfilment status, aggregated as Medusa does: each fulfilment counts once, at its furthest
 * step (canceled, then delivered, shipped, packed); a step is reached in full when every fulfilment that
 * is not canceled reached it and no line is left unfulfilled, else in part.
 */
export function computeFulfillmentStatus(order: {
  fulfillments: readonly FulfillmentProgress[]
  items: readonly FulfillableItem[]
}): FulfillmentStatus {
  const counts = { canceled: 0, delivered: 0, shipped: 0, fulfilled: 0 }
  for (const fulfillment of order.fulfillments) {
    if (fulfillment.canceled_at) counts.canceled++
    else if (fulfillment.delivered_at) counts.delivered++
    else if (fulfillment.shipped_at) counts.shipped++
    else if (fulfillment.packed_at) counts.fulfilled++
  }
  const active = order.fulfillments.length - counts.canceled
  const hasUnfulfilledItems = order.items.some((item) => item.detail.fulfilled_quantity < item.quantity)
  const reached = (count: number) => count === active && !hasUnfulfilledItems

  if (counts.delivered > 0) return reached(counts.delivered) ? "delivered" : "partially_delivered"
  if (counts.shipped > 0) return reached(counts.shipped) ? "shipped" : "partially_shipped"
  if (counts.fulfilled > 0) return reached(counts.fulfilled) ? "fulfilled" : "partially_fulfilled"
  if (counts.canceled > 0 && counts.canceled === order.fulfillments.length) return "canceled"
  return "not_fulfilled"
}
