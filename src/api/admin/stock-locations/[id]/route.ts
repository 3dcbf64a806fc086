import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteStockLocationsWorkflow, updateStockLocationsWorkflow } from "../../../../workflows/stock-location/index.ts"
import { checkStockLocationFields, retrieveStockLocation } from "../helpers.ts"
import type { AdminUpdateStockLocation } from "../validators.ts"

type StockLocationParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as StockLocationParams
  res.json({ stock_location: await retrieveStockLocation(req.scope, id, req.queryConfig.fields) })
}

/** Updates a location; `address` changes its address in place (or gives it one). */
export const POST = async (req: AgoraRequest<AdminUpdateStockLocation>, res: AgoraResponse) => {
  const { id } = req.params as StockLocationParams
  await retrieveStockLocation(req.scope, id, ["id"])
  checkStockLocationFields(req.scope, req.queryConfig.fields)
  await updateStockLocationsWorkflow(req.scope).run({ input: { updates: [{ ...req.validatedBody, id }] } })
  res.json({ stock_location: await retrieveStockLocation(req.scope, id, req.queryConfig.fields) })
}

/** Deletes a location with its fulfillment sets (their zones and shipping options) and links. */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as StockLocationParams
  await deleteStockLocationsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "stock_location", deleted: true })
}
