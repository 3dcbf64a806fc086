import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { StoreGetRegionsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, StoreGetRegionsParams>, res: AgoraResponse) => {
  const { data: regions, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "region",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ regions, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}
