import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStockLocationsWorkflow } from "../../../workflows/stock-location/index.ts"
import { checkStockLocationFields, retrieveStockLocation } from "./helpers.ts"
import type { AdminCreateStockLocation, AdminGetStockLocationsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetStockLocationsParams>, res: AgoraResponse) => {
  const { data: stock_locations, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "stock_location",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ stock_locations, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

/** Creates a warehouse or store holding stock, with its address. */
export const POST = async (req: AgoraRequest<AdminCreateStockLocation>, res: AgoraResponse) => {
  checkStockLocationFields(req.scope, req.queryConfig.fields)
  const { result } = await createStockLocationsWorkflow(req.scope).run({ input: { locations: [req.validatedBody] } })
  res.json({ stock_location: await retrieveStockLocation(req.scope, result[0]!.id, req.queryConfig.fields) })
}
