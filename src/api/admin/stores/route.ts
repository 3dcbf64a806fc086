import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { AdminGetStoresParams } from "./validators.ts"

/** The stores (one in practice: created at start-up), with their default sales channel, region and location. */
export const GET = async (req: AgoraRequest<unknown, AdminGetStoresParams>, res: AgoraResponse) => {
  const { data: stores, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "store",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ stores, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}
