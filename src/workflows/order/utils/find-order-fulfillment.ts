import { AgoraError } from "../../../framework/errors/index.ts"
import type { OrderDetail, OrderFulfillmentDetail, OrderModuleService } from "../../../modules/order/index.ts"

/** An open order and one of its fulfillments: not_found for either, not_allowed when the order is canceled. */
export async function findOrderFulfillment(
  orders: OrderModuleService,
  input: { order_id: string; fulfillment_id: string },
): Promise<{ order: OrderDetail; fulfillment: OrderFulfillmentDetail }> {
  const order = await orders.retrieveOrder(input.order_id)
  if (order.status === "canceled") throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Order with id ${order.id} has been canceled.`)
  const fulfillment = order.fulfillments.find((candidate) => candidate.id === input.fulfillment_id)
  if (!fulfillment) {
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `Fulfillment with id: ${input.fulfillment_id} was not found in order ${order.id}`)
  }
  return { order, fulfillment }
}
