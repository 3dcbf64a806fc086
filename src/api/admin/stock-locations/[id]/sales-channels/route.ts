import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { linkSalesChannelsToStockLocationWorkflow } from "../../../../../workflows/stock-location/index.ts"
import { checkStockLocationFields, retrieveStockLocation } from "../../helpers.ts"
import type { AdminBatchLink } from "../../validators.ts"

/** Adds and removes the sales channels that sell from the location (carts check stock there). */
export const POST = async (req: AgoraRequest<AdminBatchLink>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  checkStockLocationFields(req.scope, req.queryConfig.fields)
  await linkSalesChannelsToStockLocationWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  res.json({ stock_location: await retrieveStockLocation(req.scope, id, req.queryConfig.fields) })
}
