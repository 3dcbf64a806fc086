import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { AdminGetUsersParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetUsersParams>, res: AgoraResponse) => {
  const { data: users, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "user",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ users, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}
