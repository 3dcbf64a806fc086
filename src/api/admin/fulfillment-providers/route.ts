import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"
import type { AdminGetFulfillmentProvidersParams } from "./validators.ts"

/** The configured fulfillment providers (`manual_manual` at least); `stock_location_id` narrows to those a location ships through. */
export const GET = async (req: AgoraRequest<unknown, AdminGetFulfillmentProvidersParams>, res: AgoraResponse) => {
  // The module records its configured providers when first used: make sure it has, then read them.
  await req.scope.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).listFulfillmentProviders({}, { take: 1 })
  const { stock_location_id, ...filters } = req.filterableFields
  const { data: fulfillment_providers, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "fulfillment_provider",
    fields: req.queryConfig.fields,
    filters: { ...filters, ...(stock_location_id === undefined ? {} : { stock_locations: { id: stock_location_id } }) },
    pagination: req.queryConfig.pagination,
  })
  res.json({ fulfillment_providers, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}
