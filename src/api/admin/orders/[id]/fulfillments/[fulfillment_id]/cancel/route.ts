import type { AgoraRequest, AgoraResponse } from "../../../../../../../framework/http/index.ts"
import { cancelOrderFulfillmentWorkflow } from "../../../../../../../workflows/order/workflows/cancel-order-fulfillment.ts"
import { assertOrderFields, retrieveOrder } from "../../../../../../utils/read-orders.ts"
import type { AdminCancelFulfillment } from "../../../../validators.ts"

type Params = { id: string; fulfillment_id: string }

/** Cancels a fulfillment that has not shipped: its units are back in stock and held for the order. */
export const POST = async (req: AgoraRequest<AdminCancelFulfillment>, res: AgoraResponse) => {
  const { id, fulfillment_id } = req.params as Params
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  await cancelOrderFulfillmentWorkflow(req.scope).run({
    input: { order_id: id, fulfillment_id, no_notification: req.validatedBody.no_notification },
  })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
