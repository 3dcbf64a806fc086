import type { AgoraRequest, AgoraResponse } from "../../../../../../../framework/http/index.ts"
import { createOrderShipmentWorkflow } from "../../../../../../../workflows/order/workflows/create-order-shipment.ts"
import { assertOrderFields, retrieveOrder } from "../../../../../../utils/read-orders.ts"
import type { AdminCreateShipment } from "../../../../validators.ts"

type Params = { id: string; fulfillment_id: string }

/** Ships a fulfillment of the order, with its tracking labels. */
export const POST = async (req: AgoraRequest<AdminCreateShipment>, res: AgoraResponse) => {
  const { id, fulfillment_id } = req.params as Params
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  const { items, labels, no_notification } = req.validatedBody
  await createOrderShipmentWorkflow(req.scope).run({
    input: { order_id: id, fulfillment_id, items, labels, no_notification, created_by: req.auth_context?.actor_id },
  })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
