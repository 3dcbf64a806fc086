import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { linkFulfillmentProvidersToStockLocationWorkflow } from "../../../../../workflows/stock-location/index.ts"
import { checkStockLocationFields, retrieveStockLocation } from "../../helpers.ts"
import type { AdminBatchLink } from "../../validators.ts"

/** Adds and removes the fulfillment providers the location ships through (e.g. `manual_manual`). */
export const POST = async (req: AgoraRequest<AdminBatchLink>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  checkStockLocationFields(req.scope, req.queryConfig.fields)
  await linkFulfillmentProvidersToStockLocationWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  res.json({ stock_location: await retrieveStockLocation(req.scope, id, req.queryConfig.fields) })
}
