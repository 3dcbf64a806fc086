import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { createLocationFulfillmentSetWorkflow } from "../../../../../workflows/stock-location/index.ts"
import { checkStockLocationFields, retrieveStockLocation } from "../../helpers.ts"
import type { AdminCreateStockLocationFulfillmentSet } from "../../validators.ts"

/** Creates a shipping or pickup fulfillment set served from the location (ask `fields=*fulfillment_sets` to read it). */
export const POST = async (req: AgoraRequest<AdminCreateStockLocationFulfillmentSet>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  checkStockLocationFields(req.scope, req.queryConfig.fields)
  await createLocationFulfillmentSetWorkflow(req.scope).run({ input: { location_id: id, fulfillment_set_data: req.validatedBody } })
  res.json({ stock_location: await retrieveStockLocation(req.scope, id, req.queryConfig.fields) })
}
