import type { AgoraRequest, AgoraResponse } from "../../../../../../../framework/http/index.ts"
import { markOrderFulfillmentAsDeliveredWorkflow } from "../../../../../../../workflows/order/workflows/mark-order-fulfillment-delivered.ts"
import { assertOrderFields, retrieveOrder } from "../../../../../../utils/read-orders.ts"

type Params = { id: string; fulfillment_id: string }

/** Marks a fulfillment of the order delivered. */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id, fulfillment_id } = req.params as Params
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  await markOrderFulfillmentAsDeliveredWorkflow(req.scope).run({ input: { order_id: id, fulfillment_id } })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
