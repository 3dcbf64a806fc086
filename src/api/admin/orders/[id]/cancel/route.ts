import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { cancelOrderWorkflow } from "../../../../../workflows/order/workflows/cancel-order.ts"
import { assertOrderFields, retrieveOrder } from "../../../../utils/read-orders.ts"

/** Cancels an order with no active fulfillment: its stock is released and its payments given back. */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  await cancelOrderWorkflow(req.scope).run({ input: { order_id: id } })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
