import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { createOrderFulfillmentWorkflow } from "../../../../../workflows/order/workflows/create-fulfillment.ts"
import { assertOrderFields, retrieveOrder } from "../../../../utils/read-orders.ts"
import type { AdminCreateFulfillment } from "../../validators.ts"

/** Fulfils some of an order's lines: their reserved units leave the stock. */
export const POST = async (req: AgoraRequest<AdminCreateFulfillment>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  const { items, location_id, shipping_option_id, no_notification, metadata } = req.validatedBody
  await createOrderFulfillmentWorkflow(req.scope).run({
    input: {
      order_id: id,
      items,
      location_id: location_id ?? undefined,
      shipping_option_id: shipping_option_id ?? undefined,
      no_notification,
      metadata,
      created_by: req.auth_context?.actor_id,
    },
  })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
