import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { completeOrderWorkflow } from "../../../../../workflows/order/workflows/complete-orders.ts"
import { assertOrderFields, retrieveOrder } from "../../../../utils/read-orders.ts"
import type { AdminCompleteOrder } from "../../validators.ts"

/** Marks an order completed (a canceled one is refused). */
export const POST = async (req: AgoraRequest<AdminCompleteOrder>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  // A bad `fields` is refused before the write, not after it.
  assertOrderFields(req.scope, req.queryConfig.fields)
  await completeOrderWorkflow(req.scope).run({ input: { orderIds: [id] } })
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
