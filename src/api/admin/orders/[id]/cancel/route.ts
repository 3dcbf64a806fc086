import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { cancelOrderWorkflow } from "../../../../../workflows/order/workflows/cancel-order.ts"
import { retrieveOrder } from "../../../../utils/read-orders.ts"

/** Cancels an order with no active fulfillment: its stock is released and its payments given back. */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await cancelOrderWorkflow(req.scope).run({ input: { order_id: id } })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
